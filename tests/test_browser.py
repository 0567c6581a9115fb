"""The annotation widget in a real browser: JupyterLab 4 driven by headless Chromium.

Starts JupyterLab on localhost (a free port, a token, no browser of its own) in a temporary copy of
notebook 06, opens it in Debian's Chromium through Playwright, runs the cells up to the widget,
marks a span by clicking two words and a label, and checks that the highlight shows on the page and
that the annotation file on disk holds the span. A screenshot is saved in the test's temporary
folder, and also in ``$NEWSLAB_SCREENSHOT_DIR`` when that is set.

Needs ``/usr/bin/chromium`` (``apt-get install chromium``) and the ``playwright`` Python package;
skipped with the reason when either is missing, except where ``NEWSLAB_REQUIRE_BROWSER=1`` (CI),
where a missing browser fails the test.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "06-annotate-it-yourself.ipynb"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
WIDGET_CELL = "# NBVAL_IGNORE_OUTPUT"
SERVER_TIMEOUT = 90
WIDGET_TIMEOUT = 180_000  # ms: the kernel starts and loads the language model first


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _cells_to_run() -> list[int]:
    """The first code cell (imports, the article) and the widget's cell."""
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    first = next(i for i, cell in enumerate(cells) if cell["cell_type"] == "code")
    widget = next(i for i, cell in enumerate(cells) if "".join(cell["source"]).startswith(WIDGET_CELL))
    return [first, widget]


