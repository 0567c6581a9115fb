"""Unit tests of newslab.people: the cast of people, organisations and places.

The first group needs no statistical model: records, quotation regions, and the rules run on
spaCy Docs built by hand (tags, parse and entities written out). The second group parses small
hand-written texts with the small English model (marked ``model``); the sentences are plain enough
that the model reads them the same way every time.
"""

from __future__ import annotations

import pandas as pd
import pytest

from newslab.article import Article
from newslab.people import (
    MENTION_COLUMNS,
    PEOPLE_COLUMNS,
    Entity,
    Mention,
    entity_at,
    find_cast,
    people_table,
    plot_comention_network,
    plot_mention_strip,
    quote_regions,
    to_annotations,
)

# ---------------------------------------------------------------- records, no model


def _entity(id_, name, label, spans, text):
    mentions = tuple(Mention(s, e, text[s:e], "name", "test") for s, e in spans)
    return Entity(id_, name, label, None, mentions)


TEXT = "The US president met Ann Lee in Paris."
CAST = [
    _entity("E1", "Bob Stone", "PERSON", [(0, 16)], TEXT),
    _entity("E2", "US", "PLACE", [(4, 6)], TEXT),
    _entity("E3", "Ann Lee", "PERSON", [(21, 28)], TEXT),
]


def test_entity_at_finds_the_overlapping_mention():
    assert entity_at(CAST, 21, 28).name == "Ann Lee"
    assert entity_at(CAST, 25, 26).name == "Ann Lee"
    assert entity_at(CAST, 32, 37) is None


def test_entity_at_prefers_the_mention_overlapping_most():
    # "US" lies inside "The US president": the whole description is the president, "US" alone the place
    assert entity_at(CAST, 0, 16).name == "Bob Stone"
    assert entity_at(CAST, 4, 6).name == "US"


def test_to_json_has_the_contract_keys():
    data = CAST[0].to_json()
    assert {"id", "name", "label", "role", "mentions"} <= set(data)
    assert data["mentions"][0] == {
        "start": 0,
        "end": 16,
        "text": "The US president",
        "kind": "name",
        "reason": "test",
    }
    assert CAST[0].first_mention == 0 and CAST[0].mention_count == 1


def test_to_annotations_uses_canonical_names_and_text_order():
    records = to_annotations(CAST)
    assert [(r.start, r.label, r.attrs["entity"]) for r in records] == [
        (0, "PERSON", "Bob Stone"),
        (4, "PLACE", "US"),
        (21, "PERSON", "Ann Lee"),
    ]
    assert all(TEXT[r.start : r.end] == r.text for r in records)


def test_quote_regions_handles_apostrophes_and_open_quotes():
    text = "Trump’s aide said: “We can’t stop.\n\n“But we’ll see,” she said.\n\nAn odd “mark here."
    article = Article.from_text(text)
    regions = quote_regions(article)
    quoted = [text[s:e] for s, e in regions]
    assert quoted[0] == "“We can’t stop."
    assert quoted[1] == "“But we’ll see,”"
    assert quoted[2] == "“mark here."  # never raises on an unclosed mark


def test_quote_regions_skip_elisions():
    text = "They liked ‘em a lot, he said. She sang ‘Hello there’ twice."
    regions = quote_regions(Article.from_text(text))
    assert [text[s:e] for s, e in regions] == ["‘Hello there’"]


def test_quote_regions_straight_quotes():
    article = Article.from_text('He said "no way" and left.')
    assert [article.text[s:e] for s, e in quote_regions(article)] == ['"no way"']


# ---------------------------------------------------------------- rules on hand-built docs, no model


def _hand_doc(rows):
    """A Doc from (word, space, pos, tag, dep, head index, entity IOB tag, lemma) rows."""
    import spacy
    from spacy.tokens import Doc

    words, spaces, pos, tags, deps, heads, ents, lemmas = map(list, zip(*rows, strict=True))
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=spaces,
        pos=pos,
        tags=tags,
        deps=deps,
        heads=heads,
        ents=ents,
        lemmas=lemmas,
    )
    return doc


