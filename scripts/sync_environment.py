"""Write environment.yml (Binder) from requirements.lock, so both pin exactly the same packages.

python scripts/sync_environment.py          # rewrite environment.yml
python scripts/sync_environment.py --check  # exit 1 if environment.yml disagrees with the lock
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"
ENVIRONMENT = ROOT / "environment.yml"

HEADER = """\
# Binder / conda environment for newslab. Generated from requirements.lock by
# scripts/sync_environment.py: do not edit by hand (tests/test_environment.py checks they agree).
# The newslab package itself is installed by postBuild.
name: newslab
channels:
  - conda-forge
dependencies:
  - python=3.11
  - pip
  - pip:
"""


def read_lock(path: Path = LOCK) -> list[str]:
    """The exact pins (``name==version``) of the lock file, comments and blank lines left out."""
    pins = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            pins.append(line)
    return pins


def render_environment(pins: list[str]) -> str:
    return HEADER + "".join(f"      - {pin}\n" for pin in pins)


def main(argv: list[str]) -> int:
    expected = render_environment(read_lock())
    if "--check" in argv:
        if ENVIRONMENT.read_text(encoding="utf-8") != expected:
            print("environment.yml disagrees with requirements.lock: run python scripts/sync_environment.py")
            return 1
        return 0
    ENVIRONMENT.write_text(expected, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
