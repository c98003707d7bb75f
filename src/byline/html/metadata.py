"""Page metadata: title, authors, dates, language, site name, description, section, tags, image, URL.

Evidence is read strongest first — schema.org JSON-LD, then OpenGraph/meta tags and microdata,
then what the reader sees (bylines, <time> elements), then the URL — and every candidate is
validated (a name must look like a person's or agency's, a date must be plausible), so weak
evidence fills gaps but never overrides good evidence with junk.
One pass collects <meta>, <link>, <title> and ld+json; the visible-page lookups are targeted.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import urljoin, urlparse

from lxml import etree

from ..dates import parse_date, search_date
from ..language import detect_language
from ..names import AGENCIES, clean_name, parse_byline
from ..record import Article
from .schema import article_objects_from_nodes, is_ld_json, json_ld_nodes, microdata, type_names

# Meta keys (lowercased name/property/itemprop) per field, strongest first.
_PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "article:published", "published_time",
    "datepublished", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
    "citation_publication_date", "citation_date", "dc.date", "dcterms.date", "publish-date",
    "publish_date", "publishdate", "pubdate", "date", "article.published", "og:published_time",
    "datecreated", "dc.date.created", "dcterms.created", "article:created",
)
_MODIFIED_KEYS = (
    "article:modified_time", "og:article:modified_time", "datemodified", "og:updated_time",
    "article:modified", "modified_time", "dc.date.modified", "dcterms.modified", "last-modified",
    "lastmod", "article.updated",
)
_AUTHOR_KEYS = (
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
    "dcterms.creator", "citation_author", "byl", "byline", "og:article:author", "creator",
)
_TITLE_KEYS = (
    "og:title", "twitter:title", "parsely-title", "sailthru.title", "dc.title", "citation_title",
    "title", "headline",
)
_SITE_KEYS = ("og:site_name", "application-name", "apple-mobile-web-app-title", "publisher", "dc.publisher")
_DESCRIPTION_KEYS = ("og:description", "description", "twitter:description", "dc.description")
_SECTION_KEYS = ("article:section", "parsely-section", "section", "article-section", "category")
_TAG_KEYS = ("article:tag", "news_keywords", "parsely-tags", "sailthru.tags", "keywords")
_IMAGE_KEYS = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "thumbnail")
_SITE_TYPES = frozenset({"WebSite", "NewsMediaOrganization", "Organization"})
_LANGUAGE_KEYS = ("content-language", "language", "og:locale", "dc.language", "inlanguage")

_NOT_ALNUM = re.compile(r"[\W_]+")
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—:·•»«~/]|::)\s+")
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2]|[a-z]{3})[/_-]?(0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)",
    re.IGNORECASE,
)
_MONTH_NUMBERS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
# Elements whose class names them as a byline or author, and rel=author links (attribute scans).
_BYLINE_XPATH = etree.XPath(
    "//@class[contains(., 'uthor') or contains(., 'yline') or contains(., 'UTHOR') or contains(., 'YLINE')]/.."
    " | //@rel[. = 'author']/.."
)
_SKIP_TAGS = frozenset(("script", "style", "noscript", "figure", "figcaption", "picture", "template", "svg", "button"))
_BY_LINE = re.compile(r"(?:^|\s)(?i:by|von|par|por)\s*:?\s+[^\W\d_a-z]")
_COMMENTS = re.compile(r"(?<![a-z])comment", re.IGNORECASE)
_NOT_BYLINE_CLASS = re.compile(r"bio|about|avatar|image|img|photo|pic|social|follow|more|related|box|card|list|comment", re.IGNORECASE)


@dataclass
class _Head:
    """What one pass over the page's <meta>, <link>, <title> and <script> elements found."""

    meta: dict[str, list[str]] = field(default_factory=dict)
    canonical: str | None = None
    author_links: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    title: str | None = None

    def normalised_titles(self) -> list[str]:
        """The page's titles (og:, twitter:, <title>) in `_norm` form, for matching headlines."""
        return [_norm(t) for t in self.values(("og:title", "twitter:title")) + [self.title or ""]]

    def first(self, keys: tuple[str, ...]) -> str | None:
        for key in keys:
            for value in self.meta.get(key, ()):
                if value:
                    return value
        return None

    def values(self, keys: tuple[str, ...]) -> list[str]:
        return [v for key in keys for v in self.meta.get(key, ()) if v]


