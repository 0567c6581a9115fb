"""Shared fixture of the quote tests: the statements the kit finds in an invented text."""

from __future__ import annotations

import pytest

from newslab.article import Article


@pytest.fixture(scope="module")
def quotes_in():
    """A function from an invented text to the ``Quote`` records ``find_quotes`` gives it (no cast)."""
    pytest.importorskip("spacy")
    from newslab.nlp import parse
    from newslab.quotes import find_quotes

    def run(text):
        article = Article.from_text(text)
        return find_quotes(article, parse(article), [])

    return run
