"""Line kinds and line features of a text dump.

A dump holds one visible block per line. Prose lines of the article are long, end with
sentence punctuation and are dense in function words; page furniture (menus, buttons, player
controls, cookie banners, captions, related headlines) is short, title-cased, repeated or
made of words that the model's vocabulary knows from interface text. The features below feed the line model
(`model.py`); the patterns also name the kinds the assembly needs (captions, gallery markers,
related-coverage headers).
"""

from __future__ import annotations

import math
import re
from operator import itemgetter

from .repair import fix_mojibake, split_glued

GALLERY_MARK = re.compile(r"^(?:image|photo|slide)?\s*\d{1,3}\s*(?:of|/)\s*\d{1,3}\s*\|?$", re.I)
# "(AP Photo/Virginia Mayo)", "(Reuters/Jane Doe)", "Photograph: Chip Somodevilla/Getty Images".
CREDIT_PAREN = re.compile(
    r"\s*\(((?:[^()]{0,40}\b(?:Photo|Photograph|Image|Picture|Video|Illustration|Credit)s?\b"
    r"|[^()]{0,25}/[^()]*?(?:Images|Photos?|Pictures|Press|File)\b)[^()]{0,80})\)$"
)
CREDIT_LABEL = re.compile(
    r"\s*\b(?:Photograph|Photo|Image|Picture|Illustration|Credit|Photo credit)s?\s*:\s*([^.]{2,80})$"
)
_AGENCIES = ("Getty Images", "Shutterstock", "Alamy")
CREDIT_AGENCY = re.compile(r"(?:\||/|\bvia\b)\s*(?:[A-Z][\w.&' -]{0,40})?(?:" + "|".join(_AGENCIES) + r")\s*$")
# Video-player controls; used with .match, so every branch is anchored at the line start.
PLAYER = re.compile(
    r"\d+ seconds? of \d+|Volume \d+%$|loaded: \d|(?:now playing|video loading|play video|"
    r"watch video|replay|unmute|mute|fullscreen|pause|play)$|\d{1,2}:\d\d(?: / \d{1,2}:\d\d)?$",
    re.I,
)
RELATED_HEAD = re.compile(
    r"^(?:related(?: coverage| stories| articles| content| news| reading| links)?|"
    r"read (?:also|next)|more (?:stories|coverage|news|on this(?: story)?|from [\w .'-]{1,30})|see also|also read|"
    r"recommended(?: stories| reading| for you)?|you (?:may|might) (?:also )?(?:like|be interested in)|"
    r"(?:most )?(?:popular|trending)(?: now| stories| news)?|latest(?: news| stories)?|top stories|"
    r"further reading|what to read next|editor'?s picks)\s*:?$",
    re.I,
)
# "By Jane Doe", and "ByJane Doe" where the scraper glued the label to the name.
BYLINE = re.compile(r"^(?:(?i:by|written by|words by|reporting by|von|par|por)\s+\S|By(?=[A-Z]))")
_DIGIT = re.compile(r"\d")
DATE_MENTION = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|"
    r"\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|"
    r"\b\d{4}-\d\d-\d\d\b|\b\d{1,2}:\d\d\b|\b\d+ (?:min|mins|minutes|hours?|hrs?|days?) ago\b",
    re.I,
)
# "12-22-23", "28.10.2024": a numeric date, a timestamp line though not a feature of the model.
_NUMERIC_DATE = re.compile(r"\b[0-3]?\d([/.-])[0-3]?\d\1\d\d(?:\d\d)?\b")
# A teaser's trailing ellipsis ("…from the..."), is not the end of a sentence.
_TERMINAL = re.compile(r"(?<!\.\.)[.!?][\"'”’»)\]]*$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d.,:%]*")
_LINK_LIKE = re.compile(r"https?://|www\.|@\w|\.com\b|#\w")
_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s+[\"'“‘(]?[A-Z]")

STOPWORDS = frozenset(
    "a an the and or but if of to in on at by for with from as into about after before over under "
    "is are was were be been being has have had do does did will would can could should may might "
    "must that this these those it its he she they we you i his her their our your my him them us "
    "who whom which what when where why how not no than then there here so such also just only "
    "more most very said says say".split()
)

VOCAB_WORDS = 30  # words of a line looked up in the vocabulary


