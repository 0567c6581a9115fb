"""Unit tests of reported speech (newslab/layers/quotes/reported.py) on invented sentences.

Every test parses small invented sentences with the small English model (marked ``model``).
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def reports(quotes_in):
    def run(text):
        return [(q.text, q.speaker_mention, q.cue) for q in quotes_in(text) if q.kind == "indirect"]

    return run


# ---------------------------------------------------------------- a count of people as the source


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Three in 10 say the harbour should stay open at night.",
            ("the harbour should stay open at night", "Three", "say"),  # the parse hangs "in 10" on "say"
        ),
        (
            "Nearly half of the parents said the school day was too long.",
            ("the school day was too long", "half of the parents", "said"),
        ),
        (
            "Two-thirds said the ferry was late most mornings.",
            ("the ferry was late most mornings", "Two-thirds", "said"),
        ),
        (
            "Some 42% say the harbour should stay open.",
            ("the harbour should stay open", "Some 42%", "say"),
        ),
    ],
)
def test_a_count_of_people_says_what_it_reports(reports, text, expected):
    assert expected in reports(text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "quoted", "mention"),
    [
        (
            "“We saw the smoke first,” said one of the witnesses.",
            "“We saw the smoke first,”",
            "one of the witnesses",
        ),
        ("“The bridge shook,” one of the drivers said.", "“The bridge shook,”", "one of the drivers"),
        (
            "Three in 10 said, “It is too late to change the plan.”",
            "“It is too late to change the plan.”",
            "Three in 10",
        ),
    ],
)
def test_a_count_of_people_is_the_speaker_of_a_direct_quote_too(quotes_in, text, quoted, mention):
    assert [(q.kind, q.text, q.speaker_mention) for q in quotes_in(text)] == [("direct", quoted, mention)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "In 2015, the town paid 30,000 pounds for the old bridge.",  # a year and a sum say nothing
        "Twelve of the boats sank in the storm.",  # a count that does nothing of saying
    ],
)
def test_a_number_that_says_nothing_is_no_source(reports, text):
    assert reports(text) == []


# ---------------------------------------------------------------- what a poll found


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In the new county poll, Lopez leads Hart by nine points.",
            ("Lopez leads Hart by nine points", "the new county poll", "In"),
        ),
        (
            "In a survey of shop owners, rents were the biggest worry by far.",
            ("rents were the biggest worry by far", "a survey", "In"),
        ),
        # the poll named at the end of the clause
        (
            "Lopez leads Hart by nine points in the new county poll.",
            ("Lopez leads Hart by nine points", "the new county poll", "in"),
        ),
    ],
)
def test_a_poll_named_at_the_head_or_end_of_a_clause_is_the_source_of_its_finding(reports, text, expected):
    assert expected in reports(text)


@pytest.mark.model
def test_a_poll_whose_sentence_reports_someone_leaves_the_report_to_them(reports):
    found = reports("In the new poll, most voters said the bypass should be built.")
    assert ("the bypass should be built", "most voters", "said") in found
    assert all(cue != "In" for _text, _speaker, cue in found)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "In the morning, the ferry leaves at six.",  # a time, not a poll
        "In the harbour, the boats were tied up for the winter.",  # a place
        "Hart, who is third in the county poll, visited the harbour.",  # a clause on a name
    ],
)
def test_an_opening_phrase_that_names_no_poll_reports_nothing(reports, text):
    assert reports(text) == []


# ---------------------------------------------------------------- where a report with an object ends


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the one asked, and what they are asked to do
        ("She urged voters to reject the plan.", ("voters to reject the plan", "She", "urged")),
        ("Lee told the council to reopen the ferry.", ("the council to reopen the ferry", "Lee", "told")),
        # what the object is for, though the parser hangs it on the verb
        (
            "The mayor announced a series of steps to tighten parking rules.",
            ("a series of steps to tighten parking rules", "The mayor", "announced"),
        ),
    ],
)
def test_a_to_clause_after_the_object_belongs_to_the_report(reports, text, expected):
    assert expected in reports(text)


# ---------------------------------------------------------------- plain reports the parser hangs oddly


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "said" parsed as a conjunct of what was said, its subject after it
            "The big steel plant is hanging on, but it is under intense pressure from imports, said the "
            "company chief executive, John Hale.",
            (
                "The big steel plant is hanging on, but it is under intense pressure from imports",
                "John Hale",
                "said",
            ),
        ),
        (  # the "that" clause parsed as a relative clause on "series"
            "Ann Lee, a former mayor of Leeds, said in one of a series of messages that the truck was "
            "carrying arms when it struck the crowd.",
            ("that the truck was carrying arms when it struck the crowd", "Ann Lee", "said"),
        ),
        (  # the reporting clause leads the sentence, set off by commas
            "At times last year, people close to the mayor said, the mere mention of the bridge could make him fume.",
            ("the mere mention of the bridge could make him fume", "people", "said"),
        ),
        (
            "Asked if the plan was legal, 46 percent of voters said yes.",
            ("yes", "46 percent of voters", "said"),
        ),
        (  # "rabbi" parsed as a verb whose subject is Hale, leaving "said" with no subject
            "Tom Hale, a Leeds rabbi helping to organize the boycott, said he and other rabbis were alarmed.",
            ("he and other rabbis were alarmed", "Tom Hale", "said"),
        ),
    ],
)
def test_a_plain_report_the_parser_hangs_oddly_is_still_found(reports, text, expected):
    assert expected in reports(text)


@pytest.mark.model
def test_a_true_relative_clause_after_a_report_is_not_its_content(reports):
    """ "the letter that he sent": "that" is the letter, not the start of what Lee said."""
    assert reports("Lee said in the letter that he sent to the board.") == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hale interjected that the plan was dead.", ("that the plan was dead", "Hale", "interjected")),
        ("Lee surmised that the ferry would be late.", ("that the ferry would be late", "Lee", "surmised")),
        ("Hale exclaimed that the bridge had fallen.", ("that the bridge had fallen", "Hale", "exclaimed")),
    ],
)
def test_less_common_verbs_of_saying_report(reports, text, expected):
    assert expected in reports(text)
