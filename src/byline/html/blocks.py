"""One iterative walk over the page: text blocks in reading order plus per-element statistics.

A block is the text between two block-level boundaries (p, li, h2, div, double <br> …). Each
block knows its link text, whether it sits in a heading, and the markers enclosing it:
captions (figure, figcaption, "caption") and boilerplate (header, footer and form — a
newsletter sign-up inside the article —, class/id/role saying "share",
"related", "newsletter", "comment" …). Elements are recorded in pre-order with their parent, depth, block range and the
paragraph ("good") and boilerplate ("junk") text directly inside them, so choosing the content
root (`choose_root`) is a linear pass over arrays, not another tree walk. No recursion: pages
may nest deeply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

_SKIP = frozenset(
    "script style noscript template svg math iframe object embed canvas button select input "
    "textarea option label nav aside audio video source track map head title meta link dialog "
    "menu".split()
)
_BLOCK = frozenset(
    "address article blockquote center dd details div dl dt fieldset figcaption figure footer "
    "h1 h2 h3 h4 h5 h6 header hgroup hr li main ol p pre section table tbody thead tfoot tr td "
    "th ul caption summary body html form".split()
)
_HEADING = frozenset("h1 h2 h3 h4 h5 h6".split())
_PROTECTED = frozenset("html body main article".split())
# Generic words for page furniture, matched as whole class/id tokens.
_STRONG = frozenset(
    "share shares sharing sharebar social related newsletter newsletters subscribe subscription "
    "signup comment comments disqus promo promos promotion advert adverts advertisement ad ads "
    "adv sponsor sponsored cookie cookies consent gdpr breadcrumb breadcrumbs menu nav navbar "
    "navigation footer sidebar widget widgets recommended recommendation recommendations trending "
    "popular outbrain taboola modal popup toolbar tags byline author authors bio masthead rail "
    "teaser teasers follow".split()
)
_WEAK = frozenset("header more meta tools utility extra links aside top bottom latest".split())
_POSITIVE = frozenset("article body content story text entry post main prose richtext".split())
# Reader discussion may outweigh the article; a marker with these never loses its meaning.
_DISCUSSION = frozenset("comment comments disqus".split())
_RELATED = frozenset("related recommended recommendation recommendations more teaser teasers".split())
_CAPTION = frozenset("caption captions figcaption credit credits".split())
_HIDDEN_CLASSES = frozenset(
    "hidden sr-only visually-hidden visuallyhidden screen-reader-text screenreader-only".split()
)
_STATE_PREFIXES = frozenset(
    "has is no not enable enabled disable disabled show with without js can allow should use".split()
)
_BAD_ROLES = frozenset("navigation complementary banner contentinfo dialog alertdialog menu".split())
_TOKEN = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)]\s*$")

# Scoring: paragraph text counts fully, boilerplate text counts against the element.
_JUNK_WEIGHT = 0.6
_MIN_PARAGRAPH = 30
# A sentence this long is prose even when up to half of it is link text (a news round-up).
_LINKED_PROSE = 150
# A marked element holding this share of the page's paragraph text is a page wrapper.
_WRAPPER_SHARE = 0.5
# A blurb under a linked headline longer than this is the start of an article, not a card.
_TEASER_MAX = 200
# Paragraph text that makes a headlined part of the root an article of its own.
_STACKED_MIN = 500

NONE, MARKER, DISCUSSION, CAPTION = 0, 1, 2, 3


@dataclass(slots=True)
class Block:
    text: str
    link_chars: int = 0
    heading: bool = False
    related: bool = False
    markers: tuple[int, ...] = ()  # ids of the marked elements enclosing the block
    image: str | None = None
    teaser: bool = False  # the blurb under a linked headline: another story's card


@dataclass
class Walk:
    """Blocks in reading order and, per element id (pre-order), its tree facts."""

    blocks: list[Block] = field(default_factory=list)
    parent: list[int] = field(default_factory=list)
    depth: list[int] = field(default_factory=list)
    start: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    good: list[float] = field(default_factory=list)
    junk: list[float] = field(default_factory=list)
    marker: list[int] = field(default_factory=list)
    valid: list[bool] = field(default_factory=list)
    h1: list[int] = field(default_factory=list)  # ids of the h1 elements

    def boilerplate(self, block: Block, root: int) -> bool:
        """Whether a valid boilerplate marker strictly below the root encloses the block."""
        depth = self.depth[root] if root >= 0 else -1
        return any(
            self.valid[m] and self.marker[m] != CAPTION and self.depth[m] > depth
            for m in block.markers
        )

    def caption(self, block: Block) -> bool:
        return any(self.valid[m] and self.marker[m] == CAPTION for m in block.markers)


@dataclass(slots=True)
class _Open:
    id: int
    is_block: bool
    link: bool
    heading: bool
    related: bool
    markers: tuple[int, ...]


def walk(root) -> Walk:
    """Blocks of the page in reading order and per-element statistics."""
    out = Walk()
    blocks = out.blocks
    buf: list[str] = []
    link_chars = 0
    pending_br = False
    frames: list[_Open] = []
    holder = [-1]  # the element directly holding the latest text block

    def flush() -> None:
        nonlocal link_chars, pending_br
        pending_br = False
        if not buf:
            return
        text = " ".join("".join(buf).split())
        buf.clear()
        links, link_chars = link_chars, 0
        if not text:
            return
        top = frames[-1]
        block = Block(text, min(links, len(text)), top.heading, top.related, top.markers)
        block.teaser = (
            len(text) < _TEASER_MAX
            and not block.heading
            and bool(blocks)
            and _is_headline_link(blocks[-1])
            and out.parent[top.id] == out.parent[holder[0]]
        )
        holder[0] = top.id
        blocks.append(block)
        _count(out, top.id, block)

    def add_text(text: str | None, link: bool) -> None:
        nonlocal link_chars, pending_br
        if not text:
            return
        buf.append(text)
        if link:
            link_chars += len(text.strip())
        if pending_br and not text.isspace():
            pending_br = False

    stack: list[tuple[object, bool]] = [(root, True)]
    while stack:
        el, entering = stack.pop()
        if not entering:
            frame = frames[-1]
            if frame.is_block:
                flush()
            frames.pop()
            out.end[frame.id] = len(blocks)
            if frames:
                add_text(el.tail, frames[-1].link)
            continue
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        parent = frames[-1] if frames else None
        if tag and tag not in _SKIP and not _hidden(el):
            get = el.get
            hidden, marker, related = _classify(tag, get("class"), get("id"), get("role"), get("itemprop"))
        else:
            hidden = True
        if hidden:
            if parent is not None:
                add_text(el.tail, parent.link)
            continue
        if tag == "br":
            if pending_br:
                flush()
            else:
                buf.append(" ")
                pending_br = True
            add_text(el.tail, parent.link if parent else False)
            continue
        is_block = tag in _BLOCK or marker != NONE
        if is_block:
            flush()
        node = len(out.parent)
        out.parent.append(parent.id if parent else -1)
        out.depth.append(len(frames))
        out.start.append(len(blocks))
        out.end.append(len(blocks))
        out.good.append(0.0)
        out.junk.append(0.0)
        out.marker.append(marker)
        out.valid.append(marker != NONE)
        markers = parent.markers if parent else ()
        if marker != NONE:
            markers = (*markers, node)
        frames.append(
            _Open(
                id=node,
                is_block=is_block,
                link=(parent.link if parent else False) or tag == "a",
                heading=(parent.heading if parent else False) or tag in _HEADING,
                related=(parent.related if parent else False) or related,
                markers=markers,
            )
        )
        if tag == "h1":
            out.h1.append(node)
        if tag == "img":
            url = _image_url(el)
            if url:
                flush()
                blocks.append(Block("", 0, False, False, markers, url))
        add_text(el.text, frames[-1].link)
        stack.append((el, False))
        stack.extend((child, True) for child in reversed(el))
    return out


def choose_root(page: Walk) -> int:
    """Id of the element whose paragraph text most outweighs its boilerplate, or -1.

    Marked elements count as boilerplate for their ancestors and hold no candidate — except a
    marked element holding most of the page's paragraph text (a wrapper whose class merely
    mentions "ad" or "sidebar"), whose marker is dropped. Reader discussion is never content.
    """
    n = len(page.parent)
    if not n:
        return -1
    good = page.good[:]
    for i in range(n - 1, 0, -1):  # children before parents: ids are pre-order
        good[page.parent[i]] += good[i]
    total = good[0]
    wrappers = [
        i for i in range(n)
        if page.valid[i] and page.marker[i] != DISCUSSION and good[i] >= _WRAPPER_SHARE * total > 0
    ]
    if wrappers:
        container = _paragraph_container(page)
        for i in wrappers:
            if i <= container and _within(page, container, i):
                page.valid[i] = False
    good, junk = page.good[:], page.junk[:]
    for i in range(n - 1, 0, -1):
        if page.valid[i]:
            junk[i] += good[i]
            good[i] = 0.0
        good[page.parent[i]] += good[i]
        junk[page.parent[i]] += junk[i]
    best, best_score = -1, 0.0
    inside = [False] * n
    for i in range(n):
        p = page.parent[i]
        inside[i] = page.valid[i] or (p >= 0 and inside[p])
        if inside[i]:
            continue
        score = good[i] - _JUNK_WEIGHT * junk[i]
        if score > best_score or (score == best_score and best >= 0 and _within(page, i, best)):
            best, best_score = i, score
    return _first_of_stacked_articles(page, best, good)


def _first_of_stacked_articles(page: Walk, root: int, good: list[float]) -> int:
    """The root's child holding the first of several headlined articles (an infinite-scroll
    page stacking the next stories under the one asked for); else the root. Every h1 in the
    root must head such a child, with paragraph text of its own: sections of one text headed
    by h1s sit under the text's own h1."""
    articles: list[int] = []
    for h in page.h1:
        child = h
        while child >= 0 and page.parent[child] != root:
            child = page.parent[child]
        if child < 0:
            continue
        if good[child] < _STACKED_MIN:
            return root
        if child not in articles:
            articles.append(child)
    return articles[0] if len(articles) >= 2 else root


