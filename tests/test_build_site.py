"""The read-only site: links to files a notebook writes only when run are not left broken.

scripts/build_site.py renders the stored outputs; notebooks 06 and 07 link to the zip they have just
written, which a clean checkout (and the site's reader) does not have.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_build_site():
    spec = importlib.util.spec_from_file_location("build_site", ROOT / "scripts" / "build_site.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_site"] = module
    spec.loader.exec_module(module)
    return module


build_site = _load_build_site()


@pytest.mark.parametrize(
    "page",
    [
        '<p><a download="my-work.zip" href="my-work.zip">download my-work.zip</a></p>',
        '<p><a href="my-work-2.zip" download="my-work-2.zip">download my-work-2.zip</a></p>',
        '<p><a href="./my-work-13.zip">download</a></p>',
    ],
)
def test_a_link_to_a_bundle_written_when_run_becomes_text_that_says_so(page):
    rewritten = build_site.unlink_run_time_files(page)
    assert "<a " not in rewritten and "href" not in rewritten
    assert "download" in rewritten
    assert build_site.RUN_TIME_NOTE in rewritten


@pytest.mark.parametrize(
    "page",
    [
        '<p><a href="../data/articles/trump-russia-cyber.txt">the article</a></p>',
        '<p><a href="03-who-said-what.ipynb">next</a> and <a href="#top">top</a></p>',
        '<p><a href="https://example.org/my-work.zip">a zip on another site</a></p>',
    ],
)
def test_other_links_are_left_alone(page):
    assert build_site.unlink_run_time_files(page) == page
