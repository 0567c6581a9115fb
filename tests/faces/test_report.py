"""`newslab.report`: one standalone, escaped HTML file with everything the kit found.

Needs the spaCy model. Layers that are not available are listed in the report instead.
"""

from __future__ import annotations

import base64
import re

import pytest

import newslab
from newslab.article import Article, load_article
from newslab.errors import FileExists
from newslab.report import WHO_SAID_WHAT_COLUMNS, WHOS_WHO_COLUMNS, report_data, report_html, write_report

pytestmark = pytest.mark.model

SCRIPT_STORY = (
    "Hackers hid <script>alert('pwned')</script> in the council's website on Tuesday, officials said.\n\n"
    "“It was <b>not</b> our finest hour & we know it,” said Priya Raman, the council's digital director."
)


@pytest.fixture(scope="module")
def practice_html() -> str:
    return report_html(load_article("millbrook-bridge-closure"))


def svgs(html: str) -> list[str]:
    return [
        base64.b64decode(data).decode("utf-8")
        for data in re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", html)
    ]


def test_report_is_a_complete_page_with_every_section(practice_html):
    assert practice_html.startswith("<!DOCTYPE html>")
    assert practice_html.rstrip().endswith("</html>")
    for heading in (
        "The article",
        "Who&#x27;s who",
        "Who said what",
        "Time expressions",
        "Plots",
        "How this was made and where it fails",
    ):
        assert heading in practice_html
    assert f"newslab {newslab.__version__}" in practice_html
    assert "spaCy 3.8" in practice_html
    for column in WHOS_WHO_COLUMNS + WHO_SAID_WHAT_COLUMNS:
        assert f"<th>{column}</th>" in practice_html


def test_report_loads_nothing_from_elsewhere(practice_html):
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", practice_html, re.I)
    assert not re.search(r"<(?:script|link|iframe|object|embed)\b", practice_html, re.I)
    assert "@import" not in practice_html and "url(" not in practice_html
    assert all(ref.startswith("#") for ref in re.findall(r'href="([^"]*)"', practice_html))


def test_plots_are_embedded_svg_with_alt_text(practice_html):
    images = svgs(practice_html)
    assert len(images) == 2
    assert all("<svg" in image for image in images)
    assert len(re.findall(r'<img alt="[^"]+" src="data:image/svg\+xml;base64,', practice_html)) == 2
    assert practice_html.count("Figure description:") == 2


def test_article_text_is_escaped_a_script_stays_text():
    html = report_html(Article.from_text(SCRIPT_STORY, id="script", published="2025-03-12"))
    assert "<script" not in html.lower()
    assert "<b>not</b>" not in html
    assert "&lt;script&gt;alert(" in html
    assert "&lt;b&gt;not&lt;/b&gt; our finest hour &amp; we know it" in html


def test_report_is_deterministic():
    article = load_article("ridgeway-nurses-deal")
    assert report_html(article) == report_html(article)


def test_no_quotes_no_dates_gives_empty_tables_and_nothing_to_show():
    article = Article.from_text("The committee met in the town hall. Members discussed the budget at length.")
    data = report_data(article)
    assert data["who_said_what"]["rows"] == [] and data["who_said_what"]["columns"] == WHO_SAID_WHAT_COLUMNS
    assert data["timexes"]["rows"] == []
    html = report_html(article)
    assert "None found." in html
    assert any("Nothing to show" in image for image in svgs(html))
    assert "No publication date was given" in html


def test_missing_layer_is_listed_and_the_rest_is_reported(monkeypatch):
    from newslab import analysis

    compute = analysis.Analysis.layer

    def without_sentiment(self, name):
        if name == "sentiment":
            raise ModuleNotFoundError("No module named 'newslab.sentiment'", name="newslab.sentiment")
        return compute(self, name)

    monkeypatch.setattr(analysis.Analysis, "layer", without_sentiment)
    data = report_data(
        Article.from_text("“We will rebuild,” the mayor said on Tuesday.", published="2025-03-12")
    )
    assert "sentiment" in data["missing"]
    assert len(data["figures"]) == 2


def test_write_report_is_atomic_and_refuses_to_overwrite(tmp_path):
    article = load_article("millbrook-bridge-closure")
    path = write_report(article, tmp_path / "report.html")
    assert path.read_text("utf-8").startswith("<!DOCTYPE html>")
    path.write_text("old", "utf-8")
    with pytest.raises(FileExists, match="--force"):
        write_report(article, path)
    assert path.read_text("utf-8") == "old"
    write_report(article, path, overwrite=True)
    assert path.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_cli_report_writes_then_refuses_then_forces(tmp_path, capsys):
    from newslab.cli import main

    target = tmp_path / "out.html"
    assert main(["report", "ridgeway-nurses-deal", "-o", str(target)]) == 0
    assert target.read_text("utf-8").startswith("<!DOCTYPE html>")
    capsys.readouterr()
    assert main(["report", "ridgeway-nurses-deal", "-o", str(target)]) == 2
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(err) == 1 and "already exists" in err[0]
    assert main(["report", "ridgeway-nurses-deal", "-o", str(target), "--force"]) == 0
