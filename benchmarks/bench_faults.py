"""Fault battery: every reproduction of docs/bad-input.md's "faults" table, run as a user would.

Run:   .venv/bin/python benchmarks/bench_faults.py [--timeout SECONDS] [--only WORD]

Each case runs ``newslab`` (or, for the Python-only faults, a short ``python -c`` script) as a
separate process in a fresh folder, and counts:

- **tracebacks**: a Python traceback on standard error (a user should only ever see one sentence);
- **lost records**: finished records or annotations that are not on disk at the end (an
  interrupted run must keep what it finished; two sessions must keep each other's work);
- **hangs**: a case still running after ``--timeout`` seconds (default 60) is killed and counted;
- **escapes**: files written outside the folder the case works in.

A case also fails when its exit status or message is not the one expected. The totals line is
what docs/bad-input.md quotes. Nothing is read from ../shared/eval/; every input is made here.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PYTHON = sys.executable
TEXT = "The mayor said on Tuesday that the bridge would close."
STORY = f"{TEXT}\n\nCouncillor Helen Brandt said the vote was a mistake.\n"
MEMORY_LIMIT = 3 * 2**30  # a case that reads without bound fails here instead of filling the machine


@dataclass
class Outcome:
    traceback: bool = False
    lost: int = 0
    hang: bool = False
    escaped: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.traceback or self.lost or self.hang or self.escaped or self.problems)


@dataclass
class Run:
    status: int | None
    out: bytes
    err: str
    seconds: float


class Case:
    """A fresh folder ``root/work`` (the current folder of every command) and what ran in it."""

    def __init__(self, root: Path, timeout: float) -> None:
        self.root, self.work, self.timeout = root, root / "work", timeout
        self.work.mkdir()
        (self.work / "story.txt").write_text(STORY, encoding="utf-8")
        self.outcome = Outcome()
        self.before = _tree(root)

    def newslab(self, *argv: str, stdin: bytes | None = None, shell: str | None = None) -> Run:
        command = shell if shell is not None else [PYTHON, "-m", "newslab", *argv]
        return self._run(command, stdin, shell=shell is not None)

    def python(self, code: str) -> Run:
        return self._run([PYTHON, "-c", code], None)

    def start(self, *argv: str) -> subprocess.Popen:
        return subprocess.Popen(
            [PYTHON, "-m", "newslab", *argv],
            cwd=self.work,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
            preexec_fn=_limit_memory,
        )

    def finish(self, process: subprocess.Popen, stdin: bytes | None = None) -> Run:
        started = time.perf_counter()
        if process.stdin is not None and process.stdin.closed:
            process.stdin = None
        try:
            out, err = process.communicate(stdin, timeout=self.timeout)
        except subprocess.TimeoutExpired:
            _kill_group(process)
            out, err = process.communicate()
            self.outcome.hang = True
        return self._record(
            Run(process.returncode, out, err.decode(errors="replace"), time.perf_counter() - started)
        )

    def expect(self, condition: bool, problem: str) -> None:
        if not condition:
            self.outcome.problems.append(problem)

    def one_sentence(self, run: Run, *words: str) -> None:
        """Exit status 2 and one `newslab: error:` line (with these words) and nothing else."""
        lines = [line for line in run.err.splitlines() if line.strip() and "warning:" not in line]
        self.expect(run.status == 2, f"exit status {run.status}, not 2")
        self.expect(
            len(lines) == 1 and lines[0].startswith("newslab: error: "), f"stderr: {run.err[-300:]!r}"
        )
        for word in words:
            self.expect(word in run.err, f"{word!r} not in the message")

    def _run(self, command: list[str] | str, stdin: bytes | None, *, shell: bool = False) -> Run:
        process = subprocess.Popen(
            command,
            cwd=self.work,
            shell=shell,
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
            preexec_fn=_limit_memory,
        )
        return self.finish(process, stdin)

    def _record(self, run: Run) -> Run:
        self.outcome.traceback |= "Traceback (most recent call last)" in run.err
        return run

    def close(self) -> Outcome:
        outside = [p for p in _tree(self.root) - self.before if self.work not in p.parents and p != self.work]
        self.outcome.escaped += len(outside)
        return self.outcome


def _tree(root: Path) -> set[Path]:
    return {path for path in root.rglob("*") if not path.is_dir()} | _outside_marks()


def _outside_marks() -> set[Path]:
    """Files an escaping id would create outside any case folder (checked too)."""
    return {path for path in Path(tempfile.gettempdir()).glob("newslab-escaped*")}


def _limit_memory() -> None:
    """In the child: a memory limit, and Ctrl-C handled as in a terminal (a background job ignores it)."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _kill_group(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def jsonl(*records: object) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records)


