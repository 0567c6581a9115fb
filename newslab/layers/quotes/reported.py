"""Reported (indirect) speech (part of the attribution rules, see ``attribution``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslab.layers.quotes.cues import (
    ATTITUDE_PREPS,
    CHANNEL_NOUNS,
    FINDING_NOUNS,
    FIRST_SECOND_PERSON,
    INTENTION_NOUNS,
    OBJECT_VERBS,
    REPORT_PREPS,
    SETTING_PREPS,
    SPEECH_VERBS,
    SUBJECTS,
    TIME_WORDS,
    TO_CLAUSE_VERBS,
    VP_REST,
    coordinated_cue,
    cue_lemma,
    describes_a_speaker,
    is_according,
    is_attitude,
    is_cue,
    is_finding,
    names_someone,
    naming_parts,
    passive_without_agent,
)
from newslab.layers.quotes.drafts import _Draft
from newslab.layers.quotes.indexes import Stretches
from newslab.layers.quotes.learned import learned_shapes
from newslab.layers.quotes.misparsed import answer_word, inverted_report, that_clause_taken_for_relative
from newslab.layers.quotes.tokens import (
    _NAMED_CLAIM,
    _NOT_SPEAKERS,
    _depth,
    _without_nested_stances,
    _without_trailing_aside,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


class _ReportedSpeech:
    """Reported (indirect) speech: statements without quotation marks, their content and holder."""

    # ------------------------------------------------------------ indirect (reported) statements

    def indirect(self, quoted: list[_Draft]) -> list[_Draft]:
        covered = Stretches([(d.start, d.end) for d in quoted])
        direct_cues = {d.cue for d in quoted if d.kind == "direct"}
        drafts = []
        for token in self.doc:
            if token.is_space or not self.in_body(token.idx):
                continue
            content = None
            if is_according(token):
                content = self.according_content(token)
            elif is_cue(token, stance=True) and token.pos_ in ("VERB", "AUX"):
                content = self.reported_content(token)
            elif is_attitude(token):
                content = self.attitude_content(token)
            elif is_finding(token):
                content = self.finding_content(token)
            if content is None and token.tag_.startswith("VB"):
                content = self.learned_content(token)
            source = None  # a speaker found here, not by speaker_token
            if content is None and token.pos_ == "NOUN":
                content, source = self.learned_noun_report(token)
            if content is None:
                continue
            own = self.quote_around(token.idx)
            if self.cue_span(token) in direct_cues:  # a direct quotation already has this cue
                continue
            speaker = source or self.speaker_token(token)
            if speaker is None:
                source = speaker = self.counted_speaker(token)
            if speaker is None:
                continue
            if own is not None and not self.reports_inside(own, speaker, quoted):
                continue
            parts = [content]
            if content[0] <= speaker.idx < content[1]:
                # "The museum, Mr. Obama said, would make visitors…": the cue interrupts the report
                parts = self.around_cue(content, token, speaker)
            for start, end in parts:
                if (
                    end - start < 2
                    or covered.covered(start, end, excluding=own) / max(end - start, 1) >= 0.35
                ):
                    continue
                if self.quote_around(start) not in (None, own, self.quote_around(end - 1)):
                    continue  # begins inside someone's quotation and runs out of it: a misparse
                draft = _Draft(start, end, "indirect")
                self.attach(draft, token)
                if source is not None:
                    draft.mention, draft.cue = self.mention_span(source), self.cue_span(token)
                    draft.channel = self.channel_of(token)
                if draft.mention is not None:
                    draft.stance = cue_lemma(token) not in SPEECH_VERBS and not is_according(token)
                    drafts.append(draft)
        drafts += self.poll_findings(covered)
        return _without_nested_stances(drafts)

    def counted_speaker(self, verb: Token) -> Token | None:
        """A count of people who say something: "Nearly half of the voters said…", "Three in 10 say…".

        A number is no one's name elsewhere (a year or a sum says nothing), but as the subject of a
        verb of saying it counts the people who said it, as in a poll's findings.
        """
        if verb.pos_ not in ("VERB", "AUX") or cue_lemma(verb) not in SPEECH_VERBS:
            return None
        for child in verb.children:
            counted = child.ent_type_ in ("CARDINAL", "PERCENT") or child.pos_ == "NUM"  # "42% say…"
            if (
                child.dep_ == "nsubj"
                and counted
                and self.quote_around(child.idx) == self.quote_around(verb.idx)
            ):
                return child
        return None

    def poll_findings(self, covered: Stretches) -> list[_Draft]:
        """What a poll or survey named at the head or the end of a clause found: "In the new county
        poll, Lopez leads Hart by nine points", "Lopez leads Hart by nine points in the new poll"
        (the poll is the source, "in" the cue, the rest of the clause the finding). A clause whose
        own verb reports someone ("In the poll, most voters said…") is theirs instead."""
        drafts = []
        for token in self.doc:
            if token.lower_ != "in" or token.dep_ != "prep" or not self.in_body(token.idx):
                continue
            clause = token.head
            polls = [c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in FINDING_NOUNS]
            if not polls or clause.pos_ not in ("VERB", "AUX") or is_cue(clause, stance=True):
                continue
            if not any(c.dep_ in SUBJECTS and c.tag_ not in ("WP", "WDT") for c in clause.children):
                continue  # "…, who is third in the polls", "to close in on…": no finding of its own
            phrase = {t.i for t in token.subtree}
            words = [t for t in clause.subtree if not (t.is_space or t.is_punct)]
            if clause.i > token.i:  # an opening phrase: the finding follows it
                tokens = [t for t in clause.subtree if t.i > max(phrase) and not t.is_space]
            elif words and words[-1].i == token.right_edge.i:  # a closing one: the finding comes before
                tokens = [t for t in clause.subtree if t.i < min(phrase) and not t.is_space]
            else:
                continue
            tokens = _without_trailing_aside(tokens, clause)
            while tokens and tokens[-1].is_punct:
                tokens.pop()
            while tokens and tokens[0].is_punct:
                tokens.pop(0)
            if len(tokens) < 3 or self.quote_around(tokens[0].idx) or self.quote_around(token.idx):
                continue
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            if covered.covered(start, end, excluding=None) / (end - start) >= 0.35:
                continue
            mention = self.mention_span(polls[0])
            drafts.append(_Draft(start, end, "indirect", cue=self.cue_span(token), mention=mention))
        return drafts

    def learned_content(self, verb: Token) -> tuple[int, int] | None:
        """The content of a report whose cue was learned from news articles (``learned_cues.json``).

        "He thinks she would win" (a clause), "she portrayed him as a fraud" (an "as" phrase),
        "they discussed the deal" (an object): the verb's lemma and the part of its parse that
        held what was reported in enough of the learning articles.
        """
        if describes_a_speaker(verb) or passive_without_agent(verb):
            return None
        named = verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")
        if named and not any(c.dep_ == "agent" for c in verb.children):
            return None  # "a method known as fracking": a participle on a noun names no one behind it
        if self.inside_a_report(verb):
            return None
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        for shape, _counts in learned_shapes(verb):
            for child in verb.children:
                if child.i < verb.i:
                    continue
                if shape.startswith("prep:") and child.dep_ == "prep" and child.lower_ == shape[5:]:
                    objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                    if not objs or objs[0].ent_type_ in ("DATE", "TIME"):
                        continue
                    start, end = self.clause_span(objs[0])
                    if shape == "prep:as" and objects:  # "viewed communists as terrorists"
                        start = min(start, self.clause_span(objects[0])[0])
                    return start, end
                if child.dep_ != shape:
                    continue
                if shape == "xcomp":
                    return self.infinitives_span(verb, child)
                if shape == "dobj":
                    return self.object_span(verb, child)
                if shape == "oprd":  # "deemed the plan a failure": what is said of the object
                    if objects:
                        return self.clause_span(objects[0])[0], self.clause_span(child)[1]
                    continue
                return self.clause_span(child)
        return None

    def learned_noun_report(self, noun: Token) -> tuple[tuple[int, int] | None, Token | None]:
        """The content and holder of a report whose cue is a noun learned from news articles
        (``learned_cues.json``): "the senator's opposition to the bypass", "her embrace of the plan".

        Only when the holder names someone (a name, an organisation, a pronoun): "the bill's
        endorsement of…" is no one's.
        """
        shapes = learned_shapes(noun)
        holder = self.holder_token(noun) if shapes else None
        if (
            holder is None
            or not names_someone(holder)
            or self.quote_around(holder.idx) != self.quote_around(noun.idx)
        ):
            return None, None
        for shape, _counts in shapes:
            for child in noun.children:
                if child.i < noun.i:
                    continue
                if shape.startswith("prep:") and child.dep_ == "prep" and child.lower_ == shape[5:]:
                    objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                    if objs and objs[0].ent_type_ not in ("DATE", "TIME"):
                        return self.clause_span(objs[0]), holder
                elif child.dep_ == shape:
                    return self.clause_span(child), holder
        return None, None

    def inside_a_report(self, verb: Token) -> bool:
        """Whether a verb is part of what another cue reports: in "She said the council had known
        about the cracks" the knowing is her claim, not a report of the council's; in "seemed to
        think X" the outer cue reports X already."""
        while verb.dep_ in ("ccomp", "xcomp", "conj") and verb.head.i != verb.i:
            verb = verb.head
            if is_cue(verb, stance=True) or (verb.tag_.startswith("VB") and learned_shapes(verb)):
                return True
        return False

    def finding_content(self, verb: Token) -> tuple[int, int] | None:
        """What a poll or study shows: "A new poll shows Clinton with a narrow lead"."""
        if not any(c.dep_ in ("ccomp", "dobj") and c.i > verb.i for c in verb.children):
            return None
        tokens = [t for t in verb.subtree if t.i > verb.i and not t.is_space]
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        tokens = _without_trailing_aside(tokens, verb)  # "…, with one poll showing her ahead"
        if not tokens:
            return None
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)

    def named_claims(self) -> list[_Draft]:
        """Lines that begin with a name and a colon ("Poll: Clinton and Trump in dead heat")."""
        drafts = []
        for p_start, p_end in self.paragraphs:
            match = _NAMED_CLAIM.match(self.text, p_start, p_end)
            if match is None or not self.in_body(p_start):
                continue
            name = match.group("name")
            if name.split()[0].lower().strip(".’'") in _NOT_SPEAKERS or (name.isupper() and len(name) > 3):
                continue
            start, end = match.span("claim")
            while end > start and self.text[end - 1] in " .,;:!?\u00a0":
                end -= 1
            if (
                len(self.text[start:end].split()) < 3
                or self.quote_around(start)
                or self.quote_around(end - 1)
            ):
                continue
            if any(t.pos_ in ("VERB", "AUX") for t in self.tokens_between(p_start, match.start("colon"))):
                continue
            drafts.append(_Draft(start, end, "indirect", cue=match.span("colon"), mention=match.span("name")))
        return drafts

    def around_cue(self, content: tuple[int, int], cue: Token, speaker: Token) -> list[tuple[int, int]]:
        """The parts of a report before and after the cue that interrupts it ("X, she said, Y").

        Only when the cue and its subject sit between commas or dashes inside the report; otherwise
        nothing (the speaker would be part of what was said).
        """
        if cue.dep_ == "parataxis":
            block = {t.i for t in cue.subtree}
        else:
            inside = [c for c in cue.children if c.dep_ in ("ccomp", "xcomp") and c.idx >= content[0]]
            block = {cue.i} | {
                t.i for c in cue.children if c not in inside for t in c.subtree if c.dep_ != "punct"
            }
        if speaker.i not in block:
            return []
        first, last = min(block), max(block)
        before = [t for t in self.tokens_between(content[0], self.doc[first].idx) if t.i not in block]
        after = [t for t in self.tokens_between(self.doc[last].idx, content[1]) if t.i not in block]
        marks = (",", "—", "–", "-", "--")
        asked = bool(before) and all(
            t.tag_ in ("WP", "WDT", "WRB") for t in before
        )  # "what Trump says his plan…"
        # "At times last year, aides said, the mere mention of…": the cue leads the sentence
        leads = not before and self.doc[first].is_sent_start and self.doc[last].text in marks
        set_off = asked or any(self.doc[i].text in marks for i in (first - 1, first) if i >= 0)
        if not leads and (not before or not set_off):
            return []
        parts = []
        for run in (before, after):
            while run and run[-1].is_punct and run[-1].text not in "”\"'’":
                run = run[:-1]
            while run and run[0].is_punct and run[0].text not in "“\"'‘":
                run = run[1:]
            if run:
                parts.append((run[0].idx, run[-1].idx + len(run[-1].text)))
        return parts

    def reports_inside(self, own: tuple[int, int], speaker: Token, quoted: list[_Draft]) -> bool:
        """Whether a report inside a quotation counts as a statement of its own.

        Only in a quoted document with a named channel (a tweet, a statement, a letter) reporting
        what a third person said ("He vehemently denied it"); "I think…" or "we want…" in a
        quotation are the speaker's own words.
        """
        if speaker.lower_ in FIRST_SECOND_PERSON:
            return False
        return any((d.start, d.end) == own and d.channel for d in quoted)

    def in_body(self, offset: int) -> bool:
        return self.article.body.start <= offset < self.article.body.end

    def reported_content(self, verb: Token) -> tuple[int, int] | None:
        lemma = cue_lemma(verb)
        for child in verb.children:
            if child.dep_ == "ccomp" and child.i > verb.i:
                return self.clause_span(child)
        for child in verb.children:  # "The plan is dead, officials said."
            if child.dep_ == "ccomp" and not self.quote_around(child.idx):
                return self.clause_span(child)
        if verb.dep_ == "parataxis" and verb.head.i > verb.i and not self.quote_around(verb.head.idx):
            main = verb.head  # "The museum, Mr. Obama said, would make…": the clause around the cue
            while main.pos_ not in ("VERB", "AUX") and main.dep_ != "ROOT" and main.head.i != main.i:
                main = main.head
            if main.pos_ in ("VERB", "AUX"):
                tokens = [t for t in main.subtree if not t.is_space]
                return self.clause_span(main) if len(tokens) >= 4 else None
        if verb.dep_ == "parataxis" and verb.head.i < verb.i and not self.quote_around(verb.head.idx):
            main = verb.head
            while main.pos_ not in ("VERB", "AUX") and main.dep_ != "ROOT" and main.head.i != main.i:
                main = main.head
            if main.pos_ in ("VERB", "AUX") and main.right_edge.i > verb.right_edge.i:
                return self.clause_span(main)
            first = verb.head.left_edge.i
            last = min(t.i for t in verb.subtree)
            tokens = [t for t in verb.doc[first:last] if not t.is_space]
            while tokens and tokens[-1].is_punct:
                tokens.pop()
            if len(tokens) >= 3:
                return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if lemma in SPEECH_VERBS:  # shapes the parser gives some plain reports
            clause = that_clause_taken_for_relative(verb)
            if clause is not None:
                return self.clause_span(clause)
            tokens = inverted_report(verb) or answer_word(verb)
            if tokens:
                return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if lemma in ("point", "refer"):  # "pointed to Britain's decision as an example of…"
            for child in verb.children:
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if child.dep_ == "prep" and child.lower_ == "to" and child.i > verb.i and objs:
                    last = max([t for t in verb.subtree if t.i > verb.i], key=lambda t: t.i)
                    tokens = [t for t in verb.doc[objs[0].left_edge.i : last.i + 1] if not t.is_space]
                    while tokens and tokens[-1].is_punct:
                        tokens.pop()
                    if tokens:
                        return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        naming = naming_parts(verb)
        if naming is not None:  # "called the charges unsubstantiated", "compared it to working with…"
            first, last = naming
            tokens = [t for t in verb.doc[first.i : last.i + 1] if not t.is_space]
            while tokens and tokens[-1].is_punct:
                tokens.pop()
            if tokens:
                return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if any(c.dep_ == "nsubjpass" for c in verb.children) and any(
            c.dep_ == "agent" for c in verb.children
        ):
            subject = next(c for c in verb.children if c.dep_ == "nsubjpass")  # "was endorsed by the Times"
            if subject.tag_ not in ("WDT", "WP", "PRP") or self.quote_around(verb.idx):
                return self.clause_span(subject)
        if lemma in TO_CLAUSE_VERBS:
            for child in verb.children:
                if child.dep_ == "xcomp" and child.i > verb.i:
                    return self.infinitives_span(verb, child)
        for child in verb.children:  # "saying that Trump’s willingness … stiffened his resolve" (misparsed)
            if child.dep_ == "dobj" and child.i > verb.i and child.left_edge.lower_ == "that":
                return self.clause_span(child)
        if lemma in OBJECT_VERBS and not describes_a_speaker(verb):
            for child in verb.children:
                if child.dep_ == "dobj" and child.i > verb.i and child.pos_ != "PRON":
                    return self.object_span(verb, child)
                if child.dep_ == "dobj" and child.i > verb.i and self.quote_around(verb.idx):
                    return self.object_span(verb, child)
        for child in verb.children:  # "complained about his mic", "called for a repeal", "spoke of …"
            if child.dep_ == "prep" and child.lower_ in REPORT_PREPS and child.i > verb.i:
                objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                objs = [g for g in objs if g.ent_type_ not in ("DATE", "TIME")]
                if objs and lemma not in ("say", "tell", "add", "write", "post", "tweet", "read"):
                    return self.clause_span(objs[0])
        for child in verb.children:  # "what the mayor said", "the cuts, which she plans": the pronoun
            if child.dep_ == "dobj" and child.i < verb.i and child.tag_ in ("WP", "WDT"):
                return child.idx, child.idx + len(child.text)
        if lemma in ("argue", "call", "push", "press", "warn", "accuse") and not describes_a_speaker(verb):
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in ("for", "against", "of") and child.i > verb.i:
                    objs = [g for g in child.children if g.dep_ == "pobj"]
                    if objs:
                        return self.clause_span(objs[0])
            for token in verb.subtree:  # "argued during his campaign for a rapprochement"
                if (
                    token.i > verb.i
                    and token.lower_ == "for"
                    and token.dep_ == "prep"
                    and _depth(token, verb) <= 3
                ):
                    objs = [g for g in token.children if g.dep_ == "pobj"]
                    if objs:
                        return self.clause_span(objs[0])
        return None

    def infinitives_span(self, verb: Token, xcomp: Token) -> tuple[int, int]:
        """A "to" clause with the bare verbs listed after it: "wants to triple the corps, grow the
        reserve and create…" (the parser hangs "grow" and "create" on "wants"), and the object it
        is asked of: "urged [voters to reject the plan]" (PolNeAR's learning articles start such a
        report at the object three times in four)."""
        start, end = self.clause_span(xcomp)
        asked = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < xcomp.i]
        if asked:
            start = min(start, self.clause_span(asked[0])[0])
        for child in verb.children:
            bare = child.dep_ == "conj" and child.tag_ == "VB" and child.i > xcomp.i
            if bare and not any(c.dep_ in SUBJECTS for c in child.children):
                end = max(end, self.clause_span(child)[1])
        return start, end

    def object_span(self, verb: Token, obj: Token) -> tuple[int, int]:
        """The object of a verb and what it is blamed or praised for: "criticised the officer for
        shooting an unarmed man", "attacked her rival as a fraud", "accused them of lying"."""
        start, end = self.clause_span(obj)
        last = obj.right_edge.i
        for child in sorted(verb.children, key=lambda c: c.i):
            if child.i <= last:
                continue
            # "announced [steps to tighten the rules]", "encouraged [the board to release it]": the
            # parser hangs the "to" clause that belongs with the object on the verb
            infinitive = child.dep_ == "xcomp" and child.left_edge.lower_ == "to"
            if (
                child.left_edge.i != last + 1
                or not (child.dep_ in VP_REST or infinitive)
                or self.is_setting(child)
            ):
                break  # a comma, a clause of its own, a new verb or a time and place end what was said
            if child.dep_ == "conj" and (
                (child.pos_ in ("VERB", "AUX") and child.tag_ != "VBG") or is_cue(child)
            ):
                break
            last = child.right_edge.i
            if child.dep_ != "cc":
                end = max(end, self.clause_span(child)[1])
        tokens = self.tokens_between(start, end)
        for token in tokens:  # "…as a fraud during the debate": the time hangs lower in the tree
            trailing = token.dep_ in ("prep", "npadvmod") and token.right_edge.i >= tokens[-1].i
            if trailing and token.i > obj.right_edge.i and self.is_setting(token):
                before = self.doc[token.i - 1]
                return start, before.idx + len(before.text)
        return start, end

    def is_setting(self, phrase: Token) -> bool:
        """Whether a phrase after a report says when or where it was made ("on Tuesday", "during a
        speech", "in a series of tweets"), not what was said."""
        if phrase.dep_ != "prep":
            return phrase.ent_type_ in ("DATE", "TIME")
        if phrase.lower_ in SETTING_PREPS:
            return True
        objects = [c for c in phrase.children if c.dep_ == "pobj"]
        if not objects:
            return False
        channel = phrase.lower_ in ("in", "on", "via", "through") and cue_lemma(objects[0]) in CHANNEL_NOUNS
        return channel or objects[0].ent_type_ in ("DATE", "TIME") or objects[0].lower_ in TIME_WORDS

    def attitude_content(self, word: Token) -> tuple[int, int] | None:
        """What a report noun or stance adjective is about: "critical of Trump", "claim that…"."""
        for child in word.children:
            if child.dep_ == "prep" and child.lower_ in ATTITUDE_PREPS and child.i == word.i + 1:
                objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if objs and objs[0].ent_type_ not in ("DATE", "TIME"):
                    return self.clause_span(objs[0])
        if word.pos_ == "NOUN":
            for child in word.children:
                marked = any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children)
                if child.dep_ in ("acl", "ccomp") and child.i > word.i and marked:
                    return self.clause_span(child)
                # "her plan to raise taxes", "its decision to appeal": what someone intends
                planned = cue_lemma(word) in INTENTION_NOUNS and child.dep_ in ("acl", "relcl")
                if planned and child.i == word.i + 2 and child.nbor(-1).lower_ == "to":
                    return self.clause_span(child)
        return None

    def holder_token(self, word: Token) -> Token | None:
        """Who holds a stated view: "his comment", "Trump’s claim", "Graham has been critical"."""
        for child in word.children:
            if child.dep_ == "poss":
                return child
        for child in word.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        head = word.head
        if word.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            head = head.head
        elif word.dep_ not in ("dobj", "attr", "acomp", "oprd"):
            return None
        if head.i == word.i or head.pos_ not in ("VERB", "AUX"):
            return None
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.tag_ not in ("WDT",):
                if child.tag_ == "WP" and head.dep_ == "relcl":
                    return head.head
                return child
        return None

    def clause_span(self, head: Token) -> tuple[int, int]:
        tokens = [t for t in head.subtree if not t.is_space]
        for token in tokens:
            if token.i > head.i and coordinated_cue(token):  # "…would close the bridge and suggested…"
                tokens = [t for t in tokens if t.i < token.left_edge.i]
                while tokens and tokens[-1].dep_ == "cc":
                    tokens.pop()
                break
        while tokens and (tokens[-1].is_punct and tokens[-1].text not in "”\"'’"):
            tokens.pop()
        while tokens and tokens[0].is_punct and tokens[0].text not in "“\"'‘":
            tokens.pop(0)
        tokens = _without_trailing_aside(tokens, head)
        if not tokens:
            return head.idx, head.idx
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        p = self.paragraphs[self.paragraph_of(start)]
        return start, min(end, p[1])

    def according_content(self, according: Token) -> tuple[int, int] | None:
        sentence = according.sent
        phrase = list(according.subtree)
        if according.i + 1 < len(according.doc) and according.nbor(1).lower_ == "to":
            phrase = sorted(set(phrase) | set(according.nbor(1).subtree), key=lambda t: t.i)
        first, last = phrase[0].i, phrase[-1].i
        before = [t for t in sentence if t.i < first and not t.is_space]
        after = [t for t in sentence if t.i > last and not t.is_space]
        part = before if len(before) >= len(after) else after
        part = [t for t in part if not t.is_space]
        while part and part[-1].is_punct:
            part.pop()
        while part and part[0].is_punct:
            part.pop(0)
        if len(part) < 3:
            return None
        return part[0].idx, part[-1].idx + len(part[-1].text)