def test_rules_overrule_the_model_on_a_hand_built_doc():
    # "Donald Trump left. Trump said he would stay." with the second "Trump" tagged ORG.
    rows = [
        ("Donald", True, "PROPN", "NNP", "compound", 1, "B-PERSON", "Donald"),
        ("Trump", True, "PROPN", "NNP", "nsubj", 2, "I-PERSON", "Trump"),
        ("left", False, "VERB", "VBD", "ROOT", 2, "O", "leave"),
        (".", True, "PUNCT", ".", "punct", 2, "O", "."),
        ("Trump", True, "PROPN", "NNP", "nsubj", 5, "B-ORG", "Trump"),
        ("said", True, "VERB", "VBD", "ROOT", 5, "O", "say"),
        ("he", True, "PRON", "PRP", "nsubj", 8, "O", "he"),
        ("would", True, "AUX", "MD", "aux", 8, "O", "would"),
        ("stay", False, "VERB", "VB", "ccomp", 5, "O", "stay"),
        (".", False, "PUNCT", ".", "punct", 5, "O", "."),
    ]
    doc = _hand_doc(rows)
    article = Article.from_text(doc.text)
    cast = find_cast(article, doc)
    assert len(cast) == 1
    trump = cast[0]
    assert (trump.name, trump.label) == ("Donald Trump", "PERSON")
    assert [m.text for m in trump.mentions] == ["Donald Trump", "Trump", "he"]
    assert [m.kind for m in trump.mentions] == ["name", "surname", "pronoun"]
    assert "ORG" in trump.mentions[1].reason and "PERSON" in trump.mentions[1].reason
    assert trump.mentions[1].model_label == "ORG"
    assert trump.gender == "male"


# ---------------------------------------------------------------- rules on parsed texts (model)

model = pytest.mark.model


def cast_of(text: str) -> list[Entity]:
    from newslab.nlp import parse

    article = Article.from_text(text)
    cast = find_cast(article, parse(article))
    for entity in cast:
        for mention in entity.mentions:
            assert article.text[mention.start : mention.end] == mention.text
    return cast


def by_name(cast, name):
    found = [e for e in cast if e.name == name]
    assert found, f"{name} not in {[e.name for e in cast]}"
    return found[0]


@model
def test_surname_and_title_join_the_full_name():
    cast = cast_of(
        "Senator Elizabeth Warren criticised the bank on Monday.\n\n"
        "Warren said the bank had misled customers. Senator Warren repeated the claim later."
    )
    warren = by_name(cast, "Elizabeth Warren")
    assert warren.label == "PERSON"
    kinds = [(m.text, m.kind) for m in warren.mentions if m.kind != "pronoun"]
    assert ("Warren", "surname") in kinds
    assert ("Senator Warren", "title") in kinds
    assert "Senator" in (warren.role or "")


@model
def test_description_joins_the_person_with_that_role():
    cast = cast_of(
        "Maria Lopez, the mayor of Springfield, opened the new library on Friday.\n\n"
        "The mayor said the town had waited ten years for it."
    )
    lopez = by_name(cast, "Maria Lopez")
    described = [m for m in lopez.mentions if m.kind == "description"]
    assert [m.text for m in described] == ["The mayor"]
    assert "mayor" in described[0].reason
    assert "mayor of Springfield" in lopez.role


@model
def test_pronouns_follow_gender_from_the_text():
    cast = cast_of(
        "Susan Park met John Reed in Boston on Tuesday.\n\n"
        "Park said she was pleased with the talks. Reed said he was not."
    )
    park, reed = by_name(cast, "Susan Park"), by_name(cast, "John Reed")
    assert "she" in [m.text for m in park.mentions]
    assert "he" in [m.text for m in reed.mentions]
    assert park.gender == "female" and reed.gender == "male"


@model
def test_pronoun_in_quotation_refers_to_someone_named_in_it():
    cast = cast_of(
        'Tom Hill tweeted on Sunday: "I spoke to President Jacques Morel twice. He denied everything."'
    )
    morel = by_name(cast, "Jacques Morel")
    assert "He" in [m.text for m in morel.mentions]
    hill = by_name(cast, "Tom Hill")
    assert "He" not in [m.text for m in hill.mentions]


@model
def test_roles_from_appositive_who_clause_and_party_list():
    cast = cast_of(
        "Two Democratic senators – Amy Klobuchar of Minnesota and Cory Booker of New Jersey – "
        "wrote to the agency on Monday.\n\n"
        "John Smith, who chairs the Senate finance committee, said the letter was unfair."
    )
    assert "Democratic senator of Minnesota" in by_name(cast, "Amy Klobuchar").role
    smith = by_name(cast, "John Smith")
    assert "chairs the Senate finance committee" in smith.role
    committee = [e for e in cast if e.label == "ORG" and "committee" in e.name]
    assert committee, [e.name for e in cast]


@model
def test_party_adjectives_are_not_entities():
    cast = cast_of("Republican lawmakers met Russian diplomats in Washington on Monday.")
    assert not any(e.name in ("Republican", "Russian") for e in cast)
    assert by_name(cast, "Washington").label == "PLACE"


