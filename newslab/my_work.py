"""Keep your work: ``my-work/`` as one zip file to download or hand in, and back again to resume.

On Binder a session lasts only while it is used: when it is closed, or left idle for a while, it
is deleted with every file in it, ``my-work/`` included. Download your work before you stop:

    >>> from newslab.my_work import download_my_work, restore_my_work
    >>> download_my_work()                  # writes my-work.zip and shows a link to download it
    >>> restore_my_work("my-work.zip")      # next time: upload the zip, then put its files back

The same zip is what you hand in. Nothing here overwrites a file: a new bundle gets a new name
(``my-work-2.zip``…) unless the last one already holds the same work, and restoring stops at the
first file that already exists with other content.
"""

from __future__ import annotations

import html
import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from newslab import errors

# Set by mybinder.org (BinderHub) in every session it starts.
BINDER_VARIABLES = ("BINDER_LAUNCH_HOST", "BINDER_REQUEST", "BINDER_REPO_URL", "BINDER_REF_URL")
DEFAULT_FOLDER = "my-work"
MAX_FILES = 2000
MAX_BYTES = 100_000_000
# Zip entries carry a fixed date, so the same work always makes the same bytes.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_SKIPPED_NAMES = {".DS_Store", "Thumbs.db", ".ipynb_checkpoints", "__MACOSX"}
_notice_shown = False


def on_binder(environ: dict[str, str] | None = None) -> bool:
    """Whether the kit runs in a Binder session (mybinder.org or another BinderHub).

    Example:
        >>> on_binder({"BINDER_LAUNCH_HOST": "https://mybinder.org/"})
        True
    """
    environ = os.environ if environ is None else environ
    return any(environ.get(name) for name in BINDER_VARIABLES)


def binder_notice(folder: str | Path = DEFAULT_FOLDER, *, environ: dict[str, str] | None = None) -> str:
    """The plain warning about Binder's temporary sessions, or ``""`` when not on Binder."""
    if not on_binder(environ):
        return ""
    name = f"{PurePosixPath(Path(folder).as_posix()).name}/"
    return (
        f"You are on Binder: this session, and {name} with it, is deleted when you close it or leave it "
        f"idle for a while. Before you stop, run download_my_work() and save the zip file it links. "
        f'To carry on later, upload that zip here and run restore_my_work("{Path(folder).name}.zip").'
    )


def show_binder_notice(folder: str | Path = DEFAULT_FOLDER) -> None:
    """Print the Binder warning once per session (nothing at all when not on Binder)."""
    global _notice_shown
    message = binder_notice(folder)
    if message and not _notice_shown:
        _notice_shown = True
        print(message)


@dataclass(frozen=True)
class Bundle:
    """A zip file holding a folder of work: where it is and what is in it.

    In a notebook it shows as a link that downloads the file.
    """

    path: Path
    files: tuple[str, ...]

    def __str__(self) -> str:
        return f"{_shown_path(self.path)} holds {_count(self.files)} from {_top_folder(self.files)}"

    def _repr_pretty_(self, printer, cycle: bool) -> None:
        printer.text(str(self))

    def _repr_html_(self) -> str:
        shown = _shown_path(self.path)
        return (
            f'<p>{html.escape(str(self))}: <a href="{html.escape(quote(shown))}" '
            f'download="{html.escape(self.path.name)}">download {html.escape(self.path.name)}</a></p>'
        )


def bundle_my_work(folder: str | Path = DEFAULT_FOLDER, to: str | Path | None = None) -> Bundle:
    """Put every file of ``folder`` into one zip file, written atomically, and return it.

    Args:
        folder: the folder of work, ``my-work`` by default.
        to: the zip file to write. By default ``my-work.zip`` beside the folder, or the next free
            name (``my-work-2.zip``…) when that holds other work; an earlier bundle of exactly the same
            work is used as it is.

    Raises:
        SourceNotFound: when the folder does not exist or holds no files.
        FileExists: when ``to`` is given and already holds something else.
    """
    folder = Path(folder)
    files = _work_files(folder)
    data = _zip_bytes(folder, files)
    names = tuple(f"{folder.name}/{name}" for name in files)
    if to is not None:
        return Bundle(_write_once(Path(to), data), names)
    for number in range(1, 1000):
        suffix = "" if number == 1 else f"-{number}"
        candidate = folder.parent / f"{folder.name}{suffix}.zip"
        if not candidate.exists() or candidate.read_bytes() == data:
            return Bundle(_write_once(candidate, data), names)
    raise errors.FileExists(f"There are 999 bundles of `{folder}` already: delete old ones and try again.")


def download_my_work(folder: str | Path = DEFAULT_FOLDER) -> Bundle:
    """Bundle ``folder`` into one zip file; in a notebook the result shows as its download link.

    Example:
        >>> download_my_work()   # doctest: +SKIP
        my-work.zip holds 2 files from my-work/: download my-work.zip
    """
    return bundle_my_work(folder)


