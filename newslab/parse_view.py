"""The machine's view of one sentence: its tokens, its dependency tree and its named entities.

Every table of the kit starts from spaCy's analysis of the text: each word (a *token*) gets a part of
speech, a lemma (its dictionary form) and a dependency — which word it hangs from, and how. These
functions show that analysis for one sentence of an article, so a student can read what the rules
read: for instance that a speaker is the **subject** (``nsubj``) of a **speech verb** such as "said".

Example:
    >>> from newslab.parse_view import sentence_tokens, dependency_svg
    >>> sentence_tokens(article, 7)[["text", "pos", "lemma", "dep", "head"]]   # doctest: +SKIP
    >>> HTML(dependency_svg(article, 7))                                        # doctest: +SKIP

spaCy's displaCy draws the tree; its SVG carries a random id on every drawing, which this module
replaces with one made from the article and the sentence, so the same sentence always gives the
same SVG.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newslab import errors
from newslab.article import Article

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Span

TOKEN_COLUMNS = ["token", "text", "pos", "lemma", "dep", "head", "head_token", "entity"]
ENTITY_COLUMNS = ["text", "label", "start", "end"]
SUBJECT_COLUMNS = ["cue", "cue_lemma", "subject", "subject_dep", "speaker"]
_RANDOM_ID = re.compile(r'\bid="([0-9a-f]{32})-')


def sentence_span(article: Article, sentence: int) -> Span:
    """The spaCy span of sentence number ``sentence`` (numbered from 0, as in ``sentences_table``).

    Raises:
        InvalidInput: when the article has no sentence of that number.
    """
    from newslab.nlp import parse

    if (
        isinstance(sentence, bool)
        or not isinstance(sentence, int)
        or not 0 <= sentence < len(article.sentences)
    ):
        raise errors.InvalidInput(
            f"There is no sentence {sentence!r} in `{article.id}`: give a number from 0 to "
            f"{len(article.sentences) - 1}, as in the `sentence` column of sentences_table(article)."
        )
    part = article.sentences[sentence]
    return parse(article).char_span(part.start, part.end, alignment_mode="expand")


def sentence_tokens(article: Article, sentence: int) -> pd.DataFrame:
    """One row per token of a sentence, as the model sees it.

    Columns: ``token`` (its number in the sentence, from 0), ``text``, ``pos`` (part of speech: NOUN,
    VERB, PROPN for a proper name…), ``lemma`` (the dictionary form: "added" → "add"), ``dep`` (how
    it hangs from its head: ``nsubj`` subject, ``dobj`` object, ``ROOT`` the top of the tree…),
    ``head`` and ``head_token`` (the word it hangs from, and that word's number), ``entity`` (the
    model's named-entity type, empty when none).
    """
    import pandas as pd

    span = sentence_span(article, sentence)
    rows = [
        {
            "token": token.i - span.start,
            "text": token.text,
            "pos": token.pos_,
            "lemma": token.lemma_,
            "dep": token.dep_,
            "head": token.head.text,
            "head_token": token.head.i - span.start,
            "entity": token.ent_type_,
        }
        for token in span
        if not token.is_space
    ]
    return pd.DataFrame(rows, columns=TOKEN_COLUMNS)


def sentence_entities(article: Article, sentence: int) -> pd.DataFrame:
    """The model's named entities in a sentence: their words, their type and their character offsets."""
    import pandas as pd

    span = sentence_span(article, sentence)
    rows = [
        {"text": ent.text, "label": ent.label_, "start": ent.start_char, "end": ent.end_char}
        for ent in span.doc.ents
        if ent.start >= span.start and ent.end <= span.end
    ]
    return pd.DataFrame(rows, columns=ENTITY_COLUMNS)


def speech_verb_subjects(article: Article, sentence: int) -> pd.DataFrame:
    """From tree to speaker: each speech verb of a sentence, its subject, and whom the kit takes it for.

    Columns: ``cue`` (the speech verb as written), ``cue_lemma``, ``subject`` (the words of the
    subject's name or pronoun), ``subject_dep`` (``nsubj``…), ``speaker`` (the cast entity that
    mention belongs to — a pronoun such as "he" is resolved to a person; empty when the cast has
    none). This is the first step of the kit's attribution; ``quotes_table`` adds the rules for
    quotes without a verb, passive verbs, "according to" and more.
    """
    import pandas as pd

    from newslab.analysis import analyze
    from newslab.layers.quotes.cues import SUBJECTS, cue_lemma, is_cue
    from newslab.people import entity_at

    span = sentence_span(article, sentence)
    cast = analyze(article).cast
    rows = []
    for token in span:
        if not is_cue(token):
            continue
        for child in token.children:
            if child.dep_ not in SUBJECTS:
                continue
            words = [t for t in child.subtree if t.i <= child.i and t.dep_ in ("compound", "flat")] + [child]
            start, end = words[0].idx, child.idx + len(child.text)
            entity = entity_at(cast, start, end)
            rows.append(
                {
                    "cue": token.text,
                    "cue_lemma": cue_lemma(token),
                    "subject": article.text[start:end],
                    "subject_dep": child.dep_,
                    "speaker": entity.name if entity is not None else "",
                }
            )
    return pd.DataFrame(rows, columns=SUBJECT_COLUMNS)


def dependency_svg(article: Article, sentence: int, *, compact: bool = True, distance: int = 110) -> str:
    """The dependency tree of a sentence as an SVG drawing (displaCy), the same every time.

    Each word shows its part of speech underneath; each arrow goes from a head to the word that hangs
    from it, labelled with the dependency. The words are escaped by displaCy; the random id it gives
    each drawing is replaced by ``newslab-<article>-s<sentence>``.

    Args:
        article: the article.
        sentence: the sentence's number, from 0.
        compact: square arrows and a smaller drawing (displaCy's ``compact`` option).
        distance: the space between two words, in pixels.
    """
    from spacy import displacy

    span = sentence_span(article, sentence)
    svg = displacy.render(
        span, style="dep", jupyter=False, options={"compact": compact, "distance": distance}
    )
    return deterministic_ids(svg, f"newslab-{_slug(article.id)}-s{sentence}")


def deterministic_ids(svg: str, name: str) -> str:
    """``svg`` with each random displaCy id replaced by ``name`` (then ``name-2``… for later ones)."""
    seen: dict[str, str] = {}
    for random_id in _RANDOM_ID.findall(svg):
        if random_id not in seen:
            seen[random_id] = name if not seen else f"{name}-{len(seen) + 1}"
    for random_id, fixed in seen.items():
        svg = svg.replace(random_id, fixed)
    return svg


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "article"