@model
def test_a_missed_surname_is_found_again():
    cast = cast_of(
        "Hannah Goldberg, a lawyer, filed the case on Monday.\n\n"
        "“This is not over,” Goldberg added. Goldberg plans to appeal."
    )
    goldberg = by_name(cast, "Hannah Goldberg")
    assert sum(m.text == "Goldberg" for m in goldberg.mentions) == 2


@model
def test_offsets_always_match_the_text_on_odd_input():
    cast_of("“Unclosed quote — and ’90s slang, ‘em and Trump’s team.\n\nO’Brien said so. “Then he left")
    cast_of("no names at all here, just words.")


# ---------------------------------------------------------------- tables and figures


@model
def test_people_table_columns_and_order(seed):
    table = people_table(seed)
    assert list(table.columns) == PEOPLE_COLUMNS
    assert list(table["first_mention"]) == sorted(table["first_mention"])
    assert list(table["id"]) == [f"E{i}" for i in range(1, len(table) + 1)]


@model
def test_mentions_table_columns(seed):
    from newslab.people import mentions_table

    table = mentions_table(seed)
    assert list(table.columns) == MENTION_COLUMNS
    assert list(table["start"]) == sorted(table["start"])
    assert all(seed.text[r.start : r.end] == r.text for r in table.itertuples())


@model
def test_cast_html_escapes_and_labels():
    from newslab.people import cast_html

    article = Article.from_text("Anna Berg <script> met Carl Holm in Oslo.")
    html = cast_html(article)
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "[PERSON Anna Berg]" in html


def _mentions_frame():
    rows = [
        (0, 5, "Ann Lee", "PERSON", "name"),
        (40, 43, "Ann Lee", "PERSON", "pronoun"),
        (20, 27, "Bob Ray", "PERSON", "name"),
        (60, 66, "Paris", "PLACE", "name"),
    ]
    return pd.DataFrame(
        [
            {
                "start": s,
                "end": e,
                "text": "x",
                "entity_id": "",
                "entity": n,
                "label": lab,
                "kind": k,
                "model_label": "",
                "reason": "",
            }
            for s, e, n, lab, k in rows
        ],
        columns=MENTION_COLUMNS,
    )


def test_plot_mention_strip_has_title_labels_and_alt_text():
    import matplotlib.pyplot as plt

    from newslab.figures import alt_text

    ax = plot_mention_strip(_mentions_frame(), text_length=100)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Bob Ray", "Ann Lee"]
    assert "Ann Lee (2)" in alt_text(ax)
    plt.close(ax.figure)


def test_plot_comention_network_is_deterministic():
    import matplotlib.pyplot as plt

    from newslab.figures import alt_text

    pairs = pd.DataFrame([{"a": "Ann Lee", "b": "Bob Ray", "sentences": 2}])
    first = plot_comention_network(pairs, people=["Ann Lee", "Bob Ray", "Cy Fox"])
    second = plot_comention_network(pairs, people=["Cy Fox", "Bob Ray", "Ann Lee"])
    assert [c.get_offsets().tolist() for c in first.collections] == [
        c.get_offsets().tolist() for c in second.collections
    ]
    assert "Ann Lee and Bob Ray (2)" in alt_text(first)
    plt.close("all")


def test_a_name_the_model_missed_is_found_by_its_title():
    # "Sen. Blorft said it." with no entity tagged at all
    rows = [
        ("Sen.", True, "PROPN", "NNP", "compound", 1, "O", "Sen."),
        ("Blorft", True, "PROPN", "NNP", "nsubj", 2, "O", "Blorft"),
        ("said", True, "VERB", "VBD", "ROOT", 2, "O", "say"),
        ("it", False, "PRON", "PRP", "dobj", 2, "O", "it"),
        (".", False, "PUNCT", ".", "punct", 2, "O", "."),
    ]
    doc = _hand_doc(rows)
    cast = find_cast(Article.from_text(doc.text), doc)
    assert [(e.name, e.label, e.mentions[0].text, e.mentions[0].kind) for e in cast] == [
        ("Blorft", "PERSON", "Sen. Blorft", "title")
    ]
    assert "missed" in cast[0].mentions[0].reason and "title" in cast[0].mentions[0].reason
    assert cast[0].mentions[0].model_label == ""


@model
def test_an_organisation_that_speaks_as_it():
    cast = cast_of(
        "The Carver Valley Transport Authority reviewed the report on Monday. It said the bridge was safe."
    )
    authority = next(e for e in cast if e.label == "ORG")
    assert [m.text for m in authority.mentions][-1] == "It"
    assert "It" not in [m.text for e in cast if e.label == "PERSON" for m in e.mentions]


