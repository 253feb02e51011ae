"""The kehoach command as a user meets it: output, bad input, exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extractor import errors

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "fixtures" / "bad"
SEED = ROOT / "corpus" / "002_c257e9a09d1695fa.txt"


def kehoach(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "extractor.cli", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=120)


def assert_one_clean_line(result: subprocess.CompletedProcess[str], exit_code: int) -> None:
    assert result.returncode == exit_code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kehoach: error: ")
    assert "Traceback" not in result.stderr


BAD_INPUTS = [
    ("empty.txt", errors.EmptyInputError),
    ("blank.txt", errors.EmptyInputError),
    ("binary.txt", errors.UnsupportedFormatError),
    ("unknown-encoding.txt", errors.UnknownEncodingError),
    ("binary.pdf", errors.CorruptFileError),
    ("truncated.pdf", errors.CorruptFileError),
    ("encrypted.pdf", errors.EncryptedFileError),
    ("scanned.pdf", errors.NoTextLayerError),
    ("corrupt.docx", errors.CorruptFileError),
    ("notzip.docx", errors.CorruptFileError),
]


@pytest.mark.parametrize(("name", "error"), BAD_INPUTS)
def test_bad_input_gives_one_line_and_its_own_exit_code(name, error, tmp_path):
    out = tmp_path / "plan.json"
    result = kehoach("extract", BAD / name, "--out", out)
    assert_one_clean_line(result, error.exit_code)
    assert name in result.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind either


def test_exit_codes_are_distinct():
    codes = [error.exit_code for _, error in BAD_INPUTS] + [
        errors.InputNotFoundError.exit_code, errors.NotAFileError.exit_code,
        errors.InputTooLargeError.exit_code, errors.OutputError.exit_code]
    assert len(set(codes)) == len({error for _, error in BAD_INPUTS}) + 4


def test_missing_path_directory_and_huge_file(tmp_path):
    assert_one_clean_line(kehoach("extract", tmp_path / "nope.pdf"),
                          errors.InputNotFoundError.exit_code)
    assert_one_clean_line(kehoach("extract", tmp_path), errors.NotAFileError.exit_code)
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    result = kehoach("extract", huge)
    assert_one_clean_line(result, errors.InputTooLargeError.exit_code)
    assert "--max-mb" in result.stderr


def test_output_folder_must_exist(tmp_path):
    result = kehoach("extract", SEED, "--out", tmp_path / "missing" / "plan.json")
    assert_one_clean_line(result, errors.OutputError.exit_code)


def test_batch_records_bad_files_and_goes_on(tmp_path):
    out = tmp_path / "plans.jsonl"
    result = kehoach("extract", SEED, BAD / "encrypted.pdf", ROOT / "corpus" /
                     "001_254a0747dd8fdc85.docx", "--out", out)
    assert result.returncode == errors.EncryptedFileError.exit_code
    assert result.stderr.count("kehoach: error:") == 1
    plans = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [plan["document"]["number"] for plan in plans] == ["74/KH-UBND", None]


def test_extract_json_is_the_contract_with_text_on_request():
    result = kehoach("extract", SEED, "--with-text")
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["document"]["number"] == "74/KH-UBND"
    assert plan["parent"]["number"] == "89/QĐ-TTg"
    for citation in plan["citations"]:
        start, end = citation["span"]
        assert citation["number"] is None or plan["text"][start:end].endswith(
            citation["number"].split("/")[-1][:2]) or citation["number"] in \
            plan["text"][start:end].replace(" ", "")


def test_table_and_markdown_views():
    table = kehoach("extract", SEED, "--format", "table")
    assert table.returncode == 0 and "74/KH-UBND" in table.stdout and "Citations" in table.stdout
    markdown = kehoach("extract", SEED, "--format", "markdown")
    assert markdown.returncode == 0 and "| Number | 74/KH-UBND |" in markdown.stdout
    assert "### Tasks" in markdown.stdout and "| Who | With | What | When |" in markdown.stdout
    assert "Tasks: who does what, by when" in table.stdout


def test_agencies_lists_bodies_with_roles_and_counts():
    result = subprocess.run([sys.executable, "-m", "extractor.cli", "agencies", str(SEED)],
                            capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "COLUMNS": "250"}, check=False)
    assert result.returncode == 0
    assert "Sở Giáo dục và Đào tạo" in result.stdout and "chủ trì" in result.stdout
    missing = kehoach("agencies", BAD / "no-such-file.txt")
    assert_one_clean_line(missing, errors.InputNotFoundError.exit_code)


@pytest.mark.parametrize("name", ["tcvn3.txt", "vni.txt", "cp1258.txt", "utf16.txt",
                                  "utf16-nobom.txt", "mojibake.txt"])
def test_legacy_and_unicode_encodings_read_like_utf8(name):
    result = kehoach("extract", BAD / name)
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["document"]["number"] == "74/KH-UBND"
    assert plan["document"]["issuer"]["name"] == "Ủy ban nhân dân tỉnh Hưng Yên"
    assert plan["parent"]["number"] == "89/QĐ-TTg"


def test_schema_names_the_public_fields():
    result = kehoach("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert {"source", "document", "citations", "parent", "sections", "targets", "tasks",
            "agencies", "reporting", "funding", "findings"} <= set(schema["properties"])
    document = schema["$defs"]["Document"]["properties"]
    assert {"type", "number", "issue_date", "place", "issuer", "locality", "title", "programme",
            "signer", "recipients"} <= set(document)