class _Page:
    """One page's evidence; the costlier lookups (microdata, header lines) run only when asked."""

    def __init__(self, tree) -> None:
        self.tree = tree
        self.head = _scan(tree)
        self.nodes = json_ld_nodes(self.head.scripts)
        self.main = _main_article(article_objects_from_nodes(self.nodes), self.head)

    @cached_property
    def micro(self) -> dict[str, list[str]]:
        return microdata(self.tree)

    @cached_property
    def header(self) -> list[str]:
        return _header_lines(_headline_element(self.tree, self.head))


def _main_article(articles: list[dict[str, Any]], head: _Head) -> dict[str, Any] | None:
    """The page's own article among several (others describe related stories): the one whose
    URL is the canonical URL or whose headline opens the page title."""
    if len(articles) < 2:
        return articles[0] if articles else None
    url = head.canonical or head.first(("og:url",))
    titles = head.normalised_titles()
    for article in articles:
        own_url = _ld_text(article.get("url")) or _ld_text(article.get("mainEntityOfPage"))
        headline = _norm(_ld_text(article.get("headline")))
        if url and own_url == url or headline and any(t.startswith(headline) for t in titles if t):
            return article
    return articles[0]


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _ld_string(value: str) -> str:
    """A JSON-LD string as text: publishers often leave HTML entities in it."""
    return _text(html.unescape(value) if "&" in value else value)


def _scan(tree) -> _Head:
    head = _Head()
    for element in tree.iter("meta", "link", "script", "title"):
        tag = element.tag
        if tag == "meta":
            content = element.get("content")
            if content is None:
                content = element.get("value")
            if content is None:
                continue
            content = _text(content)
            for attr in ("property", "name", "itemprop", "http-equiv"):
                for key in (element.get(attr) or "").lower().split():
                    # "dc:creator" and "DC.creator" are the same Dublin Core property
                    key = key.replace("dc:", "dc.", 1).replace("dcterms:", "dcterms.", 1)
                    head.meta.setdefault(key, []).append(content)
        elif tag == "link":
            rel = (element.get("rel") or "").lower().split()
            href = element.get("href")
            if "canonical" in rel and href and head.canonical is None:
                head.canonical = href.strip()
        elif tag == "script":
            if is_ld_json(element):
                head.scripts.append(element.text)
        elif tag == "title" and head.title is None:
            head.title = _text(element.text_content()) or None
    return head


# ---------------------------------------------------------------- JSON-LD value helpers

def _ld_text(value: Any) -> str | None:
    """A JSON-LD value that should be a string: str, or the first item/`name`/`@value` of one."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("url")
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return _ld_string(str(value)) or None
    return None


def _ld_people(value: Any) -> list[str]:
    """Author names of a JSON-LD `author`: strings, Person objects, lists; organisations only if agencies."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):
            kinds = type_names(item)
            name = item.get("name")
            if isinstance(name, list):
                name = name[0] if name else None
            if not isinstance(name, str):
                given, family = item.get("givenName"), item.get("familyName")
                name = f"{given} {family}" if isinstance(given, str) and isinstance(family, str) else None
            if not name:
                continue
            if "Organization" in kinds or "NewsMediaOrganization" in kinds:
                cleaned = clean_name(name)
                if cleaned and _agency_name(cleaned):
                    names.append(cleaned)
                continue
            names.extend(_names_from_value(_ld_string(name)))
        elif isinstance(item, str):
            names.extend(_names_from_value(_ld_string(item)))
    return list(dict.fromkeys(names))


def _agency_name(name: str) -> bool:
    return name.lower() in AGENCIES


def _names_from_value(value: str) -> list[str]:
    """One author value (meta content, JSON-LD string): one name, or a list written as a byline."""
    value = _text(value)
    if not value or value.lower().startswith(("http://", "https://", "www.", "/")):
        return []
    if re.search(r",|\band\b|&|;|\|", value):
        return parse_byline(value)
    name = clean_name(value)
    return [name] if name else parse_byline(value)


