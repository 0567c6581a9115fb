"""Every time-expression rule, in the order the tagger tries them: the one explicit list.

Where matches overlap, the tagger keeps the longest, then the one that starts first, then the
one whose rule is listed first here. A new rule is a handler decorated with ``@_rule(name, pattern)`` in
``rules_days``, ``rules_sets``, ``rules_years`` or ``rules_holidays``, listed here at its place.
"""

from __future__ import annotations

from newslab.layers.time import rules_days as days
from newslab.layers.time import rules_holidays as holidays
from newslab.layers.time import rules_sets as sets
from newslab.layers.time import rules_years as years
from newslab.layers.time.context import Rule

RULES: tuple[Rule, ...] = tuple(
    handler.rule
    for handler in (
        days._iso,
        days._slash,
        days._month_day,
        days._week_of,
        days._day_month,
        days._month_year,
        days._month,
        days._clock,
        days._day_part,
        days._this_part,
        days._day_word,
        days._anchored_day,
        sets._sets_weekday,
        sets._sets,
        days._refs,
        days._this_unit,
        days._season,
        days._season_of,
        years._spoken,
        years._decade,
        years._century,
        years._year,
        years._quarter,
        years._quarter_adj,
        years._quarter_code,
        years._year_ago_adj,
        years._ago,
        years._every_n,
        years._long_unit,
        years._duration_rule,
        years._vague_duration,
        years._plural_units,
        holidays._named_day,
        years._misc,
    )
)
