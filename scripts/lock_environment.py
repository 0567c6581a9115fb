"""Resolve every pin once and write requirements-runtime.lock, requirements.lock and environment.yml.

    python scripts/lock_environment.py --python python3.11            # keep today's pins, add what is new
    python scripts/lock_environment.py --python python3.11 --upgrade  # re-resolve everything afresh

One virtual environment (build/lock-venv) gets ``.[binder,scale,dev]`` installed; ``pip freeze`` gives
the pins, and the closure of the runtime requirements (read from that environment's metadata)
decides which pins form the runtime part. Without ``--upgrade`` the current pins are constraints, so
adding a dependency does not move the others. ``make lock`` runs this.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

import sync_environment as env

VENV = env.ROOT / "build" / "lock-venv"
EXTRAS = "binder,scale,dev"


def run(*command: str | Path, capture: bool = False) -> str:
    result = subprocess.run(
        [str(part) for part in command], cwd=env.ROOT, check=True, text=True, capture_output=capture
    )
    return result.stdout if capture else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=f"python{env.LOCK_PYTHON}", help="the Python to resolve with")
    parser.add_argument("--upgrade", action="store_true", help="ignore the current pins")
    args = parser.parse_args(argv)

    shutil.rmtree(VENV, ignore_errors=True)
    run(args.python, "-m", "venv", VENV)
    python = VENV / "bin" / "python"
    version = run(python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])", capture=True).strip()
    if version != env.LOCK_PYTHON:
        sys.exit(f"make lock resolves with Python {env.LOCK_PYTHON} (the oldest supported), not {version}.")
    run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    pinned: list[str | Path] = []
    if not args.upgrade:
        current = env.read_lock(env.LOCK) + (
            env.read_lock(env.RUNTIME_LOCK) if env.RUNTIME_LOCK.exists() else []
        )
        constraints = VENV / "constraints.txt"
        constraints.write_text("\n".join(current) + "\n", encoding="utf-8")
        pinned = ["--constraint", constraints]
    # spaCy and thinc need setuptools, which a 3.12+ venv lacks: pin it too, not the venv's old copy.
    run(python, "-m", "pip", "install", "--quiet", "--upgrade", "setuptools", *pinned)
    run(python, "-m", "pip", "install", "--quiet", f".[{EXTRAS}]", *pinned)

    frozen = run(python, "-m", "pip", "freeze", "--all", "--exclude-editable", capture=True).splitlines()
    pins = [
        pin for pin in frozen if "==" in pin and env.normalise(pin.split("==")[0]) not in ("newslab", "pip")
    ]
    script = (
        "import json, sys; sys.path.insert(0, 'scripts'); import sync_environment as env; "
        "print(json.dumps(sorted(env.closure(env.runtime_requirements()))))"
    )
    runtime_names = set(json.loads(run(python, "-c", script, capture=True)))
    runtime, tools = env.split_pins(pins, runtime_names)

    env.RUNTIME_LOCK.write_text(env.render_runtime_lock(runtime), encoding="utf-8")
    env.LOCK.write_text(env.render_lock(tools), encoding="utf-8")
    env.ENVIRONMENT.write_text(env.render_environment(runtime), encoding="utf-8")
    shutil.rmtree(VENV)
    print(f"Pinned {len(runtime)} runtime packages and {len(tools)} tools on top (Python {version}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
