"""Hostile inputs, generated here: every one yields a record (an error or a usable article), in
order, with one readable stderr line per failure, within bounded time and memory.

The corpus goes through the real command line once (`-j 2`); each case then checks its record.
"""

from __future__ import annotations

import codecs
import gzip
import json
import random
import subprocess
import sys
import textwrap
from collections.abc import Callable

import pytest

from byline.record import Article

PARAGRAPHS = [
    "The harbour reopened to cargo traffic on Monday after crews finished repairing two berths.",
    "Officials said the three-week closure had cost shippers several million dollars in delays.",
    "Dock workers returned to their posts before dawn, and the first vessel docked at noon.",
]
TITLE = "Harbour reopens after storm repairs"
SCHEMA_FIELDS = set(Article().to_dict())
LIMIT_S = 60  # generous: these tests are about correctness; test_cli checks the limit itself


def news_page(paragraphs: list[str] = PARAGRAPHS, *, head: str = "", before: str = "", after: str = "",
              charset: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="en"><head>{meta}<title>{TITLE}</title>{head}</head><body>'
        f'<nav><a href="/">Home</a> <a href="/world">World</a></nav>{before}'
        f"<article><h1>{TITLE}</h1>{body}</article>{after}</body></html>"
    )


def nested(depth: int, tag: str = "div") -> bytes:
    return news_page(before=f"<{tag}>" * depth, after=f"</{tag}>" * depth).encode()


def with_words(words: str) -> list[str]:
    """Article paragraphs carrying non-ASCII words whose decoding the test checks exactly."""
    return [f"{PARAGRAPHS[0]} {words}", *PARAGRAPHS[1:]]


WESTERN = "Grüße aus Köln — “naïve” café façade, 5 €"
RUSSIAN = "Вчера в Москве прошёл сильный снегопад, сообщили синоптики"
JAPANESE = "東京で大きな地震がありました。けが人はいないということです。"


def invalid_utf8() -> bytes:
    head, tail = news_page(with_words(JAPANESE + " Zürich @")).split("@")
    return head.encode() + b"\xff\xfe\xc0\xaf" + "“café”".encode("cp1252") + tail.encode()


def script_only() -> bytes:
    code = textwrap.dedent("""
        var story = "The quick brown fox jumps over the lazy dog and keeps on running far away.";
        function track(event) { window.dataLayer.push({event: event, story: story}); }
        for (var i = 0; i < 10; i++) { track("view" + i); }
    """)
    scripts = "".join(f"<script>{code}</script>" for _ in range(50))
    blob = json.dumps({"props": {"text": "A long prose string inside a JSON state blob. " * 40}})
    return (
        f"<!DOCTYPE html><html><head><title>App</title><script>{code}</script></head><body>{scripts}"
        f'<script type="application/json" id="__STATE__">{blob}</script><noscript></noscript></body></html>'
    ).encode()


def jsonld_page(jsonld: str) -> bytes:
    return news_page(head=f'<script type="application/ld+json">{jsonld}</script>').encode()


def gigantic_jsonld() -> bytes:
    mentions = [{"@type": "Thing", "name": f"Topic {i}", "sameAs": f"https://topics.example/{i}"}
                for i in range(120_000)]
    return jsonld_page(json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLE,
        "author": {"@type": "Person", "name": "Maria Lopez"}, "datePublished": "2024-10-28",
        "articleBody": " ".join(PARAGRAPHS) * 2000, "mentions": mentions,
    }))


def many_times() -> bytes:
    times = "".join(
        f'<li><time datetime="20{i % 30:02d}-{i % 12 + 1:02d}-{i % 28 + 1:02d}T10:00:00Z">day {i}</time></li>'
        for i in range(5000)
    )
    return news_page(after=f"<ul>{times}</ul>").encode()


def one_huge_line() -> bytes:
    filler = "".join(f'<div class="c"><span>item {i}</span></div>' for i in range(300_000))
    return news_page(after=filler).encode().replace(b"\n", b" ")


def huge_text_line() -> bytes:
    rng = random.Random(3)
    words = "the harbour reopened on Monday after crews finished repairs officials said".split()
    return " ".join(rng.choice(words) for _ in range(1_800_000)).encode()[: 10 << 20]


# Seeded, so that a batch (scripts/soak.py) can have many different ones.
def png(seed: int = 1) -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(seed).randbytes(3000)


def pdf(seed: int = 2) -> bytes:
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + random.Random(seed).randbytes(2000)


def random_bytes(seed: int = 4) -> bytes:
    return random.Random(seed).randbytes(50_000)


