"""Roles and affiliations: what the text says each person is ("the Republican senator of Arizona")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newslab.layers.cast.names import _subtree_text
from newslab.layers.cast.records import _Group, _Name
from newslab.layers.cast.words import _FEMALE_NOUNS, _MALE_NOUNS, _PARTY_WORDS, _PERSON_NOUNS, _ROLE_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


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
