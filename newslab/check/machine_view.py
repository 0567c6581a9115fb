"""Checks for the machine's-view section of notebook 03: find a speaker by reading the tree.

The answer is graded against the hand-checked gold file (who said it, as the text states), not
against the parse: the tree is the student's evidence, the text is the judge.
"""

from __future__ import annotations

from typing import Any

from newslab.article import Article
from newslab.check._core import CheckResult, ask_for, fail, passed, same_name, unanswered


def speaker_by_tree(article: Article, quote: str, answer: Any) -> CheckResult:
    """Exercise: who is the speaker of the reported words ``quote``? (Read the dependency tree.)

    Args:
        article: the article.
        quote: the reported words, as the text prints them.
        answer: the student's answer: a name (full name or surname, any case) or the subject's word.
    """
    from newslab.annotations import load_gold

    records = [q for q in load_gold(article).labelled("QUOTE") if q.text == quote]
    if not records:
        raise ValueError(f"no quote {quote!r} in the gold file of {article.id}")
    record = records[0]
    speaker = record.attrs["speaker"]
    mention = article.text[record.attrs["speaker_start"] : record.attrs["speaker_end"]]
    if unanswered(answer):
        return ask_for("the speaker's name, as a string")
    if not isinstance(answer, str) or not answer.strip():
        return fail("Answer with the speaker's name as text, in quotation marks.")
    if same_name(answer, speaker) or answer.strip().casefold() == mention.casefold():
        return passed(
            f"“{mention}” is the subject (nsubj) of the speech verb “{record.attrs['cue']}”, and "
            f"the reported words hang from that verb: {speaker} said “{quote}”."
        )
    words = quote.casefold().split()
    if answer.strip().casefold() in words:
        return fail(
            f"“{answer.strip()}” is inside what was said. Go up the arrows from the reported verb to the speech "
            f"verb “{record.attrs['cue']}”, then find its subject (nsubj)."
        )
    cue = record.attrs["cue"]
    sentence = next(s for s in article.sentences if s.start <= record.start < s.end)
    others = [
        q
        for q in load_gold(article).labelled("QUOTE")
        if sentence.start <= q.start < sentence.end
        and q.attrs.get("cue") != cue
        and same_name(answer, q.attrs.get("speaker"))
    ]
    if others:
        return fail(
            f"{answer.strip()} is the subject of another speech verb of the sentence, “{others[0].attrs['cue']}”. "
            f"Which subject hangs from “{cue}”?"
        )
    return fail(
        f"Not that one. Which word hangs from “{cue}” with the label nsubj? That word names the speaker."
    )
