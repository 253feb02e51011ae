"""Turn the bytes of a text/HTML file into NFC Unicode text.

Detection order: BOM (UTF-8, UTF-16) -> UTF-16 without BOM (NUL pattern) -> binary check ->
strict UTF-8 -> single-byte Vietnamese (CP1258, TCVN3, VNI), chosen by how Vietnamese the
decoded text looks. Unicode text that is itself TCVN3/VNI mojibake (a legacy-font document
read as cp1252 and saved as Unicode, e.g. "Ph¸t triÓn", "Vieät Nam") is converted too.

The TCVN3 and VNI byte tables live in ``legacy_charmaps.json`` (sources listed there).
"""

from __future__ import annotations

import codecs
import json
import re
import string
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extractor.errors import (
    EmptyInputError,
    UnknownEncodingError,
    UnsupportedFormatError,
)

__all__ = [
    "LEGACY_ENCODINGS",
    "DecodedText",
    "convert_legacy",
    "decode_bytes",
    "detect_legacy",
    "encode_legacy",
]

LEGACY_ENCODINGS = ("tcvn3", "vni")

_CHARMAPS_PATH = Path(__file__).with_name("legacy_charmaps.json")
_SAMPLE_SIZE = 64 * 1024  # bytes (or characters) scored when guessing an encoding
_MIN_VALID_RATIO = 0.6  # share of non-ASCII words that must be Vietnamese syllables
_MOJIBAKE_MARGIN = 0.2  # a legacy reading must beat the text as it is by this much
_MAX_CONTROL_RATIO = 0.05
_MAX_BROKEN_UTF8 = 0.001  # share of characters that may be invalid in damaged UTF-8

_EMPTY_MESSAGE = (
    "the file is empty or contains only whitespace; check that you passed the right file"
)
_BINARY_MESSAGE = (
    "the file looks like a binary file, not text (it contains NUL or control bytes); "
    "pass a .txt or .html text file, or convert the document to PDF or DOCX"
)
_UNKNOWN_MESSAGE = (
    "the file is not UTF-8, UTF-16, CP1258, TCVN3 or VNI Vietnamese text; "
    "open it in an editor and re-save it as UTF-8"
)


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # one of: "utf-8", "utf-8-sig", "utf-16", "cp1258", "tcvn3", "vni"


# --------------------------------------------------------------------------- public API


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a text file's bytes, detecting UTF-8/UTF-16/CP1258/TCVN3/VNI. Output is NFC."""
    if not data.strip():
        raise EmptyInputError(_EMPTY_MESSAGE)
    unicode = _decode_unicode(data)
    decoded = _decode_single_byte(data) if unicode is None else _convert_mojibake(unicode)
    text = unicodedata.normalize("NFC", decoded.text)
    if not text.strip():
        raise EmptyInputError(_EMPTY_MESSAGE)
    return DecodedText(text, decoded.encoding)


def detect_legacy(text: str) -> str | None:
    """Return "tcvn3" or "vni" if ``text`` is legacy-font mojibake (read as cp1252/latin-1)."""
    sample = text[:_SAMPLE_SIZE]
    if not _has_legacy_candidates(sample):
        return None
    as_is = _score(sample)
    best_name, best = max(
        ((name, _score(convert_legacy(sample, name))) for name in LEGACY_ENCODINGS),
        key=lambda item: item[1].rank,
    )
    if best.ratio >= _MIN_VALID_RATIO and best.ratio >= as_is.ratio + _MOJIBAKE_MARGIN:
        return best_name
    return None


def convert_legacy(text: str, encoding: str) -> str:
    """Convert TCVN3/VNI text seen through cp1252/latin-1 glasses into NFC Unicode."""
    if encoding not in LEGACY_ENCODINGS:
        raise ValueError(f"unknown legacy encoding {encoding!r}; use one of {LEGACY_ENCODINGS}")
    try:
        converted = _decode_legacy(text.encode("cp1252"), encoding)
    except UnicodeEncodeError:  # latin-1 readings of undefined cp1252 bytes, or real Unicode
        converted = _decode_legacy_view(_byte_view(text), encoding)
    return unicodedata.normalize("NFC", converted)


