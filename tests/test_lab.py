"""`make lab` serves the whole repository and opens notebook 00, so data/ and docs/ are one click away.

The test runs the Makefile's own `jupyter lab` command (read with `make -n lab`) on a free local port,
with a "browser" that only records the address it is asked to open.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def _lab_command(root: Path) -> list[str]:
    plan = subprocess.run(
        ["make", "-n", "--always-make", "lab", f"VENV={Path(sys.prefix)}", f"PYTHON={sys.executable}"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (line,) = [line for line in plan.splitlines() if "jupyter lab" in line]
    return shlex.split(line)


def test_make_lab_serves_the_repository_root(root, tmp_path):
    command = _lab_command(root)
    assert "--ServerApp.root_dir=." in command
    assert command[-1] == "notebooks/00-start-here.ipynb"
    assert ("--allow-root" in command) == (os.geteuid() == 0)

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" > {shlex.quote(str(opened))}\n')
    browser.chmod(0o755)
    token = "newslab-test"
    extra = [
        "--ip=127.0.0.1",
        f"--port={port}",
        "--port-retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.browser={browser} %s",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    environment = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    server = subprocess.Popen(
        command[:-1] + extra + command[-1:],
        cwd=root,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not opened.exists() and time.monotonic() < deadline and server.poll() is None:
            time.sleep(0.2)
        assert opened.exists(), "jupyter lab did not open a browser page"
        redirect = Path(opened.read_text().strip().removeprefix("file://")).read_text()
        assert f"http://127.0.0.1:{port}/lab/tree/notebooks/00-start-here.ipynb" in redirect

        def listing(path: str) -> set[str]:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/api/contents/{path}", headers={"Authorization": f"token {token}"}
            )
            with urllib.request.urlopen(request, timeout=10) as response:
                return {item["name"] for item in json.load(response)["content"]}

        assert {"README.md", "data", "docs", "notebooks"} <= listing("")
        assert {"articles", "gold"} <= listing("data")
        assert "instructor-guide.md" in listing("docs")
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
