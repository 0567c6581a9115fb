"""Foundation figures: `import newslab` time, a cold `newslab annotate` run, and the nbval suite time.

    .venv/bin/python benchmarks/bench_foundation.py            # import + cold annotate
    .venv/bin/python benchmarks/bench_foundation.py --nbval    # also time nbval on every notebook

Goals: import ≤ 0.5 s; cold annotate of the bundled article ≤ 3 s on 2 cores.
Each figure is the median of several runs in fresh processes (a cold start every time).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def wall_time(command: list[str], *, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def report(name: str, times: list[float], goal: float | None = None) -> None:
    median = statistics.median(times)
    verdict = (
        ""
        if goal is None
        else (" (goal ≤ {:.1f} s: {})".format(goal, "met" if median <= goal else "NOT met"))
    )
    print(f"{name}: median {median:.2f} s, min {min(times):.2f} s over {len(times)} runs{verdict}")


def main() -> None:
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    # Interpreter start-up alone, to read the import figure against.
    report("python -c pass", wall_time([sys.executable, "-c", "pass"], repeat=5))
    report(
        "import newslab (incl. interpreter start)",
        wall_time([sys.executable, "-c", "import newslab"], repeat=5),
        0.5,
    )
    in_process = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import newslab"],
        capture_output=True,
        text=True,
        check=True,
    ).stderr.splitlines()
    cumulative = [line for line in in_process if line.rstrip().endswith("| newslab")]
    if cumulative:
        microseconds = int(cumulative[-1].split("|")[1])
        print(f"import newslab alone (-X importtime, cumulative): {microseconds / 1e6:.3f} s")
    newslab = str(BIN / "newslab")
    report(
        "cold `newslab annotate trump-russia-cyber`",
        wall_time([newslab, "annotate", "trump-russia-cyber"], repeat=3),
        3.0,
    )
    if "--nbval" in sys.argv:
        notebooks = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "notebooks").rglob("[0-9]*.ipynb"))
        command = [
            str(BIN / "pytest"),
            "--nbval",
            "--nbval-current-env",
            "--nbval-sanitize-with",
            "tests/nbval-sanitize.cfg",
            "-p",
            "no:cacheprovider",
            "-q",
            *notebooks,
        ]
        report(f"nbval on {len(notebooks)} notebooks", wall_time(command, repeat=1))


if __name__ == "__main__":
    main()