def restore_my_work(
    bundle: str | Path, folder: str | Path = DEFAULT_FOLDER, *, overwrite: bool = False
) -> list[Path]:
    """Put the files of a bundle made by :func:`download_my_work` back into ``folder``.

    The zip is checked first, and nothing is written unless all of it can be: every entry must be
    a plain file inside one top folder (no absolute paths, no ``..``, no links), and a file that
    already exists with other content stops the restore unless ``overwrite`` is true. Files that
    already hold the same content are left as they are.

    Returns:
        The files written, in order.

    Raises:
        SourceNotFound: no such file.
        InvalidInput: the file is not a zip, or an entry is unsafe or too big.
        FileExists: a file in ``folder`` already holds other work.
    """
    from newslab.files import write_atomic

    bundle = Path(bundle)
    if not bundle.is_file():
        raise errors.missing_path(bundle)
    folder = Path(folder)
    contents = _read_bundle(bundle)
    planned = [(folder.joinpath(*parts), data) for parts, data in contents]
    folders = [path for path, _ in planned if path.exists() and not path.is_file()]
    if folders:
        raise errors.FileExists(f"`{folders[0]}` is a folder, but the bundle holds a file of that name.")
    clashes = [path for path, data in planned if path.exists() and path.read_bytes() != data]
    if clashes and not overwrite:
        raise errors.FileExists(
            f"`{clashes[0]}` already exists with other content ({_count(clashes)} in all): move it away, "
            "or call restore_my_work(..., overwrite=True) to replace it with the bundle's copy."
        )
    written = []
    for path, data in planned:
        if path.exists() and path.read_bytes() == data:
            continue
        written.append(write_atomic(path, data, overwrite=overwrite))
    return written


# ------------------------------------------------------------------ helpers


def _work_files(folder: Path) -> list[str]:
    if not folder.is_dir():
        raise errors.SourceNotFound(
            f"There is no `{folder}` folder here yet: save some work first (the annotation widget "
            "saves into it), or give the folder's path."
        )
    files = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        hidden = any(part.startswith(".") or part in _SKIPPED_NAMES for part in relative.parts)
        if path.is_file() and not path.is_symlink() and not hidden:
            files.append(relative.as_posix())
    if not files:
        raise errors.SourceNotFound(f"`{folder}` holds no files yet: save some work first.")
    return files


def _zip_bytes(folder: Path, files: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in files:
            entry = zipfile.ZipInfo(f"{folder.name}/{name}", date_time=_ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, (folder / name).read_bytes())
    return buffer.getvalue()


def _write_once(path: Path, data: bytes) -> Path:
    """Write ``data`` unless ``path`` already holds exactly it; never replace other content."""
    from newslab.files import write_atomic

    if path.exists() and path.read_bytes() == data:
        return path
    return write_atomic(path, data)


def _read_bundle(bundle: Path) -> list[tuple[tuple[str, ...], bytes]]:
    """The (path parts under the top folder, content) of each file in a bundle, all entries checked."""
    try:
        archive = zipfile.ZipFile(bundle)
    except (zipfile.BadZipFile, OSError):
        raise errors.InvalidInput(
            f"`{bundle}` is not a zip file: upload the .zip that download_my_work() made."
        ) from None
    with archive:
        entries = [entry for entry in archive.infolist() if not _skipped(entry.filename)]
        if len(entries) > MAX_FILES or sum(entry.file_size for entry in entries) > MAX_BYTES:
            raise errors.InvalidInput(f"`{bundle}` is far bigger than a folder of work: it was not restored.")
        contents = []
        for entry in entries:
            parts = _safe_parts(entry, bundle)
            if parts is None:
                continue
            try:
                contents.append((parts, archive.read(entry)))
            except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError):
                raise errors.InvalidInput(
                    f"`{bundle}` is damaged or encrypted (`{entry.filename}` cannot be read): it was not restored."
                ) from None
    tops = {parts[0] for parts, _ in contents}
    if len(tops) != 1 or any(len(parts) < 2 for parts, _ in contents):
        raise errors.InvalidInput(
            f"`{bundle}` does not hold one folder of work: restore only zips made by download_my_work()."
        )
    return [(parts[1:], data) for parts, data in contents]


def _safe_parts(entry: zipfile.ZipInfo, bundle: Path) -> tuple[str, ...] | None:
    """An entry's path parts, ``None`` for a folder entry; unsafe names and links are refused."""
    name = entry.filename
    kind = (entry.external_attr >> 16) & 0o170000
    parts = tuple(name.rstrip("/").split("/"))
    unsafe = (
        "\\" in name
        or "\x00" in name
        or name.startswith("/")
        or (len(parts[0]) >= 2 and parts[0][1] == ":")
        or any(part in ("", ".", "..") for part in parts)
        or kind not in (0, 0o100000, 0o040000)
    )
    if unsafe:
        raise errors.InvalidInput(
            f"`{bundle}` holds an unsafe entry `{name}` (outside its folder, or a link): it was not restored."
        )
    return None if entry.is_dir() or kind == 0o040000 else parts


def _skipped(name: str) -> bool:
    return any(part in _SKIPPED_NAMES for part in name.split("/"))


def _shown_path(path: Path) -> str:
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def _top_folder(files: tuple[str, ...]) -> str:
    return f"{files[0].split('/')[0]}/" if files else "its folder"


def _count(items: tuple | list) -> str:
    return f"{len(items)} file" + ("" if len(items) == 1 else "s")
