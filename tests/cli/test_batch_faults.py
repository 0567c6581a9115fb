"""JSON-lines runs under faults: no line can end the run, no worker can hang it, no finished record is lost.

The command-line tests run `newslab` as a separate process (so a worker can be killed and the run
interrupted for real) on short texts; each takes a few seconds. Needs the spaCy model.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newslab.batch import MAX_LINE_BYTES, BadLine, OverlongLine, annotate_jsonl, read_line, read_lines

pytestmark = pytest.mark.model

TEXT = "The mayor said on Tuesday that the bridge would close."
HOSTILE = {
    "not UTF-8": b'{"id": "latin", "text": "Se\xf1or Garc\xeda said so."}',
    "lone surrogate": b'{"id": "surrogate", "text": "The mayor \\ud800 said so."}',
    "nested": b"[" * 100_000,
    "huge integer": b'{"id": ' + b"7" * 5000 + b', "text": "The mayor said so."}',
    "not JSON": b"{oops",
}
WORDS = {
    "not UTF-8": "not UTF-8",
    "lone surrogate": "surrogate",
    "nested": "nested too deeply",
    "huge integer": "number too long",
    "not JSON": "not valid JSON",
}


def good(i: int) -> bytes:
    return json.dumps({"id": f"g{i}", "text": f"{TEXT} Story {i}."}).encode()


def mixed_lines() -> list[bytes]:
    """Good lines with every hostile line between them: good lines 1, 3, 5…; bad lines 2, 4, 6…"""
    lines = []
    for i, bad in enumerate(HOSTILE.values()):
        lines += [good(i), bad]
    return [*lines, good(len(HOSTILE))]


def _ctrl_c_as_in_a_terminal() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # a job started in the background ignores SIGINT


@pytest.fixture
def newslab():
    """Start `newslab` in a session of its own; whatever is left of it is stopped at the end."""
    started: list[subprocess.Popen] = []

    def start(*argv: str, **kwargs) -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, "-m", "newslab", *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
            preexec_fn=_ctrl_c_as_in_a_terminal,
            **kwargs,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


# ---------------------------------------------------------------- 4. a bad line is one bad line


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_each_hostile_line_is_a_bad_line_with_one_sentence(kind):
    result = read_line(HOSTILE[kind], 3)
    assert isinstance(result, BadLine) and result.number == 3
    assert WORDS[kind] in result.message and "\n" not in result.message


def test_overlong_lines_are_skipped_without_keeping_them(tmp_path):
    path = tmp_path / "long.jsonl"
    with path.open("wb") as stream:
        stream.write(good(0) + b"\n")
        stream.write(b'{"id": "long", "text": "' + b"a" * (MAX_LINE_BYTES + 10) + b'"}\n')
        stream.write(good(1) + b"\n")
    with path.open("rb") as stream:
        lines = list(read_lines(stream))
    assert lines[0] == good(0) + b"\n" and lines[2] == good(1) + b"\n"
    assert isinstance(lines[1], OverlongLine) and lines[1].length > MAX_LINE_BYTES
    assert "split the text" in read_line(lines[1], 2).message


def test_ids_true_and_one_and_a_half():
    assert "write it in quotes" in read_line(json.dumps({"id": True, "text": TEXT}), 1).message
    assert read_line(json.dumps({"id": 1.5, "text": TEXT}), 1).id == "1.5"
    assert read_line(json.dumps({"id": 7, "text": TEXT}), 1).id == "7"


def test_a_bom_on_the_first_line_is_dropped():
    assert read_line(b"\xef\xbb\xbf" + good(0), 1).id == "g0"
    assert read_line("\ufeff" + good(0).decode(), 1).id == "g0"


def test_a_lone_surrogate_in_a_record_is_written_as_its_escape():
    from newslab.batch import record_json

    assert record_json({"id": "Zoë"}) == '{"id": "Zoë"}'
    written = record_json({"id": "x\ud800"})
    assert written == '{"id": "x\\ud800"}' and json.loads(written) == {"id": "x\ud800"}
    written.encode("utf-8")


def test_duplicate_ids_warn_once():
    lines = [good(0), good(0), good(0)]
    with pytest.warns(UserWarning, match="`g0` is used by more than one line") as caught:
        results = list(annotate_jsonl(lines, progress=False))
    assert len(results) == 3 and len(caught) == 1


@pytest.mark.parametrize("workers", [1, 2])
def test_hostile_lines_never_stop_the_run(workers):
    results = list(annotate_jsonl(mixed_lines(), workers=workers, progress=False))
    assert [r.number if isinstance(r, BadLine) else r["id"] for r in results] == [
        "g0", 2, "g1", 4, "g2", 6, "g3", 8, "g4", 10, "g5",
    ]  # fmt: skip


def test_cli_file_and_stdin_name_each_bad_line_and_keep_the_rest(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join(mixed_lines()) + b"\n")
    for argv, stdin in [
        (["annotate", "--jsonl", str(source)], None),
        (["annotate", "--jsonl", "-"], b"\xef\xbb\xbf" + source.read_bytes()),
        (["sentiment", "--jsonl", str(source)], None),
    ]:
        run = subprocess.run(
            [sys.executable, "-m", "newslab", *argv, *(["--no-progress"] if argv[0] == "annotate" else [])],
            input=stdin,
            capture_output=True,
            timeout=120,
        )
        err = run.stderr.decode()
        assert run.returncode == 2 and "Traceback" not in err, err
        named = [line for line in err.splitlines() if line.startswith("newslab: error: line ")]
        ids = [json.loads(line)["id"] for line in run.stdout.decode().splitlines()]
        if argv[0] == "sentiment":  # scoring a text with a lone surrogate in it is harmless
            assert [int(line.split()[3].rstrip(":")) for line in named] == [2, 6, 8, 10], err
            assert ids == ["g0", "g1", "surrogate", "g2", "g3", "g4", "g5"]
            continue
        assert [int(line.split()[3].rstrip(":")) for line in named] == [2, 4, 6, 8, 10], err
        assert ids == [f"g{i}" for i in range(6)], argv


# ---------------------------------------------------------------- 2. streamed output, kept on interruption


def test_an_unwritable_output_is_found_before_any_work(capsys, monkeypatch, tmp_path):
    from newslab import batch
    from newslab.cli import main

    def must_not_run(*args, **kwargs):
        raise AssertionError("annotated before checking the output")

    monkeypatch.setattr(batch, "annotate_jsonl", must_not_run)
    source = tmp_path / "in.jsonl"
    source.write_bytes(good(0) + b"\n")
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    for output in ["/proc/newslab.jsonl", str(tmp_path), str(tmp_path / "afile" / "out.jsonl")]:
        assert main(["annotate", "--jsonl", str(source), "-o", output]) == 2
        err = capsys.readouterr().err
        assert err.startswith("newslab: error: ") and len(err.splitlines()) == 1, err


def wait_for_lines(path: Path, count: int, process: subprocess.Popen, timeout: float = 60) -> list[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        if len(lines) >= count:
            return lines
        assert process.poll() is None, process.stderr.read().decode()
        time.sleep(0.05)
    raise AssertionError(f"fewer than {count} records in {path} after {timeout} s")


@pytest.mark.parametrize(
    "stop", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=["SIGINT", "SIGTERM", "SIGKILL"]
)
def test_an_interrupted_run_keeps_its_finished_records(tmp_path, newslab, stop):
    """Half the input is given, its records are written, then the run is stopped while it waits for more."""
    out = tmp_path / "out.jsonl"
    process = newslab("annotate", "--jsonl", "-", "-o", str(out), "--no-progress", stdin=subprocess.PIPE)
    process.stdin.write(b"".join(good(i) + b"\n" for i in range(16)))
    process.stdin.flush()
    partial = tmp_path / "out.jsonl.partial"
    wait_for_lines(partial, 16, process)
    process.send_signal(stop)
    process.wait(timeout=30)
    err = process.stderr.read().decode()
    assert not out.exists(), "a stopped run never leaves a file that looks complete"
    records = [json.loads(line) for line in partial.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [f"g{i}" for i in range(16)]
    if stop != signal.SIGKILL:
        assert process.returncode == 130 and "Traceback" not in err, err
        assert "16 finished records are in" in err and "out.jsonl.partial" in err
    process.stdin.close()


def test_a_complete_run_renames_the_partial_file(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"".join(good(i) + b"\n" for i in range(3)))
    out = tmp_path / "out.jsonl"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "newslab",
            "annotate",
            "--jsonl",
            str(source),
            "-o",
            str(out),
            "--no-progress",
        ],
        capture_output=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr.decode()
    assert [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()] == ["g0", "g1", "g2"]
    assert not (tmp_path / "out.jsonl.partial").exists()


# ---------------------------------------------------------------- 3. a killed worker never hangs the run


def worker_pids(parent: int) -> list[int]:
    """The worker processes of a run: children that run the same command line as it."""
    try:
        children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        command = Path(f"/proc/{parent}/cmdline").read_bytes()
        return [int(pid) for pid in children if Path(f"/proc/{pid}/cmdline").read_bytes() == command]
    except FileNotFoundError:
        return []


@pytest.mark.skipif(
    not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(),
    reason="finds the workers in /proc/PID/task/PID/children (Linux)",
)
def test_killing_a_worker_ends_the_run_with_its_lines_named(tmp_path, newslab):
    lines = 60
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"".join(good(i) + b"\n" for i in range(lines)))
    out = tmp_path / "out.jsonl"
    process = newslab(
        "annotate", "--jsonl", "-", "--workers", "2", "-o", str(out), "--no-progress", stdin=subprocess.PIPE
    )
    process.stdin.write(source.read_bytes()[: len(source.read_bytes()) // 2])
    process.stdin.flush()
    wait_for_lines(tmp_path / "out.jsonl.partial", 2, process)
    workers = worker_pids(process.pid)
    assert len(workers) == 2
    os.kill(workers[0], signal.SIGKILL)
    process.stdin.write(source.read_bytes()[len(source.read_bytes()) // 2 :])
    process.stdin.close()
    started = time.monotonic()
    process.wait(timeout=30)
    assert time.monotonic() - started < 30
    err = process.stderr.read().decode()
    assert process.returncode == 2 and "Traceback" not in err, err
    lost = [int(line.split()[3].rstrip(":")) for line in err.splitlines() if "worker process stopped" in line]
    written = [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()]
    assert lost, err
    assert sorted([f"g{n - 1}" for n in lost] + written, key=lambda i: int(i[1:])) == [
        f"g{i}" for i in range(lines)
    ]


def test_more_workers_than_cores_is_capped_with_a_warning(monkeypatch):
    """`--workers 99999999` once forked until the machine stalled: never more workers than cores."""
    from newslab import batch

    started = []

    def start_pool(workers):
        started.append(workers)
        raise RuntimeError("no pool in this test")

    monkeypatch.setattr(batch, "_start_pool", start_pool)  # (a tree without the cap has no _start_pool)
    monkeypatch.setattr(batch, "_cores", lambda: 2)
    with pytest.warns(UserWarning, match="2 CPU cores: using 2 workers"), pytest.raises(RuntimeError):
        list(annotate_jsonl([good(0)], workers=99_999_999, progress=False))
    assert started == [2]
