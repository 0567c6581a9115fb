"""The two lock files and Binder's environment.yml: read them, split a resolution, keep them in step.

One resolution (``make lock``, scripts/lock_environment.py) pins every package. It is written as

- ``requirements-runtime.lock``: the runtime — what the notebooks import, plus nbval and nbgitpuller —
  which Binder installs (``environment.yml`` lists exactly these pins);
- ``requirements.lock``: ``-r requirements-runtime.lock`` plus the test, development and scaling tools
  on top, which ``make test`` and CI install.

python scripts/sync_environment.py          # rewrite environment.yml from requirements-runtime.lock
python scripts/sync_environment.py --check  # exit 1 if environment.yml disagrees with it
"""

from __future__ import annotations

import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"
RUNTIME_LOCK = ROOT / "requirements-runtime.lock"
ENVIRONMENT = ROOT / "environment.yml"
PYPROJECT = ROOT / "pyproject.toml"

# The extras of pyproject.toml that belong to the runtime part, besides the plain dependencies.
RUNTIME_EXTRAS = ("binder",)
# The Python that `make lock` resolves with: the oldest supported one, so every pin serves 3.11–3.13.
LOCK_PYTHON = "3.11"

ENVIRONMENT_HEADER = f"""\
# Binder / conda environment for newslab: the runtime part only. Generated from
# requirements-runtime.lock by scripts/sync_environment.py: do not edit by hand
# (tests/test_environment.py checks they agree). The newslab package itself is installed by postBuild.
name: newslab
channels:
  - conda-forge
dependencies:
  - python={LOCK_PYTHON}
  - pip
  - pip:
"""

RUNTIME_HEADER = f"""\
# The runtime part of newslab's pins: what the notebooks import, plus nbval and nbgitpuller.
# Binder installs exactly these (environment.yml). Resolved on Python {LOCK_PYTHON} together with the tools
# in requirements.lock; regenerate both with: make lock
"""

LOCK_HEADER = f"""\
# Every pin newslab uses: the runtime part (first line) and the test, development and scaling tools on
# top. The Makefile and CI install this file. Resolved on Python {LOCK_PYTHON} together with
# requirements-runtime.lock; regenerate both with: make lock
-r requirements-runtime.lock
"""


def normalise(name: str) -> str:
    """A package name as pip compares it (``Jinja2`` and ``jinja2``, ``a_b`` and ``a-b`` are one)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def read_lock(path: Path = LOCK) -> list[str]:
    """The exact pins (``name==version``) of one lock file; comments, blanks and ``-r`` lines left out."""
    pins = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            pins.append(line)
    return pins


def read_all_pins() -> list[str]:
    """Every pin: the runtime part followed by the tools on top."""
    return read_lock(RUNTIME_LOCK) + read_lock(LOCK)


def pins_by_name(pins: list[str]) -> dict[str, str]:
    """``{normalised name: version}`` of a list of ``name==version`` pins."""
    return {normalise(pin.split("==")[0]): pin.split("==")[1] for pin in pins}


def project_requirements(path: Path = PYPROJECT) -> dict[str, list[str]]:
    """pyproject.toml's requirements: ``""`` for the plain dependencies, then one entry per extra."""
    project = tomllib.loads(path.read_text(encoding="utf-8"))["project"]
    return {"": list(project["dependencies"]), **project.get("optional-dependencies", {})}


def runtime_requirements(path: Path = PYPROJECT) -> list[str]:
    """The requirements whose closure makes the runtime part."""
    groups = project_requirements(path)
    return groups[""] + [requirement for extra in RUNTIME_EXTRAS for requirement in groups[extra]]


def closure(requirements: list[str], *, python: str | None = None) -> set[str]:
    """The normalised names of the installed distributions these requirements pull in, recursively.

    Reads the metadata of the Python running this function, so run it inside the environment that
    was resolved (the lock venv of ``make lock``, or a venv installed from the locks). Markers such
    as ``python_version < "3.12"`` are read as for this Python, or as for ``python`` (e.g. "3.11").
    """
    versions = {"python_version": python, "python_full_version": f"{python}.0"} if python else {}
    try:
        from packaging.requirements import Requirement
    except ImportError:  # a bare venv: pip carries its own copy
        from pip._vendor.packaging.requirements import Requirement

    names: set[str] = set()
    done: set[tuple[str, str]] = set()
    pending = [(Requirement(text), "") for text in requirements]
    while pending:
        requirement, context = pending.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({**versions, "extra": context}):
            continue
        name = normalise(requirement.name)
        names.add(name)
        for extra in ["", *sorted(requirement.extras)]:
            if (name, extra) in done:
                continue
            done.add((name, extra))
            pending += [(Requirement(text), extra) for text in metadata.requires(requirement.name) or []]
    return names


def split_pins(pins: list[str], runtime_names: set[str]) -> tuple[list[str], list[str]]:
    """Split one resolution's pins into (runtime part, tools on top), each sorted by name."""
    ordered = sorted(pins, key=lambda pin: pin.lower())
    runtime = [pin for pin in ordered if normalise(pin.split("==")[0]) in runtime_names]
    tools = [pin for pin in ordered if normalise(pin.split("==")[0]) not in runtime_names]
    return runtime, tools


def render_runtime_lock(pins: list[str]) -> str:
    return RUNTIME_HEADER + "".join(f"{pin}\n" for pin in pins)


def render_lock(pins: list[str]) -> str:
    return LOCK_HEADER + "".join(f"{pin}\n" for pin in pins)


def render_environment(pins: list[str]) -> str:
    return ENVIRONMENT_HEADER + "".join(f"      - {pin}\n" for pin in pins)


def main(argv: list[str]) -> int:
    expected = render_environment(read_lock(RUNTIME_LOCK))
    if "--check" in argv:
        if ENVIRONMENT.read_text(encoding="utf-8") != expected:
            print("environment.yml disagrees with requirements-runtime.lock: run make lock")
            return 1
        return 0
    ENVIRONMENT.write_text(expected, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