@pytest.fixture
def lab(tmp_path):
    """A JupyterLab server in a temporary folder holding a copy of notebook 06; always shut down."""
    required = os.environ.get("NEWSLAB_REQUIRE_BROWSER") == "1"  # set by .ci/run: CI always runs this test
    if not CHROMIUM.exists():
        reason = "no Chromium at /usr/bin/chromium (install it with `apt-get install -y chromium`)"
        pytest.fail(reason) if required else pytest.skip(reason)
    if required:
        import playwright.sync_api  # noqa: F401  (an ImportError fails the test in CI)
    pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(NOTEBOOK, work / NOTEBOOK.name)
    config = tmp_path / "config"
    (config / "labconfig").mkdir(parents=True)
    # No news pop-up: nothing may reach the network, and a toast could cover the buttons.
    (config / "labconfig" / "page_config.json").write_text(
        json.dumps({"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}),
        encoding="utf-8",
    )
    port, token = _free_port(), uuid.uuid4().hex
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(config),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"),
        "IPYTHONDIR": str(tmp_path / "ipython"),
    }
    log = (tmp_path / "lab.log").open("wb")
    command = [
        sys.executable, "-m", "jupyterlab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--port-retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={work}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]  # fmt: skip
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # CI runs as root
    server = subprocess.Popen(
        command, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_TIMEOUT
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail(
                    f"JupyterLab did not start: {(tmp_path / 'lab.log').read_text(errors='replace')[-2000:]}"
                )
            time.sleep(0.5)
        yield {"base": base, "token": token, "work": work, "tmp": tmp_path}
    finally:
        # Shut the server (and the kernels it started) down: its own process group, by its id.
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=10)
        log.close()


def test_mark_a_span_in_jupyterlab(lab):
    from playwright.sync_api import sync_playwright

    saved = lab["work"] / "my-work" / "annotations-06.json"
    screenshots = [lab["tmp"] / "widget.png"]
    if os.environ.get("NEWSLAB_SCREENSHOT_DIR"):
        screenshots.append(Path(os.environ["NEWSLAB_SCREENSHOT_DIR"]) / "widget.png")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        page = None
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            _drive(page, lab, saved, screenshots)
        except Exception:
            # Keep a picture of the page for whoever reads the failure.
            for folder in {path.parent for path in screenshots}:
                folder.mkdir(parents=True, exist_ok=True)
                if page is not None:
                    page.screenshot(path=str(folder / "widget-failure.png"))
            raise
        finally:
            browser.close()


def _drive(page, lab, saved: Path, screenshots: list[Path]) -> None:
    from playwright.sync_api import expect

    page.goto(f"{lab['base']}/lab/tree/{NOTEBOOK.name}?token={lab['token']}")
    # Wait for the notebook and an idle kernel, then run the cells from the top to the widget's.
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
    expect(page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")).to_have_count(
        1, timeout=120_000
    )
    for index in _cells_to_run():
        cell = page.locator(".jp-Notebook .jp-Cell").nth(index)
        cell.scroll_into_view_if_needed()
        cell.locator(".jp-InputPrompt").click()
        expect(cell).to_have_class(re.compile(r"\bjp-mod-selected\b"))
        page.keyboard.press("Shift+Enter")
    widget = page.locator(".newslab-annotator")
    widget.wait_for(timeout=WIDGET_TIMEOUT)
    widget.scroll_into_view_if_needed()

    # Mark "Graham" (the first word) with two clicks, then label it.
    first = page.locator(".newslab-token-0")
    expect(first).to_have_text("Graham")
    first.click()
    first.click()
    expect(page.locator(".newslab-preview")).to_contain_text("[selected]")
    page.locator(".newslab-label-person").click()
    highlight = page.locator(".newslab-preview mark", has_text="Graham")
    expect(highlight).to_contain_text("[person]", timeout=30_000)
    expect(page.locator(".newslab-status")).to_contain_text("saved 1 annotations")

    # The file on disk holds the span, with the article's offsets.
    record = _wait_for_record(saved, "PERSON")
    assert record["text"] == "Graham"
    text = (ROOT / "data" / "articles" / "trump-russia-cyber.txt").read_text(encoding="utf-8")
    assert text[record["start"] : record["end"]] == "Graham"

    # A quote by clicking its first and last marks, for a fuller picture of the tool.
    page.locator(".newslab-token-15").click()
    page.locator(".newslab-token-30").click()
    page.locator(".newslab-label-quote").click()
    expect(page.locator(".newslab-preview")).to_contain_text("[quote]", timeout=30_000)
    quote = _wait_for_record(saved, "QUOTE")
    assert quote["text"].startswith("“not the dumbest idea") and quote["text"].endswith("close,”")

    # Link the quote to its speaker: choose both, then click the link button.
    page.locator(".newslab-annotations select").select_option(index=1)
    page.locator(".newslab-speaker select").select_option(index=0)
    page.locator(".newslab-link").click()
    expect(page.locator(".newslab-preview")).to_contain_text("[quote → Graham]", timeout=30_000)
    assert _wait_for_record(saved, "QUOTE", speaker=True)["attrs"]["speaker_start"] == record["start"]

    # The picture: the widget's cell from its code down.
    page.locator(".jp-Notebook .jp-Cell").nth(_cells_to_run()[-1]).evaluate("cell => cell.scrollIntoView()")
    page.mouse.move(0, 0)
    for path in screenshots:
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(path))
    assert screenshots[0].stat().st_size > 10_000

    # The keyboard works too: focus Undo, press Enter; the link is taken back, in the file as well.
    page.locator(".newslab-undo").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".newslab-status")).to_contain_text("Undone", timeout=30_000)
    deadline = time.monotonic() + 30
    while "speaker" in _wait_for_record(saved, "QUOTE")["attrs"] and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "speaker" not in _wait_for_record(saved, "QUOTE")["attrs"]


def _wait_for_record(path: Path, label: str, *, speaker: bool = False, timeout: float = 30) -> dict:
    """The first record with this label in the annotation file (with a speaker, if asked), once it is there."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists():
            records = [
                r
                for r in json.loads(path.read_text(encoding="utf-8"))["annotations"]
                if r["label"] == label and (not speaker or "speaker" in r["attrs"])
            ]
            if records:
                return records[0]
        time.sleep(0.2)
    pytest.fail(f"no {label} annotation was saved to {path.name} within {timeout} s")
