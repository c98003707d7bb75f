"""Property-based tests: on generated pages, dumps and paragraphs, extraction and attribution never
raise, always produce the record schema of DESIGN.md, and never invent body text."""

from __future__ import annotations

import html
import re
from dataclasses import asdict
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from byline import InputError, attribute, extract

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")
KINDS = {"direct", "indirect", "mixed", "according_to"}
SPEAKER_TYPES = {"person", "organization", "group", "anonymous", None}
WORD = re.compile(r"\w+")

OPTIONAL_STR = ("url", "title", "published", "modified", "language", "site_name", "description",
                "section", "image")
STR_LISTS = ("authors", "tags", "body", "related", "warnings")


def check_attribution(a: dict[str, Any], paragraphs: list[str]) -> None:
    assert set(a) == {"para", "kind", "content", "source", "speaker", "speaker_type", "role", "cue",
                      "start", "end"}
    assert isinstance(a["para"], int) and 0 <= a["para"] < len(paragraphs)
    assert a["kind"] in KINDS
    assert isinstance(a["content"], str) and a["content"].strip()
    assert a["speaker_type"] in SPEAKER_TYPES
    for key in ("source", "speaker", "role", "cue"):
        assert a[key] is None or isinstance(a[key], str)
    assert isinstance(a["start"], int) and isinstance(a["end"], int)
    assert 0 <= a["start"] <= a["end"] <= len(paragraphs[a["para"]])
    for word in WORD.findall(a["content"]):
        assert word in paragraphs[a["para"]]


def check_record(record: dict[str, Any]) -> None:
    """The article record of DESIGN.md: field names and types (an `error` record included)."""
    assert record["id"] is None or isinstance(record["id"], str)
    for key in OPTIONAL_STR:
        assert record[key] is None or isinstance(record[key], str), key
    for key in STR_LISTS:
        assert isinstance(record[key], list) and all(isinstance(v, str) for v in record[key]), key
    for key in ("published", "modified"):
        assert record[key] is None or ISO_DATE.match(record[key]), record[key]
    if record["language"] is not None:
        assert re.fullmatch(r"[a-z]{2}", record["language"]), record["language"]
    dateline = record["dateline"]
    assert dateline is None or (isinstance(dateline["place"], str)
                                and (dateline["agency"] is None or isinstance(dateline["agency"], str)))
    assert all(p.strip() for p in record["body"])
    assert record["text"] == "\n\n".join(record["body"])
    for m in record["media"]:
        assert set(m) == {"position", "url", "caption", "credit"}
        assert isinstance(m["position"], int)
        assert all(m[k] is None or isinstance(m[k], str) for k in ("url", "caption", "credit"))
    assert isinstance(record["truncated"], bool)
    if "attributions" in record:
        for a in record["attributions"]:
            check_attribution(a, record["body"])
    if "error" in record:
        assert isinstance(record["error"], str) and record["error"]


def check_body_from_input(record: dict[str, Any], source_text: str) -> None:
    """Every word of every body paragraph occurs in the input's text (nothing invented)."""
    for paragraph in record["body"]:
        for word in WORD.findall(paragraph):
            assert word in source_text, (word, paragraph)


# --- generators --------------------------------------------------------------------------------

WORDS = st.sampled_from(
    "the harbour reopened Monday after crews repaired berths officials said ships waited offshore "
    "minister Brussels agency report police council residents water prices rose fell percent "
    "Zürich café naïve São Paulo Kraków Москва 東京 l'été don't 2024 10:30 £5 €20 #tag @handle".split()
)
NAMES = st.sampled_from(["Maria Lopez", "Daniel Okafor", "Li Wei", "Anna-Lena Schmidt", "John O'Neill"])
CUES = st.sampled_from(["said", "told reporters", "added", "wrote", "according to", "says"])


@st.composite
def sentences(draw, min_words: int = 3, max_words: int = 25) -> str:
    words = draw(st.lists(WORDS, min_size=min_words, max_size=max_words))
    sentence = " ".join(words)
    return sentence[:1].upper() + sentence[1:] + draw(st.sampled_from([".", "!", "?", "", ":"]))


@st.composite
def paragraphs(draw) -> str:
    """Prose, sometimes with a quotation and a speaker."""
    text = " ".join(draw(st.lists(sentences(), min_size=1, max_size=4)))
    if draw(st.booleans()):
        quote = draw(sentences())
        name, cue = draw(NAMES), draw(CUES)
        text = draw(st.sampled_from([
            f'"{quote}" {name} {cue}. {text}',
            f"{text} “{quote}”, {cue} {name}.",
            f"{name} {cue} that {quote.lower()} {text}",
        ]))
    return text