def truncated_gzip(seed: int = 0) -> bytes:
    data = gzip.compress(news_page().encode() * 20)
    return data[: random.Random(seed).randint(len(data) // 5, len(data) * 9 // 10)]


def error_case(*fragments: str) -> Callable[[dict], None]:
    def check(record: dict) -> None:
        assert "error" in record, "expected an error record"
        assert all(f in record["error"] for f in fragments), record["error"]
        assert "\n" not in record["error"]

    return check


def article_case(*words: str, warned: str | None = None) -> Callable[[dict], None]:
    """Extraction must succeed and keep the article text (and the given words, exactly)."""

    def check(record: dict) -> None:
        assert "error" not in record, record.get("error")
        text = record["text"] + "\n" + (record["title"] or "")
        for word in (PARAGRAPHS[1][:40], *words):
            assert word in text
        if warned:
            assert any(warned in w for w in record["warnings"]), record["warnings"]

    return check


def survives(record: dict) -> None:
    """No article to speak of, but a record without a crash (an error must not be internal)."""
    assert "internal error" not in record.get("error", "")
    assert "timed out" not in record.get("error", "")


def no_script_text(record: dict) -> None:
    assert "error" not in record, record.get("error")
    for leak in ("function track", "dataLayer", "quick brown fox", "prose string"):
        assert leak not in record["text"]


# name → (file name, bytes, check).  File names choose the id (suffixes are stripped).
CASES: dict[str, tuple[str, Callable[[], bytes], Callable[[dict], None]]] = {
    "empty": ("empty.html", lambda: b"", error_case("empty")),
    "whitespace": ("whitespace.txt", lambda: b" \n\t\r\n  \n", error_case("empty")),
    "whitespace-utf16": ("whitespace-utf16.txt", lambda: codecs.BOM_UTF16_LE + "  \n ".encode("utf-16-le"),
                         error_case("empty")),
    "png": ("png.html", png, error_case("PNG")),
    "pdf": ("pdf.html", pdf, error_case("PDF")),
    "gzip-of-binary": ("gzip-of-binary.html.gz", lambda: gzip.compress(png()), error_case("PNG")),
    "random-bytes": ("random-bytes.html", random_bytes, error_case("binary")),
    "nul-bytes": ("nul-bytes.html", lambda: b"\x00" * 10_000, error_case("binary")),
    "truncated-gzip": ("truncated-gzip.html.gz", truncated_gzip, error_case("truncated gzip")),
    "gzip-ok": ("gzip-ok.html.gz", lambda: gzip.compress(news_page(with_words(WESTERN)).encode()),
                article_case(WESTERN)),
    "invalid-utf8": ("invalid-utf8.html", invalid_utf8, article_case(JAPANESE, "Zürich", warned="UTF-8")),
    "utf16-bom": ("utf16-bom.html", lambda: news_page(with_words(WESTERN + JAPANESE), charset=None)
                  .encode("utf-16"), article_case(WESTERN, JAPANESE)),
    "utf16-no-bom": ("utf16-no-bom.html", lambda: news_page(with_words(WESTERN), charset=None)
                     .encode("utf-16-le"), article_case(WESTERN)),
    "utf16be-no-bom": ("utf16be-no-bom.html", lambda: news_page(with_words(WESTERN), charset=None)
                       .encode("utf-16-be"), article_case(WESTERN)),
    "cp1252-as-utf8": ("cp1252-as-utf8.html", lambda: news_page(with_words(WESTERN)).encode("cp1252"),
                       article_case(WESTERN, warned="utf-8")),
    "cp1252-as-latin1": ("cp1252-as-latin1.html", lambda: news_page(with_words(WESTERN), charset="iso-8859-1")
                         .encode("cp1252"), article_case(WESTERN)),
    "cp1251-as-utf8": ("cp1251-as-utf8.html", lambda: news_page(with_words(RUSSIAN)).encode("cp1251"),
                       article_case(RUSSIAN)),
    "sjis-undeclared": ("sjis-undeclared.html", lambda: news_page(with_words(JAPANESE), charset=None)
                        .encode("shift_jis"), article_case(JAPANESE)),
    "utf8-as-cp1252": ("utf8-as-cp1252.html", lambda: news_page(with_words(RUSSIAN), charset="windows-1252")
                       .encode(), article_case(RUSSIAN)),
    "nested-100k": ("nested-100k.html", lambda: nested(100_000), article_case(PARAGRAPHS[2], warned="nested")),
    "nested-100k-inline": ("nested-100k-inline.html", lambda: nested(100_000, "b"), article_case()),
    "nested-1500": ("nested-1500.html", lambda: nested(1500), article_case(PARAGRAPHS[2])),
    "unclosed-100k": ("unclosed-100k.html", lambda: news_page(before="<div><span>" * 50_000).encode(),
                      article_case()),
    "line-10mb-html": ("line-10mb-html.html", one_huge_line, article_case()),
    "line-10mb-text": ("line-10mb-text.txt", huge_text_line, survives),
    "scripts-only": ("scripts-only.html", script_only, no_script_text),
    "jsonld-malformed": ("jsonld-malformed.html",
                         lambda: jsonld_page('{"@type": "NewsArticle", "headline": "Broken, "author": [{'),
                         article_case()),
    "jsonld-not-object": ("jsonld-not-object.html", lambda: jsonld_page('[1, "two", null, [[]], true]'),
                          article_case()),
    "jsonld-deep": ("jsonld-deep.html", lambda: jsonld_page("[" * 100_000 + "]" * 100_000), article_case()),
    "jsonld-deep-unclosed": ("jsonld-deep-unclosed.html", lambda: jsonld_page('{"a": ' * 50_000),
                             article_case()),
    "jsonld-gigantic": ("jsonld-gigantic.html", gigantic_jsonld, article_case()),
    "thousands-of-times": ("thousands-of-times.html", many_times, article_case()),
    "word-a-million-times": ("word-a-million-times.txt", lambda: b"word " * 1_000_000, survives),
    "huge-attribute": ("huge-attribute.html",
                       lambda: news_page(before=f'<img src="data:image/png;base64,{"A" * (8 << 20)}">').encode(),
                       article_case()),
    "control-characters": ("control-characters.html",
                           lambda: news_page(with_words("x\x01y\x0bz\x7f")).encode(), article_case()),
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> tuple[subprocess.CompletedProcess, list[dict], list[str]]:
    folder = tmp_path_factory.mktemp("hostile")
    order = []
    for i, (file_name, make, _) in enumerate(CASES.values()):
        name = f"{i:02d}-{file_name}"
        (folder / name).write_bytes(make())
        order.append(name)
    result = subprocess.run(
        [sys.executable, "-m", "byline.cli", "extract", str(folder), "-j", "2", "--timeout", str(LIMIT_S)],
        capture_output=True, timeout=1800,
    )
    records = [json.loads(line) for line in result.stdout.splitlines()]
    return result, records, order


def test_every_input_yields_one_record_in_order(batch):
    from byline.sources.files import doc_id

    result, records, order = batch
    assert [r["id"] for r in records] == [doc_id(name) for name in order]
    for record in records:
        assert SCHEMA_FIELDS <= set(record)


def test_failures_are_one_line_each_on_stderr_without_traceback(batch):
    result, records, _ = batch
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    for record in records:
        if "error" in record:
            assert f"byline: {record['id']}: {record['error']}" in lines
        for warning in record["warnings"]:
            assert f"byline: {record['id']}: warning: {warning}" in lines
    assert result.returncode == 1  # some inputs are not documents at all


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_case(batch, case):
    _, records, _ = batch
    index = list(CASES).index(case)
    CASES[case][2](records[index])


def peak_rss_mib(args: list[str]) -> tuple[int, subprocess.CompletedProcess]:
    """Peak resident memory of the command and every process it started (MiB)."""
    probe = (
        "import resource, subprocess, sys\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True)\n"
        "sys.stderr.buffer.write(p.stderr)\n"
        "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, timeout=900)
    status, peak = result.stdout.split()
    result.returncode = int(status)
    return int(peak), result


def page_50_mb(kind: str) -> str:
    """A real article followed by 50 MB of comments ("dense-markup") or of inline scripts."""
    article = news_page(with_words(WESTERN))
    head, tail = article.split("</article>")
    if kind == "dense-markup":
        unit = ('<div class="comment"><p class="meta"><a href="/users/{i}">reader{i}</a> <time datetime='
                '"2024-10-28T10:00:00Z">Oct 28</time></p><p>The port should have acted sooner, says {i}.</p></div>')
    else:
        unit = '<script>window.__data_{i} = {{"items": [1, 2, 3], "label": "widget {i} of the page"}};</script>'
    units, size, i = [], 0, 0
    while size < 50 << 20:
        units.append(unit.format(i=i))
        size += len(units[-1])
        i += 1
    return head + "</article>" + "".join(units) + tail


@pytest.mark.parametrize("kind", ["dense-markup", "scripts"])
def test_50_mb_page_stays_under_1_gib(tmp_path, kind):
    path = tmp_path / "big.html"
    path.write_text(page_50_mb(kind))
    out = tmp_path / "big.json"
    peak, result = peak_rss_mib([sys.executable, "-m", "byline.cli", "extract", str(path),
                                 "--timeout", str(LIMIT_S), "-o", str(out)])
    assert result.returncode == 0, result.stderr
    record = json.loads(out.read_bytes())
    article_case(WESTERN)(record)
    assert peak < 1024, f"peak RSS {peak} MiB"
