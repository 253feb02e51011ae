"""Tests for extractor.read.encoding: byte -> text decoding and legacy Vietnamese encodings."""

from __future__ import annotations

import json
import random
import time
import unicodedata
from pathlib import Path

import pytest

from extractor.errors import EmptyInputError, UnknownEncodingError, UnsupportedFormatError
from extractor.read.encoding import (
    DecodedText,
    convert_legacy,
    decode_bytes,
    detect_legacy,
    encode_legacy,
)

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "fixtures" / "bad"
CHARMAPS = ROOT / "extractor" / "read" / "legacy_charmaps.json"
CORPUS_002 = ROOT / "corpus" / "002_c257e9a09d1695fa.txt"

# The 66 non-ASCII Vietnamese vowel letters plus đ, in both cases (134 letters).
_BASES = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
_VOWELS = [unicodedata.normalize("NFC", b + t) for b in _BASES for t in _TONES]
LOWER_LETTERS = [c for c in _VOWELS if not c.isascii()] + ["đ"]
ALL_LETTERS = LOWER_LETTERS + [c.upper() for c in LOWER_LETTERS]


def corpus_text() -> str:
    return unicodedata.normalize("NFC", CORPUS_002.read_text(encoding="utf-8"))


def corpus_head() -> str:
    """What the encoding fixtures hold: the first 60 lines of corpus/002."""
    return "\n".join(corpus_text().splitlines()[:60]) + "\n"


def paragraph() -> str:
    return max(corpus_text().splitlines(), key=len)