@model
def test_headline_capitals_do_not_make_names():
    cast = cast_of(
        "Obama Says New Museum Tells Hard Truths\n\n"
        "President Barack Obama opened the museum on Saturday. Obama said it told the truth."
    )
    assert not any("Says" in e.name for e in cast)
    assert by_name(cast, "Barack Obama").mentions[-1].text == "Obama"
    # "it told the truth": "it" speaks, but no organisation is near, so it stays unlinked
    assert all(m.text != "it" for e in cast for m in e.mentions)


@model
def test_a_shared_surname_joins_the_person_named_last():
    cast = cast_of(
        "Hillary Clinton spoke in Ohio on Monday. Bill Clinton spoke in Iowa on Tuesday.\n\n"
        "Clinton told the crowd the economy was strong. Later Hillary Clinton met voters, and Clinton said "
        "she was pleased."
    )
    bill, hillary = by_name(cast, "Bill Clinton"), by_name(cast, "Hillary Clinton")
    assert [m.start for m in bill.mentions if m.text == "Clinton"] == [81]
    assert [m.start for m in hillary.mentions if m.text == "Clinton"] == [166]


@model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hollins Water said the pipes were old.", "Hollins Water"),
        (
            "The decision was reported by the Elmside Gazette, which said the sale would raise £2m.",
            "Elmside Gazette",
        ),
        (
            "The decision was reported by the Harbourside Gazette, which said the sale would raise £2m.",
            "Harbourside Gazette",
        ),
        ("Pellow Group said the site would be sold.", "Pellow Group"),
    ],
)
def test_a_company_or_newspaper_name_is_an_organisation(text, name):
    assert by_name(cast_of(text), name).label == "ORG"


@model
def test_a_name_stops_where_the_next_clause_starts():
    cast = cast_of("Dr Ann Lee told the Weekly Courier that Brackley had lost its bus route.")
    assert by_name(cast, "Weekly Courier").label == "ORG"
    assert not any(" that " in f" {m.text} " for e in cast for m in e.mentions)


@model
@pytest.mark.parametrize(
    ("text", "town", "council"),
    [
        (
            "Brackley council has voted to close the library. The council said Brackley could not afford it.",
            "Brackley",
            "Brackley council",
        ),
        (
            "Kestwick Town Council will meet on Monday. Residents of Kestwick are angry, and the council knows it.",
            "Kestwick",
            "Kestwick Town Council",
        ),
    ],
)
def test_the_town_and_the_council_it_names_are_in_the_cast(text, town, council):
    cast = cast_of(text)
    assert by_name(cast, town).label == "PLACE"
    named = by_name(cast, council)
    assert named.label == "ORG"
    assert [m.text.lower() for m in named.mentions][-1] == "the council"
    assert not any(e.label == "PERSON" for e in cast)


@model
def test_the_council_alone_joins_no_one_when_no_council_is_named():
    cast = cast_of("The council said the bridge would close. Priya Raman said the repairs were overdue.")
    assert all("council" not in m.text.lower() for e in cast for m in e.mentions)


@model
def test_a_company_the_model_missed_is_found_by_its_last_word():
    cast = cast_of("Riverdale Water objected to the sale on Tuesday.")
    assert by_name(cast, "Riverdale Water").label == "ORG"


@model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The youth project Kestrel Today will lose its hall.", "Kestrel Today"),
        ("Volunteers from Parks Now cleared the path.", "Parks Now"),
    ],
)
def test_a_name_ending_in_a_time_word_is_an_organisation_not_a_person(text, name):
    assert by_name(cast_of(text), name).label == "ORG"


@model
@pytest.mark.parametrize(
    "text",
    [
        "The Clean Power Plan would cut emissions.",
        "New Poll Shows Minor Post For Mayor\n\nThe poll was small.",
    ],
)
def test_capitals_that_go_on_or_hold_a_verb_are_not_a_missed_company(text):
    assert not any(e.name in ("Clean Power", "New Poll Shows Minor Post") for e in cast_of(text))


@model
@pytest.mark.parametrize(
    "text",
    [
        "The European Council met in Brussels. European leaders said the council had agreed a plan.",
        "The Security Council met on Monday, and the council voted to extend the mission.",
    ],
)
def test_a_council_not_named_by_a_town_makes_no_town(text):
    cast = cast_of(text)
    assert not any(e.label == "PLACE" and e.name in ("European", "Security") for e in cast)
    # "the council" is the one council the text names, whoever's it is
    assert all(
        e.name.endswith("Council") for e in cast for m in e.mentions if m.text.lower() == "the council"
    )