def good(i: int) -> dict:
    return {"id": f"g{i}", "text": f"{TEXT} Story {i}."}


def ids_in(data: bytes | str) -> list[str]:
    text = data.decode() if isinstance(data, bytes) else data
    return [json.loads(line)["id"] for line in text.splitlines() if line.strip()]


def named_lines(err: str) -> list[int]:
    return [
        int(line.split()[3].rstrip(":"))
        for line in err.splitlines()
        if line.startswith("newslab: error: line ")
    ]


# ---------------------------------------------------------------- the cases

HOSTILE_LINES = {
    "a byte that is not UTF-8": b'{"id": "x", "text": "Se\xf1or Garc\xeda said so."}',
    "a lone surrogate in text": b'{"id": "x", "text": "The mayor \\ud800 said so."}',
    "[ repeated 100,000 times": b"[" * 100_000,
    "an id of 5,000 digits": b'{"id": ' + b"7" * 5000 + b', "text": "The mayor said so."}',
}


def hostile_jsonl(case: Case, bad: bytes, command: str, via_stdin: bool) -> None:
    data = jsonl(good(0), good(1), bad, good(2), good(3))
    (case.work / "in.jsonl").write_bytes(data)
    source = "-" if via_stdin else "in.jsonl"
    extra = ["--no-progress"] if command == "annotate" else []
    run = case.newslab(command, "--jsonl", source, *extra, stdin=data if via_stdin else None)
    written = ids_in(run.out)
    if command == "sentiment" and b"ud800" in bad:
        case.expect(run.status == 0 and written == ["g0", "g1", "x", "g2", "g3"], f"sentiment: {written}")
        return
    case.outcome.lost += len({"g0", "g1", "g2", "g3"} - set(written))
    case.expect(
        run.status == 2 and named_lines(run.err) == [3], f"status {run.status}, named {named_lines(run.err)}"
    )


def corpus_line(case: Case, bad: bytes) -> None:
    (case.work / "in.jsonl").write_bytes(jsonl(good(0), bad, good(1)))
    run = case.python(
        "import dask, json, pathlib\n"
        "from newslab.corpus import annotate_corpus\n"
        "with dask.config.set(scheduler='synchronous'):\n"
        "    paths = annotate_corpus('in.jsonl', 'out')\n"
        "print(json.dumps([json.loads(l).get('id') for p in paths for l in pathlib.Path(p).read_text().splitlines()]))"
    )
    got = json.loads(run.out or b"[]")
    case.outcome.lost += len({"g0", "g1"} - set(got))
    case.expect(run.status == 0 and len(got) == 3, f"corpus: {got}")


def interrupted(case: Case, stop: signal.Signals) -> None:
    process = case.start("annotate", "--jsonl", "-", "-o", "out.jsonl", "--no-progress")
    process.stdin.write(jsonl(*(good(i) for i in range(16))))
    process.stdin.flush()
    partial = case.work / "out.jsonl.partial"
    deadline = time.monotonic() + case.timeout
    finished = 0
    while time.monotonic() < deadline and process.poll() is None:
        finished = len(partial.read_text("utf-8").splitlines()) if partial.exists() else 0
        if finished >= 16:
            break
        time.sleep(0.05)
    process.send_signal(stop)
    run = case.finish(process)
    kept = ids_in(partial.read_text("utf-8")) if partial.exists() else []
    # All 16 were given time to finish (until they showed up, or the timeout): each not on disk is lost.
    case.outcome.lost += 16 - len(kept)
    case.expect(finished == 16, f"only {finished} records on disk before the interruption")
    case.expect(not (case.work / "out.jsonl").exists(), "a stopped run left out.jsonl")
    if stop != signal.SIGKILL:
        case.expect(
            run.status == 130 and "out.jsonl.partial" in run.err, f"status {run.status}: {run.err[-200:]!r}"
        )