# ---------------------------------------------------------------- title

def _norm(text: str | None) -> str:
    """Case- and punctuation-free form, for comparing titles and names."""
    text = (text or "").lower()
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return _NOT_ALNUM.sub("", text)


def _strip_site(title: str, site_names: list[str]) -> str:
    """Drop " | Site name" (or "Site name | ") parts of a page title."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    sites = {_norm(s) for s in site_names if s}
    kept = [p for p in parts if _norm(p) not in sites and not any(s and (s in _norm(p) and len(_norm(p)) <= len(s) + 4) for s in sites)]
    if kept and len(kept) < len(parts):
        return _rejoin(title, kept)
    # No known site name: the longest part is the headline when the others are short labels.
    longest = max(parts, key=len)
    if len(longest) >= 2 * max(len(p) for p in parts if p is not longest) or len(parts) > 2:
        first, last = parts[0], parts[-1]
        if len(parts[-1]) <= 40 and len(" ".join(parts[:-1])) > len(last):
            return _rejoin(title, parts[:-1])
        if len(first) <= 40 and len(" ".join(parts[1:])) > len(first):
            return _rejoin(title, parts[1:])
    return title


def _rejoin(title: str, parts: list[str]) -> str:
    """The span of `title` from the first to the last kept part (keeps inner separators)."""
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end] if 0 <= start < end else " ".join(parts)


def _headings(tree) -> list[str]:
    out = []
    for h in tree.iter("h1"):
        text = _text(h.text_content())
        if 3 <= len(text) <= 400:
            out.append(text)
        if len(out) >= 6:
            break
    return out


def _title(tree, head: _Head, main: dict | None, site_names: list[str]) -> str | None:
    candidates: list[str] = []
    if main:
        for key in ("headline", "name", "alternativeHeadline"):
            value = _ld_text(main.get(key))
            if value:
                candidates.append(value)
    candidates.extend(head.values(_TITLE_KEYS))
    if head.title:
        candidates.append(head.title)
    candidates = [_text(c) for c in candidates if c and len(c) < 600]
    cleaned = [_strip_site(c, site_names) for c in candidates]
    known = {_norm(c) for c in candidates + cleaned}
    headings = _headings(tree)
    for h in headings:
        if _norm(h) in known:
            return h
    for h in headings:
        key = _norm(h)
        if len(key) >= 15 and any(k.startswith(key) or (len(k) >= 15 and key.startswith(k)) for k in known):
            return h
    if cleaned:
        return cleaned[0]
    return headings[0] if headings else None


# ---------------------------------------------------------------- authors

def _visible_authors(tree) -> list[str]:
    """Names from elements marked as author/byline (class, id, rel, itemprop), first hit wins."""
    for element in _BYLINE_XPATH(tree)[:30]:
        if element.tag in ("meta", "link", "script", "style", "body", "html"):
            continue
        if _NOT_BYLINE_CLASS.search(element.get("class") or ""):
            continue
        if any(_COMMENTS.search(a.get("class") or "") for a in islice(element.iterancestors(), 12)):
            continue
        text = _text(element.text_content())
        if not text or len(text) > 200:
            continue
        # Element boundaries separate a name from what follows it ("Jane Doe</a><span>Desk…").
        pieces = " | ".join(p.strip() for p in element.itertext() if p.strip())
        names = parse_byline(pieces) or parse_byline(text)
        if names:
            return names
    return []


def _headline_element(tree, head: _Head):
    """The first <h1>; on pages without one, the first <h2>/<h3> that opens the page title."""
    h1 = next(tree.iter("h1"), None)
    if h1 is not None:
        return h1
    titles = head.normalised_titles()
    for heading in islice(tree.iter("h2", "h3"), 50):
        key = _norm(heading.text_content())
        if len(key) >= 10 and any(t.startswith(key) for t in titles):
            return heading
    return None


def _header_lines(headline, limit: int = 150) -> list[str]:
    """Short text lines right after the headline element, where bylines and dates sit.

    Walks forward in document order (the headline's following siblings, then its ancestors'),
    skips figures and captions, and stops where the body starts (long paragraphs).
    """
    if headline is None:
        return []
    lines: list[str] = []
    seen = paragraphs = 0
    node = headline
    while node is not None:
        for sibling in node.itersiblings():
            elements = sibling.iter()
            for element in elements:
                seen += 1
                if seen > limit:
                    return lines
                tag = element.tag
                if not isinstance(tag, str) or tag in _SKIP_TAGS:
                    continue
                text = (element.text or "").strip()
                if not text:
                    continue
                line = _text(element.text_content())
                if tag == "p" and len(line) > 120 or len(line) > 1000:
                    paragraphs += 1
                    if paragraphs > 1:  # the body has started (the first may be a standfirst)
                        return lines
                if len(line) <= 200:
                    lines.append(line)
        node = node.getparent()
    return lines


def _by_line(lines: list[str]) -> tuple[str, list[str]]:
    """A "By …" line (or a "By" line and the name under it) under the <h1>, and its names."""
    for i, line in enumerate(lines):
        if len(line) <= 120 and _BY_LINE.search(line) or line.lower() in ("by", "by:") and i + 1 < len(lines):
            line = line if len(line) > 3 else f"By {lines[i + 1]}"
            names = parse_byline(line)
            if names:
                return line, names
    return "", []


def _authors(page: _Page, site_names: list[str]) -> list[str]:
    """Metadata names first; the byline under the headline wins when it names them and more
    (metadata often lists only the first of several authors). The publisher is not an author,
    unless declared a Person (a one-person site named after its author)."""
    sites = {_norm(s) for s in site_names} - _declared_people(page.main)
    return [n for n in _author_candidates(page) if _norm(n) not in sites or _agency_name(n)]


def _declared_people(main: dict | None) -> set[str]:
    """Normalised names of the article's JSON-LD authors typed Person."""
    authors = main.get("author") if main else None
    items = authors if isinstance(authors, list) else [authors]
    return {_norm(_ld_text(item)) for item in items if isinstance(item, dict) and "Person" in type_names(item)}


