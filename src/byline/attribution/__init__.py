"""Attribution: who said what, paragraph by paragraph (quotes/GUIDELINES.md).

Per paragraph: pair the quotes, tokenize with each quote as one token, split sentences, find
the frames (cue, source, content) of each sentence, then give the quotes no frame claimed
their speaker: a quote continuing over paragraphs, one announced by "X said:" at the end of
the previous paragraph, or a floating quote after a quote of the same speaker. Speakers are
resolved in reading order by one `Resolver` per article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..record import Article, Attribution
from .frames import CUE_WORDS, Frame, appositive, find_frames, sentence_subject
from .quotes import find_quotes
from .sentences import DATELINE, Token, split_sentences, tokenize
from .speakers import Resolved, Resolver, speakers

__all__ = ["attribute", "speakers"]

_DROP_LEAD = {"that"}
_WORD = re.compile(r"[a-z]+")
# A sentence opening (its first words hold the subject).
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?])[\"”’)]?\s+|(?<=[—–] ))([A-Z][^.!?]{0,80})")
_TRAIL_PUNCT = ",;:—–-"
_SENTENCE_END = ".!?…,;:—–-"


@dataclass(slots=True)
class _Intro:
    """`Earhardt said:` closing a paragraph: the next paragraph's quote is Earhardt's."""

    source: str
    resolved: Resolved
    cue: str


def attribute(article_or_paragraphs: Article | list[str]) -> list[Attribution]:
    """All attributions of an article body (or a list of paragraphs), in reading order."""
    paragraphs = article_or_paragraphs.body if isinstance(article_or_paragraphs, Article) else list(article_or_paragraphs)
    resolver = Resolver.for_article(paragraphs)
    out: list[Attribution] = []
    carry: Resolved | None = None  # speaker of a quote left open at the previous paragraph end
    intro: _Intro | None = None
    last: tuple[int, Resolved] | None = None  # paragraph and speaker of the latest attribution
    for p, text in enumerate(paragraphs):
        quotes = find_quotes(text)
        if not quotes and not text.rstrip().endswith(":") and CUE_WORDS.isdisjoint(_WORD.findall(text.lower())):
            _note_subjects_only(resolver, text)  # nothing to attribute: keep the mentions
            carry = None
            continue
        tokens = tokenize(text, quotes)
        credit = _dash_credit(tokens)
        if credit is not None:
            q, (a, b) = tokens[0].quote, credit
            res = resolver.resolve(tokens, a, b)
            if res.speaker:
                out.append(Attribution(p, "direct", text[q.start:q.end].strip(), text[tokens[a].start:tokens[b - 1].end], res.speaker, res.speaker_type, res.role, None, q.start, q.end))
            carry = intro = last = None  # credits close a block: the next quote is someone else's
            continue
        sentences = split_sentences(text, tokens)
        prev_speaker: Resolved | None = None  # speaker of the previous sentence, if any
        new_carry: Resolved | None = None
        for n, (lo, hi) in enumerate(sentences):
            _note_subject(resolver, tokens, lo, hi)
            frames = find_frames(text, tokens, lo, hi)
            claimed: set[int] = set()
            sentence_speaker: Resolved | None = None
            for frame in frames:
                att, res = _build(text, tokens, frame, p, resolver)
                if att is None:
                    continue
                out.append(att)
                sentence_speaker = res
                last = (p, res)
                for c0, c1 in frame.content:
                    claimed.update(k for k in range(c0, c1) if tokens[k].kind == "q")
                    if any(tokens[k].kind == "q" and not tokens[k].quote.closed for k in range(c0, c1)):
                        new_carry = res
            floating = _floating_quote(tokens, lo, hi, claimed)
            if floating is not None:
                q = tokens[floating].quote
                res = None
                source = cue = None
                if n == 0 and intro is not None:
                    res, source, cue = intro.resolved, intro.source, intro.cue
                elif n == 0 and carry is not None and floating == lo:
                    res = carry
                elif prev_speaker is not None:
                    res = prev_speaker
                elif last is not None and p - last[0] <= 2:
                    res = last[1]
                if res is not None and res.speaker:
                    content = text[q.start:q.end].strip()
                    out.append(Attribution(p, "direct", content, source, res.speaker, res.speaker_type, res.role, cue, q.start, q.end))
                    resolver.same_as(res.speaker, res.speaker_type)
                    sentence_speaker = res
                    last = (p, res)
                    if not q.closed:
                        new_carry = res
            if sentence_speaker is None:
                sentence_speaker = _subject_person(resolver, tokens, lo, hi)
            prev_speaker = sentence_speaker
        intro = _intro(text, tokens, sentences, resolver) if sentences else None
        carry = new_carry
    return out


def _note_subject(resolver: Resolver, tokens: list[Token], lo: int, hi: int) -> None:
    first = tokens[lo]
    if first.kind == "w" and first.low in ("he", "she"):
        resolver.pronoun_subject(first.low)
        return
    subject = sentence_subject(tokens, lo, hi)
    if subject is not None:
        resolver.mention(tokens, *subject)


def _note_subjects_only(resolver: Resolver, text: str) -> None:
    """Mentions of a paragraph with no quote and no cue: the subjects of its sentences."""
    dateline = DATELINE.match(text)
    for m in _SENTENCE_START.finditer(text, dateline.end() if dateline else 0):
        tokens = tokenize(m.group(1), [])
        if tokens:
            _note_subject(resolver, tokens, 0, len(tokens))


def _subject_person(resolver: Resolver, tokens: list[Token], lo: int, hi: int) -> Resolved | None:
    """"Cooke laughed. “…”": the person a quote-less sentence is about speaks next."""
    subject = sentence_subject(tokens, lo, hi)
    if subject is None:
        return None
    res = resolver._describe(tokens, subject[0], subject[1], register=False)
    return res if res is not None and res.speaker_type == "person" else None


def _dash_credit(tokens: list[Token]) -> tuple[int, int] | None:
    """`“…” —Jane Roe, 41, director at Acme`: a quote credited after a dash (magazine style);
    the name's token range, up to the comma that opens the description."""
    if len(tokens) < 3 or tokens[0].kind != "q" or not tokens[0].quote.closed or tokens[1].text not in "—–-" or not tokens[2].is_cap:
        return None
    end = 2
    while end < len(tokens) and tokens[end].kind == "w" and (tokens[end].is_cap or tokens[end].low in ("of", "de", "van", "von", "la", "le")):
        end += 1
    rest = tokens[end:]
    if end - 2 > 5 or any(t.kind == "q" for t in rest) or (rest and rest[0].text != ","):
        return None
    return 2, end