def as_mojibake(data: bytes) -> str:
    """Legacy bytes read the way Windows does: cp1252, undefined bytes as latin-1."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


# --------------------------------------------------------------------------- tables


def test_tables_cover_every_vietnamese_letter() -> None:
    assert len(set(ALL_LETTERS)) == 134
    for encoding in ("tcvn3", "vni"):
        for letter in ALL_LETTERS:
            assert encode_legacy(letter, encoding), (encoding, letter)


def test_tables_are_one_to_one() -> None:
    raw = json.loads(CHARMAPS.read_text(encoding="utf-8"))
    for table in (raw["tcvn3"]["bytes"], raw["vni"]["sequences"]):
        values = list(table.values())
        assert len(values) == len(set(values))
    assert len(raw["vni"]["sequences"]) == 134


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # TCVN3 (TCVN 5712 VN3 part), as printed by every TCVN3 converter
        (b"\xb5\xb8\xb6\xb7\xb9", "àáảãạ"),
        (b"\xa8\xa9\xaa\xab\xac\xad\xae", "ăâêôơưđ"),
        (b"\xa1\xa2\xa3\xa4\xa5\xa6\xa7", "ĂÂÊÔƠƯĐ"),
        (b"Ph\xb8t tri\xd3n", "Phát triển"),
        (b"th\xf9c hi\xd6n", "thực hiện"),
        (b"ng\xad\xeai", "người"),
    ],
)
def test_tcvn3_known_codes(data: bytes, expected: str) -> None:
    assert convert_legacy(data.decode("latin-1"), "tcvn3") == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # VNI-Windows: base letter + mark byte
        (b"a\xf8 a\xf9 a\xfb a\xf5 a\xef", "à á ả ã ạ"),
        (b"A\xd8 A\xd9 A\xdb A\xd5 A\xcf", "À Á Ả Ã Ạ"),
        (b"a\xe2 a\xea e\xe2 o\xe2 \xf4 \xf6 \xf1 \xd1", "â ă ê ô ơ ư đ Đ"),
        (b"Vie\xe4t Nam", "Việt Nam"),
        (b"ng\xf6\xf4\xf8i", "người"),
        (b"\xec \xed \xe6 \xf3 \xf2 \xee", "ì í ỉ ĩ ị ỵ"),
    ],
)
def test_vni_known_codes(data: bytes, expected: str) -> None:
    assert convert_legacy(data.decode("latin-1"), "vni") == expected


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_every_letter_round_trips_inside_a_word(encoding: str) -> None:
    words = [f"N{c}N" if c.isupper() else f"n{c}n" for c in ALL_LETTERS]
    text = " ".join(words)
    data = encode_legacy(text, encoding)
    assert convert_legacy(data.decode("latin-1"), encoding) == text


def test_convert_legacy_rejects_unknown_encoding() -> None:
    with pytest.raises(ValueError, match="unknown legacy encoding"):
        convert_legacy("abc", "viscii")


def test_encode_legacy_refuses_symbols_that_collide_with_letters() -> None:
    with pytest.raises(ValueError, match="no tcvn3 code"):
        encode_legacy("©", "tcvn3")  # byte 0xA9 is â in TCVN3


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "cp1258"])
@pytest.mark.parametrize("source", [paragraph, corpus_head, corpus_text])
def test_legacy_round_trip(encoding: str, source) -> None:
    text = source()
    result = decode_bytes(encode_legacy(text, encoding))
    assert result == DecodedText(text, encoding)


def test_cp1258_uses_combining_marks_and_output_is_nfc() -> None:
    data = encode_legacy("thực hiện kế hoạch", "cp1258")
    assert b"\xf2" in data  # combining dot below: CP1258 stores tones as marks
    result = decode_bytes(data)
    assert result.encoding == "cp1258"
    assert result.text == "thực hiện kế hoạch"
    assert unicodedata.is_normalized("NFC", result.text)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(codec: str) -> None:
    text = corpus_head()
    assert decode_bytes(text.encode(codec)) == DecodedText(text, "utf-16")


def test_utf8_with_bom() -> None:
    text = paragraph()
    assert decode_bytes(text.encode("utf-8-sig")) == DecodedText(text, "utf-8-sig")


def test_plain_utf8_vietnamese() -> None:
    text = corpus_text()
    assert decode_bytes(text.encode()) == DecodedText(text, "utf-8")


def test_decomposed_utf8_comes_out_nfc() -> None:
    text = paragraph()
    result = decode_bytes(unicodedata.normalize("NFD", text).encode())
    assert result == DecodedText(text, "utf-8")


def test_english_ascii_stays_as_is() -> None:
    text = "Quarterly plan.\nThe committee will meet on 5 March 2024 at 9:00.\n"
    assert decode_bytes(text.encode("ascii")) == DecodedText(text, "utf-8")


def test_utf8_with_a_broken_byte_is_kept_as_utf8() -> None:
    data = corpus_text().encode()
    result = decode_bytes(data[:2000] + b"\xff" + data[2000:])
    assert result.encoding == "utf-8"
    assert result.text.count("\ufffd") == 1


# --------------------------------------------------------------------------- mojibake


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        ("Ph¸t triÓn kinh tÕ", "tcvn3", "Phát triển kinh tế"),
        ("Vieät Nam", "vni", "Việt Nam"),
        ("Keá hoaïch thöïc hieän", "vni", "Kế hoạch thực hiện"),
    ],
)
def test_mojibake_in_utf8(text: str, encoding: str, expected: str) -> None:
    assert detect_legacy(text) == encoding
    assert decode_bytes(text.encode()) == DecodedText(expected, encoding)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("codec", ["utf-8", "utf-16"])
def test_mojibake_round_trip(encoding: str, codec: str) -> None:
    text = corpus_head()
    mojibake = as_mojibake(encode_legacy(text, encoding))
    assert decode_bytes(mojibake.encode(codec)) == DecodedText(text, encoding)


@pytest.mark.parametrize(
    "text",
    [
        "Kế hoạch thực hiện năm 2024 của Ủy ban nhân dân tỉnh",
        "Xin chào các bạn",
        "Le développement économique de la région est déjà très élevé.",
        "Plain English text only.",
    ],
)
def test_detect_legacy_leaves_real_text_alone(text: str) -> None:
    assert detect_legacy(text) is None


# --------------------------------------------------------------------------- TCVN3 details


def test_tcvn3_capitals_typed_with_lowercase_codes() -> None:
    # .VnTimeH showed lowercase codes as capitals: "KÕ HO¹CH" was "KẾ HOẠCH" on screen.
    assert decode_bytes(b"K\xd5 HO\xb9CH").text == "KẾ HOẠCH"
    assert decode_bytes(b"I. M\xf4C TI\xaaU\n").text == "I. MỤC TIÊU\n"


def test_tcvn3_capital_restoration_leaves_mixed_case_alone() -> None:
    data = encode_legacy("Số: 12/QĐ-UBND ngày 5 tháng 3 tại Hà Nội", "tcvn3")
    assert decode_bytes(data).text == "Số: 12/QĐ-UBND ngày 5 tháng 3 tại Hà Nội"


def test_tcvn3_tells_cp1252_quotes_from_vn1_capitals() -> None:
    # 0x93/0x94 are “ ” on Windows but Ỏ/Õ in TCVN 5712 VN1; 0x97 is — or Ộ.
    text = "Đề án “Xây dựng xã hội học tập” – BỘ GIÁO DỤC, HỎI"
    data = encode_legacy(text, "tcvn3")
    assert b"\x93" in data and b"\x94" in data and b"\x97" in data
    assert decode_bytes(data).text == text


# --------------------------------------------------------------------------- failures


def test_empty_input() -> None:
    with pytest.raises(EmptyInputError):
        decode_bytes(b"")


@pytest.mark.parametrize(
    "data", [b"   \n\t\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n", " \n".encode("utf-16")]
)
def test_whitespace_only_input(data: bytes) -> None:
    with pytest.raises(EmptyInputError):
        decode_bytes(data)


def test_random_binary_is_rejected() -> None:
    data = random.Random(1).randbytes(8192)
    with pytest.raises(UnsupportedFormatError, match="binary file"):
        decode_bytes(data)


def test_control_characters_without_nul_are_rejected() -> None:
    rng = random.Random(2)
    data = bytes(rng.randrange(1, 256) for _ in range(8192))
    with pytest.raises(UnsupportedFormatError):
        decode_bytes(data)


@pytest.mark.parametrize("seed", [3, 4, 5])
def test_random_high_bytes_are_not_vietnamese(seed: int) -> None:
    rng = random.Random(seed)
    words = [
        bytes(rng.randrange(0x80, 0x100) for _ in range(rng.randrange(1, 7))) for _ in range(300)
    ]
    with pytest.raises(UnknownEncodingError) as error:
        decode_bytes(b" ".join(words))
    message = str(error.value)
    assert "\n" not in message
    assert "UTF-8" in message and "TCVN3" in message and "VNI" in message


@pytest.mark.parametrize(
    "text",
    [
        "Die Größe der Übung für Straße und Bäume ist schön.",
        "Le développement économique de la région est déjà très élevé.",
    ],
)
def test_other_latin_languages_in_cp1252_are_unknown(text: str) -> None:
    with pytest.raises(UnknownEncodingError):
        decode_bytes(text.encode("cp1252"))


def test_large_legacy_file(tmp_path: Path) -> None:
    data = encode_legacy(corpus_text(), "tcvn3")
    path = tmp_path / "large.txt"
    path.write_bytes(data * (5_000_000 // len(data)))
    started = time.monotonic()
    result = decode_bytes(path.read_bytes())
    assert result.encoding == "tcvn3"
    assert result.text.startswith(corpus_text())
    assert time.monotonic() - started < 60


# --------------------------------------------------------------------------- fixtures


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("tcvn3.txt", "tcvn3"),
        ("vni.txt", "vni"),
        ("cp1258.txt", "cp1258"),
        ("utf16.txt", "utf-16"),
        ("utf16-nobom.txt", "utf-16"),
        ("mojibake.txt", "tcvn3"),
    ],
)
def test_encoding_fixtures(name: str, encoding: str) -> None:
    result = decode_bytes((BAD / name).read_bytes())
    assert result == DecodedText(corpus_head(), encoding)


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("empty.txt", EmptyInputError),
        ("blank.txt", EmptyInputError),
        ("binary.txt", UnsupportedFormatError),
        ("unknown-encoding.txt", UnknownEncodingError),
    ],
)
def test_bad_text_fixtures(name: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        decode_bytes((BAD / name).read_bytes())


def test_fixtures_are_small() -> None:
    for path in BAD.iterdir():
        assert path.stat().st_size < 200 * 1024, path.name