def words(text: str) -> list[str]:
    return _WORD.findall(text)


_CLOSERS = frozenset(".!?\"'”’»)]")  # the characters a sentence-ending line can end with


def ends_sentence(text: str) -> bool:
    """True when the line ends like a finished sentence (terminal punctuation, maybe quoted)."""
    return text[-1:] in _CLOSERS and bool(_TERMINAL.search(text[-40:]))


def is_caption_credit(text: str) -> bool:
    tail = text[-140:]
    return bool(
        (tail[-1:] == ")" and CREDIT_PAREN.search(tail))
        or (":" in tail and CREDIT_LABEL.search(tail))
        or (any(agency in tail for agency in _AGENCIES) and CREDIT_AGENCY.search(tail))
    )


def local_features(texts: list[str], tokens: list[list[str]], vocab: dict[str, float]) -> list[list[float]]:
    """Features of lines on their own, as 23 columns of one value per line; `tokens` are
    the lines' words, `vocab` the model's word log-odds (body versus furniture).

    Computed a feature at a time over all the lines, which costs far fewer Python calls than
    line by line. Ratios look at the first 40 words and costly patterns only at short lines,
    so long paragraphs cost no more than short ones.
    """
    ns = list(map(len, tokens))
    heads = [ws[:40] for ws in tokens]
    sizes = [len(h) or 1 for h in heads]
    lowers = [" ".join(h).lower().split() for h in heads]
    initials = ["".join(map(itemgetter(0), h)) for h in heads]
    digits = [0 if s.isalpha() else sum(map(str.isdigit, s)) for s in initials]
    alphas = [(len(h) - d) or 1 for h, d in zip(heads, digits)]
    known = [[v for v in map(vocab.get, lw[:VOCAB_WORDS]) if v is not None] for lw in lowers]
    is_stopword = STOPWORDS.__contains__
    tn = list(zip(texts, ns))
    return [
        list(map(math.log1p, ns)),
        [1.0 if n < 4 else 0.0 for n in ns],
        [1.0 if 4 <= n < 10 else 0.0 for n in ns],
        [1.0 if 10 <= n < 25 else 0.0 for n in ns],
        [0.0 if n < 25 else 1.0 for n in ns],
        [1.0 if ends_sentence(t) else 0.0 for t in texts],
        [1.0 if t[-1:] == ":" else 0.0 for t in texts],
        [sum(map(is_stopword, lw)) / a for lw, a in zip(lowers, alphas)],
        [sum(map(str.isupper, s)) / a for s, a in zip(initials, alphas)],
        [1.0 if n > 1 and t.isupper() else 0.0 for t, n in tn],
        [d / s for d, s in zip(digits, sizes)],
        [1.0 if "|" in t else 0.0 for t in texts],
        [1.0 if "©" in t or "All rights reserved" in t else 0.0 for t in texts],
        [1.0 if is_caption_credit(t) else 0.0 for t in texts],
        [1.0 if n < 25 and (GALLERY_MARK.match(t) or PLAYER.match(t)) else 0.0 for t, n in tn],
        [1.0 if n < 15 and _DIGIT.search(t) and DATE_MENTION.search(t) else 0.0 for t, n in tn],
        [1.0 if n < 12 and BYLINE.match(t) else 0.0 for t, n in tn],
        [min(len(_SENTENCE_END.findall(t)), 5) / 5 if n > 6 else 0.0 for t, n in tn],
        [1.0 if "\"" in t or "“" in t or "”" in t else 0.0 for t in texts],
        [1.0 if n < 25 and _LINK_LIKE.search(t) else 0.0 for t, n in tn],
        [1.0 if t[:1] in "•·-*–—►▶" else 0.0 for t in texts],
        [sum(k) / len(k) if k else 0.0 for k in known],
        [len(k) / s for k, s in zip(known, sizes)],
    ]


def looks_like_time(text: str) -> bool:
    """A short line with a date, a clock time or "3 hours ago"."""
    return len(text) < 80 and bool(_DIGIT.search(text) and (DATE_MENTION.search(text) or _NUMERIC_DATE.search(text)))


def dump_lines(text: str) -> list[str]:
    """The dump's non-empty lines, mojibake fixed and glued fragments split apart."""
    return split_glued(fix_mojibake(text))