INLINE = st.sampled_from(["b", "i", "em", "strong", "a", "span", "time", "abbr"])
BLOCK = st.sampled_from(["div", "section", "article", "main", "aside", "header", "footer", "nav",
                         "ul", "li", "figure", "blockquote", "table", "td", "form"])
LEAF = st.sampled_from(["p", "h1", "h2", "h3", "li", "figcaption", "pre", "td", "dd"])


@st.composite
def html_nodes(draw, depth: int = 0) -> tuple[str, str]:
    """(markup, visible text) of a random fragment: blocks, paragraphs, inline tags, junk."""
    choice = draw(st.integers(0, 9 if depth < 6 else 4))
    if choice <= 2:
        tag, text = draw(LEAF), draw(paragraphs())
        if draw(st.booleans()):
            words = text.split(" ")
            i = draw(st.integers(0, len(words) - 1))
            inline = draw(INLINE)
            words[i] = f"<{inline}>{html.escape(words[i])}</{inline}>"
            return f"<{tag}>{' '.join(html.escape(w) if not w.startswith('<') else w for w in words)}</{tag}>", text
        return f"<{tag}>{html.escape(text)}</{tag}>", text
    if choice == 3:
        return draw(st.sampled_from([
            "<script>var x = 'script text stays out';</script>",
            "<style>.a { color: red }</style>",
            "<br>", "<hr>", "<img src='/a.jpg' alt='alt text'>",
            "<!-- a comment -->", "<iframe src='/ad'></iframe>",
        ])), ""
    if choice == 4:
        text = draw(sentences(1, 6))
        return f"<a href='/link'>{html.escape(text)}</a>", text
    tag = draw(BLOCK)
    children = draw(st.lists(html_nodes(depth + 1), min_size=0, max_size=5))
    attrs = draw(st.sampled_from(["", " class='content'", " id='main'", " class='share social'",
                                  " itemprop='articleBody'", " role='navigation'"]))
    close = "" if draw(st.integers(0, 9)) == 0 else f"</{tag}>"  # malformed now and then
    return f"<{tag}{attrs}>{''.join(m for m, _ in children)}{close}", " ".join(t for _, t in children)


@st.composite
def html_pages(draw) -> tuple[str, str]:
    title = draw(sentences(2, 10))
    head = f"<title>{html.escape(title)}</title>"
    if draw(st.booleans()):
        head += (f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": '
                 f'"{title}", "author": {{"name": "{draw(NAMES)}"}}, '
                 f'"datePublished": "{draw(st.sampled_from(["2024-10-28", "2024-10-28T09:15:00-03:00", "not a date", ""]))}"}}'
                 "</script>")
    if draw(st.booleans()):
        head += '<meta property="og:title" content="' + html.escape(title) + '">'
    nodes = draw(st.lists(html_nodes(), min_size=0, max_size=8))
    lang = draw(st.sampled_from(["", ' lang="en"', ' lang="de-DE"', ' lang="xx-invalid-"']))
    markup = f"<!DOCTYPE html><html{lang}><head>{head}</head><body>{''.join(m for m, _ in nodes)}</body></html>"
    visible = " ".join([title, *(t for _, t in nodes)])
    return markup, visible


@st.composite
def text_dumps(draw) -> str:
    lines = []
    if draw(st.booleans()):
        lines.append(draw(sentences(3, 12)))  # a headline
    if draw(st.booleans()):
        lines.append(f"By {draw(NAMES)}")
    for _ in range(draw(st.integers(1, 8))):
        lines.append(draw(st.sampled_from(["", "Advertisement", "Share this article", draw(paragraphs())])))
        lines.append("")
    return "\n".join(lines)


SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(html_pages(), st.booleans())
def test_html_extraction_never_raises_and_invents_nothing(page, as_bytes):
    markup, visible = page
    try:
        article = extract(markup.encode() if as_bytes else markup, attributions=True)
    except InputError:
        return
    record = article.to_dict()
    check_record(record)
    check_body_from_input(record, visible)


@SETTINGS
@given(text_dumps())
def test_text_dump_extraction_never_raises_and_invents_nothing(dump):
    try:
        article = extract(dump.encode(), attributions=True)
    except InputError:
        assert not dump.strip()
        return
    record = article.to_dict()
    check_record(record)
    check_body_from_input(record, dump)


@SETTINGS
@given(st.lists(paragraphs(), min_size=0, max_size=8))
def test_attribution_never_raises_and_stays_inside_its_paragraph(paras):
    for a in attribute(paras):
        check_attribution(asdict(a), paras)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_give_a_record_or_an_input_error(data):
    try:
        record = extract(data).to_dict()
    except InputError:
        return
    check_record(record)
