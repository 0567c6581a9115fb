"""Who's who: the people, organisations and places of an article, with every mention of each.

The small spaCy model finds names and guesses their type; this module turns those guesses into
a *cast*: one :class:`Entity` per real-world person, organisation or place, with a canonical
name (the fullest name the text uses), a role when the text states one, and every
:class:`Mention` — full names, surnames, titles + names, descriptions such as "the senator" and
pronouns such as "she". Every link comes with a ``reason`` in plain words, so a student can see
*why* the kit joined two mentions or overruled the model.

The rules are simple and work on any English news article:

- a name the model calls an organisation is a person when the same name is a person elsewhere,
  when it has a person's title (Senator, President, Mrs…), an appositive or "who" clause about a
  person, or when it is the subject of a speech verb and looks like a personal name;
- a surname (or a title + surname) joins the full name that ends with it;
- "the senator" / "The US president" joins the person the text gives that role, or else the
  subject of the sentence before;
- he / she / his / her joins the nearest compatible person before it, subjects first; inside a
  quotation only people named in the same quotation count;
- GPE and LOC names are places; party words (Republican, Democrat) are roles, not entities.

Only the story's body is read (not the outlet line, title or credit).

Example:
    >>> from newslab import load_article
    >>> from newslab.analysis import analyze
    >>> cast = analyze(load_article("trump-russia-cyber")).cast
    >>> cast[0].name, cast[0].label
    ('Donald Trump', 'PERSON')
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newslab.article import Article

__all__ = [
    "LABELS",
    "MENTION_KINDS",
    "Entity",
    "Mention",
    "cast_json",
    "entity_at",
    "find_cast",
    "quote_regions",
]

LABELS = ("PERSON", "ORG", "PLACE")
MENTION_KINDS = ("name", "title", "surname", "first name", "acronym", "description", "pronoun")

# ---------------------------------------------------------------- word lists (general English)


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Titles written before a name: "Senator Lindsey Graham", "Mrs May".
_MALE_TITLES = _wordset("mr mr. sir lord king prince congressman chairman councilman father")
_FEMALE_TITLES = _wordset(
    "mrs mrs. ms ms. miss dame lady queen princess congresswoman chairwoman councilwoman sister madam"
)
_TITLES = (
    _MALE_TITLES
    | _FEMALE_TITLES
    | _wordset(
        """president vice senator sen. sen representative rep. rep governor gov. gov mayor secretary
        ambassador judge justice general gen. minister prime chancellor pope dr dr. prof. professor speaker
        director attorney chief lt. col. capt. sgt. rev. reverend commissioner sheriff detective officer
        agent coach councillor premier leader chair"""
    )
)
# Nouns that name what a person is: heads of descriptions and appositives.
_PERSON_NOUNS = _wordset(
    """president senator representative congressman congresswoman lawmaker legislator governor mayor
    ambassador envoy diplomat minister secretary spokesman spokeswoman spokesperson chairman chairwoman
    chair leader director chief official candidate nominee judge justice prosecutor lawyer attorney
    adviser advisor aide founder executive ceo king queen prince princess pope general officer speaker
    democrat republican analyst economist professor author reporter journalist commissioner chancellor
    premier manager strategist head businessman businesswoman billionaire actor actress activist
    researcher scientist doctor coach player owner investor president-elect vice-president counsel
    sheriff detective agent spy dictator monarch commander inspector auditor administrator deputy whip
    incumbent challenger man woman father mother son daughter wife husband brother sister boss host
    anchor editor columnist historian expert teacher student victim suspect witness defendant plaintiff
    councillor"""
)
_FEMALE_NOUNS = _wordset(
    """congresswoman spokeswoman chairwoman businesswoman actress queen princess woman mother daughter
    wife sister councilwoman"""
)
_MALE_NOUNS = _wordset(
    "congressman spokesman chairman businessman king prince man father son husband brother"
)
# Person nouns too vague to stand for one person on their own ("the head", "the owner").
_DESCRIPTION_NOUNS = _PERSON_NOUNS - _wordset(
    """head chief general host anchor player student victim witness expert owner author boss editor teacher
    historian member suspect agent officer speaker justice counsel"""
)
# Verbs of saying (lemmas): their subject is someone (or some organisation) speaking.
_SPEECH_VERBS = _wordset(
    """say tell add argue state write tweet claim ask explain warn insist note reply respond announce
    declare deny admit suggest acknowledge recall complain urge testify predict caution vow pledge
    promise concede remark observe contend allege assert maintain confirm criticise criticize praise
    accuse describe call"""
)
# Verbs of a "who" clause that state a role: "McCain, who chairs the … committee".
_ROLE_VERBS = _wordset(
    "chair lead head run represent direct manage own found co-found oversee serve command govern"
)
# Party words: an affiliation of a person ("Republican senators"), not an entity of their own.
_PARTY_WORDS = _wordset(
    """republican republicans democrat democrats democratic conservative conservatives labour liberal
    liberals tory tories libertarian socialist socialists green greens gop"""
)
# Words that show a name belongs to an organisation.
_ORG_WORDS = _wordset(
    """committee council department ministry agency office party inc inc. ltd corp corp. company bank
    university college school institute association union court house senate congress parliament
    assembly commission board bureau service services group foundation fund organisation organization
    network news times post journal press police army navy force campaign administration government
    club team nations federation authority centre center church hospital"""
)
# A committee-like noun after an organisation name extends it: "the Senate armed services committee".
_ORG_HEADS = _wordset(
    "committee subcommittee commission panel caucus council delegation campaign administration "
    "department agency"
)
# The last word of a place's name: "Old Mill Bridge", "Hyde Park", "Heathrow Airport".
_PLACE_HEADS = _wordset(
    """bridge river street road avenue square park airport station harbour harbor port lake mountain
    valley bay island beach highway motorway tunnel canal"""
)
_MALE_PRONOUNS = {"he", "him", "his", "himself"}
_FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
_PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
_NAME_PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "di", "du", "van", "von", "der", "den", "la", "le"}


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class Mention:
    """One place where the text refers to an entity.

    Attributes:
        start, end: character offsets: ``article.text[start:end] == text``.
        text: the words of the mention, e.g. ``"Trump"`` or ``"she"``.
        kind: ``name``, ``title`` (title + name), ``surname``, ``first name``, ``acronym``,
            ``description`` ("the senator") or ``pronoun``.
        reason: why the kit linked this mention to its entity, in plain words.
        model_label: the type the spaCy model gave the name (``""`` when the model did not tag it).
    """

    start: int
    end: int
    text: str
    kind: str
    reason: str
    model_label: str = ""

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place of the article, with every mention of it.

    Attributes:
        id: a short id in order of first mention (``"E1"``, ``"E2"``…).
        name: the canonical name: the fullest name the text uses (``"Donald Trump"``).
        label: ``"PERSON"``, ``"ORG"`` or ``"PLACE"``.
        role: the roles and affiliations the text states, joined with ``"; "``, or ``None``.
        mentions: every mention, in text order.
        gender: ``"male"``, ``"female"`` or ``""``, from the text's titles and pronouns only.
        roles: the role phrases one by one.
    """

    id: str
    name: str
    label: str
    role: str | None
    mentions: tuple[Mention, ...]
    gender: str = ""
    roles: tuple[str, ...] = ()

    @property
    def first_mention(self) -> int:
        """The character offset of the first mention."""
        return self.mentions[0].start if self.mentions else -1

    @property
    def mention_count(self) -> int:
        return len(self.mentions)

    def to_json(self) -> dict:
        """The JSON form: ``{"id", "name", "label", "role", "mentions": [{"start", "end", "text", …}]}``."""
        return {
            "id": self.id,
            "name": self.name,
            "label": self.label,
            "role": self.role,
            "gender": self.gender,
            "mentions": [m.to_json() for m in self.mentions],
        }


