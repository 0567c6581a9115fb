"""Cues: the words that introduce what someone said, and the tests that tell one on a parsed token.

Word lists ("said", "claimed", "according to", "criticism", "critical of"…) and small functions
that look at one spaCy token and its neighbours in the parse: is this a verb of saying, a stance,
a poll's finding, a report noun? :mod:`newslab.layers.quotes.attribution` builds its rules on them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def wordset(words: str) -> frozenset[str]:
    """The words of a space-separated list, as a set."""
    return frozenset(words.split())


# Verbs that introduce what someone said (their lemmas).
SPEECH_VERBS = wordset(
    """say tell add state claim compare argue insist deny explain note write tweet post ask answer reply respond warn
    suggest declare announce acknowledge admit conclude contend maintain assert remark recall observe complain
    caution predict promise pledge vow urge report confirm testify allege emphasize emphasise stress concede
    boast quip joke recount reiterate repeat counter retort agree disagree mention describe indicate reveal
    signal propose recommend threaten demand wonder muse lament charge blast slam accuse criticize
    criticise condemn praise dismiss reject defend blame attack call estimate believe hope fear expect
    continue sing read yell shout comment chant scream rule rate label cite dub term brand liken hail tout
    decry exclaim interject elaborate surmise mutter whisper scoff gush marvel retweet email"""
)
FIRST_SECOND_PERSON = wordset("i we you me us")
REPORT_PREPS = wordset("about of for on against over")
# Verbs of stance and intention: reported statements ("she wants to triple…"), never the cue of a quote.
STANCE_VERBS = wordset(
    "support endorse want plan oppose seek intend decline refuse apologize point refer reference second"
    " question dispute express outline detail unveil highlight speak talk rail brag rant"
    " offer back promote echo mock invoke encourage ridicule lambast chide scold rebuke denounce applaud"
    " welcome commend challenge champion advocate embrace favor favour"
)
# Verbs whose object (not a clause) is the statement: "denied any interference", "criticised the idea".
OBJECT_VERBS = wordset(
    """deny criticize criticise condemn praise dismiss reject defend blame attack accuse slam blast
    announce acknowledge admit confirm propose recommend demand predict promise pledge vow cite mention
    support endorse want tout oppose describe note claim charge reveal reiterate repeat question dispute
    express outline detail unveil stress emphasize emphasise highlight offer back promote echo mock invoke
    encourage ridicule lambast chide scold rebuke denounce applaud welcome commend challenge champion
    advocate embrace favor favour"""
)
# Verbs that say what someone or something is: "called it a hoax", "described him as a liar".
NAMING_VERBS = wordset(
    "call describe cite label brand dub term characterize characterise portray compare liken deem"
)
NAME_GIVING_VERBS = wordset("nickname proclaim hail chant tout declare rename")
# Verbs that judge only with "as": "sees the closure as “the only safe choice”", "viewed him as a rival".
JUDGING_AS_VERBS = wordset("see view regard")
# Verbs that report a statement only when followed by a clause ("thinks that…", not "thinks").
CLAUSE_ONLY = wordset(
    "believe hope fear expect wonder call describe indicate signal show find know understand realize"
    " realise learn determine decide estimate consider feel worry doubt suspect imply hint assure"
)
# Verbs whose "to"-clause is the statement: "vowed to form a task force".
TO_CLAUSE_VERBS = wordset(
    "promise pledge vow threaten urge call tell ask warn want plan hope expect seek intend agree decline refuse"
)
# What polls and studies do, and the nouns for them: "a new poll shows Clinton ahead".
FINDING_VERBS = wordset("show find indicate suggest")
FINDING_NOUNS = wordset(
    "poll polls polling survey study analysis report research data average averages audit"
)
# Nouns that name the cue itself when used bare after an auxiliary: "Trump had tweet: …".
NOUN_CUES = wordset("tweet tweets")
# Nouns and adjectives that report a statement or a stance through a preposition or a "that" clause:
# "his comment about…", "a supporter of NATO", "her claim that…", "Graham has been critical of Trump".
REPORT_NOUNS = wordset(
    """criticism critic critique supporter support opponent opposition concern comment remark claim
    attack complaint doubt praise warning allegation accusation call demand promise pledge vow statement
    denial admission assertion insistence argument suggestion proposal belief hope fear theory plan
    decision agreement determination intention commitment
    stance assessment prediction plea appeal endorsement condemnation disdain contempt
    dismissal objection announcement message assurance reminder observation explanation threat"""
)
# Report nouns whose "to" clause is what someone means to do: "her plan to…", "its decision to…".
INTENTION_NOUNS = wordset(
    "plan decision agreement determination intention commitment promise pledge vow threat call demand"
)
STANCE_ADJECTIVES = wordset(
    """critical skeptical sceptical supportive concerned worried confident optimistic pessimistic adamant vocal
    coy doubtful hopeful fearful wary proud passionate angry furious upset dismissive enthusiastic opposed
    unhappy happy pleased frustrated nervous"""
)
ATTITUDE_PREPS = wordset("about of on for against over")
# Prepositions that say when or where something was said, not what: "during the debate".
SETTING_PREPS = wordset("during since after before until amid at while")
# What may follow the object of a reporting verb and still belong to the report: "blamed him for…",
# "cited it as…", "unveiled a list of endorsements from 95 generals".
VP_REST = frozenset({"prep", "dative", "oprd", "npadvmod", "conj", "cc", "acl", "relcl", "ccomp"})
# Nouns that name a channel: "in a statement", "in a series of tweets".
CHANNEL_NOUNS = wordset(
    """tweet tweets statement interview post email letter speech video message op-ed column blog release
    briefing conference appearance podcast broadcast show program programme address radio television tv
    series remarks comments testimony hearing rally memo note article essay report filing ad"""
)
CHANNEL_VERBS = {"tweet": "tweet", "post": "post", "write": None, "testify": "testimony"}
TIME_WORDS = wordset(
    "morning afternoon evening night weekend today yesterday monday tuesday wednesday thursday friday saturday sunday"
)
PRONOUNS = wordset("he she they it i we you him her them who his hers")
SUBJECTS = ("nsubj", "nsubjpass", "csubj")

LEMMA_FIXES = {"hop": "hope", "rat": "rate"}


def cue_lemma(token: Token) -> str:
    """The lower-case lemma, with the model's few misreadings of cue verbs put right ("hoped" → hop)."""
    lemma = token.lemma_.lower()
    fixed = LEMMA_FIXES.get(lemma)
    if fixed is not None and token.lower_[: len(lemma) + 1] != lemma + lemma[-1]:  # but "hopped" is hop
        return fixed
    return lemma


