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


def _codec(name: bytes | str) -> str | None:
    if isinstance(name, bytes):
        name = name.decode("ascii", "ignore")
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


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
    head = data[:8192]
    if head.count(0) > len(head) // 20 or _control_ratio(head) > 0.1:
        return "binary data"
    return None


def _control_ratio(head: bytes) -> float:
    if not head:
        return 0.0
    bad = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bad / len(head)


def decode(data: bytes) -> str:
    """Decode a document's bytes to text (gunzipping first); raise InputError when it is not text."""
    data = gunzip(data)
    if not data.strip():
        raise InputError("empty document")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    utf16 = _sniff_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    kind = binary_kind(data)
    if kind:
        raise InputError(f"not a text document: {kind}")
    head = data[:4096]
    declared = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    # Valid multi-byte UTF-8 is almost never anything else, whatever the page declares.
    candidates = ["utf-8"]
    if declared and (enc := _codec(declared.group(1))):
        candidates.append(enc)
    for enc in dict.fromkeys(candidates):
        if enc.startswith("utf-16") or enc.startswith("utf-32"):
            continue  # a declared UTF-16 over ASCII-compatible bytes is a lie
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace")
    return data.decode("cp1252" if declared is None else "utf-8", errors="replace")


def is_html(text: str) -> bool:
    """True when the text is markup rather than a plain-text dump."""
    head = text[:5000].lstrip()
    if head.startswith("<"):
        return bool(_HTML_SIGNS.search(head)) or head.startswith("<?xml")
    return len(_HTML_SIGNS.findall(text[:20000])) >= 3
