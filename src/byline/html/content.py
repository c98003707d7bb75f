"""Main-content detection: which blocks of a page are the article body.

One iterative walk (see `blocks.py`) turns the page into text blocks and per-element text
statistics; the content root is the element whose paragraph text most outweighs its
boilerplate; its blocks are then filtered (captions → media, related links → related,
prompts and link lists dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dates import search_date
from ..record import Article, Media
from .blocks import Block, Walk, choose_root, walk

# Short standalone blocks that are interface text rather than article text.
_PROMPT = re.compile(
    r"^\W*(advertisement|advertising|sponsored( content)?|read (more|next|also|this next)\b.*"
    r"|continue reading.*|sign up\b.*|subscribe\b.*|share( this)?( article| story)?"
    r"|click (here|to)\b.*|follow us\b.*|related( articles| stories| coverage| content)?"
    r"|recommended( for you| videos)?|more (from|on|in|about)\b.*|you (may|might) also like.*"
    r"|watch( now)?:?|listen:?|photo:?|video:?|image:?|skip (to|advertisement)\b.*|loading\W*"
    r"|advert|(article|story) continues (below|after)\b.*|don'?t miss|explore more on these topics"
    r"|already a (subscriber|member)\b.*|(you are|you're) (now )?(logged|signed) in|(sign|log) (in|out)"
    r"|please enter a valid\b.*|join (our|the) (conversation|discussion|commenting)\b.*"
    r"|tell us what you think\b.*|want more\b.*|like this:?|.*\ball rights reserved"
    r"|newsletters?|\d+ free articles? left|keep reading for\b.*|join\b.*\bfor access to this content"
    r"|most (read|popular)|top stories|tags|video loading|comments are (closed|disabled)"
    r"|next read this:?|related videos?:?|close|caption"
    r"|comments?|print|email|copy link|whatsapp|facebook|twitter|linkedin|reddit)\W*$",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^(?P<caption>.*?)[\s(\[]*(?P<credit>"
    r"[A-Z][\w.&' -]{0,40}(?i:photo|image)s?/[^()\[\]]{2,80}?"  # AP Photo/Jane Roe
    r"|(?i:(?:photo|image|picture|video|graphic|illustration)s?(?: credit)?|credit|courtesy(?: of)?|source)"
    r"\s*[:/]?\s*[^()\[\]]{2,80}?"  # Photo by Jane Roe, Credit: Reuters
    r"|[A-Z][\w.&' -]{1,40}/(?:AP|AFP|Reuters|Getty Images|EPA|Shutterstock|Bloomberg)[\w .-]*"  # Jane Roe/AFP
    r")[)\]]?\s*$",
)
# A credit set apart from its caption: "(Photo by Ana Silva)", "Photo: Reuters".
_BARE_CREDIT = re.compile(r"^\s*[(\[]|^(?i:photo|image|picture|credit|courtesy)\w*\s*(?i:by\b|:)")
_WORD = re.compile(r"[^\W\d_]+")
_GLUED_NUMBER = re.compile(r"(?<=[^\W\d_])(?=\d)")
# How far above the body root a lead figure is looked for, and the prose that ends the search.
_LEAD_WINDOW = 8
_LEAD_PROSE = 200
# Notices about the page, not article text, wherever they sit: a disclosure that the publisher
# is paid for links ("we may earn a commission"), a call to sign up for a newsletter, a copyright
# notice.
_NOTICE = re.compile(
    r"\b(earn|receive)s? (an? )?(small )?(affiliate )?(commission|compensation|revenue|payment)"
    r"|\baffiliate (partnerships|links|commission)"
    r"|\b(sign up|subscribe)\b.{0,80}\bnewsletters?\b|\bnewsletters?\b.{0,40}\bsign up"
    r"|\bsubject to copyright\b|\bwithout (the )?(prior )?written permission\b",
    re.IGNORECASE,
)
_NOTICE_MAX = 400
_BYLINE = re.compile(r"^(by|written by|words by|reporting by|por|von|par)\s", re.IGNORECASE)


@dataclass
class Content:
    body: list[str] = field(default_factory=list)
    media: list[Media] = field(default_factory=list)
    related: list[str] = field(default_factory=list)


def extract_content(tree, article: Article) -> Content:
    """Body paragraphs, media and related headlines of the page's main article."""
    page = walk(tree)
    if not page.blocks:
        return Content()
    root = choose_root(page)
    content = _emit(page, root, article, markers=True)
    if not content.body:
        content = _emit(page, root, article, markers=False)
    if root >= 0:
        content.media[:0] = _lead_media(page, page.start[root], article)
    return content