def encode_legacy(text: str, encoding: str) -> bytes:
    """Inverse of the decoders, for tests and fixtures: Unicode -> tcvn3 / vni / cp1258 bytes.

    Punctuation outside the Vietnamese tables (“ ” – …) is written as cp1252, as Windows did.
    """
    text = unicodedata.normalize("NFC", text)
    if encoding == "cp1258":
        return b"".join(_encode_cp1258_char(ch) for ch in text)
    inverse = _tables().inverse.get(encoding)
    if inverse is None:
        raise ValueError(f"cannot encode to {encoding!r}")
    return b"".join(inverse.get(ch) or _encode_fallback(ch, encoding) for ch in text)


# --------------------------------------------------------------------------- tables


@dataclass(frozen=True)
class _Tables:
    # codecs.charmap_decode tables: one char per byte value
    tcvn3_decoding: str  # 0x80-0x9F left as C1 chars, resolved by context afterwards
    vni_decoding: str  # latin-1 with cp1252 punctuation at 0x80-0x9F
    # C1 char (byte 0x80-0x9F) -> VN1 uppercase letter
    tcvn3_c1: dict[str, str]
    # those of tcvn3_c1 that Windows files use as cp1252 punctuation (“ ” – …)
    tcvn3_punct: frozenset[str]
    # latin-1 view of a VNI byte sequence -> letter
    vni: dict[str, str]
    vni_pattern: re.Pattern[str]
    # uppercase letters / non-ASCII lowercase letters that TCVN3 decoding can produce
    tcvn3_upper: frozenset[str]
    tcvn3_lower: frozenset[str]
    inverse: dict[str, dict[str, bytes]]
    # latin-1 chars of bytes that mean a letter, so cp1252 symbols there cannot be encoded
    taken: dict[str, frozenset[str]]


@cache
def _tables() -> _Tables:
    raw = json.loads(_CHARMAPS_PATH.read_text(encoding="utf-8"))
    tcvn3 = {_view(key): value for key, value in raw["tcvn3"]["bytes"].items()}
    c1 = {key: value for key, value in tcvn3.items() if 0x80 <= ord(key) <= 0x9F}
    latin1 = [chr(b) for b in range(256)]
    tcvn3_decoding = [tcvn3.get(ch, ch) if ch not in c1 else ch for ch in latin1]
    vni = {_view(key): value for key, value in raw["vni"]["sequences"].items()}
    # Longest match first: "oâ" is ô, while "o" alone is o.
    keys = sorted(vni, key=len, reverse=True)
    letters = set(tcvn3.values())
    return _Tables(
        tcvn3_decoding="".join(tcvn3_decoding),
        vni_decoding="".join(latin1).translate(_C1_TO_CP1252),
        tcvn3_c1=c1,
        tcvn3_punct=frozenset(_view(key) for key in raw["tcvn3"]["cp1252_punctuation"]),
        vni=vni,
        vni_pattern=re.compile("|".join(re.escape(key) for key in keys)),
        tcvn3_upper=frozenset(c for c in letters if c.isupper()) | set(string.ascii_uppercase),
        tcvn3_lower=frozenset(c for c in letters if c.islower()),
        inverse={"tcvn3": _invert(tcvn3), "vni": _invert(vni)},
        taken={
            "tcvn3": frozenset(tcvn3) - set(c1),
            "vni": frozenset(ch for key in vni for ch in key if not ch.isascii()),
        },
    )


def _view(hex_bytes: str) -> str:
    return bytes.fromhex(hex_bytes).decode("latin-1")


