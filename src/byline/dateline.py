"""News datelines: "BRUSSELS (AP) — North Korea…" → Dateline(place="BRUSSELS", agency="AP").

A dateline opens the first paragraph of wire-style stories: a place (capitalised city, optionally
followed by a region or country: "KYIV, Ukraine"), an optional date ("Oct 28"), an optional agency
in parentheses, then a dash. The whole place before the agency or dash is kept ("KYIV, Ukraine").
To avoid false positives on ordinary sentences, the city must be written in capitals, or an agency
in parentheses must follow it ("Washington (Reuters) -"), or a region and a long dash
("Santa Barbara, California—").
"""

from __future__ import annotations

import re

from .record import Dateline

_CITY_CAPS = r"[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]*){0,3}"
_CITY_ANY = r"[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]*){0,3}"
_REGION = r"(?:,\s*[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})?"
_DATE = r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?)?"
_AGENCY = r"\(\s*(?P<agency>[A-Z][\w&.'’\- ]{0,40}?)\s*\)"
_DASH = r"\s*(?:—|–|--|-|:)\s*"

_WITH_AGENCY = re.compile(rf"(?P<place>{_CITY_ANY}{_REGION}){_DATE}\s*{_AGENCY}{_DASH}")
_CAPS_ONLY = re.compile(rf"(?P<place>{_CITY_CAPS}{_REGION}){_DATE}{_DASH}")
_CITY_AND_REGION = re.compile(rf"(?P<place>{_CITY_ANY},\s*[A-Z][\w.'’\-]*)\s*(?:—|–|--)\s*")

# Capitalised openers that are labels, not places.
_LABELS = frozenset(
    """
    UPDATE UPDATED BREAKING EXCLUSIVE WATCH LISTEN ANALYSIS OPINION EDITORIAL COMMENTARY REVIEW
    NOTE EDITOR'S EDITORS PHOTOS PHOTO VIDEO LIVE CORRECTION CLARIFICATION ADVERTISEMENT FILE
    SPONSORED PROMOTED READ MORE ALSO SEE RELATED Q A FAQ TL;DR TLDR WARNING SPOILER SPOILERS
    CLAIM CLAIMS FACT FACTS VERDICT RATING QUESTION ANSWER WHAT WHY HOW WHEN WHERE TOPIC
    SUMMARY UPDATES DEVELOPING ICYMI PLUS BONUS TIP TIPS HOWEVER MEANWHILE STILL YET NOW TODAY
    THEN INDEED INSTEAD BUT AND SO FINALLY MOREOVER EARLIER LATER LAST NEXT YES NO WELL
    """.split()
)


def parse_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening a paragraph, or None when the paragraph does not start with one."""
    if not paragraph:
        return None
    head = paragraph.lstrip()[:160]
    match = _WITH_AGENCY.match(head) or _CAPS_ONLY.match(head) or _CITY_AND_REGION.match(head)
    if not match:
        return None
    place = " ".join(match["place"].split()).rstrip(",")
    agency = match.groupdict().get("agency")
    first_word = place.split()[0].split(",")[0].strip(".")
    if first_word.upper() in _LABELS or len(place.replace(" ", "")) < 2:
        return None
    rest = head[match.end():]
    if not rest or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘'"):
        return None  # a dateline is followed by the story's first sentence
    if agency is None and match.re is _CAPS_ONLY and not first_word[1:].isupper():
        return None
    return Dateline(place=place, agency=" ".join(agency.split()) if agency else None)