def _author_candidates(page: _Page) -> list[str]:
    names = _metadata_authors(page)
    line, shown = _by_line(page.header)
    if names:
        # Only names listed before the first comma count ("By A and B, Agency" — not "By A, Institute
        # of X and Y"): what follows a comma is as often an affiliation as another author.
        listed = parse_byline(line.split(",")[0]) if len(shown) > len(names) else []
        if len(listed) > len(names) and {_norm(n) for n in names} <= {_norm(n) for n in listed}:
            return listed
        return names
    return _visible_authors(page.tree) or shown



def _metadata_authors(page: _Page) -> list[str]:
    head, main = page.head, page.main
    if main:
        for key in ("author", "creator"):
            if main.get(key):
                names = _ld_people(main[key])
                if names:
                    return names
    for value in head.values(_AUTHOR_KEYS):
        names = _names_from_value(value)
        if names:
            return names
    for value in page.micro.get("author", []) + page.micro.get("creator", []):
        names = _names_from_value(value)
        if names:
            return names
    return []


# ---------------------------------------------------------------- dates

def _time_elements(tree) -> tuple[str | None, str | None]:
    published = modified = None
    for element in tree.iter("time"):
        value = parse_date(element.get("datetime") or "") or parse_date(_text(element.text_content()))
        if not value:
            continue
        marks = f"{element.get('class') or ''} {element.get('itemprop') or ''} {element.getparent().get('class') if element.getparent() is not None else ''}".lower()
        if "modif" in marks or "updat" in marks:
            modified = modified or value
        else:
            published = published or value
        if published and modified:
            break
    return published, modified


def _visible_date(lines: list[str]) -> str | None:
    """The first date written in the short lines under the headline (not a date in a sentence)."""
    for line in lines:
        found = len(line) <= 90 and search_date(line)
        if found:
            return found[0]
    return None


def _url_date(url: str | None) -> str | None:
    if not url:
        return None
    match = _URL_DATE.search(urlparse(url).path)
    if not match:
        return None
    year, month, day = match.group(1, 2, 3)
    month = month if month.isdigit() else str(_MONTH_NUMBERS.get(month.lower()[:3], 0))
    return parse_date(f"{year}-{month.zfill(2)}-{day.zfill(2)}")