def is_cue(token: Token, *, stance: bool = False) -> bool:
    """Whether a word introduces a statement (with ``stance``, also "wants", "supports", "plans"…)."""
    lemma = cue_lemma(token)
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
        if lemma in CLAUSE_ONLY:
            clause = any(c.dep_ == "ccomp" for c in token.children)
            called_for = lemma == "call" and any(
                c.dep_ == "prep"
                and c.lower_ in ("for", "on")
                and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
                for c in token.children
            )
            hoped_for = (
                lemma in TO_CLAUSE_VERBS
                and not passive_without_agent(token)
                and any(c.dep_ == "xcomp" for c in token.children)
            )
            naming = naming_parts(token) is not None  # "called the plan “a disaster”"
            return clause or naming or (stance and (called_for or hoped_for))
        if stance and lemma in STANCE_VERBS:
            return not passive_without_agent(token)
        return lemma in SPEECH_VERBS
    if token.lower_ in NOUN_CUES and not any(c.dep_ == "det" for c in token.children):
        return token.i > 0 and token.nbor(-1).lower_ in ("had", "has", "have")
    return False


def reports_words(verb: Token) -> bool:
    """Whether a verb says, names or judges, so that words quoted under it can be someone's.

    "Lee called him a “serial liar”" and "she referenced “political tensions”" report words; "The
    Post sent its “national enterprise reporter”" and "She would close the “carried interest”
    loophole" are deeds, and their quotation marks are the reporter's.
    """
    if cue_lemma(verb) in JUDGING_AS_VERBS:
        return any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
    return is_cue(verb, stance=True) or cue_lemma(verb) in NAMING_VERBS | NAME_GIVING_VERBS


