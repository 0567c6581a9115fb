"""Who-said-what engine: every attributed statement, its kind, speaker, cue and channel."""

from newslab.layers.quotes.find import find_quotes
from newslab.layers.quotes.records import KINDS, Quote

__all__ = ["KINDS", "Quote", "find_quotes"]
