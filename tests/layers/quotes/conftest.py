"""Shared fixtures of the quote tests: an invented text parsed, and the statements the kit finds in it."""

from __future__ import annotations

import pytest

from newslab.article import Article


@pytest.fixture(scope="module")
def parsed():
    """A function from an invented text to its article and spaCy parse."""
    pytest.importorskip("spacy")
    from newslab.nlp import parse

    def run(text):
        article = Article.from_text(text)
        return article, parse(article)

    return run


@pytest.fixture(scope="module")
def quotes_in(parsed):
    """A function from an invented text to the ``Quote`` records ``find_quotes`` gives it (no cast)."""
    from newslab.quotes import find_quotes

    def run(text):
        return find_quotes(*parsed(text), [])

    return run
