"""Names: the model's names cleaned and retyped, grouped into one entity each, and the names the model missed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newslab.layers.cast.records import _Group, _Name
from newslab.layers.cast.words import (
    _CLAUSE_WORDS,
    _FEMALE_TITLES,
    _MALE_TITLES,
    _NAME_PARTICLES,
    _ORG_HEADS,
    _ORG_SUFFIXES,
    _ORG_WORDS,
    _PERSON_NOUNS,
    _PLACE_HEADS,
    _SPEECH_VERBS,
    _TITLES,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newslab.article import Article

# ---------------------------------------------------------------- step 1: the model's names

_SURNAMES_TOO = {"power", "post", "banks"}  # "Samantha Power" is a person


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
        elif (
            name.label != "ORG"
            and len(name.words) > 1
            and name.words[-1].lower() in _ORG_SUFFIXES - _SURNAMES_TOO
            and not (name.start > 0 and _is_title(doc[name.start - 1]))
        ):
            name.label = "ORG"
            name.reason += f", but “{name.words[-1]}” ends the names of organisations, so it is an ORG"
    return [n for n in names if n.words]


def _clean_span(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Trim "the", possessive endings and punctuation; split "CBS’s Face the Nation" in two.

    A name ends before a lower-case word that opens a clause ("the Daily Courier that Southvale").
    """
    end = next((i for i in range(start, end) if doc[i].text in _CLAUSE_WORDS), end)
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
    if not 1 <= len(tokens) <= 4 or any(t.lower_ in _ORG_WORDS or t.lower_ in _ORG_SUFFIXES for t in tokens):
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
