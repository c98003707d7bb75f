"""Bytes → text: gzip, BOMs, UTF-16 without BOM, lying and missing charsets, binary detection."""

from __future__ import annotations

import gzip
import os
import zlib

import pytest

from byline.decode import InputError, binary_kind, decode, decode_document, is_html

WESTERN = "Der naïve Café-Besitzer sagte: “Wir haben geöffnet” — Preise ab 5 €, Straße, façade."
RUSSIAN = "Вчера в Москве прошёл сильный снегопад, сообщили в городской службе погоды. " * 3
JAPANESE = "東京で大きな地震がありました。けが人はいないということです。気象庁が発表しました。"
CHINESE = "北京今天天气很好，很多人去公园散步。记者在现场看到了许多家庭。"
KOREAN = "서울에서 큰 축제가 열렸습니다. 많은 사람들이 참석했습니다. 시장은 환영사를 했습니다."
GREEK = "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και μια όμορφη πόλη με μεγάλη ιστορία."


def page(body: str, charset: str | None = None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<html><head>{meta}<title>T</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize(
    ("text", "actual", "declared"),
    [
        (WESTERN, "utf-8", None),
        (WESTERN, "utf-8", "windows-1252"),  # UTF-8 under a single-byte label
        (WESTERN, "utf-8", "utf-16"),  # declared UTF-16 over ASCII-compatible bytes
        (WESTERN, "cp1252", "utf-8"),  # the commonest lie
        (WESTERN, "cp1252", None),
        (WESTERN, "cp1252", "iso-8859-1"),  # browsers read latin-1 labels as windows-1252
        (WESTERN, "cp1252", "no-such-charset"),
        (RUSSIAN, "cp1251", "utf-8"),
        (RUSSIAN, "cp1251", "windows-1251"),
        (RUSSIAN, "koi8-r", None),
        (JAPANESE, "shift_jis", None),
        (JAPANESE, "euc-jp", "euc-jp"),
        (CHINESE, "gbk", "gb2312"),  # GBK characters under the narrower label
        (CHINESE, "gb18030", "utf-8"),
        (KOREAN, "euc-kr", None),
        (GREEK, "cp1253", None),
    ],
)
def test_decodable_encodings_come_out_exactly(text, actual, declared):
    html = page(text, declared)
    out = decode(html.encode(actual))
    assert out == html


def test_lie_is_reported_as_a_warning():
    text, warnings = decode_document(page(WESTERN, "utf-8").encode("cp1252"))
    assert WESTERN in text
    assert len(warnings) == 1 and "utf-8" in warnings[0] and "cp1252" in warnings[0]


def test_clean_utf8_has_no_warnings():
    assert decode_document(page(WESTERN).encode())[1] == []


def test_mostly_utf8_with_stray_windows_1252_bytes_keeps_both():
    head, tail = page(JAPANESE + " Zürich @").split("@")
    data = head.encode() + "“café”".encode("cp1252") + tail.encode()
    text, warnings = decode_document(data)
    assert text == page(JAPANESE + " Zürich “café”")
    assert "windows-1252" in warnings[0]


@pytest.mark.parametrize("bom, codec", [("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-32", "utf-32")])
def test_byte_order_marks(bom, codec):
    html = page(WESTERN + JAPANESE)
    assert decode(html.encode(codec)).lstrip("\ufeff") == html


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(codec):
    html = page(WESTERN)
    assert decode(html.encode(codec)) == html


def test_gzip_and_concatenated_gzip_members():
    html = page(WESTERN)
    assert decode(gzip.compress(html.encode())) == html
    assert decode(gzip.compress(b"<p>one</p>") + gzip.compress(b"<p>two</p>")) == "<p>one</p><p>two</p>"


def test_truncated_gzip_is_an_input_error():
    data = gzip.compress(page(WESTERN * 50).encode())
    with pytest.raises(InputError, match="truncated gzip"):
        decode(data[: len(data) // 2])


def test_corrupt_gzip_is_an_input_error():
    data = bytearray(gzip.compress(page(WESTERN * 50).encode()))
    data[20:40] = b"\xff" * 20
    with pytest.raises(InputError, match="gzip"):
        decode(bytes(data))


def test_gzip_bomb_stops_at_the_limit(monkeypatch):
    import byline.decode as dec

    monkeypatch.setattr(dec, "MAX_GZIP_OUTPUT", 1 << 20)
    bomb = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    data = bomb.compress(b" " * (8 << 20)) + bomb.flush()
    with pytest.raises(InputError, match="expands beyond"):
        decode(data)


@pytest.mark.parametrize("data", [b"", b"   \n\t \r\n", gzip.compress(b"  \n ")])
def test_empty_and_whitespace_only(data):
    with pytest.raises(InputError, match="empty"):
        decode(data)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + os.urandom(2000), "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (b"\x00" * 5000, "binary"),
        (bytes(range(256)) * 40, "binary"),
        (gzip.compress(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10), "PNG"),
    ],
)
def test_binary_inputs_are_refused_by_name(data, kind):
    with pytest.raises(InputError, match=kind):
        decode(data)


def test_random_bytes_never_crash():
    """Random bytes are either refused as binary or decoded to some text; nothing else."""
    rng = __import__("random").Random(7)
    for size in (1, 3, 17, 500, 20_000):
        for _ in range(20):
            data = bytes(rng.randrange(256) for _ in range(size))
            try:
                assert isinstance(decode(data), str)
            except InputError:
                pass


def test_binary_kind_leaves_text_alone():
    assert binary_kind(page(WESTERN).encode()) is None
    assert binary_kind("Zeile eins\r\n\tZeile zwei\f".encode()) is None


def test_is_html():
    assert is_html(page("x"))
    assert is_html("<?xml version='1.0'?><html><body><p>x</p></body></html>")
    assert not is_html("BRUSSELS (AP) — Ministers met on Monday.\n\nThey agreed a <b>deal</b>.")
    assert not is_html("")
