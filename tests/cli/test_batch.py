"""`newslab.batch`: streaming JSON-lines annotation, in input order, with bad lines reported by number.

Needs the spaCy model (and every analysis layer, for the full records).
"""

from __future__ import annotations

import contextlib
import importlib.util
import itertools
import json
import sys
import threading

import pytest

from newslab.batch import BadLine, annotate_jsonl, read_line

pytestmark = pytest.mark.model

LAYERS = ("newslab.people", "newslab.quotes", "newslab.timeline", "newslab.sentiment")
MISSING = [name for name in LAYERS if importlib.util.find_spec(name) is None]
needs_layers = pytest.mark.skipif(bool(MISSING), reason=f"analysis layers not in this checkout: {MISSING}")

TEXTS = [
    "The mayor said on Tuesday that the bridge would close for eight months.",
    "“We have waited long enough,” said Helen Brandt, a councillor.\n\n“Now we act.”",
    "Nurses called off a strike on Monday night after a pay deal, their union said.",
]


@contextlib.contextmanager
def another_thread():
    """A second thread that waits until the block ends, as a notebook kernel's threads do."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        yield
    finally:
        stop.set()
        other.join()


def jsonl(*records: object) -> list[str]:
    return [r if isinstance(r, str) else json.dumps(r) for r in records]


def test_read_line_reports_each_problem_in_one_sentence():
    assert read_line("   \n", 1) is None
    bad = read_line("{not json", 4)
    assert isinstance(bad, BadLine) and bad.number == 4 and "not valid JSON" in bad.message
    assert str(bad).startswith("line 4: ")
    for line, words in [
        ("[1, 2]", "JSON object"),
        ('{"id": "x"}', '"text"'),
        ('{"id": "x", "text": "   "}', "empty"),
        ('{"id": "x", "text": "A story.", "published": "2017-02-30"}', "YYYY-MM-DD"),
        ('{"id": "x", "text": "<!DOCTYPE html><html><body>x</body></html>"}', "web page"),
    ]:
        result = read_line(line, 2)
        assert isinstance(result, BadLine), line
        assert words in result.message
        assert "\n" not in result.message
    article = read_line('{"text": "A story.", "published": "2025-03-12"}', 9)
    assert article.id == "line-9" and article.published.isoformat() == "2025-03-12"


@needs_layers
@pytest.mark.parametrize("workers", [1, 2])
def test_order_is_input_order_and_bad_lines_keep_their_numbers(workers):
    lines = jsonl(
        {"id": "a", "text": TEXTS[0], "published": "2025-03-12"},
        "{oops",
        "",
        {"id": "b", "text": TEXTS[1]},
        {"id": "c", "text": "   "},
        {"id": "d", "text": TEXTS[2], "published": "2024-11-19"},
    )
    results = list(annotate_jsonl(lines, workers=workers, progress=False))
    assert [r.number if isinstance(r, BadLine) else r["id"] for r in results] == ["a", 2, "b", 5, "d"]
    assert results[3].id == "c"
    for record, text in zip([results[0], results[2], results[4]], TEXTS, strict=True):
        assert record["schema"] == "newslab.annotations/1"
        assert record["text"] == text


@needs_layers
def test_two_workers_give_the_same_records_as_one():
    records = [{"id": f"a{i}", "text": text, "published": "2025-03-12"} for i, text in enumerate(TEXTS * 3)]
    lines = jsonl(*records[:4], "{oops", *records[4:])
    one = list(annotate_jsonl(lines, workers=1, progress=False))
    two = list(annotate_jsonl(lines, workers=2, progress=False))
    assert one == two
    ids = [r.number if isinstance(r, BadLine) else r["id"] for r in two]
    assert ids == ["a0", "a1", "a2", "a3", 5, "a4", "a5", "a6", "a7", "a8"]
    assert any(r["sentiment"]["entities"] for r in two if not isinstance(r, BadLine))  # not trivially equal


@needs_layers
def test_streams_without_reading_all_input_first():
    consumed = itertools.count()

    def endless():
        for number in itertools.count():
            next(consumed)
            yield json.dumps({"id": f"n{number}", "text": TEXTS[number % 3]})

    first = list(itertools.islice(annotate_jsonl(endless(), progress=False, batch_size=4), 3))
    assert [r["id"] for r in first] == ["n0", "n1", "n2"]
    assert next(consumed) < 50  # read ahead by a batch or so, not the whole (endless) input


@needs_layers
def test_two_workers_stream_and_stop_when_the_reader_stops():
    from newslab import batch

    consumed = itertools.count()

    def endless():
        for number in itertools.count():
            next(consumed)
            yield json.dumps({"id": f"n{number}", "text": TEXTS[number % 3]})

    results = annotate_jsonl(endless(), workers=2, progress=False)
    first = list(itertools.islice(results, 3))
    results.close()  # stops the worker processes
    assert [r["id"] for r in first] == ["n0", "n1", "n2"]
    limit = 2 * batch.IN_FLIGHT_PER_WORKER * batch.CHUNK_SIZE + batch.CHUNK_SIZE
    assert next(consumed) <= limit + 1  # only the chunks in flight were read ahead


@needs_layers
def test_progress_bar_goes_to_stderr(capsys):
    list(annotate_jsonl(jsonl({"id": "a", "text": TEXTS[0]}), progress=True))
    captured = capsys.readouterr()
    assert "articles" in captured.err
    assert captured.out == ""


def test_workers_must_be_positive():
    from newslab.errors import NewslabError

    with pytest.raises(NewslabError, match="1 or more"):
        next(annotate_jsonl([], workers=0))


@needs_layers
def test_cli_jsonl_reports_bad_line_and_goes_on(tmp_path, capsys):
    from newslab.cli import main

    source = tmp_path / "in.jsonl"
    source.write_text(
        "\n".join(jsonl({"id": "a", "text": TEXTS[0]}, "{oops", {"id": "b", "text": TEXTS[2]})) + "\n",
        "utf-8",
    )
    status = main(["annotate", "--jsonl", str(source), "--no-progress"])
    captured = capsys.readouterr()
    assert status == 2
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == ["a", "b"]
    errors = [line for line in captured.err.splitlines() if line.strip()]
    assert len(errors) == 1 and "line 2" in errors[0] and "Traceback" not in captured.err


@needs_layers
def test_memory_does_not_grow_with_the_number_of_articles():
    import gc
    import weakref

    from newslab import article as article_module
    from newslab import nlp

    made = []
    original = article_module.Article.from_text.__func__

    def tracked(cls, *args, **kwargs):
        article = original(cls, *args, **kwargs)
        made.append(weakref.ref(article))
        return article

    before = len(nlp._parses)
    lines = jsonl(*({"id": f"m{i}", "text": f"{TEXTS[i % 3]} Story {i}."} for i in range(40)))
    article_module.Article.from_text = classmethod(tracked)
    try:
        for _ in annotate_jsonl(lines, progress=False):
            assert len(nlp._parses) <= before + 1  # only the article in hand is cached
    finally:
        article_module.Article.from_text = classmethod(original)
    gc.collect()
    assert made and sum(ref() is not None for ref in made) <= 1, "articles (and their analyses) are freed"
    assert len(nlp._parses) <= before


@pytest.mark.skipif(sys.platform != "linux", reason="forking a loaded process is chosen on Linux only")
def test_workers_are_forked_from_a_single_threaded_process_and_from_a_fork_server_otherwise():
    from newslab.batch import _worker_context

    alone = threading.active_count() == 1  # other tests in this process may have left threads
    assert _worker_context().get_start_method() == ("fork" if alone else "forkserver")
    with another_thread():
        assert _worker_context().get_start_method() == "forkserver"


def test_the_progress_bar_starts_no_thread():
    from newslab.batch import _progress_bar

    before = threading.active_count()
    bar = _progress_bar(True)
    bar.update(1)
    bar.close()
    assert threading.active_count() == before


@needs_layers
def test_workers_from_a_threaded_process_give_the_same_records():
    """As in a notebook kernel, which runs threads: the workers come from the fork server."""
    lines = jsonl(*({"id": f"a{i}", "text": text} for i, text in enumerate(TEXTS)))
    one = list(annotate_jsonl(lines, workers=1, progress=False))
    with another_thread():
        two = list(annotate_jsonl(lines, workers=2, progress=False))
    assert one == two
