"""Writing files safely: atomically, and never over an existing file unless asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from newslab import errors


def write_atomic(path: str | Path, content: str | bytes, *, overwrite: bool = False) -> Path:
    """Write a file in one step: a temporary file beside it, then a rename.

    A reader never sees half a file, and a crash leaves the old file as it was.

    Args:
        path: where to write.
        content: text (written as UTF-8) or bytes.
        overwrite: replace an existing file; by default an existing file is an error.

    Raises:
        FileExists: when the file exists and ``overwrite`` is false.
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise errors.file_exists(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); give it the permissions a normal write would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if overwrite:
            os.replace(temporary, path)
        else:
            # link() fails if the target appeared meanwhile: never clobber a file silently.
            try:
                os.link(temporary, path)
            except FileExistsError:
                raise errors.file_exists(path) from None
            except OSError:
                os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return path
