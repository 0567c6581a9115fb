"""The annotation widget in a real browser: JupyterLab 4 driven by headless Chromium.

Starts JupyterLab on localhost (a free port, a token, no browser of its own) in a temporary copy of
notebook 06, opens it in Debian's Chromium through Playwright and runs the cells up to the widget.
Then it annotates the three quotes of paragraphs 3 and 4 and their speakers, first by mouse, then by
keyboard only, and checks after every step that the page shows the change and that the annotation
file on disk holds it. It counts the actions (clicks, drags, key presses) each quote took and
measures, in the page, the time from each click or key to the widget's update; both are printed
(run with ``-s`` to see them), and only the action counts are asserted. A screenshot is saved in the
test's temporary folder, and also in ``$NEWSLAB_SCREENSHOT_DIR`` when that is set.

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


def _cells_to_run() -> list[str]:
    """The first code cell (imports, the article) and the widget's cell, each by its longest line.

    JupyterLab draws only the cells near the view, so a cell is found by its text, not its place.
    """
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    first = next(cell for cell in cells if cell["cell_type"] == "code")
    widget = next(cell for cell in cells if "".join(cell["source"]).startswith(WIDGET_CELL))
    return [max("".join(cell["source"]).splitlines(), key=len) for cell in (first, widget)]


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


def test_annotate_quotes_by_mouse_and_keyboard(lab):
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
            _open_widget(page, lab)
            steps = Steps(page, saved)
            _by_mouse(page, steps, screenshots)
            _by_keyboard(page, steps)
            steps.report()
        except Exception:
            # Keep a picture of the page for whoever reads the failure.
            for folder in {path.parent for path in screenshots}:
                folder.mkdir(parents=True, exist_ok=True)
                if page is not None:
                    page.screenshot(path=str(folder / "widget-failure.png"))
            raise
        finally:
            browser.close()


def _open_widget(page, lab) -> None:
    from playwright.sync_api import expect

    expect.set_options(timeout=30_000)  # the machine may be busy: wait, but never assert on time

    page.goto(f"{lab['base']}/lab/tree/{NOTEBOOK.name}?token={lab['token']}")
    # Wait for the notebook and an idle kernel, then run the cells from the top to the widget's.
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
    expect(page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")).to_have_count(
        1, timeout=120_000
    )
    for line in _cells_to_run():
        cell = page.locator(".jp-Notebook .jp-CodeCell", has_text=line)
        for _attempt in range(5):
            _choose_kernel_if_asked(page)
            cell.scroll_into_view_if_needed()
            cell.locator(".jp-InputPrompt").click()
            expect(cell).to_have_class(re.compile(r"\bjp-mod-selected\b"))
            page.keyboard.press("Shift+Enter")
            # A run asked for while the kernel is still connecting is dropped, leaving "[ ]": ask again.
            try:
                expect(cell.locator(".jp-InputPrompt")).to_have_text("[ ]:", timeout=3_000)
            except AssertionError:
                break
    widget = page.locator(".newslab-annotator")
    cells = page.locator(".jp-Notebook .jp-CodeCell")
    failed = cells.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    widget.or_(failed).first.wait_for(timeout=WIDGET_TIMEOUT)
    if not widget.count():
        pytest.fail(f"the notebook's cells failed: {failed.first.inner_text()[-2000:]}")
    widget.scroll_into_view_if_needed()
    expect(page.locator(".newslab-token").first).to_have_text("Graham")
    page.evaluate(TIMER)


def _choose_kernel_if_asked(page) -> None:
    """On a busy machine JupyterLab may ask which kernel to start: the notebook's own (the default)."""
    dialog = page.locator(".jp-Dialog", has_text="Select Kernel")
    if dialog.count():
        dialog.locator("button", has_text="Select").click()
        dialog.wait_for(state="detached")


# Measured in the page: from a click or key press to the widget's first change (local drawing),
# and to the status line's change (the kernel has saved the file and answered).
TIMER = """() => {
  const widget = document.querySelector(".newslab-annotator");
  const status = widget.querySelector(".newslab-status");
  const t = (window.newslabTimer = { start: 0, first: null, saved: null });
  const begin = () => { t.start = performance.now(); t.first = null; t.saved = null; };
  document.addEventListener("pointerdown", begin, true);
  document.addEventListener("keydown", (e) => { if (!["Shift", "Control"].includes(e.key)) begin(); }, true);
  const options = { subtree: true, childList: true, attributes: true, characterData: true };
  new MutationObserver(() => { if (t.first === null) t.first = performance.now() - t.start; }).observe(widget, options);
  new MutationObserver(() => { if (t.saved === null) t.saved = performance.now() - t.start; }).observe(status, options);
}"""