def entity_at(cast: Sequence[Entity], start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping ``start``–``end`` (``None`` if there is none).

    When several mentions overlap the span (e.g. "US" inside "The US president"), the mention
    that overlaps most wins, then the one that fits the span most tightly, then a person.

    Example:
        >>> entity_at(cast, 73, 85).name
        'Donald Trump'
    """
    best: tuple | None = None
    for entity in cast:
        for mention in entity.mentions:
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap > 0 or (start == end and mention.start <= start < mention.end):
                key = (overlap, overlap - (mention.end - mention.start), entity.label == "PERSON")
                if best is None or key > best[0]:
                    best = (key, entity)
    return best[1] if best else None


# ---------------------------------------------------------------- working records


@dataclass
class _Name:
    """A name found in the text (mutable while the cast is being built)."""

    start: int  # token index of the name (without title)
    end: int
    label: str
    model_label: str
    reason: str
    title_start: int | None = None  # token index where a title before the name starts
    kind: str = "name"
    words: tuple[str, ...] = ()
    group: int = -1
    headline: bool = False  # found in a sentence written In Title Case


@dataclass
class _Group:
    label: str
    names: list[_Name] = field(default_factory=list)
    extra: list[Mention] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    gender: str = ""
    gender_reason: str = ""
    plural: bool = False

    @property
    def canonical(self) -> str:
        """The fullest name, taken from the body's sentences rather than a headline when it can be."""
        names = [n for n in self.names if not n.headline] or self.names
        return " ".join(max((n.words for n in names), key=lambda w: len(" ".join(w))))


# ---------------------------------------------------------------- the cast


def find_cast(article: Article, doc: Doc) -> list[Entity]:
    """Find the article's people, organisations and places, with all their mentions.

    Args:
        article: the article.
        doc: its spaCy parse (``newslab.nlp.parse(article)``).

    Returns:
        The entities in order of first mention, ids ``E1``, ``E2``…

    Example:
        >>> from newslab.nlp import parse
        >>> cast = find_cast(article, parse(article))
        >>> [e.name for e in cast if e.label == "PERSON"][:2]
        ['Donald Trump', 'Vladimir Putin']
    """
    quotes = quote_regions(article)
    names = _model_names(article, doc)
    _fix_person_types(doc, names)
    _untagged_people(article, doc, names)
    groups = _group_names(doc, names)
    _find_untagged(article, doc, names, groups)
    for name in names:
        _attach_title(doc, name, groups[name.group])
    _collect_roles(doc, groups)
    _link_descriptions(article, doc, groups, quotes)
    _link_pronouns(article, doc, groups, quotes)
    return _build_entities(article, doc, groups)


def quote_regions(article: Article) -> list[tuple[int, int]]:
    """The stretches of the body inside quotation marks, as ``(start, end)`` character offsets.

    Curly quotes open and close; a straight ``"`` toggles; a quotation still open at a
    paragraph's end ends there (a quotation that goes on opens the next paragraph with a new
    mark, by newspaper convention). Apostrophes (Trump’s, ’90s) are not quote marks.
    Never raises on unbalanced marks.
    """
    regions = []
    text = article.text
    open_at: int | None = None
    for paragraph in article.paragraphs:
        if open_at is not None:  # a quotation left open ends with its paragraph
            regions.append((open_at, _previous_end(article, paragraph.start)))
            open_at = None
        for offset in range(paragraph.start, paragraph.end):
            char = text[offset]
            if char == "“" or (char == "‘" and _is_opening_single(text, offset)):
                if open_at is None:
                    open_at = offset
            elif char == "”" or (
                char == "’"
                and _is_closing_single(text, offset)
                and open_at is not None
                and text[open_at] == "‘"
            ):
                if open_at is not None:
                    regions.append((open_at, offset + 1))
                    open_at = None
            elif char == '"':
                if open_at is None:
                    open_at = offset
                else:
                    regions.append((open_at, offset + 1))
                    open_at = None
    if open_at is not None:
        regions.append((open_at, article.paragraphs[-1].end))
    return regions


def _previous_end(article: Article, start: int) -> int:
    ends = [p.end for p in article.paragraphs if p.end <= start]
    return ends[-1] if ends else start


_ELISION = re.compile(r"(?:em|tis|twas|til|cause|bout|n|round|nuff|ya)\b|\d0s\b|\d\d\b", re.IGNORECASE)


def _is_opening_single(text: str, offset: int) -> bool:
    """An opening single quote, not the apostrophe of ‘em, ‘til or ‘90s."""
    before = text[offset - 1] if offset else " "
    after = text[offset + 1] if offset + 1 < len(text) else " "
    if _ELISION.match(text, offset + 1):
        return False
    return (before.isspace() or before in "(—–-") and after.isalpha()


def _is_closing_single(text: str, offset: int) -> bool:
    before = text[offset - 1] if offset else " "
    after = text[offset + 1] if offset + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _inside(regions: Iterable[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    for start, end in regions:
        if start <= offset < end:
            return (start, end)
    return None


# ---------------------------------------------------------------- step 1: the model's names


def _model_names(article: Article, doc: Doc) -> list[_Name]:
    names: list[_Name] = []
    body_start, body_end = article.body.start, article.body.end
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"):
            continue
        if ent.start_char < body_start or ent.end_char > body_end:
            continue
        for start, end in _clean_span(doc, ent.start, ent.end):
            label = {"PERSON": "PERSON", "ORG": "ORG", "NORP": "NORP"}.get(ent.label_, "PLACE")
            name = _Name(start, end, label, ent.label_, f"the model tagged it {ent.label_}")
            if ent.label_ == "NORP":
                if not _norp_is_group(doc, start, end):
                    continue
                name.label = "ORG"
                name.reason = (
                    "the model tagged it NORP (a group) and it is used as a noun, so it names a group"
                )
            names.append(name)
    _drop_programmes(doc, names)
    _drop_kinds(doc, names)
    _extend_org_heads(doc, names)
    for name in names:
        name.headline = _headline_case(doc[name.start].sent)
        if name.headline and name.end - name.start > 3 and name.label == "ORG":
            name.words = ()  # "Obama Says New Museum Tells Hard Truths" is a headline, not a name
            continue
        while name.label == "PERSON" and name.end - name.start > 1 and _is_title(doc[name.start]):
            name.start += 1  # "Councillor Helen Brandt": the title is attached again later
        name.words = _words(doc, name.start, name.end)
        if name.label == "ORG" and name.words[-1].lower() in _PLACE_HEADS:
            name.label = "PLACE"
            name.reason += f", but “{name.words[-1]}” names a place, so it is a PLACE"
    return [n for n in names if n.words]


def _clean_span(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Trim "the", possessive endings and punctuation; split "CBS’s Face the Nation" in two."""
    parts, piece_start = [], start
    for i in range(start, end):
        # "CBS’s Face the Nation" is two names; "St Anne’s Hospital" and "Nurses’ Association" are one
        left, right = doc[piece_start:i], doc[i + 1 : end]
        acronym_owner = len(left) == 1 and left[0].text.isupper()
        if doc[i].text in ("’s", "'s") and len(right) and (acronym_owner or any(t.is_lower for t in right)):
            parts.append((piece_start, i))
            piece_start = i + 1
    parts.append((piece_start, end))
    cleaned = []
    for s, e in parts:
        while s < e and (doc[s].lower_ in ("the", "a", "an") or doc[s].is_punct or doc[s].is_space):
            s += 1
        while e > s and (
            doc[e - 1].text in ("’s", "'s", "’", "'")
            or doc[e - 1].is_space
            or (doc[e - 1].is_punct and doc[e - 1].text not in (".",))
        ):
            e -= 1
        if s < e and any(t.text[:1].isupper() or t.text[:1].isdigit() for t in doc[s:e]):
            cleaned.append((s, e))
    return cleaned


def _norp_is_group(doc: Doc, start: int, end: int) -> bool:
    """ "Republicans said" names a group; "Republican senators" / "Russian meddling" describe."""
    root = doc[start:end].root
    if root.dep_ in ("amod", "compound", "nmod", "poss") or root.pos_ == "ADJ":
        return False
    return root.tag_ in ("NNS", "NNPS") or root.text.endswith("s")


def _drop_programmes(doc: Doc, names: list[_Name]) -> None:
    """Drop an "organisation" right after another's possessive that has lowercase words in it:
    in "NBC’s Meet the Press" the second name is a programme, not an organisation."""
    owners = {(n.end) for n in names if n.label == "ORG"}
    keep = []
    for name in names:
        after_owner = (
            name.start >= 2 and doc[name.start - 1].text in ("’s", "'s") and (name.start - 1) in owners
        )
        if name.label == "ORG" and after_owner and any(t.is_lower for t in doc[name.start : name.end]):
            continue
        keep.append(name)
    names[:] = keep


def _drop_kinds(doc: Doc, names: list[_Name]) -> None:
    """Drop an "organisation" that only describes a kind of body: in "an impenetrable Cyber Security
    unit" the capitals name what the unit would do, and "an" says no such unit exists yet."""
    keep = []
    for name in names:
        root = doc[name.start : name.end].root
        head = root.head
        kind = (
            name.label == "ORG"
            and root.dep_ == "compound"
            and head.i >= name.end
            and head.is_lower
            and head.lemma_ in _ORG_HEADS | {"unit", "team", "force", "group", "body", "office"}
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
            and not any(t.text.isupper() for t in doc[name.start : name.end])
        )
        if not kind:
            keep.append(name)
    names[:] = keep


def _extend_org_heads(doc: Doc, names: list[_Name]) -> None:
    """ "the Senate armed services committee": the model finds "Senate"; the name goes on to "committee"."""
    for name in names:
        if name.label != "ORG":
            continue
        j = name.end
        while (
            j < len(doc)
            and j - name.end < 4
            and doc[j].pos_ in ("PROPN", "NOUN", "ADJ")
            and not doc[j].is_punct
        ):
            if doc[j].lower_ in _ORG_HEADS:
                name.end = j + 1
                name.reason += f"; the name goes on to “{doc[j].text}”"
                break
            if doc[j].dep_ not in ("compound", "amod"):
                break
            j += 1


def _words(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    """The name's words as written ("al-Assad" stays one word)."""
    text = doc[start:end].text
    return tuple(text.split())


def _is_title(token: Token) -> bool:
    return token.text[:1].isupper() and token.lower_ in _TITLES


# ---------------------------------------------------------------- step 2: people the model mistyped


def _fix_person_types(doc: Doc, names: list[_Name]) -> None:
    """Turn ORG (or PLACE) names into PERSON when the text gives evidence that they are people."""
    person_words = {n.words[-1] for n in names if n.label == "PERSON" and n.words}
    person_full = {" ".join(n.words) for n in names if n.label == "PERSON"}
    for name in names:
        if name.label == "PERSON":
            continue
        text = " ".join(name.words)
        evidence = None
        if text in person_full:
            evidence = f"“{text}” is tagged PERSON elsewhere in the text"
        elif len(name.words) == 1 and text in person_words:
            full = next(" ".join(n.words) for n in names if n.label == "PERSON" and n.words[-1] == text)
            evidence = f"“{text}” is the surname of {full}, a PERSON elsewhere in the text"
        elif name.start > 0 and _is_title(doc[name.start - 1]) and _looks_personal(doc, name):
            evidence = f"it has a person's title, “{doc[name.start - 1].text}”"
        elif _looks_personal(doc, name):
            evidence = _person_clue(doc, name)
        if evidence:
            name.reason = f"the model tagged it {name.model_label}, but {evidence}, so it is a PERSON"
            name.label = "PERSON"


def _looks_personal(doc: Doc, name: _Name) -> bool:
    """One to four capitalised words (initials allowed), no organisation word, no "the" before it."""
    tokens = [t for t in doc[name.start : name.end] if not t.is_punct]
    if not 1 <= len(tokens) <= 4 or any(t.lower_ in _ORG_WORDS for t in tokens):
        return False
    if name.start > 0 and doc[name.start - 1].lower_ == "the":
        return False
    return all(
        t.text[:1].isupper() and (not t.text.isupper() or len(t.text.rstrip(".")) == 1)
        for t in tokens
        if t.lower_ not in _NAME_PARTICLES
    )


def _headline_case(sent) -> bool:
    """A sentence written In Title Case (a headline): its capitals say nothing about names."""
    if sent.text.rstrip().endswith((".", "!", "?", "”", '"', "’", "'", "…", ":", ";", ",")):
        return False  # a sentence of the story, however many names it holds
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) / len(words) > 0.6


def _untagged_people(article: Article, doc: Doc, names: list[_Name]) -> None:
    """Names the model did not tag at all, found by a person's title or by speaking:
    "Sen. Sanders", "Christina Lastra said", "Jo Bloggs, a spokeswoman, …"."""
    taken = {i for n in names for i in range(n.start, n.end)}
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in taken or token.pos_ != "PROPN" or not token.text[:1].isupper() or token.is_space:
            i += 1
            continue
        end = i
        while (
            end < len(doc)
            and end - i < 4
            and end not in taken
            and doc[end].pos_ == "PROPN"
            and (doc[end].text[:1].isupper() or doc[end].lower_ in _NAME_PARTICLES)
        ):
            end += 1
        if not article.body.start <= token.idx < article.body.end or _headline_case(token.sent):
            i = end
            continue
        while i < end and _is_title(doc[i]):
            i += 1  # "Sen. Bernie Sanders": the title is not part of the name
        if i >= end:
            i = end + 1
            continue
        name = _Name(i, end, "PERSON", "", "")
        evidence = None
        if i > 0 and _is_title(doc[i - 1]) and _looks_personal(doc, name):
            evidence = f"it has a person's title, “{doc[i - 1].text}”"
        elif end - i >= 2 and _looks_personal(doc, name):
            evidence = _person_clue(doc, name)
        if evidence:
            name.reason = f"the model missed it, but {evidence}, so it is a PERSON"
            name.words = _words(doc, i, end)
            names.append(name)
            taken.update(range(i, end))
        i = end
    names.sort(key=lambda n: n.start)


def _person_clue(doc: Doc, name: _Name) -> str | None:
    root = doc[name.start : name.end].root
    for child in root.children:
        if child.dep_ == "appos" and child.lemma_.lower() in _PERSON_NOUNS:
            return f"it is described as “{_subtree_text(doc, child)}”"
        if child.dep_ == "relcl" and any(g.lower_ == "who" for g in child.children):
            return "a “who” clause describes it"
    if root.dep_ == "appos" and root.head.lemma_.lower() in _PERSON_NOUNS:
        return f"it is described as “{root.head.text}”"
    if len(name.words) >= 2 and root.dep_ in ("nsubj",) and root.head.lemma_ in _SPEECH_VERBS:
        return f"it looks like a personal name and is the subject of “{root.head.text}”"
    return None


def _subtree_text(doc: Doc, token: Token) -> str:
    """The words of a phrase, stopping at a comma or dash."""
    left, right = token.left_edge.i, token.right_edge.i + 1
    for i in range(token.i + 1, right):
        if doc[i].text in (",", "–", "—", ";", "(", ")"):
            right = i
            break
    for i in range(token.i - 1, left - 1, -1):
        if doc[i].text in (",", "–", "—", ";", "(", ")"):
            left = i + 1
            break
    return doc[left:right].text.strip()


# ---------------------------------------------------------------- step 3: one group per entity


def _key(words: Sequence[str]) -> str:
    return " ".join(words).lower().replace("’", "'")


def _surnames(words: Sequence[str]) -> set[str]:
    """ "Bashar al-Assad" → {"al-assad", "assad"}; "Donald Trump" → {"trump"}."""
    last = words[-1].lower()
    out = {last}
    match = re.match(r"^(?:al|el|bin|ibn|de|da|di|van|von)-(.+)$", last)
    if match:
        out.add(match.group(1))
    return out


def _acronym(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper() and w.lower() not in ("of", "the", "and", "for"))


def _group_names(doc: Doc, names: list[_Name]) -> list[_Group]:
    groups: list[_Group] = []
    by_key: dict[tuple[str, str], int] = {}
    order = sorted(range(len(names)), key=lambda i: (names[i].headline, -len(names[i].words), names[i].start))
    # longest names first, so "Trump" finds "Donald Trump" whatever their order in the text;
    # names from headlines last, as their capitals join words that are not names ("Obama Says")
    for i in order:
        name = names[i]
        if name.headline and name.label == "PERSON":
            _trim_headline_name(doc, name, groups)
        key = (name.label, _key(name.words))
        if name.label == "PERSON" and len(name.words) == 1 and key in by_key:
            # a surname may belong to several people: each occurrence finds its own
            target = _find_group(name, groups)
            name.group = by_key[key] if target is None else target
            groups[name.group].names.append(name)
            continue
        if key in by_key:
            name.group = by_key[key]
            groups[name.group].names.append(name)
            continue
        target = _find_group(name, groups)
        if target is None:
            groups.append(_Group(name.label))
            target = len(groups) - 1
        name.group = target
        by_key[key] = target
        groups[target].names.append(name)
    for group in groups:
        group.names.sort(key=lambda n: n.start)
        group.plural = any(n.model_label == "NORP" for n in group.names)
        for name in group.names:
            name.kind, why = _name_kind(name.words, group)
            if why:
                name.reason += f"; {why}"
    return groups


def _trim_headline_name(doc: Doc, name: _Name, groups: list[_Group]) -> None:
    """ "Obama Says" in a headline: keep only the words that belong to a person of the body."""
    for group in groups:
        if group.label != "PERSON" or (group.names and all(n.headline for n in group.names)):
            continue
        canonical = group.canonical.split()
        known = {w.lower() for w in canonical} | _surnames(canonical)
        inside = [i for i in range(name.start, name.end) if doc[i].lower_ in known]
        if inside and (inside[0], inside[-1] + 1) != (name.start, name.end):
            name.reason += f"; in a headline, only “{doc[inside[0] : inside[-1] + 1].text}” is the name"
            name.start, name.end = inside[0], inside[-1] + 1
            name.words = _words(doc, name.start, name.end)
            return


def _name_kind(words: Sequence[str], group: _Group) -> tuple[str, str]:
    """How a name refers to its group's entity: the full name, a surname, initials…"""
    canonical = group.canonical
    if " ".join(words) == canonical:
        return "name", ""
    if len(words) == 1 and words[0].replace(".", "") == _acronym(canonical.split()) and " " in canonical:
        return "acronym", f"the initials of {canonical}"
    if group.label == "PERSON" and len(words) == 1 and words[0].lower() == canonical.split()[0].lower():
        return "first name", f"the first name of {canonical}"
    if group.label == "PERSON" and len(words) == 1:
        return "surname", f"the surname of {canonical}"
    return "name", f"a shorter form of {canonical}"


def _find_group(name: _Name, groups: list[_Group]) -> int | None:
    """The entity a shorter name belongs to; when several fit ("Clinton" with Hillary and Bill Clinton
    in the text), the one named most recently before it."""
    found = [index for index, group in enumerate(groups) if _fits(name, group)]
    if len(found) <= 1:
        return found[0] if found else None

    def last_before(index: int) -> int:
        starts = [n.start for n in groups[index].names if n.start < name.start]
        return max(starts) if starts else -1

    return max(found, key=lambda index: (last_before(index), -index))


def _fits(name: _Name, group: _Group) -> bool:
    words = name.words
    text = _key(words)
    if group.label != name.label:
        return False
    for other in group.names:
        other_words = other.words
        if name.label == "PERSON" and len(words) < len(other_words):
            if len(words) == 1 and (text in _surnames(other_words) or text == other_words[0].lower()):
                return True
            if _key(other_words).endswith(" " + text):
                return True
        if name.label != "PERSON":
            if (
                len(words) == 1
                and words[0].replace(".", "") == _acronym(other_words)
                and len(other_words) > 1
            ):
                return True
            if _key(other_words).endswith(" " + text) and len(words) >= 2:
                return True
    return False


# ---------------------------------------------------------------- step 4: names the model missed


def _find_untagged(article: Article, doc: Doc, names: list[_Name], groups: list[_Group]) -> None:
    """Find the other places a known name (or surname) appears without the model tagging it."""
    taken = {i for n in names for i in range(n.start, n.end)}
    forms: dict[str, tuple[int, str, str]] = {}
    for index, group in enumerate(groups):
        for name in group.names:
            forms.setdefault(" ".join(name.words), (index, name.kind, ""))
        if group.label == "PERSON":
            canonical = group.canonical.split()
            if len(canonical) >= 2:
                for surname in sorted(_surnames(canonical)):
                    original = (
                        canonical[-1] if surname == canonical[-1].lower() else canonical[-1].split("-", 1)[-1]
                    )
                    forms.setdefault(original, (index, "surname", ""))
    longest_first = sorted(forms.items(), key=lambda f: -len(f[0]))
    for token in doc:
        if token.i in taken or not token.text[:1].isupper():
            continue
        if token.idx < article.body.start or token.idx >= article.body.end:
            continue
        word = token.text
        for form, (index, _kind, _why) in longest_first:
            if form[: len(word)] != word[: len(form)]:
                continue  # the span's text starts with this token, so it cannot start with the form
            n_words = len(form.split())
            span = doc[token.i : token.i + n_words * 3]
            if not span.text.startswith(form):
                continue
            end = token.i
            while end < len(doc) and doc[token.i : end].text != form:
                end += 1
                if len(doc[token.i : end].text) > len(form):
                    break
            if doc[token.i : end].text != form or any(i in taken for i in range(token.i, end)):
                continue
            if end < len(doc) and doc[end].text[:1].isupper() and not doc[end].is_punct:
                continue  # part of a longer name
            group = groups[index]
            kind, link = _name_kind(form.split(), group)
            why = link or f"the name of {group.canonical} again"
            name = _Name(
                token.i,
                end,
                group.label,
                "",
                f"the model missed it, but it is {why}",
                kind=kind,
                words=tuple(form.split()),
                group=index,
            )
            group.names.append(name)
            names.append(name)
            taken.update(range(token.i, end))
            break
    for group in groups:
        group.names.sort(key=lambda n: n.start)


def _attach_title(doc: Doc, name: _Name, group: _Group) -> None:
    """ "President Putin", "Representative Adam Schiff": the title belongs to the mention."""
    if group.label != "PERSON":
        return
    i = name.start
    while i > 0 and _is_title(doc[i - 1]):
        i -= 1
    if i < name.start:
        name.title_start = i
        title = doc[i : name.start].text
        if name.kind in ("surname", "first name") or name.kind == "name":
            name.kind = "title"
        gender = (
            "male" if doc[i].lower_ in _MALE_TITLES else "female" if doc[i].lower_ in _FEMALE_TITLES else ""
        )
        if gender and not group.gender:
            group.gender = gender
            group.gender_reason = f"the title “{doc[i].text}”"
        group.roles.append(title)
        name.reason += f"; with the title “{title}”"


# ---------------------------------------------------------------- step 5: roles and affiliations


def _collect_roles(doc: Doc, groups: list[_Group]) -> None:
    for group in groups:
        if group.label != "PERSON":
            continue
        for name in group.names:
            for role in _roles_of(doc, name):
                if role and role.lower() not in (r.lower() for r in group.roles):
                    group.roles.append(role)
                    noun = role.split()[-1].lower() if role.split() else ""
                    if not group.gender and noun in _FEMALE_NOUNS | _MALE_NOUNS:
                        group.gender = "female" if noun in _FEMALE_NOUNS else "male"
                        group.gender_reason = f"the text calls {group.canonical} “{role}”"


def _roles_of(doc: Doc, name: _Name) -> list[str]:
    roles: list[str] = []
    root = doc[name.start : name.end].root
    # an appositive after the name: "Nikki Haley, the US ambassador to the United Nations,"
    for child in root.children:
        if (
            child.dep_ == "appos"
            and child.i >= name.end
            and (child.lemma_.lower() in _PERSON_NOUNS or child.lower_ in _PARTY_WORDS)
        ):
            roles.append(_strip_article(_subtree_text(doc, child)))
        if (
            child.dep_ == "relcl"
            and child.lemma_ in _ROLE_VERBS
            and any(g.lower_ == "who" for g in child.children)
        ):
            roles.append(_strip_article(_subtree_text(doc, child)).removeprefix("who ").strip())
    # the name is the appositive of a role: "the Syrian president, Bashar al-Assad"
    if root.dep_ == "appos" and root.head.lemma_.lower() in _PERSON_NOUNS and root.head.i < name.start:
        head = root.head
        left = head.left_edge.i
        while left < head.i and (doc[left].dep_ in ("det", "nummod") or doc[left].is_punct):
            left += 1
        if head.tag_ == "NNS":  # "Three Republican senators – Lindsey Graham, …": one senator each
            roles.append(f"{doc[left : head.i].text} {head.lemma_}".strip())
        else:
            roles.append(doc[left : head.i + 1].text)
    else:
        # a list after a plural role: "Three Republican senators – Lindsey Graham …, John McCain …"
        head = _list_head(doc, name)
        if head is not None:
            mods = [t.text for t in doc[head.left_edge.i : head.i] if t.dep_ in ("amod", "compound")]
            roles.append(" ".join([*mods, head.lemma_]))
    # "X of South Carolina"
    if (
        name.end + 1 < len(doc)
        and doc[name.end].lower_ == "of"
        and doc[name.end + 1].ent_type_ in ("GPE", "LOC")
    ):
        j = name.end + 1
        while (
            j < len(doc)
            and doc[j].ent_type_ in ("GPE", "LOC")
            and (j == name.end + 1 or doc[j].ent_iob_ == "I")
        ):
            j += 1
        roles.append(doc[name.end : j].text)
    # "(R-S.C.)", "(D-Calif.)"
    if name.end + 2 < len(doc) and doc[name.end].text == "(":
        match = re.match(r"\(([RDI])-([A-Z][A-Za-z.]*)\)", doc[name.end :].text[:20])
        if match:
            party = {"R": "Republican", "D": "Democrat", "I": "Independent"}[match.group(1)]
            roles.append(f"{party} of {match.group(2)}")
    # party or role words right before the name: "Republican Senator …", "Democratic candidate …"
    # (and their modifiers: "State health secretary Louise Farrow")
    first = name.title_start if name.title_start is not None else name.start
    i = first
    while (
        i > 0
        and (doc[i - 1].lower_ in _PARTY_WORDS or doc[i - 1].lower_ in _PERSON_NOUNS)
        and doc[i - 1].pos_ in ("PROPN", "ADJ", "NOUN")
        and doc[i - 1].dep_ in ("compound", "amod")
    ):
        i -= 1
    if i < first:
        while (
            i > 0 and doc[i - 1].dep_ in ("compound", "amod") and doc[i - 1].pos_ in ("PROPN", "ADJ", "NOUN")
        ):
            i -= 1
        roles.insert(0, doc[i:first].text)
    merged: list[str] = []
    for role in roles:
        if role.startswith("of ") and merged:
            merged[-1] = f"{merged[-1]} {role}"
        else:
            merged.append(role)
    return merged


def _list_head(doc: Doc, name: _Name) -> Token | None:
    """The plural role a name is listed under, as in "Three Republican senators – A, B and C –"."""
    i = name.start - 1
    while i >= 0 and doc[i].text not in ("–", "—", ":") and not doc[i].is_sent_start:
        if doc[i].text in (".", "(", ")", "“", "”"):
            return None
        i -= 1
    if i <= 0 or doc[i].text not in ("–", "—", ":"):
        return None
    head = doc[i - 1]
    if head.tag_ == "NNS" and head.lemma_.lower() in _PERSON_NOUNS:
        return head
    return None


def _strip_article(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", text, flags=re.IGNORECASE)


# ---------------------------------------------------------------- step 6: descriptions


def _subject_like(token: Token) -> bool:
    """A subject, or a name in apposition to one ("The chief executive, Dr Alan Whitcombe, said")."""
    if token.dep_ == "appos":
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def _person_mentions(groups: list[_Group], doc: Doc) -> list[tuple[int, int, int, bool]]:
    """(first token, last token + 1, group, is subject) of every person mention so far."""
    out = []
    for index, group in enumerate(groups):
        if group.label != "PERSON":
            continue
        for name in group.names:
            root = doc[name.start : name.end].root
            out.append(
                (
                    name.title_start if name.title_start is not None else name.start,
                    name.end,
                    index,
                    _subject_like(root),
                )
            )
        for mention in group.extra:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                out.append((span.start, span.end, index, _subject_like(span.root)))
    return sorted(out)


def _link_descriptions(article: Article, doc: Doc, groups: list[_Group], quotes: list) -> None:
    """ "The US president", "the senator": join the person the text gives that role."""
    named_tokens = {i for g in groups for n in g.names for i in range(n.title_start or n.start, n.end)}
    for token in doc:
        if token.idx < article.body.start or token.idx >= article.body.end or _inside(quotes, token.idx):
            continue
        noun = token.lower_
        if token.tag_ != "NN" or noun not in _DESCRIPTION_NOUNS or token.i in named_tokens:
            continue
        dets = [c for c in token.children if c.dep_ == "det"]
        if not dets or dets[0].lower_ != "the" or dets[0].i != token.left_edge.i:
            continue
        if token.dep_ == "appos" or any(c.dep_ == "appos" for c in token.children):
            continue  # "the Syrian president, Bashar al-Assad": a role, not a separate mention
        if any(c.dep_ in ("prep", "relcl", "acl") for c in token.children) and token.dep_ not in (
            "nsubj",
            "nsubjpass",
        ):
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN":
            continue  # "the president Vladimir Putin"
        start = dets[0].i
        modifiers = [t.text for t in doc[start + 1 : token.i]]
        target, reason = _description_target(doc, groups, token, noun, modifiers, quotes)
        if target is None:
            continue
        span = doc[start : token.i + 1]
        groups[target].extra.append(Mention(span.start_char, span.end_char, span.text, "description", reason))
        description = _strip_article(span.text)
        if description.lower() not in (r.lower() for r in groups[target].roles):
            groups[target].roles.append(description)
        named_tokens.update(range(start, token.i + 1))


_ROLE_ABBREVIATIONS = {
    "senator": {"sen", "sen."},
    "representative": {"rep", "rep."},
    "governor": {"gov", "gov."},
}


def _role_words(role: str) -> list[str]:
    return role.replace("-", " ").replace("’s", "").split()


_GENERIC_MODIFIERS = _wordset("former then current new top senior longtime outgoing incoming late embattled")


def _role_fit(role: str, noun: str, modifiers: list[str]) -> str:
    """How well a role fits a description.

    "strong": the role has the noun and every other word of the description ("US president" for
    "the US president"); "weak": it has the noun and every lowercase word, and the capitalised words
    do not contradict it ("Sen." for "the Vermont senator", not "Syrian president" for "the US
    president"); "" otherwise.
    """
    words = _role_words(role)
    lower = {w.lower() for w in words}
    if noun not in lower and not _ROLE_ABBREVIATIONS.get(noun, set()) & lower:
        return ""
    wanted = {m.lower() for m in modifiers} - _GENERIC_MODIFIERS
    if wanted <= lower:
        return "strong" if wanted else "weak"
    if not {m.lower() for m in modifiers if not m[:1].isupper()} - _GENERIC_MODIFIERS <= lower:
        return ""
    capitals = {m.lower() for m in modifiers if m[:1].isupper()}
    stated = {w.lower() for w in words if w[:1].isupper()} - _TITLES - _PERSON_NOUNS - {noun}
    return "" if stated and not capitals & stated else "weak"


def _last_mention_before(mentions: list[tuple], index: int, token: Token) -> int:
    starts = [m[0] for m in mentions if m[2] == index and m[1] <= token.i]
    return max(starts) if starts else -1


def _gender_fits(group: _Group, noun: str) -> bool:
    if noun in _FEMALE_NOUNS:
        return group.gender != "male"
    if noun in _MALE_NOUNS:
        return group.gender != "female"
    return True


def _description_target(doc, groups, token, noun, modifiers, quotes) -> tuple[int | None, str]:
    """The person a description such as "the senator" refers to, and why."""
    mentions = _person_mentions(groups, doc)
    for wanted in ("strong", "weak"):
        holders = []
        for index, group in enumerate(groups):
            if group.label != "PERSON" or group.plural or not _gender_fits(group, noun):
                continue
            fitting = [r for r in group.roles if _role_fit(r, noun, modifiers) == wanted]
            last = _last_mention_before(mentions, index, token)
            if fitting and last >= 0:
                holders.append((last, index, fitting[0]))
        if holders:
            _, index, role = max(holders)
            if wanted == "strong" and len(holders) == 1:
                return index, f"the text calls {groups[index].canonical} “{role}”"
            return index, f"{groups[index].canonical} is the last person before it the text calls “{role}”"
    # nobody holds the role: a description opening its sentence refers back to the subject of the sentence
    # before, when nothing in the description speaks against it
    if not _subject_like(token) or token.left_edge.i != token.sent.start or token.sent.start == 0:
        return None, ""
    if any(m.lower() in _PARTY_WORDS for m in modifiers):
        return None, ""
    previous = doc[token.sent.start - 1].sent
    candidates = [
        m
        for m in mentions
        if m[3]
        and previous.start <= m[0] < previous.end
        and _inside(quotes, doc[m[0]].idx) is None
        and not groups[m[2]].plural
        and _gender_fits(groups[m[2]], noun)
        and not any(_conflicts(r, noun, modifiers) for r in groups[m[2]].roles)
    ]
    if not candidates:
        return None, ""
    first = min(candidates, key=lambda m: (_depth(doc[m[0] : m[1]].root), m[0]))
    name = groups[first[2]].canonical
    return first[2], (
        f"no one before it is called “{noun}”; it refers back to {name}, the subject of the sentence before"
    )


def _conflicts(role: str, noun: str, modifiers: list[str]) -> bool:
    """The role has the same noun with other modifiers: "Syrian president" against "the US president"."""
    words = [w.lower() for w in _role_words(role)]
    return noun in words and len(words) > 1 and not _role_fit(role, noun, modifiers)


# ---------------------------------------------------------------- step 7: pronouns


def _link_pronouns(article: Article, doc: Doc, groups: list[_Group], quotes: list) -> None:
    """Link he / she / his / her to people, they / their to groups, and a speaking "it" to an organisation.

    Two passes: first each he/she votes for the best-placed person before it, whatever their
    gender, and a person gets the gender most of their votes say (a title such as Mrs or a noun
    such as spokeswoman decides first); then each pronoun joins the best-placed person of a
    compatible gender.
    """
    sentence_of = {}
    for number, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sentence_of[i] = number
    pronouns = []
    for token in doc:
        if (
            token.idx < article.body.start
            or token.idx >= article.body.end
            or token.pos_ not in ("PRON", "DET")
        ):
            continue
        word = token.lower_
        gender = (
            "male"
            if word in _MALE_PRONOUNS
            else "female"
            if word in _FEMALE_PRONOUNS
            else "plural"
            if word in _PLURAL_PRONOUNS
            else ""
        )
        if word == "it" and token.dep_ == "nsubj" and token.head.lemma_ in _SPEECH_VERBS:
            gender = "neuter"  # "The agency said it would …": only organisations speak as "it"
        if gender:
            pronouns.append((token, gender))
    mentions = _person_mentions(groups, doc)
    mentions += [
        (n.start, n.end, index, _subject_like(doc[n.start : n.end].root))
        for index, group in enumerate(groups)
        if group.plural or group.label == "ORG"
        for n in group.names
    ]
    mentions.sort()
    ranked = {
        token.i: _pronoun_candidates(doc, mentions, token, _inside(quotes, token.idx), quotes, sentence_of)
        for token, _ in pronouns
    }
    votes: dict[int, Counter] = {}
    for token, gender in pronouns:
        people = [c for c in ranked[token.i] if groups[c[0]].label == "PERSON" and not groups[c[0]].plural]
        if gender in ("male", "female") and people:
            votes.setdefault(people[0][0], Counter())[gender] += 1
    for index, counter in votes.items():
        group = groups[index]
        (top, count), *rest = [*counter.most_common(), ("", 0)]
        if not group.gender and count > rest[0][1]:
            group.gender = top
            group.gender_reason = (
                f"{counter[top]} of the {sum(counter.values())} he/she pronouns that point to "
                f"{group.canonical} say {'he' if top == 'male' else 'she'}"
            )
    for token, gender in pronouns:
        for index, why, back in ranked[token.i]:
            if gender == "neuter" and back > 3:
                break
            group = groups[index]
            if gender == "plural":
                # a group only when it is a subject close by, with no other plural subject in between
                # ("Republicans … their", but not "Clinton aides … they")
                if back > 1 or not why.startswith("the subject"):
                    break
                if not group.plural:
                    continue
                last = max(n.end for n in group.names if n.end <= token.i)
                if any(t.tag_ == "NNS" and _subject_like(t) for t in doc[last : token.i]):
                    break
            elif gender == "neuter":
                if group.plural or group.label != "ORG":
                    continue
            elif group.plural or group.label != "PERSON" or (group.gender and group.gender != gender):
                continue
            reason = f"“{token.text}” refers back to {group.canonical}: {why}"
            if gender in ("male", "female") and group.gender_reason:
                reason += f" ({group.gender_reason})"
            group.extra.append(Mention(token.idx, token.idx + len(token.text), token.text, "pronoun", reason))
            break


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


def _pronoun_candidates(doc, mentions, token, quote, quotes, sentence_of) -> list[tuple[int, str, int]]:
    """Entities mentioned before a pronoun, best first.

    Inside a quotation only people named earlier in the same quotation count. Outside, the
    sentence itself comes first, then the sentences before it (up to eight, skipping what is
    quoted); within a sentence the main clause's subject comes first, then other subjects, then
    the nearest mention.
    """
    before = [m for m in mentions if m[1] <= token.i]
    if quote is not None:
        inside = [m for m in before if quote[0] <= doc[m[0]].idx < quote[1]]
        inside.sort(key=lambda m: (not m[3], -m[0]))
        return [(m[2], "the nearest person named earlier in the same quotation", 0) for m in inside]
    outside = [m for m in before if _inside(quotes, doc[m[0]].idx) is None]
    here = sentence_of.get(token.i, 0)
    ranked: list[tuple[int, str]] = []
    for back in range(0, 9):
        number = here - back
        if number < 0:
            break
        in_sentence = [m for m in outside if sentence_of.get(m[0]) == number]
        in_sentence.sort(key=lambda m: (not m[3], _depth(doc[m[0] : m[1]].root), -m[0]))
        where = (
            "in the same sentence"
            if back == 0
            else ("in the sentence before" if back == 1 else f"{back} sentences before")
        )
        for m in in_sentence:
            ranked.append((m[2], f"the {'subject' if m[3] else 'nearest person'} {where}", back))
    return ranked


# ---------------------------------------------------------------- step 8: entities


def _build_entities(article: Article, doc: Doc, groups: list[_Group]) -> list[Entity]:
    built = []
    for group in groups:
        mentions: dict[tuple[int, int], Mention] = {}
        for name in group.names:
            start_token = name.title_start if name.title_start is not None else name.start
            span = doc[start_token : name.end]
            label = "PERSON" if name.model_label == "PERSON" else name.model_label
            mentions.setdefault(
                (span.start_char, span.end_char),
                Mention(
                    span.start_char,
                    span.end_char,
                    span.text,
                    name.kind,
                    name.reason,
                    {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}.get(label, label),
                ),
            )
        for mention in group.extra:
            mentions.setdefault((mention.start, mention.end), mention)
        ordered = tuple(sorted(mentions.values(), key=lambda m: (m.start, m.end)))
        if not ordered:
            continue
        roles = _distinct_roles(group.roles)
        built.append((ordered, group, roles))
    built.sort(key=lambda item: (item[0][0].start, item[0][0].end))
    entities = []
    for number, (mentions, group, roles) in enumerate(built, start=1):
        entities.append(
            Entity(
                id=f"E{number}",
                name=group.canonical,
                label=group.label,
                role="; ".join(roles) if roles else None,
                mentions=mentions,
                gender=group.gender,
                roles=roles,
            )
        )
    return entities


def _distinct_roles(roles: Sequence[str]) -> tuple[str, ...]:
    """Roles in order, without repeats or roles another one already says ("Republican" in
    "Republican nominee")."""
    unique = list(dict.fromkeys(r.strip() for r in roles if r.strip()))
    words = [set(re.findall(r"[\w-]+", r.lower())) for r in unique]
    kept = []
    for i, role in enumerate(unique):
        if any(j != i and words[i] < words[j] for j in range(len(unique))):
            continue
        if any(words[i] == words[j] for j in range(i)):
            continue
        kept.append(role)
    return tuple(kept)


def cast_json(cast: Sequence[Entity]) -> list[dict[str, Any]]:
    """The cast as JSON-ready dicts (the ``entities`` of ``newslab annotate``)."""
    return [entity.to_json() for entity in cast]
