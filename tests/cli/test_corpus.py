"""`newslab.corpus`: the same annotation mapped over JSON-lines shards with Dask (optional extra `scale`).

Runs a local Dask cluster of two worker processes and checks it gives exactly the single-process
records, in input order. Needs the spaCy model, every analysis layer, and dask[distributed].
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from newslab.corpus import annotate_line, annotate_record, annotate_text

pytestmark = pytest.mark.model

LAYERS = ("newslab.people", "newslab.quotes", "newslab.timeline", "newslab.sentiment")
MISSING = [name for name in LAYERS if importlib.util.find_spec(name) is None]
needs_layers = pytest.mark.skipif(bool(MISSING), reason=f"analysis layers not in this checkout: {MISSING}")


def sample_records() -> list[dict]:
    from newslab.article import load_article

    records = []
    for name in ("millbrook-bridge-closure", "ridgeway-nurses-deal", "trump-russia-cyber"):
        article = load_article(name)
        body = article.text[article.body.start : article.body.end]
        records.append({"id": name, "text": body, "published": article.published.isoformat()})
    records.append({"id": "short", "text": "The mayor said on Tuesday that the bridge would close."})
    records.append({"id": "bad-date", "text": "A story.", "published": "yesterday"})
    return records


def test_bad_records_become_error_records():
    assert annotate_line("{oops")["error"].startswith("The line is not valid JSON")
    assert annotate_record(["not", "a", "dict"])["error"]
    result = annotate_record({"id": "x", "text": "A story.", "published": "yesterday"})
    assert result["id"] == "x" and "YYYY-MM-DD" in result["error"]


@needs_layers
def test_annotate_text_is_the_annotate_record():
    record = annotate_text("The mayor said on Tuesday that the bridge would close.", "2025-03-12", id="m")
    assert record["schema"] == "newslab.annotations/1"
    assert record["id"] == "m" and record["published"] == "2025-03-12"


@needs_layers
def test_local_cluster_of_two_workers_equals_single_process(tmp_path):
    distributed = pytest.importorskip("distributed")
    from newslab.corpus import annotate_corpus

    records = sample_records()
    shards = [tmp_path / "in" / f"part-{n}.jsonl" for n in range(2)]
    shards[0].parent.mkdir()
    shards[0].write_text("".join(json.dumps(r) + "\n" for r in records[:3]), "utf-8")
    shards[1].write_text("\n" + "".join(json.dumps(r) + "\n" for r in records[3:]), "utf-8")
    expected = json.loads(json.dumps([annotate_record(r) for r in records]))

    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, memory_limit="2GiB"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        written = annotate_corpus(str(tmp_path / "in" / "*.jsonl"), tmp_path / "out")
        assert len(client.scheduler_info()["workers"]) == 2

    got = [
        json.loads(line)
        for path in written
        for line in Path(path).read_text("utf-8").splitlines()
        if line.strip()
    ]
    for mine, single in zip(got, expected, strict=True):
        assert {k: v for k, v in mine.items() if v != single.get(k)} == {}, (
            f"record {single.get('id')} differs"
        )
    assert got == expected
    assert "error" in got[-1] and got[-1]["id"] == "bad-date"


def test_refuses_to_overwrite_shards(tmp_path):
    from newslab.corpus import annotate_corpus
    from newslab.errors import FileExists

    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "0.jsonl").write_text("{}\n", "utf-8")
    with pytest.raises(FileExists):
        annotate_corpus(str(tmp_path / "*.jsonl"), tmp_path / "out")