def _lead_media(page: Walk, start: int, article: Article) -> list[Media]:
    """The photo between the headline and a body root that starts below it (a lead figure set
    apart from the text column): found only when the headline is among the blocks just above."""
    title = _norm(article.title or "")
    if not title:
        return []
    first = None
    for i in range(start - 1, max(-1, start - _LEAD_WINDOW - 1), -1):
        block = page.blocks[i]
        if block.heading and _norm(block.text) == title:
            first = i + 1
            break
        if len(block.text) >= _LEAD_PROSE and not page.boilerplate(block, -1):
            break
    out = Content()
    if first is None:
        return out.media
    for block in page.blocks[first:start]:
        if block.image is not None:
            _add_media(out, block, 0)
        elif block.text and page.caption(block):
            _add_caption(out, block.text, 0)
    return out.media


def _emit(page: Walk, root: int, article: Article, markers: bool) -> Content:
    """Keep the body blocks of the root (the whole page when -1); markers above it are ignored."""
    start, end = (page.start[root], page.end[root]) if root >= 0 else (0, len(page.blocks))
    out = Content()
    title = _norm(article.title or "")
    authors = {_norm(a) for a in article.authors}
    for block in page.blocks[start:end]:
        text = block.text
        boiler = markers and page.boilerplate(block, root)
        if block.image is not None and not boiler:
            _add_media(out, block, len(out.body))
            continue
        if not text:
            continue
        if page.caption(block):
            if not boiler:
                _add_caption(out, text, len(out.body))
            continue
        if boiler:
            if block.related and block.link_chars >= 0.8 * len(text):
                out.related.append(text)
            continue
        if block.teaser:
            continue
        if _is_link_list(block):
            if block.link_chars >= 0.8 * len(text) and len(text) > 25 and not block.heading:
                out.related.append(text)
            continue
        if len(text) < 80 and (_PROMPT.match(text) or _is_timestamp(text)):
            continue
        if len(text) < _NOTICE_MAX and _NOTICE.search(text):
            continue
        key = _norm(text)
        if not out.body and (key == title or (block.heading and title and key in title)):
            continue
        if len(text) < 120 and (key in authors or (_BYLINE.match(text) and len(text) < 60)):
            continue
        out.body.append(text)
    return out


def _is_link_list(block: Block) -> bool:
    """Mostly-link blocks are navigation or related links, not prose."""
    n = len(block.text)
    return block.link_chars > 0.6 * n or (block.link_chars > 0.35 * n and n < 80)


def _is_timestamp(text: str) -> bool:
    """A publication or update stamp ('Politics / May 2, 2024', 'Updated: 1:59 p.m.'), not prose:
    a date with at most three other words around it; a name glued to the date ('Jane Roe2 March
    2024') is split first."""
    text = _GLUED_NUMBER.sub(" ", text)
    found = search_date(text)
    if found is None:
        return False
    _, start, end = found
    return len(_WORD.findall(text[:start] + " " + text[end:])) <= 3


def _add_media(out: Content, block: Block, position: int) -> None:
    url = block.image
    if url and not any(m.url == url for m in out.media):
        out.media.append(Media(position=position, url=url))


def _add_caption(out: Content, text: str, position: int) -> None:
    """Attach a caption to the latest captionless image (a credit set apart, to the latest
    uncredited caption), or record it alone."""
    match = _CREDIT.match(text)
    bare = match is not None and not match.group("caption").strip()
    if bare and _BARE_CREDIT.match(text) and out.media and out.media[-1].credit is None:
        out.media[-1].credit = match.group("credit").strip()
        return
    caption, credit = _credit_parts(match, text)
    for m in reversed(out.media):
        if m.caption is None:
            m.caption, m.credit = caption, credit
            return
        break
    out.media.append(Media(position=position, caption=caption, credit=credit))


def split_credit(text: str) -> tuple[str | None, str | None]:
    """'Crowds gather. (AP Photo/Virginia Mayo)' → ('Crowds gather.', 'AP Photo/Virginia Mayo')."""
    return _credit_parts(_CREDIT.match(text), text)


def _credit_parts(match: re.Match | None, text: str) -> tuple[str, str | None]:
    if not match or not match.group("caption").strip():
        return text, None
    return match.group("caption").strip(" -–—|"), match.group("credit").strip()


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
