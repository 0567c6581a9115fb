"""Hand in your work: ``my-work/`` as one zip file, and a list of what a zip holds.

Everything the notebooks save goes into ``my-work/`` beside them: the annotations of notebooks 06
and 07 (JSON), the exports of notebook 06 (``my-work/exports/``) and the report of notebook 07 (HTML).
One cell makes the file to submit:

    >>> from newslab.handin import hand_in, bundle_contents
    >>> bundle = hand_in()                 # my-work.zip beside the folder (my-work-2.zip… if that holds other work)
    >>> bundle_contents(bundle.path)       # what it holds, to check before you submit

The zip is made by :func:`newslab.my_work.bundle_my_work`, the same bundle a Binder session
downloads and restores: written atomically, never replacing other work, every entry a relative path
inside one top folder. An instructor lists a submitted zip with :func:`bundle_contents`, which checks
every entry as a restore does and reads nothing else.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from newslab.my_work import Bundle

CONTENT_COLUMNS = ["file", "kind", "bytes"]


def hand_in(folder: str | Path = "my-work", to: str | Path | None = None) -> Bundle:
    """Bundle a student's folder of work into one zip file to submit, and return it.

    In a notebook the result shows as a link that downloads the file.

    Args:
        folder: the folder of work, ``my-work`` beside the notebooks by default.
        to: the zip file to write, e.g. ``"ana-lopez-newslab.zip"``; by default ``my-work.zip`` beside
            the folder, or the next free name. A file that already holds other work is never replaced.

    Raises:
        SourceNotFound: the folder does not exist or holds no files yet.
        FileExists: ``to`` already holds something else.
    """
    from newslab.my_work import bundle_my_work

    return bundle_my_work(folder, to)


def bundle_contents(bundle: str | Path) -> pd.DataFrame:
    """What a hand-in zip holds: one row per file, with its path inside the folder, its kind and size.

    ``kind`` is ``annotations`` (a ``.json`` file), ``export`` (anything under ``exports/``),
    ``report`` (``.html``), ``notebook`` (``.ipynb``) or ``other``. The zip is checked as a restore
    checks it — every entry a plain file inside one top folder, no absolute paths, no ``..``, no
    links — and nothing is extracted.

    Raises:
        SourceNotFound: no such file.
        InvalidInput: not a zip file, or an entry is unsafe.
    """
    import pandas as pd

    from newslab import errors
    from newslab.my_work import _read_bundle

    path = Path(bundle)
    if not path.is_file():
        raise errors.missing_path(path)
    rows = [
        {"file": "/".join(parts), "kind": _kind(parts), "bytes": len(data)}
        for parts, data in _read_bundle(path)
    ]
    return pd.DataFrame(sorted(rows, key=lambda row: row["file"]), columns=CONTENT_COLUMNS)


def _kind(parts: tuple[str, ...]) -> str:
    name = parts[-1].lower()
    if parts[0] == "exports":
        return "export"
    for suffix, kind in ((".json", "annotations"), (".html", "report"), (".ipynb", "notebook")):
        if name.endswith(suffix):
            return kind
    return "other"
