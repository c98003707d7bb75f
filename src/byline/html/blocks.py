"""One iterative walk over the page: text blocks in reading order plus per-element scores.

A block is the text between two block-level boundaries (p, li, h2, div, double <br> …).
Each block knows its link text, whether it sits in a caption, a heading, and how deep the
deepest boilerplate marker above it is (a class/id/role such as "share", "related",
"newsletter", "comment"), so the content root can later ignore markers above itself.
While leaving an element the walk scores it — paragraph text minus boilerplate text — and
keeps the best, so root selection costs no extra pass. No recursion: pages may nest deeply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SKIP = frozenset(
    "script style noscript template svg math iframe object embed canvas button select input "
    "textarea option label nav aside audio video source track map head title meta link dialog "
    "menu".split()
)
_BLOCK = frozenset(
    "address article blockquote center dd details div dl dt fieldset figcaption figure footer "
    "h1 h2 h3 h4 h5 h6 header hgroup hr li main ol p pre section table tbody thead tfoot tr td "
    "th ul caption summary body html".split()
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
    "teaser teasers newsletterform paywall follow".split()
)
_WEAK = frozenset("header more meta tools utility extra links aside top bottom".split())
_POSITIVE = frozenset("article body content story text entry post main prose richtext".split())
_RELATED = frozenset("related recommended recommendation recommendations more teaser teasers".split())
_CAPTION = frozenset("caption captions figcaption credit credits".split())
_HIDDEN_CLASSES = frozenset(
    "hidden sr-only visually-hidden visuallyhidden screen-reader-text screenreader-only".split()
)
_BAD_ROLES = frozenset("navigation complementary banner contentinfo dialog alertdialog menu".split())
_TOKEN = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)]\s*$")

# Scoring: paragraph text counts fully, boilerplate text counts against the element.
_JUNK_WEIGHT = 0.6
_MIN_PARAGRAPH = 30
_REVOKE_SCORE = 600


@dataclass(slots=True)
class Block:
    text: str
    link_chars: int = 0
    heading: bool = False
    caption: bool = False
    related: bool = False
    markers: tuple[int, ...] = ()
    image: str | None = None


@dataclass(slots=True)
class Scored:
    """An element's block range [start, end), its depth and score."""

    start: int
    end: int
    depth: int
    score: float


@dataclass
class Walk:
    blocks: list[Block] = field(default_factory=list)
    best: Scored | None = None
    marker_depths: list[int] = field(default_factory=list)
    marker_valid: list[bool] = field(default_factory=list)

    def boilerplate(self, block: Block, root_depth: int) -> bool:
        """Whether a valid boilerplate marker below the root encloses the block."""
        return any(self.marker_valid[m] and self.marker_depths[m] > root_depth for m in block.markers)


@dataclass(slots=True)
class _Frame:
    tag: str
    depth: int
    start: int
    is_block: bool
    link: bool
    heading: bool
    caption: bool
    related: bool
    marker: int
    markers: tuple[int, ...]
    best_before: Scored | None
    good: float = 0.0
    junk: float = 0.0


def walk(root) -> Walk:
    """Blocks of the page in reading order and the best content element."""
    out = Walk()
    blocks = out.blocks
    buf: list[str] = []
    link_chars = 0
    pending_br = False
    frames: list[_Frame] = []

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
        block = Block(text, min(links, len(text)), top.heading, top.caption, top.related, top.markers)
        blocks.append(block)
        _count(top, block)

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
            _consider(out, frame, len(blocks))
            if frame.marker >= 0:
                _settle_marker(out, frame)
            if frames:
                parent = frames[-1]
                parent.good += frame.good
                parent.junk += frame.junk
                add_text(el.tail, parent.link)
            continue
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        parent = frames[-1] if frames else None
        if not tag or tag in _SKIP or _hidden(el):
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
        depth = len(frames)
        marker, related, caption = _classify(el, tag)
        markers = parent.markers if parent else ()
        marker_id = -1
        if marker:
            marker_id = len(out.marker_depths)
            out.marker_depths.append(depth)
            out.marker_valid.append(True)
            markers = (*markers, marker_id)
        is_block = tag in _BLOCK or marker or caption
        if is_block:
            flush()
        frames.append(
            _Frame(
                tag=tag,
                depth=depth,
                start=len(blocks),
                is_block=is_block,
                link=(parent.link if parent else False) or tag == "a",
                heading=(parent.heading if parent else False) or tag in _HEADING,
                caption=(parent.caption if parent else False) or caption,
                related=(parent.related if parent else False) or related,
                marker=marker_id,
                markers=markers,
                best_before=out.best,
            )
        )
        if tag == "img":
            url = _image_url(el)
            if url:
                flush()
                blocks.append(Block("", 0, False, frames[-1].caption, False, frames[-1].markers, url))
        add_text(el.text, frames[-1].link)
        stack.append((el, False))
        stack.extend((child, True) for child in reversed(el))
    return out


def _count(frame: _Frame, block: Block) -> None:
    """A block's contribution to its element's score (markers are settled when they close)."""
    n = len(block.text)
    if block.caption or block.link_chars > 0.5 * n:
        frame.junk += n
    elif n >= _MIN_PARAGRAPH and block.link_chars < 0.3 * n:
        frame.good += n - block.link_chars
        if _SENTENCE_END.search(block.text):
            frame.good += 20


def _settle_marker(out: Walk, frame: _Frame) -> None:
    """A marked element's text counts as boilerplate to its ancestors and no candidate inside
    it may be the content — unless it holds content far better than anything found before it
    (a page-wide wrapper whose class merely mentions "ad", not a comment thread)."""
    before, best = frame.best_before, out.best
    if best is not before and best is not None:
        if best.score >= _REVOKE_SCORE and (before is None or best.score > 2 * before.score):
            out.marker_valid[frame.marker] = False
            return
        out.best = before
    frame.junk += frame.good
    frame.good = 0.0


def _consider(out: Walk, frame: _Frame, end: int) -> None:
    score = frame.good - _JUNK_WEIGHT * frame.junk
    if score > 0 and (out.best is None or score > out.best.score):
        out.best = Scored(frame.start, end, frame.depth, score)


def _classify(el, tag: str) -> tuple[bool, bool, bool]:
    """(boilerplate marker, related-links container, caption) from tag, class, id and role."""
    if tag == "figcaption":
        return False, False, True
    if tag == "figure":
        return False, False, True
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    role = (el.get("role") or "").lower()
    tokens = {t.lower() for t in _TOKEN.findall(names)} if names.strip() else set()
    caption = bool(tokens & _CAPTION)
    related = bool(tokens & _RELATED)
    if tag in _PROTECTED or el.get("itemprop") == "articleBody":
        return False, related, caption
    marker = (
        tag in ("header", "footer")
        or role in _BAD_ROLES
        or bool(tokens & _STRONG)
        or (bool(tokens & _WEAK) and not tokens & _POSITIVE)
    )
    return marker, related, caption


def _hidden(el) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    cls = el.get("class")
    return bool(cls) and not _HIDDEN_CLASSES.isdisjoint(cls.lower().split())


def _image_url(el) -> str | None:
    for attr in ("src", "data-src", "data-lazy-src", "data-original"):
        url = (el.get(attr) or "").strip()
        if url and not url.startswith("data:"):
            return url
    srcset = (el.get("srcset") or el.get("data-srcset") or "").strip()
    return srcset.split()[0] if srcset else None
