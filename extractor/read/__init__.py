"""Readers: any supported file -> :class:`~extractor.read.base.SourceDocument`."""

from __future__ import annotations

from pathlib import Path

from extractor.errors import (
    EmptyInputError,
    InputNotFoundError,
    InputTooLargeError,
    KehoachError,
    NotAFileError,
    UnsupportedFormatError,
)
from extractor.read.base import Block, Paragraph, SourceDocument, TableBlock
from extractor.read.encoding import convert_legacy, detect_legacy

DEFAULT_MAX_BYTES = 25 * 1024 * 1024

__all__ = ["Block", "Paragraph", "SourceDocument", "TableBlock", "read_source", "sniff_format"]


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[SourceDocument, bytes]:
    """Read a file of any supported format; returns the blocks and the raw bytes."""
    try:
        return _read(path, max_bytes)
    except KehoachError as error:
        if str(error).startswith(str(path)):
            raise
        raise type(error)(f"{path}: {error}") from error


def _read(path: Path, max_bytes: int) -> tuple[SourceDocument, bytes]:
    data = _load(path, max_bytes)
    source = _read_format(path, data)
    if source.format in {"docx", "pdf", "html"}:
        _repair_legacy_fonts(source)
    return source, data


def _repair_legacy_fonts(source: SourceDocument) -> None:
    """Text typed in the old .VnTime (TCVN3) or VNI fonts comes out of a well-formed DOCX or
    PDF as mojibake ("Ph¸t triÓn"); convert it, and say so in ``source.encoding``."""
    sample = "\n".join(_texts(source.blocks))[:20000]
    legacy = detect_legacy(sample)
    if legacy is None:
        return
    for block in source.blocks:
        if isinstance(block, Paragraph):
            block.text = convert_legacy(block.text, legacy)
        else:
            block.rows = [[convert_legacy(cell, legacy) for cell in row] for row in block.rows]
    source.encoding = legacy


def _texts(blocks: list[Block]) -> list[str]:
    return [block.text if isinstance(block, Paragraph) else "\t".join(map("\t".join, block.rows))
            for block in blocks]


def _read_format(path: Path, data: bytes) -> SourceDocument:
    kind = sniff_format(path, data)
    if kind == "pdf":
        from extractor.read.pdf import read_pdf

        return read_pdf(path, data)
    if kind == "docx":
        from extractor.read.docx import read_docx

        return read_docx(path, data)
    if kind == "html":
        from extractor.read.html import read_html

        return read_html(path, data)
    from extractor.read.text import read_text

    return read_text(path, data)


def _load(path: Path, max_bytes: int) -> bytes:
    if not path.exists():
        raise InputNotFoundError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise NotAFileError(f"{path}: is a directory; pass the files in it (e.g. {path}/*.pdf)")
    if not path.is_file():
        raise NotAFileError(f"{path}: not a regular file")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputTooLargeError(
            f"{path}: {size / 1048576:.1f} MB is over the {max_bytes / 1048576:.0f} MB limit "
            "for one plan; split it, or raise the limit with --max-mb"
        )
    if size == 0:
        raise EmptyInputError(f"{path}: file is empty; nothing to extract")
    return path.read_bytes()


def sniff_format(path: Path, data: bytes) -> str:
    """The reader to use, from the content first and the file name second."""
    suffix = path.suffix.lower()
    head = data[:2048].lstrip()
    if data.startswith(b"%PDF") or suffix == ".pdf":
        return "pdf"
    if data.startswith(b"PK\x03\x04") or suffix == ".docx":
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0") and suffix != ".docx":
        raise UnsupportedFormatError(
            f"{path}: old Word .doc format; convert it to .docx or PDF "
            "(soffice --headless --convert-to docx FILE) and retry"
        )
    lowered = head.lower()
    if suffix in {".html", ".htm"} or lowered.startswith((b"<!doctype html", b"<html")) or (
        b"<html" in lowered and b"<body" in data[:65536].lower()
    ):
        return "html"
    return "text"
