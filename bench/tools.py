"""Every tool under test behind one signature: `(html_or_text, url) -> Prediction`.

A Prediction is `{"body": [paragraphs], "title", "authors", "published"}` (see datasets.py);
metadata a tool does not give is None / []. Peers are imported only when asked for, so byline's
own venv can run `bench.evaluate` without them. Settings follow each tool's documented defaults
for article text, with anything that touches the network switched off.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

Prediction = dict[str, Any]
Tool = Callable[[str, "str | None"], Prediction]


def _paragraphs(text: str | None) -> list[str]:
    return [p for p in (" ".join(line.split()) for line in (text or "").splitlines()) if p]


def _pred(body: list[str], title: str | None = None, authors: list[str] | None = None, published: Any = None) -> Prediction:
    if published is not None and not isinstance(published, str):
        published = published.isoformat()
    return {"body": body, "title": title or None, "authors": [a for a in authors or [] if a], "published": published or None}


def _html_paragraphs(fragment: str) -> list[str]:
    """Block-level text of an HTML fragment (for tools that return cleaned HTML)."""
    from lxml import html as lxml_html

    if not fragment.strip():
        return []
    root = lxml_html.fromstring(fragment)
    blocks = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "td", "div", "dd", "dt", "figcaption")
    out = []
    for el in root.iter(*blocks):
        if any(child.tag in blocks for child in el.iterdescendants()):
            own = " ".join((el.text or "").split())
            if own:
                out.append(own)
            continue
        text = " ".join(el.text_content().split())
        if text:
            out.append(text)
    return out


# --------------------------------------------------------------------------------------------
# byline


def byline_html(html: str, url: str | None) -> Prediction:
    import byline

    a = byline.extract(html, url)
    return _pred(list(a.body), a.title, list(a.authors), a.published)


byline_text = byline_html  # byline tells a text dump from HTML by itself


def byline_quotes(text: str, url: str | None = None) -> Prediction:
    """Attributions of clean article text, one paragraph per line."""
    import byline

    paragraphs = text.split("\n")
    if paragraphs and paragraphs[-1] == "":
        paragraphs.pop()
    attributions = byline.attribute(paragraphs)
    return {"attributions": [_attribution_dict(a) for a in attributions]}


def _attribution_dict(a: Any) -> dict[str, Any]:
    if isinstance(a, dict):
        return a
    return {k: getattr(a, k, None) for k in ("para", "kind", "content", "source", "speaker", "speaker_type", "role", "cue")}


# --------------------------------------------------------------------------------------------
# text dump baselines


def keep_all(text: str, url: str | None = None) -> Prediction:
    from .datasets import keep_all as lines

    return _pred(lines(text))


def c4_filter(text: str, url: str | None = None) -> Prediction:
    from .datasets import c4_filter as lines

    return _pred(lines(text))


# --------------------------------------------------------------------------------------------
# peers (bench env only)


def trafilatura(html: str, url: str | None) -> Prediction:
    import trafilatura as t

    out = t.extract(html, url=url, output_format="json", with_metadata=True, include_comments=False)
    if not out:
        return _pred([])
    data = json.loads(out)
    authors = [a.strip() for a in (data.get("author") or "").split(";")]
    return _pred(_paragraphs(data.get("text")), data.get("title"), authors, data.get("date"))


def readability(html: str, url: str | None) -> Prediction:
    from readability import Document

    doc = Document(html, url=url)
    return _pred(_html_paragraphs(doc.summary(html_partial=True)), doc.short_title())


def newspaper4k(html: str, url: str | None) -> Prediction:
    import newspaper

    article = newspaper.Article(url or "https://example.com/article", fetch_images=False, memorize_articles=False)
    article.download(input_html=html)
    article.parse()
    return _pred(_paragraphs(article.text), article.title, list(article.authors), article.publish_date)


_GOOSE: Any = None


def goose3(html: str, url: str | None) -> Prediction:
    global _GOOSE
    if _GOOSE is None:
        from goose3 import Goose

        _GOOSE = Goose({"enable_image_fetching": False, "http_timeout": 0.001})
    article = _GOOSE.extract(raw_html=html)
    return _pred(_paragraphs(article.cleaned_text), article.title, list(article.authors or []), article.publish_date)


_STOPLIST: Any = None


def justext(html: str, url: str | None) -> Prediction:
    global _STOPLIST
    import justext as j

    if _STOPLIST is None:
        _STOPLIST = j.get_stoplist("English")
    return _pred([p.text for p in j.justext(html, _STOPLIST) if not p.is_boilerplate])


def resiliparse(html: str, url: str | None) -> Prediction:
    from resiliparse.extract.html2text import extract_plain_text

    return _pred(_paragraphs(extract_plain_text(html, main_content=True)))


_BOILERPIPE: Any = None


def boilerpy3(html: str, url: str | None) -> Prediction:
    global _BOILERPIPE
    if _BOILERPIPE is None:
        from boilerpy3 import extractors

        _BOILERPIPE = extractors.ArticleExtractor(raise_on_failure=False)
    return _pred(_paragraphs(_BOILERPIPE.get_content(html)))


HTML_TOOLS: dict[str, Tool] = {
    "byline": byline_html,
    "trafilatura": trafilatura,
    "readability-lxml": readability,
    "newspaper4k": newspaper4k,
    "goose3": goose3,
    "justext": justext,
    "resiliparse": resiliparse,
    "boilerpy3": boilerpy3,
}
TEXT_TOOLS: dict[str, Tool] = {"byline": byline_text, "keep-all": keep_all, "c4-filter": c4_filter}
QUOTE_TOOLS: dict[str, Tool] = {"byline": byline_quotes}


def tools_for(dataset: str) -> dict[str, Tool]:
    if dataset == "textdumps":
        return TEXT_TOOLS
    if dataset == "quotes":
        return QUOTE_TOOLS
    return HTML_TOOLS