def passive_without_agent(verb: Token) -> bool:
    """Whether a verb is passive and names no one behind it: "the bridge is expected to reopen" and
    "the stadium is planned to open" say what unnamed others expect or plan, not what the bridge says."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    return passive and not any(c.dep_ == "agent" for c in verb.children)


def coordinated_cue(token: Token) -> bool:
    """Whether a cue the parser hangs on a reported clause belongs with the reporting verb instead.

    "She said the city would close the bridge and suggested…": "suggested" is parsed as coordinated
    with "close", but its tense matches "said", not "would close": she suggested it. When all three
    share a tense, a cue that reports words of its own goes with the reporting verb too: "Lee said it
    was too early but added, “…”".
    """
    head = token.head
    if token.dep_ != "conj" or head.dep_ != "ccomp" or not is_cue(token, stance=True):
        return False
    if any(c.dep_ in SUBJECTS for c in token.children) or not is_cue(head.head):
        return False
    if token.tag_ != head.head.tag_:
        return False
    return head.tag_ != token.tag_ or any(c.dep_ == "ccomp" for c in token.children)


def naming_parts(verb: Token) -> tuple[Token, Token] | None:
    """First and last word of what a naming verb says about its object, if it has that shape.

    "called the charges unsubstantiated", "described the showdown as ominous", "cited it as an
    example", "compared it to working with…", and passive "has been called a charlatan".
    """
    lemma = cue_lemma(verb)
    if lemma not in NAMING_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    preps = ("as", "to", "with") if lemma in ("compare", "liken") else ("as",)
    complements = [
        c
        for c in verb.children
        if c.i > verb.i and (c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in preps))
    ]
    if lemma in ("call", "label", "brand", "dub", "term", "deem") and objects:
        complements += [c for c in objects[0].children if c.dep_ in ("oprd", "appos") and c.i > objects[0].i]
        if len(objects) > 1:  # "called him a liar" parsed as two objects
            complements.append(objects[1])
    complements = [c for c in complements if c.ent_type_ not in ("DATE", "TIME")]
    if not complements:
        return None
    last = max(c.right_edge for c in complements)
    if lemma in ("compare", "liken"):  # "compared it to working with X, on a chemical weapons unit"
        for c in verb.children:
            timed = any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
            if c.dep_ == "prep" and c.i > last.i and c.lower_ in ("on", "over", "about", "for") and not timed:
                last = max(last, c.right_edge, key=lambda t: t.i)
    if objects:
        return objects[0].left_edge, last
    if passive:
        return verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else verb, last
    return None


def is_finding(token: Token) -> bool:
    """Whether a verb reports what a poll, survey or study found ("the poll shows…", "a study found…")."""
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in FINDING_VERBS:
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    return bool(subjects) and subjects[0].lemma_.lower() in FINDING_NOUNS


def is_attitude(token: Token) -> bool:
    """Whether a noun or adjective reports a statement or stance ("claim", "critic", "critical")."""
    if token.pos_ == "NOUN":
        return token.lemma_.lower() in REPORT_NOUNS
    return token.pos_ == "ADJ" and token.lower_ in STANCE_ADJECTIVES


def is_subordinate(verb: Token) -> bool:
    """Whether a verb heads a "when"/"after"/"because" clause: "“…,” when Smith attacked him" does not
    say who spoke."""
    return verb.dep_ == "advcl" and any(
        c.i < verb.i and (c.dep_ == "mark" or c.tag_ == "WRB") for c in verb.children
    )


def held_claim(token: Token) -> bool:
    """Whether a report noun has a "that" clause and an owner who names someone: "Lee's claim that…"."""
    if not is_attitude(token) or token.pos_ != "NOUN":
        return False
    owner = any(c.dep_ == "poss" and names_someone(c) for c in token.children)
    return owner and any(c.dep_ in ("acl", "ccomp") and c.i > token.i for c in token.children)


def names_someone(token: Token) -> bool:
    """Whether a word can name a speaker on its own: a person, an organisation, a name or a pronoun."""
    return (
        token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or token.pos_ == "PROPN"
        or token.lower_ in PRONOUNS
    )


def is_according(token: Token) -> bool:
    return token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "to"


def describes_a_speaker(verb: Token) -> bool:
    """A relative clause on the speaker of another report: "said Ruth Adeyemi, who proposed the plan".

    Its object tells the reader who the speaker is; it is not a second report (a clause still is:
    "the Gazette, which said it would…", and so is a relative clause on anyone else).
    """
    if verb.dep_ != "relcl" or not any(
        child.dep_ in ("nsubj", "nsubjpass") and child.tag_ in ("WP", "WDT") for child in verb.children
    ):
        return False
    speaker = verb.head
    while speaker.dep_ == "appos":  # "said the mayor, Tom Hale, who …"
        speaker = speaker.head
    return speaker.dep_ in ("nsubj", "agent", "pobj") and speaker.head.i != verb.i and is_cue(speaker.head)
