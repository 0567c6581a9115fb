"""Timeline engine: time expressions (TIMEX3) normalised to the publication date, and events in time order."""

from newslab.layers.time.events import NOT_STATED, Event, find_events, value_range
from newslab.layers.time.records import TIMEX_TYPES, Timex
from newslab.layers.time.tagger import find_timexes, tag_timexes

__all__ = [
    "NOT_STATED",
    "TIMEX_TYPES",
    "Event",
    "Timex",
    "find_events",
    "find_timexes",
    "tag_timexes",
    "value_range",
]