def _floating_quote(tokens: list[Token], lo: int, hi: int, claimed: set[int]) -> int | None:
    """The index of a quote that is a whole sentence by itself (two words at least); a quoted
    line with no closing punctuation standing alone is a subheading or pull quote."""
    if tokens[lo].kind != "q" or lo in claimed:
        return None
    if any(t.kind != "p" for t in tokens[lo + 1:hi]):
        return None
    q = tokens[lo].quote
    if q is None or len(tokens[lo].text.split()) < 2:
        return None
    inner = tokens[lo].text[:q.end - q.open].rstrip()
    alone = len(tokens) == 1 and q.closed
    return None if alone and inner[-1:] not in _SENTENCE_END else lo


def _build(text: str, tokens: list[Token], frame: Frame, p: int, resolver: Resolver) -> tuple[Attribution | None, Resolved]:
    ranges = [_trim(tokens, c0, c1) for c0, c1 in frame.content]
    ranges = [r for r in ranges if r[1] > r[0]]
    a, b = frame.source
    res = resolver.resolve(tokens, a, b)
    if not ranges:
        return None, res
    source = text[tokens[a].start:tokens[b - 1].end]
    only_quotes = all(c1 - c0 == 1 and tokens[c0].kind == "q" for c0, c1 in ranges)
    if only_quotes:
        qs = [tokens[c0].quote for c0, _ in ranges]
        content = " ".join(text[q.start:q.end].strip() for q in qs)
        start, end = qs[0].start, qs[-1].end
        kind = "direct"
    else:
        start, end = tokens[ranges[0][0]].start, tokens[ranges[-1][1] - 1].end
        content = " ".join(text[tokens[c0].start:tokens[c1 - 1].end] for c0, c1 in ranges)
        has_quote = any(tokens[k].kind == "q" for c0, c1 in ranges for k in range(c0, c1))
        kind = "mixed" if has_quote else "indirect"
    if frame.according:
        kind = "according_to"
    if not res.speaker and kind != "direct":
        return None, res  # unresolved "it"/"they" before reported speech: rarely speech
    role = res.role
    if role is None and res.speaker_type == "person":
        span = appositive(tokens, b, len(tokens))
        if span is not None:
            role = text[tokens[span[0]].start:tokens[span[1] - 1].end]
            resolver.set_role(res.speaker, role)
    return Attribution(p, kind, content, source, res.speaker, res.speaker_type, role, frame.cue, start, end), res


def _trim(tokens: list[Token], c0: int, c1: int) -> tuple[int, int]:
    while c0 < c1 and (tokens[c0].kind == "p" or tokens[c0].low in _DROP_LEAD):
        c0 += 1
    while c1 > c0 and tokens[c1 - 1].kind == "p" and tokens[c1 - 1].text in _TRAIL_PUNCT:
        c1 -= 1
    return c0, c1


def _intro(text: str, tokens: list[Token], sentences: list[tuple[int, int]], resolver: Resolver) -> _Intro | None:
    """A paragraph ending "Earhardt said:" or "Kilmeade stating:" announces the next quote."""
    lo, hi = sentences[-1]
    if tokens[hi - 1].text != ":":
        return None
    frames = [f for f in find_frames(text, tokens, lo, hi - 1, open_ended=True) if f.source is not None]
    if frames:
        f = frames[-1]
        a, b = f.source
        return _Intro(text[tokens[a].start:tokens[b - 1].end], resolver.resolve(tokens, a, b), f.cue)
    subject = sentence_subject(tokens, lo, hi - 1)
    if subject is None:
        return None
    a, b = subject
    k = b
    while k < hi - 1 and tokens[k].kind == "w" and (tokens[k].low in ("also", "then") or tokens[k].low.endswith("ly")):
        k += 1
    end = k
    while end < hi - 1 and tokens[end].text != ",":
        end += 1
    if end <= k:
        return None
    cue = text[tokens[k].start:tokens[end - 1].end]
    return _Intro(text[tokens[a].start:tokens[b - 1].end], resolver.resolve(tokens, a, b), cue)
