"""The one error hierarchy of briefgen: each class owns its exit code and a one-line message."""

from __future__ import annotations


class BriefgenError(Exception):
    """Root of every error a user can cause; ``str(err)`` is the one line shown to them."""

    exit_code = 1


class OptionError(BriefgenError):
    """A command-line option has an invalid value (a date, a format)."""

    exit_code = 2


class InputError(BriefgenError):
    """The input file is missing, unreadable or of a type briefgen cannot read."""

    exit_code = 3


class DecodeError(InputError):
    """The input's bytes are not text in the expected encoding."""

    exit_code = 4


class EmptyInputError(InputError):
    """The input has no usable text (empty, whitespace, only boilerplate, no sentences)."""

    exit_code = 5


class NoTextLayerError(EmptyInputError):
    """A PDF has pages but no text layer (a scan): it needs OCR before briefgen can read it."""

    exit_code = 5


class NotEnglishError(InputError):
    """The input's text is in another language; the extraction reads English only for now."""

    exit_code = 10


class ModelError(BriefgenError):
    """The spaCy pipeline cannot be loaded."""

    exit_code = 6


class TemplateError(BriefgenError):
    """A memo template is missing, invalid or refers to an unknown field."""

    exit_code = 7


class OutputError(BriefgenError):
    """An output cannot be written (missing directory, existing file, unknown format)."""

    exit_code = 8


class BriefFormatError(BriefgenError):
    """A Brief JSON file is invalid or breaks the schema."""

    exit_code = 9


class ConfigError(BriefgenError):
    """A configuration or theme file is invalid or names an unknown setting."""

    exit_code = 11


class Interrupted(BriefgenError):  # noqa: N818 - Ctrl-C is not an error of the user
    """The user pressed Ctrl-C; work was stopped and partial files removed."""

    exit_code = 130


class Terminated(KeyboardInterrupt):
    """The process was asked to stop (SIGTERM): work is stopped as on Ctrl-C, partial files
    removed; the exit code is 143 (128 + SIGTERM)."""

    exit_code = 143


def raise_terminated(signum: int, frame: object) -> None:
    """The SIGTERM handler the command line installs: stop as Ctrl-C would."""
    raise Terminated


#: Exit code of a bug: "internal error ... run with --debug and report it".
INTERNAL_ERROR_EXIT = 70

#: Exit codes a user can see, documented in README.md (a test keeps the two in step).
EXIT_CODES: dict[int, str] = {
    0: "success",
    1: "other error a user can cause (BriefgenError)",
    2: "usage error: unknown option, missing argument, or invalid option value (--date, "
       "--format, -o disagreeing with -f)",
    3: "input cannot be read (missing, directory, permissions, unsupported type, corrupt or "
       "password-protected)",
    4: "input bytes cannot be decoded as text",
    5: "input has no usable text (empty, only boilerplate, no sentences)",
    6: "the spaCy model cannot be loaded",
    7: "template error (missing template, syntax error, unknown field)",
    8: "output cannot be written (missing directory, file exists without --force, -o is a "
       "directory)",
    9: "Brief JSON is invalid or breaks the schema",
    10: "input text is not English (briefgen reads English only for now)",
    11: "configuration or theme file is invalid (syntax, unknown setting, bad value)",
    70: "internal error (a bug): rerun with --debug and report it",
    130: "interrupted (Ctrl-C)",
    143: "terminated (SIGTERM): stopped as on Ctrl-C, no partial output left",
}