def _paragraph_container(page: Walk) -> int:
    """The element whose children hold the most paragraph text: the article's text column,
    which a page wrapper encloses and a list of story cards (a little text per card) does not."""
    held = page.good[:]
    for i in range(1, len(held)):
        held[page.parent[i]] += page.good[i]
    return max(range(len(held)), key=held.__getitem__)


def _within(page: Walk, inner: int, outer: int) -> bool:
    return page.start[outer] <= page.start[inner] and page.end[inner] <= page.end[outer]


def _is_headline_link(block: Block) -> bool:
    """A heading that is all link: the title of another page."""
    return block.heading and block.link_chars >= 0.8 * len(block.text)


def _count(page: Walk, node: int, block: Block) -> None:
    """A block's contribution to the element directly holding it."""
    n = len(block.text)
    if block.link_chars > 0.5 * n or block.teaser:
        page.junk[node] += n
        return
    page.junk[node] += block.link_chars
    linked = block.link_chars >= 0.3 * n
    if n < _MIN_PARAGRAPH or (linked and n < _LINKED_PROSE):
        return
    if _SENTENCE_END.search(block.text):
        page.good[node] += 20
    elif linked:
        return
    page.good[node] += n - block.link_chars


@lru_cache(maxsize=16384)
def _classify(tag: str, cls: str | None, element_id: str | None, role: str | None,
              itemprop: str | None) -> tuple[bool, int, bool]:
    """(hidden, marker kind, related-links container) from tag, class, id and role; cached,
    since a page repeats the same few class names thousands of times."""
    if cls and not _HIDDEN_CLASSES.isdisjoint(cls.lower().split()):
        return True, NONE, False
    if tag in ("figcaption", "figure"):
        return False, CAPTION, False
    role = (role or "").lower()
    tokens = _tokens(f"{cls or ''} {_anchor_free(element_id or '')}")
    related = not tokens.isdisjoint(_RELATED)
    if tag in _PROTECTED or itemprop == "articleBody":
        return False, NONE, related
    if not tokens.isdisjoint(_DISCUSSION):
        return False, DISCUSSION, related
    if not tokens.isdisjoint(_CAPTION):
        return False, CAPTION, related
    marked = (
        tag in ("header", "footer", "form")
        or role in _BAD_ROLES
        or not tokens.isdisjoint(_STRONG)
        or (not tokens.isdisjoint(_WEAK) and tokens.isdisjoint(_POSITIVE))
    )
    return False, (MARKER if marked else NONE), related


def _anchor_free(element_id: str) -> str:
    """The id unless it is an anchor made from a heading ("sharing-with-a-single-developer"):
    four or more words name a text, not a component."""
    return "" if len(_TOKEN.findall(element_id)) >= 4 else element_id


def _tokens(names: str) -> set[str]:
    """Lower-case words of class and id names; state flags ("enableComments", "has-sidebar")
    describe the page's features, not the element, and are skipped."""
    tokens: set[str] = set()
    for name in names.split():
        words = [w.lower() for w in _TOKEN.findall(name)]
        if words and words[0] not in _STATE_PREFIXES:
            tokens.update(words)
    return tokens


def _hidden(el) -> bool:
    """Hidden by attribute or inline style (hidden classes are checked with the other names)."""
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style) and _HIDDEN_STYLE.search(style) is not None


def _image_url(el) -> str | None:
    for attr in ("src", "data-src", "data-lazy-src", "data-original"):
        url = (el.get(attr) or "").strip()
        if url and not url.startswith("data:"):
            return url
    srcset = (el.get("srcset") or el.get("data-srcset") or "").strip()
    return srcset.split()[0] if srcset else None
