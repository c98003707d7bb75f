"""Raw bytes → text: gzip, BOMs, declared and undeclared charsets, and HTML-or-text detection.

Pages lie about their encoding (a `<meta charset=utf-8>` over Windows-1252 bytes), so a declared
charset is trusted only if the bytes decode cleanly with it; otherwise charset-normalizer decides.
"""

from __future__ import annotations

import codecs
import gzip
import re
import zlib

from charset_normalizer import from_bytes


class InputError(ValueError):
    """The document cannot be read as a web page or text (empty, binary, corrupt)."""


MAX_GZIP_OUTPUT = 256 * 1024 * 1024  # a decompression bomb stops here

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.\-]+)""")
_HTML_SIGNS = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|script|a\s|span|table|br|h[1-6])\b",
    re.IGNORECASE,
)
_BINARY_MAGIC = {
    b"\x89PNG": "PNG image",
    b"%PDF": "PDF document",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive",
    b"RIFF": "RIFF media file",
    b"\x7fELF": "ELF executable",
    b"BZh": "bzip2 archive",
    b"\xfd7zXZ": "xz archive",
}


def gunzip(data: bytes) -> bytes:
    """Decompress gzip data, bounded; a truncated stream is an InputError."""
    if data[:2] != b"\x1f\x8b":
        return data
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, MAX_GZIP_OUTPUT)
    except zlib.error as exc:
        raise InputError(f"corrupt gzip data: {exc}") from None
    if d.unconsumed_tail:
        raise InputError(f"gzip data expands beyond {MAX_GZIP_OUTPUT >> 20} MiB")
    if not d.eof:
        raise InputError("truncated gzip data")
    if d.unused_data[:2] == b"\x1f\x8b":  # concatenated members
        return out + gzip.decompress(d.unused_data)
    return out


# Labels that browsers decode with a superset (WHATWG Encoding Standard): a page declaring
# iso-8859-1 with curly quotes in 0x80-0x9F means Windows-1252, and so on.
_SUPERSETS = {
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
    "big5": "big5hkscs",
}
_STRAY_BYTES = re.compile("[\udc80-\udcff]+")
_GUESS_SAMPLE = 200_000


def _codec(name: bytes | str) -> str | None:
    if isinstance(name, bytes):
        name = name.decode("ascii", "ignore")
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return _SUPERSETS.get(codec, codec)


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: every other byte of ASCII text is NUL."""
    head = data[:4096]
    if len(head) < 4:
        return None
    even_nul = head[0::2].count(0) / len(head[0::2])
    odd_nul = head[1::2].count(0) / len(head[1::2])
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def binary_kind(data: bytes) -> str | None:
    """Name the binary format of `data`, or None when it may be text."""
    for magic, name in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return name
    # Text has next to no control bytes; uniformly random bytes have 27/256 (10.5%), so a
    # threshold at 5% keeps them out even in a short sample.
    head = data[:8192]
    if head.count(0) > len(head) // 20 or _control_ratio(head) > 0.05:
        return "binary data"
    return None


def _control_ratio(head: bytes) -> float:
    if not head:
        return 0.0
    bad = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bad / len(head)


def decode(data: bytes) -> str:
    """Decode a document's bytes to text (gunzipping first); raise InputError when it is not text."""
    return decode_document(data)[0]


def decode_document(data: bytes, charset: str | None = None) -> tuple[str, list[str]]:
    """Like `decode`, with warnings saying what had to be guessed or replaced.

    `charset` is the HTTP header's charset: as in browsers it outranks the page's own declaration
    (a BOM outranks both).
    """
    data = gunzip(data)
    if not data or data.isspace():
        raise InputError("empty document")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _decode_lossy(data[len(bom):], enc)
    utf16 = _sniff_utf16(data)
    if utf16:
        return _decode_lossy(data, utf16)
    kind = binary_kind(data)
    if kind:
        raise InputError(f"not a text document: {kind}")
    head = data[:4096]
    declared_match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    declared = _codec(declared_match.group(1)) if declared_match else None
    if charset:
        declared = _codec(charset) or declared
    # Valid multi-byte UTF-8 is almost never anything else, whatever the page declares.
    for enc in dict.fromkeys(["utf-8", declared or "utf-8"]):
        if enc.startswith(("utf-16", "utf-32")):
            continue  # a declared UTF-16 over ASCII-compatible bytes is a lie
        try:
            return data.decode(enc), []
        except UnicodeDecodeError:
            continue
    return _guess(data, declared)


def _decode_lossy(data: bytes, enc: str) -> tuple[str, list[str]]:
    try:
        return data.decode(enc), []
    except UnicodeDecodeError:
        return data.decode(enc, errors="replace"), [f"bytes invalid in {enc} were replaced"]


def _guess(data: bytes, declared: str | None) -> tuple[str, list[str]]:
    """Bytes that are valid in neither UTF-8 nor the declared charset: the common lies first.

    Mostly-UTF-8 with stray bytes (pasted Windows-1252) keeps its UTF-8 and reads the strays as
    Windows-1252; otherwise charset-normalizer guesses, preferring Windows-1252 on a tie (it is
    what browsers fall back to, and the Latin code pages are otherwise indistinguishable).
    """
    said = f"not {declared} as declared" if declared else "no charset declared, not UTF-8"
    escaped = data.decode("utf-8", errors="surrogateescape")
    stray_bytes = sum(len(run) for run in _STRAY_BYTES.findall(escaped))
    valid_non_ascii = len(escaped) - len(escaped.encode("ascii", "ignore")) - stray_bytes
    if valid_non_ascii >= stray_bytes:
        text = _STRAY_BYTES.sub(
            lambda m: m.group().encode("utf-8", "surrogateescape").decode("cp1252", "replace"), escaped
        )
        return text, [f"{said}: {stray_bytes} bytes invalid in UTF-8 were read as windows-1252"]
    enc = _best_guess(data[:_GUESS_SAMPLE])
    return data.decode(enc, errors="replace"), [f"{said}: decoded as {enc} (guessed)"]


def _best_guess(sample: bytes) -> str:
    matches = from_bytes(sample)
    best = matches.best()
    if best is None:
        return "cp1252"
    tied = [m for m in matches if m.chaos <= best.chaos and m.coherence >= best.coherence]
    if any("cp1252" in (m.encoding, *m.could_be_from_charset) for m in tied):
        return "cp1252"
    enc = codecs.lookup(best.encoding).name
    return _SUPERSETS.get(enc, enc)


def is_html(text: str) -> bool:
    """True when the text is markup rather than a plain-text dump."""
    head = text[:5000].lstrip()
    if head.startswith("<"):
        return bool(_HTML_SIGNS.search(head)) or head.startswith("<?xml")
    return len(_HTML_SIGNS.findall(text[:20000])) >= 3
