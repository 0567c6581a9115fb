"""Speakers of statements (part of the attribution rules, see ``attribution``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslab.layers.quotes.cues import (
    CHANNEL_NOUNS,
    SETTING_PREPS,
    SUBJECTS,
    coordinated_cue,
    is_according,
    is_attitude,
    names_someone,
)
from newslab.layers.quotes.misparsed import subject_taken_for_a_clause
from newslab.layers.quotes.tokens import _SENTENCE_END, _head_of_name

if TYPE_CHECKING:
    from spacy.tokens import Token


class _Speakers:
    """Speakers: the words that name who made a statement, found from its cue."""

    # ------------------------------------------------------------ speakers, cues, channels

    def speaker_token(self, cue: Token) -> Token | None:
        """The word that names who spoke: the subject of the cue (or of the verb it hangs from)."""
        speaker = self._speaker_token(cue)
        if speaker is None:
            return None
        around = self.quote_around(speaker.idx)
        if around is not None and around != self.quote_around(cue.idx):
            return None
        if speaker.pos_ == "NUM" and self.counted_speaker(cue) == speaker:
            return speaker  # "said one of the witnesses", "Three in 10 said, “…”": a count of people
        if (
            speaker.is_punct
            or speaker.pos_ in ("X", "SYM", "NUM")
            or speaker.lower_ in ("that", "this", "what")
        ):
            return None
        if speaker.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
            return None
        # "said Monday" is a time; a name the parser left as loosely hung still speaks: "“…,” Ramos, 58, told…"
        if speaker.dep_ == "npadvmod" and speaker.pos_ != "PROPN":
            return None
        if speaker.tag_ == "NN" and not names_someone(speaker):
            # "…until the election, Jane Roe, an adviser, called…" (misparsed); but a group stays:
            # "Three senators – Ann Lee, …– criticised…"
            for child in speaker.children:
                if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                    return child
        return speaker

    def _speaker_token(self, cue: Token) -> Token | None:
        if cue.text == ":":
            return cue.doc[cue.i - 1] if cue.i > 0 else None  # a transcript's label: "Lee: “…”"
        if is_attitude(cue):
            return self.holder_token(cue)
        if is_according(cue):
            for child in cue.children:
                if child.lower_ == "to":
                    for grandchild in child.children:
                        if grandchild.dep_ == "pobj":
                            return self.author_of(grandchild)
            following = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None
            if following is not None and following.lower_ == "to":
                for grandchild in following.children:
                    if grandchild.dep_ == "pobj":
                        return self.author_of(grandchild)
            return None
        if any(c.dep_ == "nsubjpass" for c in cue.children):  # "has been called a charlatan by doctors"
            agents = [g for c in cue.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if agents:
                return agents[0]
        before = cue.doc[cue.i - 1] if cue.i > 0 else None
        if (
            cue.tag_ == "VBG"
            and before is not None
            and before.ent_type_ == "PERSON"
            and before.dep_ == "pobj"
            and before.head.lower_ == "of"
        ):
            return before  # "footage of Hillary Clinton asking, “…”": she is the speaker, not the footage
        named = subject_taken_for_a_clause(cue)
        if named is not None:
            return named
        token = cue.head.head if coordinated_cue(cue) else cue
        for _ in range(4):
            subjects = [
                c
                for c in token.children
                if c.dep_ in SUBJECTS and self.quote_around(c.idx) == self.quote_around(cue.idx)
            ]
            if subjects:
                # two subjects are a misparse; the nearer one did it: "LEEDS (AFP) – Lee has taken…",
                # "The rejection signals “the end”, said Hale"
                subject = min(subjects, key=lambda s: abs(s.i - token.i))
                if subject.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
                    if subject.lower_ in ("who", "which"):
                        return subject  # "…, who said": the mention is "who", the name comes from its noun
                    return self.author_of(token.head)
                if subject.dep_ == "csubj":
                    return None
                return subject
            agents = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if agents:
                return agents[0]
            climbs = ("advcl", "xcomp", "conj", "pcomp", "ccomp") + (
                ("dobj",) if token.pos_ == "NOUN" else ()
            )
            if token.dep_ in climbs and token.head.i != token.i:
                if token.dep_ == "ccomp" and token.lower_ not in ("had", "has", "have"):
                    break
                token = token.head
                opening = token.dep_ == "prep" and token.lower_ in SETTING_PREPS and token.i < token.head.i
                if opening and token.head.pos_ in ("VERB", "AUX"):
                    token = token.head  # "After saying…, she was…": she said it
                continue
            if (
                token.dep_ in ("relcl", "acl")
                and token.head.i != token.i
                and token.head.pos_ in ("PROPN", "NOUN")
            ):
                return self.author_of(token.head)  # "footage of Hillary Clinton asking, “…”"
            break
        # "“…,” Flynn, a top Trump surrogate, said": the first name between the quotation and the cue
        if cue.i > 0 and self.quote_around(cue.doc[cue.i - 1].idx) is None:
            segment, after_quote = [], False
            for token in reversed(cue.doc[max(0, cue.i - 15) : cue.i]):
                if self.quote_around(token.idx):
                    after_quote = True
                    break
                if token.text in _SENTENCE_END or token.is_space:
                    break
                segment.append(token)
            for token in reversed(segment if after_quote else []):
                if (token.pos_ == "PROPN" or token.ent_type_ == "PERSON") and token.dep_ not in (
                    "pobj",
                    "poss",
                ):
                    return _head_of_name(token)
        # "…,” said Mr. Burman": a name right after the cue
        for neighbour in cue.doc[cue.i + 1 : cue.i + 5]:
            named = neighbour.pos_ in ("PROPN", "PRON") or neighbour.ent_type_ in ("PERSON", "ORG")
            if named and neighbour.dep_ not in ("dobj", "dative", "pobj", "poss"):
                return _head_of_name(neighbour)
            if neighbour.is_punct:
                break
        return None

    def author_of(self, noun: Token) -> Token:
        """Who made a document that speaks: "Rubio criticised it in a series of tweets that compared…".

        A channel noun (tweets, a statement, a letter) is not itself the speaker when the sentence
        says who posted or wrote it: its possessor, or the subject of the verb it hangs from.
        """
        if noun.lemma_.lower() not in CHANNEL_NOUNS and noun.lower_ not in CHANNEL_NOUNS:
            return noun
        for child in noun.children:
            if child.dep_ == "poss":
                return child
        for child in noun.children:  # "a speech Mrs. Clinton delivered"
            if child.dep_ == "relcl":
                subjects = [g for g in child.children if g.dep_ == "nsubj" and g.tag_ not in ("WDT", "WP")]
                if subjects and names_someone(subjects[0]):
                    return subjects[0]
        token = noun
        for _ in range(3):
            if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.i != token.head.i:
                token = token.head.head
            else:
                break
        if token.dep_ in ("dobj", "pobj", "prep") or token.pos_ in ("VERB", "AUX"):
            verb = token if token.pos_ in ("VERB", "AUX") else token.head
            if verb.pos_ in ("VERB", "AUX"):
                for child in verb.children:
                    if child.dep_ == "nsubj" and child.tag_ not in ("WDT", "WP"):
                        return child
        return noun

    def mention_span(self, token: Token) -> tuple[int, int]:
        """The words of a noun phrase that name someone: its head and what comes before it."""
        start = token.i
        for child in token.lefts:
            if child.dep_ in ("punct", "cc", "conj", "appos", "relcl", "prep", "advmod", "preconj"):
                continue
            start = min(start, child.left_edge.i)
        while start < token.i and (self.doc[start].is_punct or self.doc[start].is_space):
            start += 1
        first = self.doc[start]
        last = token
        if token.pos_ == "NUM" or token.ent_type_ in ("CARDINAL", "PERCENT"):
            # a count names people only with what it counts: "one of the witnesses", "Three in 10"
            counted = [c for c in token.rights if c.dep_ == "prep" and c.lower_ in ("of", "in")]
            if counted:
                last = counted[0].right_edge
        return first.idx, last.idx + len(last.text)

    def cue_span(self, cue: Token) -> tuple[int, int]:
        """The cue with its auxiliaries and particle: "had said", "is telling", "pointed out"."""
        if is_according(cue):
            to = cue.nbor(1) if cue.i + 1 < len(cue.doc) and cue.nbor(1).lower_ == "to" else cue
            return cue.idx, to.idx + len(to.text)
        start = cue.i
        while start > 0:
            previous = self.doc[start - 1]
            if (previous.dep_ in ("aux", "auxpass", "neg") and previous.head.i in (cue.i, cue.head.i)) or (
                cue.pos_ == "NOUN" and previous.lower_ in ("had", "has", "have", "was")
            ):
                start -= 1
            else:
                break
        end = cue.i
        if end + 1 < len(self.doc) and self.doc[end + 1].dep_ == "prt" and self.doc[end + 1].head.i == cue.i:
            end += 1
        last = self.doc[end]
        return self.doc[start].idx, last.idx + len(last.text)
