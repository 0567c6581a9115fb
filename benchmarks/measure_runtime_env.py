"""How big is the environment Binder installs? A fresh venv from requirements-runtime.lock, measured.

    python benchmarks/measure_runtime_env.py [--python python3.11] [--keep]
    python benchmarks/measure_runtime_env.py --lock requirements.lock   # everything, for comparison

Creates build/runtime-venv with the given Python, installs exactly the runtime pins and then the
newslab package without dependencies (as Binder's postBuild does), and prints the installed size:
every file under the venv, in MB (10^6 bytes) and MiB, with and without the bytecode (.pyc) pip
compiles at install time, and the largest packages. The goal is at most 600 MB. pip's cache makes a
second run fast; the venv is removed afterwards unless --keep.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / "build" / "runtime-venv"
GOAL_MB = 600


def tree_size(folder: Path) -> int:
    """The bytes of every regular file under ``folder`` (links not followed)."""
    return sum(path.lstat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def disk_usage(folder: Path) -> int:
    """The bytes the files under ``folder`` take on disk, in whole blocks (what ``du -s`` reports)."""
    return sum(path.lstat().st_blocks * 512 for path in folder.rglob("*") if not path.is_symlink())


def largest_packages(site_packages: Path, count: int = 12) -> list[tuple[str, int]]:
    sizes: Counter[str] = Counter()
    for entry in site_packages.iterdir():
        name = entry.name.split("-")[0] if entry.name.endswith(".dist-info") else entry.name
        sizes[name.lower()] += tree_size(entry) if entry.is_dir() else entry.lstat().st_size
    return sizes.most_common(count)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable, help="the Python to build the venv with")
    parser.add_argument("--keep", action="store_true", help="keep build/runtime-venv afterwards")
    parser.add_argument(
        "--lock",
        default="requirements-runtime.lock",
        help="the lock file to install (default: the runtime part)",
    )
    args = parser.parse_args(argv)

    shutil.rmtree(VENV, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run([args.python, "-m", "venv", str(VENV)], check=True)
    python = VENV / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    lock = ROOT / args.lock
    subprocess.run([*pip, "--requirement", str(lock)], check=True)
    subprocess.run([*pip, "--no-deps", str(ROOT)], check=True)
    seconds = time.perf_counter() - started
    version = subprocess.run(
        [str(python), "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()

    total = tree_size(VENV)
    bytecode = sum(path.lstat().st_size for path in VENV.rglob("*.pyc"))
    tests = sum(path.lstat().st_size for path in VENV.rglob("tests/**/*") if path.is_file())
    (site_packages,) = VENV.glob("lib/python*/site-packages")
    pins = len(
        subprocess.run(
            [str(python), "-m", "pip", "freeze", "--all"], capture_output=True, text=True
        ).stdout.split()
    )
    print(f"Environment from {args.lock} ({pins} packages, Python {version}):")
    verdict = "met" if total / 1e6 <= GOAL_MB else "not met"
    print(
        f"  installed size: {total / 1e6:.0f} MB ({total / 2**20:.0f} MiB); goal <= {GOAL_MB} MB: {verdict}"
    )
    print(
        f"  of which bytecode (.pyc): {bytecode / 1e6:.0f} MB; without it: {(total - bytecode) / 1e6:.0f} MB"
    )
    print(f"  of which the packages' own test suites: {tests / 1e6:.0f} MB")
    print(f"  disk usage in whole blocks (du -s): {disk_usage(VENV) / 2**20:.0f} MiB")
    print(f"  install time with a warm pip cache: {seconds:.0f} s")
    print("  largest packages:")
    for name, size in largest_packages(site_packages):
        print(f"    {name:<28} {size / 1e6:6.1f} MB")
    if not args.keep:
        shutil.rmtree(VENV)
    return 0


if __name__ == "__main__":
    sys.exit(main())
