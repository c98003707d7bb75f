"""Tokens and sentences of a paragraph, with each quote kept whole as one token.

Frames ("X said", "according to X") are read over this token view, so a quote is an opaque
unit: speech reported inside a quote is never annotated, and a sentence boundary inside a
multi-sentence quote does not split it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import ABBREVIATIONS, AFTER_QUOTE_VERBS, SPEECH_VERBS
from .quotes import Quote

_TOKEN = re.compile(r"(\w(?:[\w’'&.\-]*\w)?)|(\S)")
DATELINE = re.compile(r"[A-Z][A-Z.'\- ]+(?:, [A-Z][A-Za-z0-9.' ]+)?(?: \([A-Za-z .&]+\))? ?[—–-]+ ")
_TERMINAL = ".!?"


@dataclass(slots=True)
class Token:
    """A word ('w'), punctuation ('p') or a whole quote ('q', with `quote` set)."""

    kind: str
    text: str
    low: str
    start: int
    end: int
    quote: Quote | None = None

    @property
    def is_cap(self) -> bool:
        return self.kind == "w" and self.text[0].isupper()


def tokenize(text: str, quotes: list[Quote]) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    lowered = text.lower()
    pos = 0
    for q in [*quotes, None]:
        stop = q.open if q else len(text)
        for m in _TOKEN.finditer(text, pos, stop):
            start, end = m.span()
            append(Token("w" if m.lastindex == 1 else "p", m.group(), lowered[start:end], start, end))
        if q:
            tokens.append(Token("q", text[q.open:q.close], "", q.open, q.close, q))
            pos = q.close
    return tokens


def _quote_ends_sentence(text: str, q: Quote) -> bool:
    inner = text[q.start:q.end].rstrip(" ’'")
    return bool(inner) and inner[-1] in _TERMINAL


def _frame_follows(tokens: list[Token], i: int) -> bool:
    """A short "Coen said." after a quote ending in ! or ? continues the quote's sentence."""
    for tok in tokens[i:i + 6]:
        if tok.kind != "w":
            return False
        if tok.low in SPEECH_VERBS or tok.low in AFTER_QUOTE_VERBS:
            return True
    return False


def _starts_sentence(tok: Token) -> bool:
    return tok.kind == "q" or (tok.kind == "w" and (tok.text[0].isupper() or tok.text[0].isdigit()))


def split_sentences(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Sentences as (first token, end token) index ranges over `tokens`."""
    if not tokens:
        return []
    bounds = []
    start = 0
    m = DATELINE.match(text)
    if m:
        while start < len(tokens) and tokens[start].start < m.end():
            start += 1
    for i in range(start, len(tokens) - 1):
        tok = tokens[i]
        if tok.kind == "w" or not _starts_sentence(tokens[i + 1]):
            continue
        if tok.kind == "p" and tok.text in _TERMINAL:
            prev = tokens[i - 1] if i > 0 else None
            if tok.text == "." and prev is not None and prev.kind == "w" and _abbreviation(prev.text):
                continue
        elif tok.kind == "q" and tok.quote and _quote_ends_sentence(text, tok.quote):
            if _frame_follows(tokens, i + 1):
                continue
        else:
            continue
        bounds.append((start, i + 1))
        start = i + 1
    bounds.append((start, len(tokens)))
    return [b for b in bounds if b[1] > b[0]]


def _abbreviation(word: str) -> bool:
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper()) or "." in word
