"""Writing files safely: atomically, only regular files, and never over an existing file unless asked.

Every file the kit writes goes through here, so these promises hold everywhere:

- a reader never sees half a file (a temporary file beside it, then a rename);
- an existing file is replaced only when asked (``overwrite=True``, ``--force`` on the command line);
- only regular files are written: a folder, a device such as ``/dev/null``, a pipe or a socket is
  refused, never replaced;
- a place that cannot be written (a path under a file, a read-only folder, ``/proc``) is one sentence,
  found before any work is done (:func:`check_output`);
- a name made from data (an article's id) becomes a plain file name (:func:`safe_file_name`), so no
  id can make the kit write outside the folder it was given.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from pathlib import Path
from typing import IO

from newslab import errors

PARTIAL_SUFFIX = ".partial"
"""Results streamed to ``FILE`` are written to ``FILE.partial`` until the run is complete."""

_UNSAFE = re.compile(r"[^\w.-]+")


class CannotWrite(errors.NewslabError):
    """An output path the kit cannot write, or must not (a folder, a device, a pipe)."""


def safe_file_name(name: object, *, default: str = "article", max_length: int = 100) -> str:
    """A plain file name made from an id: letters, digits, ``.``, ``-`` and ``_`` only, never hidden.

    Anything else (``/``, ``\\``, ``..`` at the start, control characters) becomes ``-``, so the
    name always stays inside the folder it is joined to.

    Example:
        >>> safe_file_name("../../escaped")
        'escaped'
        >>> safe_file_name("Trump Backs Away")
        'Trump-Backs-Away'
    """
    cleaned = _UNSAFE.sub("-", str(name)).strip("-.")[:max_length].strip("-.")
    return cleaned or default


def check_output(path: str | Path, *, overwrite: bool = False) -> Path:
    """Check that a file can be written at ``path``, before any work is done; returns the path.

    Raises:
        FileExists: the file exists and ``overwrite`` is false.
        CannotWrite: the path is a folder, a device, a pipe or a socket, lies under a file, or its
            folder cannot be written (one sentence saying which, and what to do).
    """
    path = Path(path)
    try:
        info = path.stat()  # follows a symbolic link: a link to /dev/null is a device too
    except FileNotFoundError:
        info = None
    except NotADirectoryError:
        raise _under_a_file(path) from None
    except OSError as exc:
        raise cannot_write(path, exc) from None
    except ValueError:  # a NUL character
        raise CannotWrite(f"{str(path)!r} is not a possible file name (it holds a NUL character).") from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise CannotWrite(
                f"`{path}` is a folder: give the name of a file to write inside it, "
                f"e.g. `{path / 'output.json'}`."
            )
        if not stat.S_ISREG(info.st_mode):
            raise CannotWrite(
                f"`{path}` is not a regular file (it is a device, a pipe or a socket) and newslab "
                "writes only regular files: give a file name, or `-o -` to write to standard output."
            )
        if not overwrite:
            raise errors.file_exists(path)
    folder = _nearest_existing(path.parent)
    if not folder.is_dir():
        raise _under_a_file(path)
    if folder == path.parent:
        _probe(folder, path)
    elif not os.access(folder, os.W_OK | os.X_OK):
        raise cannot_write(path, PermissionError(13, "Permission denied"))
    return path


def write_atomic(path: str | Path, content: str | bytes, *, overwrite: bool = False) -> Path:
    """Write a file in one step: a temporary file beside it, then a rename.

    A reader never sees half a file, and a crash leaves the old file as it was.

    Args:
        path: where to write.
        content: text (written as UTF-8) or bytes.
        overwrite: replace an existing regular file; by default an existing file is an error.

    Raises:
        FileExists: when the file exists and ``overwrite`` is false.
        CannotWrite: the path is not a regular file or cannot be written (see :func:`check_output`).
    """
    path = Path(path)
    check_output(path, overwrite=overwrite)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except (NotADirectoryError, FileExistsError):
        raise _under_a_file(path) from None
    except OSError as exc:
        raise cannot_write(path, exc) from None
    try:
        _match_umask(temporary)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _put_in_place(temporary, path, overwrite=overwrite)
    except OSError as exc:
        raise cannot_write(path, exc) from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return path


class StreamedFile:
    """A file written line by line while results are made, complete under its name only at the end.

    The lines go to ``FILE.partial`` (flushed after each one, so a record written is a record kept);
    :meth:`finish` renames it to ``FILE``. A run that stops early (Ctrl-C, a crash, a killed process)
    leaves ``FILE.partial`` with every finished record: ``FILE`` itself is never half a file.

    Example:
        >>> with StreamedFile("out.jsonl") as out:  # doctest: +SKIP
        ...     out.write('{"id": "a1"}\\n')
    """

    def __init__(self, path: str | Path, *, overwrite: bool = False) -> None:
        self.path = Path(path)
        self.partial = self.path.with_name(self.path.name + PARTIAL_SUFFIX)
        self.overwrite = overwrite
        self.lines = 0
        self._stream: IO[str] | None = None

    def open(self) -> StreamedFile:
        """Check the output place and start ``FILE.partial`` (before any work is done)."""
        check_output(self.path, overwrite=self.overwrite)
        if os.path.lexists(self.partial):
            check_output(self.partial, overwrite=True)
            if not self.overwrite:
                raise errors.FileExists(
                    f"`{self.partial}` holds the records of an earlier run that was stopped: "
                    "rename or delete it (or pass --force to start again over it)."
                )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._stream = open(self.partial, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except (NotADirectoryError, FileExistsError):
            raise _under_a_file(self.path) from None
        except OSError as exc:
            raise cannot_write(self.partial, exc) from None
        return self

    def write(self, text: str) -> None:
        """Write whole lines and flush them, so they are on disk even if the run is killed next."""
        assert self._stream is not None, "open() first"
        self._stream.write(text)
        self._stream.flush()
        self.lines += text.count("\n")

    def finish(self) -> Path:
        """The run is complete: make ``FILE.partial`` the file ``FILE``."""
        assert self._stream is not None, "open() first"
        stream, self._stream = self._stream, None
        try:
            os.fsync(stream.fileno())
            stream.close()
            _put_in_place(str(self.partial), self.path, overwrite=self.overwrite)
        except OSError as exc:
            raise cannot_write(self.path, exc) from None
        if os.path.exists(self.partial):
            os.unlink(self.partial)
        return self.path

    def stop(self) -> Path | None:
        """The run stopped early: keep ``FILE.partial`` if it holds records (else remove it); return it."""
        if self._stream is None:
            return None
        stream, self._stream = self._stream, None
        stream.close()
        if self.lines:
            return self.partial
        os.unlink(self.partial)
        return None

    def __enter__(self) -> StreamedFile:
        return self.open()

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self.finish()
        else:
            self.stop()


def cannot_write(path: str | Path, exc: OSError) -> CannotWrite:
    """The one sentence for an output that the system refused to write."""
    reason = (exc.strerror or str(exc)).lower()
    return CannotWrite(
        f"newslab cannot write `{path}` ({reason}): choose a file in a folder you can write to."
    )


def _under_a_file(path: Path) -> CannotWrite:
    blocker = next((p for p in reversed(path.parents) if p.exists() and not p.is_dir()), path.parent)
    return CannotWrite(
        f"`{path}` cannot be written: `{blocker}` is a file, not a folder. Choose a path in a folder."
    )


def _nearest_existing(folder: Path) -> Path:
    while not os.path.lexists(folder) and folder != folder.parent:
        folder = folder.parent
    return folder


def _probe(folder: Path, path: Path) -> None:
    """Create and remove a temporary file in the folder: the one sure test that it can be written."""
    try:
        handle, probe = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise cannot_write(path, exc) from None
    os.close(handle)
    os.unlink(probe)


def _match_umask(temporary: str) -> None:
    # mkstemp makes the file private (0600); give it the permissions a normal write would.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temporary, 0o666 & ~umask)


def _put_in_place(temporary: str, path: Path, *, overwrite: bool) -> None:
    if overwrite:
        check_output(path, overwrite=True)  # it may have become a folder or a device meanwhile
        os.replace(temporary, path)
        return
    # link() fails if the target appeared meanwhile: never clobber a file silently.
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise errors.file_exists(path) from None
    except OSError:
        if os.path.lexists(path):
            raise errors.file_exists(path) from None
        os.replace(temporary, path)