def _shown_as(shown: str, machine: str) -> str | None:
    """`machine` (ISO) expressed as the page shows it (`shown`), or None when they differ.

    A page often states the time in its own zone ("10:22 PM EST") while its metadata says UTC;
    when the shown wall-clock time is the machine instant in some UTC offset, that offset is the
    page's and the machine value is rewritten in it. A date alone must name the same day (the
    more precise of the two is kept).
    """
    if len(shown) == 10 or len(machine) < 16:
        return max(machine, shown, key=len) if shown[:10] == machine[:10] else None
    try:
        shown_dt = datetime.fromisoformat(shown)
        machine_dt = datetime.fromisoformat(machine)
    except ValueError:
        return None
    if machine_dt.tzinfo is None:
        return machine if shown_dt.replace(tzinfo=None, second=0) == machine_dt.replace(second=0) else None
    if shown_dt.tzinfo is not None:
        if abs((shown_dt - machine_dt).total_seconds()) >= 120:
            return None
        return machine_dt.astimezone(shown_dt.tzinfo).isoformat()
    delta = shown_dt - machine_dt.astimezone(timezone.utc).replace(tzinfo=None, second=0, microsecond=0)
    minutes = delta.total_seconds() / 60
    if abs(minutes) > 14 * 60 or minutes % 15:
        return None
    return machine_dt.astimezone(timezone(timedelta(minutes=minutes))).isoformat()


def _in_page_offset(value: str | None, others: list[str | None]) -> str | None:
    """A UTC `value` restated in the page's own UTC offset, when another of its dates states the
    same instant in it: the calendar day is the one the publisher saw."""
    moment = _aware(value)
    if moment is None or moment.utcoffset():
        return value
    for other in others:
        local = _aware(other)
        if local is not None and local.utcoffset() and abs((local - moment).total_seconds()) < 120:
            return moment.astimezone(local.tzinfo).isoformat()
    return value


def _aware(value: str | None) -> datetime | None:
    """An ISO date-time with a UTC offset as a datetime, else None."""
    if not value or len(value) < 20:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _dates(page: _Page, url: str | None) -> tuple[str | None, str | None]:
    """Published and modified times; published is the date the page shows under its headline
    when that is one of its machine-readable dates (sites that refresh a story show the update)."""
    head, main = page.head, page.main
    published = modified = None
    if main:
        published = parse_date(_ld_text(main.get("datePublished")) or "") or parse_date(_ld_text(main.get("dateCreated")) or "")
        modified = parse_date(_ld_text(main.get("dateModified")) or "")
    others = [parse_date(v) for v in head.values(_PUBLISHED_KEYS)]
    if not published:
        published = next(filter(None, others), None)
    if not modified:
        modified = next(filter(None, map(parse_date, head.values(_MODIFIED_KEYS))), None)
    if not published:
        published = next(filter(None, map(parse_date, page.micro.get("datepublished", []) + page.micro.get("datecreated", []))), None)
    if not modified and published:
        modified = next(filter(None, map(parse_date, page.micro.get("datemodified", []))), None)
    published = _in_page_offset(published, others)
    shown = _visible_date(page.header)
    if shown and (published or modified):
        # Evergreen pages keep a first publication date in JSON-LD while their meta tags and
        # header show the current edition's: any published value the header confirms will do.
        for machine in (published, modified, *others):
            aligned = _shown_as(shown, machine) if machine else None
            if aligned:
                return aligned, modified
        return published or modified, modified
    if not published:
        time_published, time_modified = _time_elements(page.tree)
        published = shown or time_published
        modified = modified or time_modified
    return published or _url_date(url), modified


# ---------------------------------------------------------------- language

