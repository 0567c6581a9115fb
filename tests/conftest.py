"""Shared fixtures: the bundled article and the repository's folders."""

from __future__ import annotations

from pathlib import Path

import pytest

import newslab

ROOT = Path(__file__).resolve().parents[1]
SEED = "trump-russia-cyber"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed() -> newslab.Article:
    """The bundled running example, loaded once for the whole test run."""
    return newslab.load_article(SEED)