def killed_worker(case: Case) -> None:
    lines = 60
    data = jsonl(*(good(i) for i in range(lines)))
    process = case.start("annotate", "--jsonl", "-", "--workers", "2", "-o", "out.jsonl", "--no-progress")
    process.stdin.write(data[: len(data) // 2])
    process.stdin.flush()
    partial = case.work / "out.jsonl.partial"
    deadline = time.monotonic() + case.timeout
    while time.monotonic() < deadline and not (partial.exists() and partial.read_text("utf-8").strip()):
        time.sleep(0.05)
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
    command = Path(f"/proc/{process.pid}/cmdline").read_bytes()
    workers = [int(p) for p in children if Path(f"/proc/{p}/cmdline").read_bytes() == command]
    case.expect(len(workers) == 2, f"{len(workers)} workers found")
    if workers:
        os.kill(workers[0], signal.SIGKILL)
    process.stdin.write(data[len(data) // 2 :])
    process.stdin.close()
    run = case.finish(process)
    out = case.work / "out.jsonl"
    written = ids_in(out.read_text("utf-8")) if out.exists() else []
    named = {f"g{n - 1}" for n in named_lines(run.err)}
    case.outcome.lost += lines - len(set(written) | named)
    case.expect(run.status == 2 and named, f"status {run.status}, {len(named)} lines named")
    case.expect(run.seconds < 30, f"took {run.seconds:.0f} s")


def session_code(body: str) -> str:
    return (
        "import json\n"
        "from newslab.article import Article\n"
        "from newslab.widgets import AnnotationSession\n"
        f"text = {STORY!r}\n"
        "article = Article.from_text(text, id='story')\n"
        "def label(s, words, name):\n"
        "    start = text.index(words); s.mark(start, start + len(words)); s.label(name)\n" + body
    )


def two_sessions(case: Case) -> None:
    run = case.python(
        session_code(
            "a, b = AnnotationSession(article, 'a.json'), AnnotationSession(article, 'a.json')\n"
            "label(a, 'Helen Brandt', 'person'); label(b, 'Tuesday', 'time expression')\n"
            "label(a, 'mayor', 'person'); a.undo(); label(b, 'bridge', 'place')\n"
            "print(json.dumps(sorted(x['text'] for x in json.load(open('a.json'))['annotations'])))"
        )
    )
    got = json.loads(run.out or b"[]")
    case.outcome.lost += len({"Helen Brandt", "Tuesday", "bridge"} - set(got))
    case.expect(run.status == 0, f"status {run.status}")


def odd_widget_file(case: Case, content: str) -> None:
    (case.work / "a.json").write_text(content, encoding="utf-8")
    run = case.python(session_code("s = AnnotationSession(article, 'a.json'); print(s.error)"))
    case.expect(run.status == 0 and b"a.json" in run.out, f"status {run.status}: {run.out[-200:]!r}")


def exports_read_back(case: Case) -> None:
    run = case.python(
        "from newslab.annotations import AnnotationSet, make_annotation\n"
        "from newslab.exports import read_brat, read_jsonl, write_brat, write_jsonl\n"
        "lost = 0\n"
        "for c in '\\t\\u2028\\u2029\\u0085\\x0b\\x0c\\x1c':\n"
        "    for lead in ('', '\\ufeff'):\n"
        "        t = lead + 'Say' + c + 'so, she said.'; s = len(lead)\n"
        "        a = AnnotationSet('s', t, [make_annotation(t, s, s + 6, 'QUOTE')], 'student')\n"
        "        name = f'x{ord(c)}{len(lead)}'\n"
        "        for back in (read_jsonl(write_jsonl(a, name + '.jsonl'), t), read_brat(write_brat(a, name), annotator='student')):\n"
        "            lost += back.to_dict()['annotations'] != a.to_dict()['annotations']\n"
        "print(lost)"
    )
    case.outcome.lost += int(run.out or 0) if run.status == 0 else 1
    case.expect(run.status == 0, f"status {run.status}")


def small_python(case: Case, code: str, expected: str) -> None:
    run = case.python(code)
    case.expect(
        run.status == 0 and run.out.decode().strip() == expected, f"got {run.out[-200:]!r} {run.err[-200:]!r}"
    )


def sidecar(case: Case, meta: object) -> None:
    (case.work / "story.json").write_text(json.dumps(meta), encoding="utf-8")


def make_node(case: Case, kind: str) -> str:
    path = case.work / kind
    if kind == "fifo":
        os.mkfifo(path)
    else:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a /dev/null of the case's own
    return kind


def cases() -> list[tuple[str, Callable[[Case], None]]]:
    battery: list[tuple[str, Callable[[Case], None]]] = []
    add = battery.append

    # 1-4: work lost
    add(("1 two sessions on one file, with undo", two_sessions))
    add(("2 Ctrl-C half-way keeps finished records", lambda c: interrupted(c, signal.SIGINT)))
    add(("2 kill (SIGTERM) half-way keeps finished records", lambda c: interrupted(c, signal.SIGTERM)))
    add(("2 kill -9 of the run keeps finished records", lambda c: interrupted(c, signal.SIGKILL)))
    add(
        (
            "2 unwritable -o folder found before the work",
            lambda c: c.one_sentence(
                c.newslab("annotate", "--jsonl", "-", "-o", "/proc/x.jsonl", stdin=jsonl(good(0))),
                "cannot write",
            ),
        )
    )
    add(("3 kill -9 one of two workers", killed_worker))
    add(
        (
            "3 --workers 99999999 is cut to the cores",
            lambda c: c.expect(
                "CPU cores: using"
                in c.newslab(
                    "annotate", "--jsonl", "-", "--workers", "99999999", "--no-progress", stdin=jsonl(good(0))
                ).err,
                "no warning",
            ),
        )
    )
    for kind, bad in HOSTILE_LINES.items():
        for command in ("annotate", "sentiment"):
            for via_stdin in (False, True):
                where = "stdin" if via_stdin else "file"
                add(
                    (
                        f"4 {command} --jsonl {where}: {kind}",
                        lambda c, b=bad, m=command, s=via_stdin: hostile_jsonl(c, b, m, s),
                    )
                )
        add((f"4 annotate_corpus: {kind}", lambda c, b=bad: corpus_line(c, b)))

    # 5-7: writes
    for hostile in ("../../escaped", "/tmp/newslab-escaped-abs", "..", "a/../../b"):
        add(
            (
                f"5 report with sidecar id {hostile!r}",
                lambda c, h=hostile: (
                    sidecar(c, {"id": h}),
                    c.expect(c.newslab("report", "story.txt").status == 0, "report failed"),
                ),
            )
        )
        add(
            (
                f"5 export_all with id {hostile!r}",
                lambda c, h=hostile: small_python(
                    c,
                    "from newslab.annotations import AnnotationSet\nfrom newslab.exports import export_all\n"
                    f"print(len(export_all(AnnotationSet({h!r}, 'A text.', [], {h!r}), 'exports')))",
                    "5",
                ),
            )
        )
    for kind in ("fifo", "device"):
        add(
            (
                f"6 -o {kind} --force",
                lambda c, k=kind: c.one_sentence(
                    c.newslab("annotate", "story.txt", "-o", make_node(c, k), "--force"), "not a regular file"
                ),
            )
        )
    add(
        (
            "6 -o - writes to standard output",
            lambda c: c.expect(
                ids_in(c.newslab("annotate", "story.txt", "-o", "-").out.replace(b"\n", b"")) == ["story"],
                "no record",
            ),
        )
    )
    for force in ([], ["--force"]):
        label = " --force" if force else ""
        add(
            (
                f"7 -o a folder{label}",
                lambda c, f=force: (
                    os.mkdir(c.work / "adir"),
                    c.one_sentence(c.newslab("annotate", "story.txt", "-o", "adir", *f), "folder"),
                ),
            )
        )
        add(
            (
                f"7 -o a path under a file{label}",
                lambda c, f=force: c.one_sentence(
                    c.newslab("annotate", "story.txt", "-o", "story.txt/x.json", *f), "not a folder"
                ),
            )
        )
        add(
            (
                f"7 -o a path in /proc{label}",
                lambda c, f=force: c.one_sentence(
                    c.newslab("annotate", "story.txt", "-o", "/proc/x.json", *f), "cannot write"
                ),
            )
        )
        add(
            (
                f"7 -o unwritable folder{label}",
                lambda c, f=force: c.one_sentence(
                    c.newslab("annotate", "story.txt", "-o", "/sys/x.json", *f), "cannot write"
                ),
            )
        )
    add(
        (
            "7 -o a file name that is not UTF-8",
            lambda c: c.expect(
                c.newslab("annotate", "story.txt", "-o", os.fsdecode(b"caf\xe9.json")).status == 0, "failed"
            ),
        )
    )

    def latin1_name(c: Case) -> None:
        name = os.fsdecode(b"caf\xe9.txt")
        (c.work / name).write_text(STORY, encoding="utf-8")
        c.expect(c.newslab("report", name).status == 0, "report failed")
        c.expect(c.newslab("annotate", name).status == 0, "annotate failed")

    add(("7 an article whose file name is not UTF-8", latin1_name))

    # 8-9: refused too late, or with a traceback
    def endless(c: Case) -> None:
        (c.work / "zero.txt").symlink_to("/dev/zero")
        run = c.newslab("annotate", "zero.txt")
        c.one_sentence(run, "zero.txt")
        c.expect(run.seconds < 5, f"took {run.seconds:.1f} s")

    def huge(c: Case) -> None:
        with (c.work / "huge.txt").open("w", encoding="utf-8") as stream:
            block = STORY * 10_000
            for _ in range(300_000_000 // len(block)):
                stream.write(block)
        run = c.newslab("annotate", "huge.txt")
        c.one_sentence(run, "split it")
        c.expect(run.seconds < 5, f"took {run.seconds:.1f} s")

    add(("8 a link to /dev/zero", endless))
    add(("8 a 300 MB file", huge))
    for meta in ({"title": 5}, {"id": 7}, {"id": ["x"]}, {"title": "x\ud800"}):
        add(
            (
                f"9 sidecar {json.dumps(meta)}",
                lambda c, m=meta: (
                    sidecar(c, m),
                    c.one_sentence(c.newslab("annotate", "story.txt"), "story.json"),
                ),
            )
        )
    for argv in (["annotate", "-"], ["report", "-", "-o", "r.html"], ["annotate", "--jsonl", "-"]):
        add(
            (
                f"9 closed stdin: newslab {' '.join(argv)} <&-",
                lambda c, a=argv: c.one_sentence(
                    c.newslab(shell=f"{PYTHON} -m newslab {' '.join(a)} <&-"), "Standard input"
                ),
            )
        )
    add(("9 widget file nested 100,000 deep", lambda c: odd_widget_file(c, "[" * 100_000)))
    add(("9 widget file with a huge integer", lambda c: odd_widget_file(c, '{"schema": ' + "9" * 5000 + "}")))

    # 10-11: read back, and the smaller things
    add(("10 JSONL and brat read back every separator and a BOM", exports_read_back))
    add(
        (
            "11 lone-CR file has its paragraphs",
            lambda c: (
                (c.work / "cr.txt").write_bytes(b"A title\r\rThe bridge will close.\r\rThe mayor said so.\r"),
                c.expect(
                    len(json.loads(c.newslab("annotate", "cr.txt").out or b"{}").get("paragraphs", [])) == 3,
                    "paragraphs",
                ),
            ),
        )
    )
    add(
        (
            "11 UTF-16 file named as UTF-16",
            lambda c: (
                (c.work / "u.txt").write_bytes(STORY.encode("utf-16")),
                c.one_sentence(c.newslab("annotate", "u.txt"), "UTF-16"),
            ),
        )
    )
    add(
        (
            "11 only zero-width characters",
            lambda c: (
                (c.work / "z.txt").write_text("\u200b\u200b", encoding="utf-8"),
                c.one_sentence(c.newslab("annotate", "z.txt"), "empty"),
            ),
        )
    )
    add(
        (
            "11 BOM on --jsonl stdin",
            lambda c: c.expect(
                ids_in(
                    c.newslab(
                        "annotate", "--jsonl", "-", "--no-progress", stdin=b"\xef\xbb\xbf" + jsonl(good(0))
                    ).out
                )
                == ["g0"],
                "BOM refused",
            ),
        )
    )
    add(
        (
            "11 id true refused, 1.5 kept",
            lambda c: (
                lambda run: c.expect(
                    ids_in(run.out) == ["1.5"] and named_lines(run.err) == [1], f"{run.out!r} {run.err!r}"
                )
            )(
                c.newslab(
                    "annotate",
                    "--jsonl",
                    "-",
                    "--no-progress",
                    stdin=jsonl({"id": True, "text": TEXT}, {"id": 1.5, "text": TEXT}),
                )
            ),
        )
    )
    add(
        (
            "11 duplicate ids warn",
            lambda c: c.expect(
                "more than one line"
                in c.newslab("annotate", "--jsonl", "-", "--no-progress", stdin=jsonl(good(0), good(0))).err,
                "no warning",
            ),
        )
    )
    add(
        (
            "11 compare(labels='QUOTE') and two empty sets",
            lambda c: small_python(
                c,
                "from newslab.annotations import AnnotationSet\nfrom newslab.compare import compare\n"
                "e = AnnotationSet('a', 'A text.', [])\nprint(len(compare(e, e, labels='QUOTE').scores), 'undefined' in repr(compare(e, e)))",
                "2 True",
            ),
        )
    )

    # 12: the most natural command
    add(
        (
            "12 newslab annotate story.txt > story.json",
            lambda c: (
                c.expect(
                    c.newslab(shell=f"{PYTHON} -m newslab annotate story.txt > story.json").status == 0,
                    "failed",
                ),
                c.expect(
                    ids_in((c.work / "story.json").read_text().replace("\n", "")) == ["story"], "no record"
                ),
                c.expect(
                    c.newslab(shell=f"{PYTHON} -m newslab annotate story.txt > story.json").status == 0,
                    "second run failed",
                ),
            ),
        )
    )
    add(
        (
            "12 a broken sidecar is named as the article's",
            lambda c: (
                (c.work / "story.json").write_text("{oops", encoding="utf-8"),
                c.one_sentence(c.newslab("annotate", "story.txt"), "story.json", "story.txt"),
            ),
        )
    )
    return battery


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a case counts as a hang")
    parser.add_argument("--only", help="run only the cases whose name holds this")
    args = parser.parse_args(argv)
    totals = Outcome()
    tried = failed = 0
    for name, run in cases():
        if args.only and args.only not in name:
            continue
        with tempfile.TemporaryDirectory(prefix="newslab-faults-") as folder:
            case = Case(Path(folder), args.timeout)
            try:
                run(case)
            except Exception as exc:  # the battery itself must finish: count it as a failed case
                case.outcome.problems.append(f"{type(exc).__name__}: {exc}")
            outcome = case.close()
        tried += 1
        failed += not outcome.ok
        totals.traceback += outcome.traceback  # type: ignore[assignment]  # counted as cases
        totals.lost += outcome.lost
        totals.hang += outcome.hang  # type: ignore[assignment]
        totals.escaped += outcome.escaped
        mark = "ok  " if outcome.ok else "FAIL"
        detail = "; ".join(outcome.problems)
        flags = [f"{k}" for k, v in (("traceback", outcome.traceback), ("hang", outcome.hang)) if v]
        flags += [f"lost {outcome.lost}"] * bool(outcome.lost) + [f"escaped {outcome.escaped}"] * bool(
            outcome.escaped
        )
        print(
            f"{mark} {name}"
            + (f"  [{', '.join(flags)}]" if flags else "")
            + (f"  {detail}" if detail else ""),
            flush=True,
        )
    print(
        f"\ncases tried: {tried}   tracebacks: {int(totals.traceback)}   lost records: {totals.lost}   "
        f"hangs: {int(totals.hang)}   writes outside: {totals.escaped}   failed cases: {failed}"
    )
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
