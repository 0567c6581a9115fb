"""A copy of the kit for students: the repository at a commit, without the solved notebooks.

    newslab student-copy ../newslab-students            # the checkout's HEAD
    newslab student-copy ../newslab-students --ref v1.0 # a tag

The copy holds exactly the files git tracks at that commit (no ``.venv``, no ``my-work/``), minus
``notebooks/solutions/`` and the test that reads the solutions, so the copy's own ``make test`` still
runs. Make it the content of a student branch or a course repository, and share its Binder links.
"""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
from pathlib import Path, PurePosixPath

from newslab import errors

LEFT_OUT = ("notebooks/solutions/", "tests/test_solutions.py")


def checkout_root(folder: str | Path = ".") -> Path:
    """The top folder of the git checkout that ``folder`` is in.

    Raises:
        InvalidInput: when it is not inside a git checkout (or git is missing).
    """
    result = _git(folder, "rev-parse", "--show-toplevel")
    if result.returncode != 0:
        raise errors.InvalidInput(
            f"`{folder}` is not inside a git checkout: run this from the kit's repository folder."
        )
    return Path(result.stdout.decode().strip())


def is_left_out(path: str) -> bool:
    """Whether a repository path stays out of the student copy."""
    return any(path == kept.rstrip("/") or path.startswith(kept) for kept in LEFT_OUT)


def write_student_copy(destination: str | Path, *, source: str | Path = ".", ref: str = "HEAD") -> list[str]:
    """Write the repository at ``ref`` into ``destination``, leaving the solutions out.

    Args:
        destination: a folder that does not exist yet, or an empty one.
        source: any folder inside the kit's git checkout.
        ref: the commit, branch or tag to copy.

    Returns:
        The repository paths written, in order.

    Raises:
        InvalidInput: not a git checkout, or no such ref.
        FileExists: ``destination`` already holds files.
    """
    from newslab.files import write_atomic

    root = checkout_root(source)
    destination = Path(destination)
    if destination.exists() and (not destination.is_dir() or any(destination.iterdir())):
        raise errors.FileExists(
            f"`{destination}` already exists and is not empty: give a new folder for the student copy."
        )
    if ref.startswith("-"):
        raise errors.InvalidInput(f"`{ref}` is not a git commit, branch or tag.")
    archive = _git(root, "archive", "--format=tar", ref)
    if archive.returncode != 0:
        raise errors.InvalidInput(f"`{ref}` is not a commit, branch or tag of `{root}`: check its name.")
    written = []
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        for member in tar.getmembers():
            path = PurePosixPath(member.name)
            if not member.isfile() or is_left_out(member.name):
                continue
            if path.is_absolute() or ".." in path.parts:
                raise errors.InvalidInput(
                    f"`{member.name}` would land outside the copy: nothing more written."
                )
            target = destination.joinpath(*path.parts)
            data = tar.extractfile(member).read()
            write_atomic(target, data)
            if member.mode & 0o111:
                os.chmod(target, target.stat().st_mode | 0o111)
            written.append(member.name)
    return written


def _git(folder: str | Path, *arguments: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", "-C", str(folder), *arguments], capture_output=True, check=False)
    except FileNotFoundError:
        raise errors.InvalidInput("git is not installed: install it to make a student copy.") from None