# ISO 639-2 codes that pages declare instead of the ISO 639-1 code the record carries.
_ISO639_2 = {
    "eng": "en", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr", "spa": "es", "ita": "it",
    "por": "pt", "nld": "nl", "dut": "nl", "rus": "ru", "pol": "pl", "swe": "sv", "dan": "da",
    "nor": "no", "nob": "nb", "fin": "fi", "tur": "tr", "ara": "ar", "zho": "zh", "chi": "zh",
    "jpn": "ja", "kor": "ko", "ukr": "uk", "ces": "cs", "cze": "cs", "ell": "el", "gre": "el",
    "heb": "he", "hin": "hi", "hun": "hu", "ron": "ro", "rum": "ro", "ind": "id", "vie": "vi",
}


def _language_code(value: str | None) -> str | None:
    """The ISO 639-1 code of a declared language ("en-US", "de_DE", "eng"), or None."""
    if not value:
        return None
    code = re.split(r"[-_,;\s]", value.strip().lower(), maxsplit=1)[0]
    if re.fullmatch(r"[a-z]{2}", code):
        return code
    return _ISO639_2.get(code)


def _language(tree, head: _Head, main: dict | None, article: Article) -> str | None:
    for value in (tree.get("lang"), tree.get("xml:lang"), head.first(_LANGUAGE_KEYS),
                  _ld_text(main.get("inLanguage")) if main else None):
        code = _language_code(value)
        if code:
            return code
    sample = []
    size = 0
    for p in tree.iter("p"):
        text = _text(p.text_content())
        sample.append(text)
        size += len(text)
        if size > 2000:
            break
    text = " ".join([article.title or "", article.description or ""] + sample)
    return detect_language(text)


# ---------------------------------------------------------------- the rest

def _site_names(head: _Head, nodes: list[dict], main: dict | None) -> list[str]:
    names = head.values(_SITE_KEYS)
    if main and isinstance(main.get("publisher"), (dict, list)):
        name = _ld_text(main["publisher"])
        if name:
            names.append(name)
    for node in nodes:
        if not _SITE_TYPES.isdisjoint(type_names(node)):
            name = _ld_text(node.get("name"))
            if name:
                names.append(name)
    return [n for n in names if n and not n.lower().startswith("http")]


def _tags(head: _Head, main: dict | None) -> list[str]:
    values: list[str] = list(head.meta.get("article:tag", []))
    if not values and main:
        keywords = main.get("keywords")
        if isinstance(keywords, list):
            values = [k for k in keywords if isinstance(k, str)]
        elif isinstance(keywords, str):
            values = keywords.split(",")
    if not values:
        for key in _TAG_KEYS[1:]:
            if head.meta.get(key):
                values = [part for v in head.meta[key] for part in v.split(",")]
                break
    tags = [_text(v) for v in values]
    return list(dict.fromkeys(t for t in tags if t and len(t) < 80))


def _image(head: _Head, main: dict | None, base: str | None) -> str | None:
    value = head.first(_IMAGE_KEYS)
    if not value and main:
        value = _ld_text(main.get("image")) or _ld_text(main.get("thumbnailUrl"))
    if not value:
        return None
    return urljoin(base, value) if base else value


def _absolute_url(value: str | None, base: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if base:
        value = urljoin(base, value)
    return value if value.startswith(("http://", "https://")) else None


def read_metadata(tree, article: Article) -> None:
    """Fill the article's metadata fields from the page (the URL only when the caller gave none)."""
    page = _Page(tree)
    head, main = page.head, page.main
    if not article.url:
        article.url = (
            _absolute_url(head.canonical, None)
            or _absolute_url(head.first(("og:url",)), None)
            or (_absolute_url(_ld_text(main.get("url")), None) if main else None)
        )
    site_names = _site_names(head, page.nodes, main)
    article.site_name = site_names[0] if site_names else None
    host = urlparse(article.url).hostname if article.url else None
    if host:
        site_names.append(host.removeprefix("www.").split(".")[0])
    article.title = _title(tree, head, main, site_names)
    article.authors = _authors(page, site_names)
    article.published, article.modified = _dates(page, article.url)
    article.description = head.first(_DESCRIPTION_KEYS) or (_ld_text(main.get("description")) if main else None)
    article.section = head.first(_SECTION_KEYS) or (_ld_text(main.get("articleSection")) if main else None)
    article.tags = _tags(head, main)
    article.image = _image(head, main, article.url)
    article.language = _language(tree, head, main, article)