class Steps:
    """Counts the actions of each task and keeps the click-to-update times."""

    def __init__(self, page, saved: Path) -> None:
        self.page, self.saved = page, saved
        self.rows: list[tuple[str, str, int, float | None]] = []

    def act(self, task: str, action: str, do, *, check=None) -> None:
        """Do one action (a click, a drag, a key press), wait for ``check`` and keep its time."""
        do()
        if check is not None:
            check()
        timer = self.page.evaluate("() => window.newslabTimer")
        delay = timer["saved"] if timer["saved"] is not None else timer["first"]
        self.rows.append((task, action, 1, delay))

    def count(self, task: str) -> int:
        return sum(n for name, _, n, _ in self.rows if name == task)

    def report(self) -> None:
        print("\nannotation widget in headless Chromium: actions and click-to-update times")
        for task, action, _, delay in self.rows:
            shown = "–" if delay is None else f"{delay:.0f} ms"
            print(f"  {task:<34} {action:<34} {shown:>8}")
        tasks = dict.fromkeys(name for name, *_ in self.rows)
        for task in tasks:
            print(f"  {task}: {self.count(task)} actions")
        delays = sorted(d for *_, d in self.rows if d is not None)
        if delays:
            print(f"  click-to-update: median {delays[len(delays) // 2]:.0f} ms, max {delays[-1]:.0f} ms")

    def records(self) -> list[dict]:
        if not self.saved.exists():
            return []
        return json.loads(self.saved.read_text(encoding="utf-8"))["annotations"]

    def wait_for(self, test, what: str, timeout: float = 30) -> dict:
        """The first saved record that passes ``test``, once the file on disk holds it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                found = [r for r in self.records() if test(r)]
            except (OSError, ValueError):  # caught between two writes: look again
                found = []
            if found:
                return found[0]
            time.sleep(0.05)
        pytest.fail(f"{what} was not saved to {self.saved.name} within {timeout} s: {self.records()}")


def _token(page, text: str, nth: int = 0):
    return page.locator(".newslab-token").filter(has_text=re.compile(f"^{re.escape(text)}$")).nth(nth)


def _drag(page, first, last) -> None:
    start, end = first.bounding_box(), last.bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + end["height"] / 2, steps=4)
    page.mouse.up()


def _by_mouse(page, steps: Steps, screenshots: list[Path]) -> None:
    from playwright.sync_api import expect

    text = (ROOT / "data" / "articles" / "trump-russia-cyber.txt").read_text(encoding="utf-8")
    preview = page.locator(".newslab-tokens")
    status = page.locator(".newslab-status")

    # A person: click the word once (a one-word selection), then Person.
    task = "mouse: mark Graham as a person"
    steps.act(
        task,
        "click Graham",
        lambda: _token(page, "Graham").click(),
        check=lambda: expect(_token(page, "Graham")).to_have_class(re.compile("newslab-selected")),
    )
    steps.act(
        task,
        "click Person",
        lambda: page.locator(".newslab-label-person").click(),
        check=lambda: expect(preview).to_contain_text("[person]"),
    )
    graham = steps.wait_for(lambda r: r["label"] == "PERSON", "the person Graham")
    assert text[graham["start"] : graham["end"]] == "Graham"
    expect(status).to_contain_text("saved 1 annotations to my-work/annotations-06.json")
    assert "`" not in status.inner_text()

    # A quote whose speaker is marked: drag across it, Quote, then accept the proposed speaker.
    task = "mouse: Graham's quote (drag)"
    steps.act(
        task,
        "drag from “ to ”",
        lambda: _drag(page, _token(page, "“"), _token(page, "”")),
        check=lambda: expect(page.locator(".newslab-selected")).to_have_count(16),
    )
    steps.act(
        task,
        "click Quote",
        lambda: page.locator(".newslab-label-quote").click(),
        check=lambda: expect(page.locator(".newslab-speaker").first).to_contain_text("Graham"),
    )
    quote = steps.wait_for(lambda r: r["label"] == "QUOTE", "Graham's quote")
    assert quote["text"].startswith("“not the dumbest idea") and quote["text"].endswith("close,”")
    assert "speaker" not in quote["attrs"]
    steps.act(
        task,
        "click the proposed speaker",
        lambda: page.locator(".newslab-speaker").first.click(),
        check=lambda: expect(preview).to_contain_text("[quote → Graham]"),
    )
    linked = steps.wait_for(lambda r: r["label"] == "QUOTE" and "speaker" in r["attrs"], "the link")
    assert (linked["attrs"]["speaker_start"], linked["attrs"]["speaker_end"]) == (
        graham["start"],
        graham["end"],
    )
    assert steps.count(task) <= 4

    # The next sentence, by clicks only: McCain, then his quote by its first and last word.
    page.locator(".newslab-next").click()
    task = "mouse: mark McCain as a person"
    steps.act(task, "click McCain", lambda: _token(page, "McCain").click())
    steps.act(
        task,
        "click Person",
        lambda: page.locator(".newslab-label-person").click(),
        check=lambda: expect(preview).to_contain_text("[person]"),
    )
    steps.wait_for(lambda r: r["text"] == "McCain", "the person McCain")
    task = "mouse: McCain's quote (two clicks)"
    steps.act(task, "click “", lambda: _token(page, "“").click())
    steps.act(
        task,
        "click ”",
        lambda: _token(page, "”").click(),
        check=lambda: expect(page.locator(".newslab-selected")).to_have_count(8),
    )
    steps.act(
        task,
        "click Quote",
        lambda: page.locator(".newslab-label-quote").click(),
        check=lambda: expect(page.locator(".newslab-speaker").first).to_contain_text("McCain (after)"),
    )
    steps.wait_for(lambda r: r["text"] == "“There has been no penalty,”", "McCain's quote")
    steps.act(
        task,
        "click the proposed speaker",
        lambda: page.locator(".newslab-speaker").first.click(),
        check=lambda: expect(preview).to_contain_text("[quote → McCain]"),
    )
    steps.wait_for(lambda r: r["attrs"].get("speaker") == "McCain", "the link to McCain")
    assert steps.count(task) <= 4

    # The picture: the widget's cell from its code down, with the speaker question open.
    page.locator(".jp-Notebook .jp-CodeCell", has_text=_cells_to_run()[-1]).evaluate(
        "cell => cell.scrollIntoView()"
    )
    page.mouse.move(0, 0)
    for path in screenshots:
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(path))
    assert screenshots[0].stat().st_size > 10_000


def _by_keyboard(page, steps: Steps) -> None:
    from playwright.sync_api import expect

    preview = page.locator(".newslab-tokens")
    keys = page.keyboard
    focused = "() => document.activeElement.className"

    # The word strip is one Tab stop: Tab from the checkbox before it lands on a word, the next Tab
    # on the first label button.
    page.locator(".newslab-whole").focus()
    keys.press("Tab")
    assert "newslab-token" in page.evaluate(focused)
    keys.press("Tab")
    assert "newslab-label-person" in page.evaluate(focused)
    keys.press("Shift+Tab")
    assert "newslab-token" in page.evaluate(focused)
    word_to_label = 1  # every label has its own key, pressed on a word

    # McCain's second quote: next sentence (it starts with “), select to the next quotation mark,
    # Quote, Enter for the proposed speaker.
    task = "keys: McCain's second quote"
    steps.act(
        task,
        "PageDown",
        lambda: keys.press("PageDown"),
        check=lambda: expect(page.locator(".newslab-token:focus")).to_have_text("“"),
    )
    steps.act(
        task,
        "Shift+Ctrl+→",
        lambda: keys.press("Shift+Control+ArrowRight"),
        check=lambda: expect(page.locator(".newslab-selected")).to_have_count(19),
    )
    steps.act(
        task,
        "Q",
        lambda: keys.press("q"),
        check=lambda: expect(page.locator(".newslab-speakers")).to_contain_text("Vladimir"),
    )
    quote = steps.wait_for(lambda r: r["text"].startswith("“Vladimir Putin"), "the Putin quote")
    assert quote["text"].endswith("election.”") and "speaker" not in quote["attrs"]
    steps.act(
        task,
        "Enter",
        lambda: keys.press("Enter"),
        check=lambda: expect(preview).to_contain_text("[quote → McCain]"),
    )
    steps.wait_for(
        lambda r: r["text"].startswith("“Vladimir") and r["attrs"].get("speaker") == "McCain", "the link"
    )
    assert steps.count(task) <= 4

    # Changing the proposed speaker is one more key: 2 picks the second candidate, 1 takes it back.
    task = "keys: change the speaker"
    steps.act(
        task, "2", lambda: keys.press("2"), check=lambda: expect(preview).to_contain_text("[quote → Graham]")
    )
    steps.wait_for(
        lambda r: r["text"].startswith("“Vladimir") and r["attrs"].get("speaker") == "Graham", "Graham"
    )
    steps.act(
        task, "1", lambda: keys.press("1"), check=lambda: expect(preview).to_contain_text("[quote → McCain]")
    )
    steps.wait_for(
        lambda r: r["text"].startswith("“Vladimir") and r["attrs"].get("speaker") == "McCain", "McCain"
    )
    # The speakers are buttons too (two Tabs from the words): pressing one keeps the focus on it.
    keys.press("Tab")
    keys.press("Tab")
    expect(page.locator(".newslab-speaker:focus")).to_contain_text("McCain")
    keys.press("Enter")
    expect(page.locator(".newslab-status")).to_contain_text("Linked quote → McCain: “Vladimir Putin")
    expect(page.locator(".newslab-speaker:focus")).to_contain_text("McCain")
    steps.act(
        task,
        "Esc",
        lambda: keys.press("Escape"),
        check=lambda: expect(page.locator(".newslab-speakers")).to_be_hidden(),
    )
    expect(page.locator(".newslab-token:focus")).to_have_count(1)  # back on the words

    # A person inside the quote: → twice, Shift+→, P.
    task = "keys: mark Vladimir Putin as a person"
    steps.act(task, "Home", lambda: keys.press("Home"))
    steps.act(task, "→", lambda: keys.press("ArrowRight"))
    steps.act(
        task,
        "Shift+→",
        lambda: keys.press("Shift+ArrowRight"),
        check=lambda: expect(page.locator(".newslab-selected")).to_have_count(2),
    )
    steps.act(task, "P", lambda: keys.press("p"), check=lambda: expect(preview).to_contain_text("[person]"))
    steps.wait_for(lambda r: r["text"] == "Vladimir Putin" and r["label"] == "PERSON", "Vladimir Putin")

    # Undo by key takes the person back, in the file as well; the focus stays on the words.
    task = "keys: undo"
    steps.act(
        task,
        "Z",
        lambda: keys.press("z"),
        check=lambda: expect(page.locator(".newslab-status")).to_contain_text("Undone"),
    )
    steps.wait_for(lambda r: r["label"] == "QUOTE" and r["text"].startswith("“Vladimir"), "the quote")
    assert not any(r["text"] == "Vladimir Putin" for r in steps.records())
    assert "newslab-token" in page.evaluate(focused)

    # The list of annotations is two Tab stops away (the toolbar is one); Del deletes, Z undoes.
    task = "keys: delete from the list, undo"
    steps.act(task, "Tab", lambda: keys.press("Tab"))
    assert "newslab-label-person" in page.evaluate(focused)
    steps.act(task, "Tab", lambda: keys.press("Tab"))
    expect(page.locator(".newslab-annotation:focus")).to_contain_text("quote → McCain: “Vladimir Putin")
    steps.act(
        task, "Del", lambda: keys.press("Delete"), check=lambda: expect(preview).not_to_contain_text("[quote")
    )
    assert not any(r["text"].startswith("“Vladimir") for r in steps.records())
    steps.act(
        task, "Z", lambda: keys.press("z"), check=lambda: expect(preview).to_contain_text("[quote → McCain]")
    )
    steps.wait_for(
        lambda r: r["text"].startswith("“Vladimir") and r["attrs"].get("speaker") == "McCain", "undone"
    )

    # W shows every sentence offered (paragraphs 3 and 4), with all the work so far; W again, one.
    keys.press("Escape")
    keys.press("w")
    expect(preview).to_contain_text("stiffened his resolve")
    expect(preview).to_contain_text("of our election.”")
    expect(preview.locator(".newslab-tag")).to_have_count(5)  # two people, three linked quotes
    keys.press("w")
    expect(preview).not_to_contain_text("stiffened his resolve")
    print(f"\nkeys from a word to any label: {word_to_label}")
