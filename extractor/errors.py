"""Errors a user can act on.

Every failure caused by the input is one of these. The CLI prints ``str(error)`` as one line
and exits with ``error.exit_code``; library callers catch :class:`KehoachError`.
Each message says what is wrong and what to do about it.
"""

from __future__ import annotations


class KehoachError(Exception):
    """Base of every expected, user-facing failure."""

    exit_code = 1
    code = "error"


class InputNotFoundError(KehoachError):
    exit_code = 3
    code = "not_found"


class NotAFileError(KehoachError):
    exit_code = 4
    code = "not_a_file"


class EmptyInputError(KehoachError):
    exit_code = 5
    code = "empty"


class UnsupportedFormatError(KehoachError):
    exit_code = 6
    code = "unsupported_format"


class UnknownEncodingError(KehoachError):
    exit_code = 7
    code = "unknown_encoding"


class CorruptFileError(KehoachError):
    exit_code = 8
    code = "corrupt"


class EncryptedFileError(KehoachError):
    exit_code = 9
    code = "encrypted"


class NoTextLayerError(KehoachError):
    exit_code = 10
    code = "no_text_layer"


class InputTooLargeError(KehoachError):
    exit_code = 11
    code = "too_large"


class OutputError(KehoachError):
    exit_code = 13
    code = "output"


class InternalError(KehoachError):
    """A bug in kehoach itself, reported as one line like any other failure."""

    exit_code = 70
    code = "internal"