def _invert(table: dict[str, str]) -> dict[str, bytes]:
    inverse: dict[str, bytes] = {}
    for key, value in table.items():
        if not unicodedata.combining(value):
            inverse.setdefault(value, key.encode("latin-1"))
    return inverse


def _encode_fallback(ch: str, encoding: str) -> bytes:
    if ch.isascii():
        return ch.encode("ascii")
    try:
        code = ch.encode("cp1252")
    except UnicodeEncodeError:
        code = b""
    if not code or code.decode("latin-1") in _tables().taken[encoding]:
        raise ValueError(f"{ch!r} (U+{ord(ch):04X}) has no {encoding} code")
    return code


_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _encode_cp1258_char(ch: str) -> bytes:
    try:
        return ch.encode("cp1258")
    except UnicodeEncodeError:
        pass
    # CP1258 has the base letters (â ơ ư ...) but writes tones as combining marks.
    decomposed = unicodedata.normalize("NFD", ch)
    base = "".join(c for c in decomposed if c not in _TONE_MARKS)
    tones = "".join(c for c in decomposed if c in _TONE_MARKS)
    return (unicodedata.normalize("NFC", base) + tones).encode("cp1258")


# --------------------------------------------------------------------------- legacy decoding

# Mojibake is legacy bytes read as cp1252 (or latin-1). Mapping cp1252's punctuation back to
# C1 chars gives a "byte view": one char per original byte, i.e. its latin-1 reading.
_CP1252_TO_C1 = {
    ord(bytes([b]).decode("cp1252")): chr(b)
    for b in range(0x80, 0xA0)
    if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
_C1_TO_CP1252 = {ord(v): chr(k) for k, v in _CP1252_TO_C1.items()}
_LATIN1_RUN_RE = re.compile("[\x00-\xff]+")


def _byte_view(text: str) -> str:
    return text.translate(_CP1252_TO_C1)


_HIGH = re.compile(r"[^\x00-\x7f]")
_BEYOND_LATIN1 = re.compile(r"[^\x00-\xff]")


def _has_legacy_candidates(text: str) -> bool:
    """True if the text has Latin-1/cp1252 characters and few characters beyond them."""
    view = _byte_view(text)
    high = len(_HIGH.findall(view))
    beyond = len(_BEYOND_LATIN1.findall(view))
    return high > 0 and beyond <= 0.2 * high


def _decode_legacy_view(view: str, encoding: str) -> str:
    # Characters beyond latin-1 cannot come from legacy bytes: keep them, decode the rest.
    if view.isascii() or max(view) <= "\xff":
        return _decode_legacy(view.encode("latin-1"), encoding)
    return _LATIN1_RUN_RE.sub(
        lambda m: _decode_legacy(m.group().encode("latin-1"), encoding), view
    )


def _decode_legacy(data: bytes, encoding: str) -> str:
    tables = _tables()
    if encoding == "tcvn3":
        text = codecs.charmap_decode(data, "strict", tables.tcvn3_decoding)[0]
        text = _C1_RE.sub(_tcvn3_c1_resolver(tables), text)
        return _restore_caps(text, tables)
    text = codecs.charmap_decode(data, "strict", tables.vni_decoding)[0]
    return tables.vni_pattern.sub(lambda m: tables.vni[m.group()], text)


# --------------------------------------------------------------------------- TCVN3 details

_C1_RE = re.compile("[\x80-\x9f]")
_OPENING = frozenset("\x82\x84\x8b\x91\x93")  # ‚ „ ‹ ‘ “
_CLOSING = frozenset("\x85\x92\x94\x9b")  # … ’ ” ›


def _tcvn3_c1_resolver(tables: _Tables) -> Callable[[re.Match[str]], str]:
    def resolve(match: re.Match[str]) -> str:
        ch = match.group()
        if ch in tables.tcvn3_c1 and _c1_is_letter(match, tables):
            return tables.tcvn3_c1[ch]
        return ch.translate(_C1_TO_CP1252)

    return resolve


def _c1_is_letter(match: re.Match[str], tables: _Tables) -> bool:
    """Decide whether a 0x80-0x9F byte is a VN1 uppercase letter or cp1252 punctuation.

    Windows files written with .VnTime fonts use these bytes for “ ” – — …, while VN1 puts
    uppercase toned letters there; a letter sits inside a word or next to capitals.
    """
    ch = match.group()
    if ch not in tables.tcvn3_punct:
        return True
    text, start = match.string, match.start()
    before = text[start - 1] if start > 0 else " "
    after = text[start + 1] if start + 1 < len(text) else " "
    letter_before, letter_after = _is_letter(before, tables), _is_letter(after, tables)
    if letter_before and letter_after:
        return True
    if letter_before:
        return _is_upper(before, tables) and ch not in _CLOSING
    if letter_after:
        return _is_upper(after, tables) and ch not in _OPENING
    return False


def _is_letter(ch: str, tables: _Tables) -> bool:
    return ch.isalpha() or (ch in tables.tcvn3_c1 and ch not in tables.tcvn3_punct)


def _is_upper(ch: str, tables: _Tables) -> bool:
    return ch.isupper() or (ch in tables.tcvn3_c1 and ch not in tables.tcvn3_punct)


_WORD_RE = re.compile(r"[^\W\d_]+")
# A word without ASCII lowercase letters: the only kind _restore_caps may change.
_NO_ASCII_LOWER_WORD_RE = re.compile(r"\b[^\W\d_a-z]+(?![^\W\d_])")
_ASCII_LOWER_RE = re.compile("[a-z]")


def _restore_caps(text: str, tables: _Tables) -> str:
    """Upper-case text typed in the .VnTimeH caps font: 'KÕ HO¹CH' -> 'KẾ HOẠCH'.

    That font shows lowercase TCVN3 codes as capitals, so in plain text the toned letters of
    capitals come out lowercase. A word whose only lowercase letters are non-ASCII is
    upper-cased when it has two capitals or a capital after a lowercase letter ('ủY'), and a
    word like 'Kế' when its line is in capitals (no ASCII lowercase, another word with an
    accented capital vowel). 'Ủy ban' cannot be told from 'ủy ban' and stays as it is.
    """
    caps_lines: dict[int, bool] = {}

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        upper = sum(c in tables.tcvn3_upper for c in word)
        if upper == 0 or not any(c in tables.tcvn3_lower for c in word):
            return word
        if upper >= 2 or word[0] not in tables.tcvn3_upper:
            return word.upper()
        start = text.rfind("\n", 0, match.start()) + 1
        if start not in caps_lines:
            end = text.find("\n", match.end())
            caps_lines[start] = _is_caps_line(text[start : end if end >= 0 else len(text)])
        return word.upper() if caps_lines[start] else word

    return _NO_ASCII_LOWER_WORD_RE.sub(fix, text)


def _is_caps_line(line: str) -> bool:
    if _ASCII_LOWER_RE.search(line):
        return False
    # Đ does not decompose, so 'Số: 12/QĐ-UBND' is not a line in capitals.
    return any(
        len(word) >= 2
        and sum(c.isupper() for c in word) >= 2
        and any(len(unicodedata.normalize("NFD", c)) > 1 for c in word)
        for word in _WORD_RE.findall(line)
    )


# --------------------------------------------------------------------------- Unicode paths


def _decode_unicode(data: bytes) -> DecodedText | None:
    """BOM, UTF-16 without BOM, binary check, strict UTF-8. None if the file is 8-bit."""
    bom = _decode_with_bom(data)
    if bom is not None:
        return bom
    utf16 = _guess_utf16(data)
    if utf16 is not None:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            raise UnsupportedFormatError(_BINARY_MESSAGE) from None
        _reject_control_text(text)
        return DecodedText(text, "utf-16")
    _reject_binary(data)
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return None


def _convert_mojibake(decoded: DecodedText) -> DecodedText:
    legacy = detect_legacy(decoded.text)
    if legacy is None:
        return decoded
    return DecodedText(convert_legacy(decoded.text, legacy), legacy)


def _decode_with_bom(data: bytes) -> DecodedText | None:
    for bom, codec, name in (
        (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
        (b"\xff\xfe", "utf-16", "utf-16"),
        (b"\xfe\xff", "utf-16", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            _reject_control_text(text)
            return DecodedText(text, name)
    return None


def _guess_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: most code units of text have a NUL high byte (ASCII range)."""
    sample = data[:4096]
    units = len(sample) // 2
    if units < 2:
        return None
    even_nul, odd_nul = sample[0::2].count(0), sample[1::2].count(0)
    if odd_nul >= 0.3 * units and even_nul <= 0.05 * units:
        return "utf-16-le"
    if even_nul >= 0.3 * units and odd_nul <= 0.05 * units:
        return "utf-16-be"
    return None


_CONTROL_BYTES = bytes(range(0x09)) + bytes(range(0x0E, 0x20)) + b"\x7f"
_NON_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_CONTROL_CHARS = frozenset(_CONTROL_BYTES.decode("latin-1"))


def _reject_binary(data: bytes) -> None:
    if b"\x00" in data:
        raise UnsupportedFormatError(_BINARY_MESSAGE)
    controls = len(data.translate(None, _NON_CONTROL_BYTES))
    if controls > _MAX_CONTROL_RATIO * len(data):
        raise UnsupportedFormatError(_BINARY_MESSAGE)


def _reject_control_text(text: str) -> None:
    controls = sum(1 for ch in text[:_SAMPLE_SIZE] if ch in _CONTROL_CHARS)
    if "\x00" in text or controls > _MAX_CONTROL_RATIO * min(len(text), _SAMPLE_SIZE):
        raise UnsupportedFormatError(_BINARY_MESSAGE)



# --------------------------------------------------------------------------- 8-bit path

_SINGLE_BYTE = ("cp1258", "tcvn3", "vni")


def _decode_single_byte(data: bytes) -> DecodedText:
    """Pick CP1258, TCVN3 or VNI by scoring a sample, then decode the whole file with it."""
    damaged = _decode_damaged_utf8(data)
    if damaged is not None:
        return DecodedText(damaged, "utf-8")
    sample = _cut_sample(data)
    scores = {}
    for name in _SINGLE_BYTE:
        text = _decode_8bit(sample, name)
        if text is not None:
            scores[name] = _score(text)
    name = _choose(scores)
    text = _decode_8bit(data, name)
    assert text is not None  # the sample decoded, so the whole file does
    return DecodedText(text, name)


def _decode_damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a bad copy, a cut multibyte char): keep it as UTF-8."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = sum(1 for ch in text[:_SAMPLE_SIZE] if not ch.isascii())
    if broken <= _MAX_BROKEN_UTF8 * len(text) and broken <= _MAX_BROKEN_UTF8 * 10 * non_ascii:
        return text
    return None


def _cut_sample(data: bytes) -> bytes:
    if len(data) <= _SAMPLE_SIZE:
        return data
    cut = data.rfind(b"\n", 0, _SAMPLE_SIZE)
    return data[: cut if cut > 0 else _SAMPLE_SIZE]


def _decode_8bit(data: bytes, name: str) -> str | None:
    try:
        text = data.decode("cp1258") if name == "cp1258" else _decode_legacy(data, name)
    except UnicodeDecodeError:
        return None
    return unicodedata.normalize("NFC", text)


def _choose(scores: dict[str, _Score]) -> str:
    if not scores:
        raise UnknownEncodingError(_UNKNOWN_MESSAGE)
    if all(score.words == 0 for score in scores.values()):
        # High bytes are only punctuation (“ ” – …): Windows text, CP1258 reads it like cp1252.
        if "cp1258" in scores:
            return "cp1258"
        raise UnknownEncodingError(_UNKNOWN_MESSAGE)
    name, best = max(scores.items(), key=lambda item: item[1].rank)
    if best.ratio < _MIN_VALID_RATIO:
        raise UnknownEncodingError(_UNKNOWN_MESSAGE)
    return name


# --------------------------------------------------------------------------- scoring

_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
_RHYMES = (
    "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay", "ăc",
    "ăm", "ăn", "ăng", "ăp", "ăt", "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây", "e",
    "ec", "em", "en", "eng", "eo", "ep", "et", "ê", "êch", "êm", "ên", "ênh", "êp", "êt",
    "êu", "i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu", "iêc", "iêm", "iên",
    "iêng", "iêp", "iêt", "iêu", "o", "oc", "oi", "om", "on", "ong", "op", "ot", "ooc",
    "oong", "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat",
    "oay", "oăc", "oăm", "oăn", "oăng", "oăt", "oe", "oen", "oeo", "oet", "ô", "ôc", "ôi",
    "ôm", "ôn", "ông", "ôp", "ôt", "ơ", "ơi", "ơm", "ơn", "ơp", "ơt", "u", "uc", "ui",
    "um", "un", "ung", "up", "ut", "ua", "uân", "uâng", "uât", "uây", "uê", "uêch", "uênh",
    "uêt", "uôc", "uôi", "uôm", "uôn", "uông", "uôt", "uơ", "uy", "uya", "uych", "uyên",
    "uyêt", "uynh", "uyt", "uyu", "ư", "ưa", "ưc", "ưi", "ưm", "ưn", "ưng", "ưt", "ưu",
    "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu", "y", "yêm", "yên", "yêt",
    "yêu",
)
_SYLLABLE_RE = re.compile(
    _ONSET + "(?:" + "|".join(sorted(_RHYMES, key=len, reverse=True)) + ")"
)
_COMMON_WORDS = frozenset(
    (
        "của", "và", "các", "ngày", "năm", "tháng", "thực", "hiện", "trong", "được",
        "người", "cho", "những", "với", "không", "có", "là", "tỉnh", "huyện", "xã", "kế",
        "hoạch", "theo", "này", "đến", "phát", "triển", "nhân", "dân", "công", "tác",
        "việc", "đơn", "vị", "quyết", "định", "trên", "địa", "bàn", "về", "một", "số",
        "đã", "sẽ", "để",
    )
)
_SPLIT_RE = re.compile(r"[\s\-/‐–—]+")
_EDGE_PUNCTUATION = "\"'()[]{}<>.,;:!?*%“”‘’„‚…«»•·‹›"


@dataclass(frozen=True)
class _Score:
    tokens: int  # word tokens (containing a letter)
    words: int  # word tokens containing a non-ASCII character
    valid: int  # of those, well-formed Vietnamese syllables
    common: int  # tokens that are very common Vietnamese words

    @property
    def ratio(self) -> float:
        return self.valid / self.words if self.words else 0.0

    @property
    def rank(self) -> float:
        return self.ratio + (self.common / self.tokens if self.tokens else 0.0)


def _score(text: str) -> _Score:
    tokens = words = valid = common = 0
    for raw in _SPLIT_RE.split(text):
        token = raw.strip(_EDGE_PUNCTUATION)
        if not any(ch.isalpha() for ch in token):
            continue
        tokens += 1
        common += token.lower() in _COMMON_WORDS
        if not token.isascii():
            words += 1
            valid += _is_syllable(token)
    return _Score(tokens, words, valid, common)


def _is_syllable(token: str) -> bool:
    if not (token.islower() or token.isupper() or token.istitle()):
        return False
    decomposed = unicodedata.normalize("NFD", token.lower())
    if sum(ch in _TONE_MARKS for ch in decomposed) > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return _SYLLABLE_RE.fullmatch(toneless) is not None
