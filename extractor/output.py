"""Writing outputs whole: a file appears complete or not at all."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from extractor.errors import OutputError


@contextmanager
def atomic_output(path: Path | None) -> Iterator:
    """Write to ``path`` all at once (temp file + rename) or to stdout; never half a file."""
    if path is None:
        yield sys.stdout
        return
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"{path}: the folder {directory} does not exist; create it first")
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name to write to")
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - renamed into place on success
            "w", encoding="utf-8", dir=directory, prefix=f".{path.name}.", delete=False
        )
    except OSError as error:
        raise OutputError(f"{path}: cannot write here ({error.strerror}); choose another place") \
            from error
    try:
        with handle:
            yield handle
        os.replace(handle.name, path)
    except OSError as error:
        Path(handle.name).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({error.strerror}); choose another place") \
            from error
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
