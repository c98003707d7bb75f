"""schema.org data in a page: JSON-LD blocks (tolerant of the malformed JSON pages ship) and microdata.

JSON-LD is the strongest metadata evidence a page carries, but publishers emit it carelessly:
trailing commas, raw control characters, HTML entities, several objects in one block, `@graph`
containers, `@type` lists and `{"@id": …}` references to nodes defined elsewhere. This module
flattens all of that into plain dicts: `json_ld_nodes` (every node, references resolved) and
`article_objects` (the article-like nodes, most article-like first).
"""

from __future__ import annotations

import html
import json
import re
from typing import Any, Iterable

import orjson

# schema.org Article and its subtypes.
_ARTICLE_SUBTYPES = frozenset(
    """
    Article NewsArticle ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle
    BackgroundNewsArticle ReviewNewsArticle AskPublicFeedbackNewsArticle SatiricalArticle
    ScholarlyArticle TechArticle BlogPosting SocialMediaPosting LiveBlogPosting DiscussionForumPosting
    Report APIReference AdvertiserContentArticle MedicalScholarlyArticle
    """.split()
)
# Types that describe the page's article: the Article types plus common kin, which rank below
# them (a story's embedded video carries its own, earlier, date and headline).
ARTICLE_TYPES = _ARTICLE_SUBTYPES | frozenset("Review CriticReview Recipe HowTo VideoObject PodcastEpisode".split())
# Weak article evidence: used only when no Article-typed node exists.
PAGE_TYPES = frozenset("WebPage ItemPage ProfilePage AboutPage CollectionPage QAPage".split())

_CONTROL = re.compile(r"[\x00-\x1f]")
_TRAILING_COMMA = re.compile(r",\s*([\]}])")
_CDATA = re.compile(r"^\s*(?:<!\[CDATA\[|//\s*<!\[CDATA\[)|(?://\s*)?\]\]>\s*$")


def _decode_block(text: str) -> list[Any]:
    """One <script type=application/ld+json> body → the JSON values it holds (possibly several)."""
    text = _CDATA.sub("", text.strip()).strip().rstrip(";")
    if not text:
        return []
    try:
        return [orjson.loads(text)]
    except orjson.JSONDecodeError:
        pass
    # Raw newlines/tabs inside strings are the most common fault: JSON allows them as escapes.
    repaired = _CONTROL.sub(" ", text)
    repaired = _TRAILING_COMMA.sub(r"\1", repaired)
    if "&quot;" in repaired or "&#" in repaired:
        repaired = html.unescape(repaired)
    values: list[Any] = []
    decoder = json.JSONDecoder(strict=False)
    position = 0
    while position < len(repaired):
        start = repaired.find("{", position)
        bracket = repaired.find("[", position)
        if start < 0 or (0 <= bracket < start):
            start = bracket
        if start < 0:
            break
        try:
            value, position = decoder.raw_decode(repaired, start)
        except json.JSONDecodeError:
            position = start + 1
            continue
        values.append(value)
    return values


def type_names(node: dict[str, Any]) -> list[str]:
    """`@type` of a node as a list of bare type names."""
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return [k.rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)]


def _flatten(values: Iterable[Any]) -> list[dict[str, Any]]:
    """Top-level nodes, `@graph` members and array items, in document order (iteratively)."""
    nodes: list[dict[str, Any]] = []
    stack = list(reversed(list(values)))
    while stack:
        value = stack.pop()
        if isinstance(value, list):
            stack.extend(reversed(value))
        elif isinstance(value, dict):
            graph = value.get("@graph")
            if isinstance(graph, (list, dict)):
                stack.append(graph)
            if value.get("@type") or "@graph" not in value:
                nodes.append(value)
    return nodes


def _resolve(value: Any, index: dict[str, dict[str, Any]], depth: int = 0) -> Any:
    """Replace `{"@id": …}` references (bare, or in lists) with the node they name."""
    if depth > 3:
        return value
    if isinstance(value, list):
        return [_resolve(item, index, depth + 1) for item in value]
    if isinstance(value, dict) and len(value) <= 2 and isinstance(value.get("@id"), str):
        target = index.get(value["@id"])
        if target is not None and target is not value:
            return target
    return value


def json_ld_nodes(scripts: Iterable[str]) -> list[dict[str, Any]]:
    """Every JSON-LD node of the page's ld+json script bodies, with `@id` references resolved."""
    values: list[Any] = []
    for text in scripts:
        values.extend(_decode_block(text))
    nodes = _flatten(values)
    index = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str) and len(n) > 1}
    if index:
        for node in nodes:
            for key in ("author", "creator", "publisher", "isPartOf", "mainEntityOfPage", "image"):
                if key in node:
                    node[key] = _resolve(node[key], index)
    return nodes


def is_ld_json(script) -> bool:
    """A <script type="application/ld+json"> with a body."""
    return bool(script.text) and "ld+json" in (script.get("type") or "").lower()


def ld_json_scripts(tree) -> list[str]:
    """Bodies of the page's JSON-LD scripts."""
    return [script.text for script in tree.iter("script") if is_ld_json(script)]


def _article_rank(node: dict[str, Any]) -> tuple[int, int]:
    """How article-like a node is: Article types, then their kin, then the most complete."""
    kinds = type_names(node)
    tier = 2 if any(t in _ARTICLE_SUBTYPES for t in kinds) else int(any(t in ARTICLE_TYPES for t in kinds))
    return tier, sum(1 for key in ("headline", "articleBody", "datePublished", "author") if node.get(key))


def article_objects_from_nodes(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The article-like nodes (Article subtypes; WebPage nodes only when there are none)."""
    articles = [n for n in nodes if any(t in ARTICLE_TYPES for t in type_names(n))]
    if not articles:
        articles = [n for n in nodes if any(t in PAGE_TYPES for t in type_names(n))]
        # A WebPage's mainEntity is often the article itself.
        for node in list(articles):
            entity = node.get("mainEntity")
            if isinstance(entity, dict) and any(t in ARTICLE_TYPES for t in type_names(entity)):
                articles.insert(0, entity)
    return sorted(articles, key=_article_rank, reverse=True)


def article_objects(tree) -> list[dict[str, Any]]:
    """The page's article-like JSON-LD objects, most article-like first (may carry `articleBody`)."""
    return article_objects_from_nodes(json_ld_nodes(ld_json_scripts(tree)))


def microdata(tree) -> dict[str, list[str]]:
    """itemprop → values, for the properties metadata needs (author names, dates, headline)."""
    wanted = {"author", "datepublished", "datemodified", "headline", "datecreated",
              "creator", "articlesection", "keywords", "inlanguage", "dateline"}
    found: dict[str, list[str]] = {}
    for element in tree.xpath("//*[@itemprop]"):
        for prop in (element.get("itemprop") or "").lower().split():
            if prop not in wanted:
                continue
            if prop in ("author", "creator"):
                value = _microdata_person(element)
            else:
                value = (
                    element.get("content") or element.get("datetime")
                    or " ".join(element.text_content().split())
                )
            if value:
                found.setdefault(prop, []).append(value.strip())
    return found


def _microdata_person(element) -> str | None:
    """An itemprop=author element's name: its itemprop=name child, a content attribute, or its text."""
    if element.get("content"):
        return element.get("content")
    for child in element.iterdescendants():
        if "name" in (child.get("itemprop") or "").split():
            return child.get("content") or " ".join(child.text_content().split())
    return " ".join(element.text_content().split())[:200]
