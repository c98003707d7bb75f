"""Dates and times as pages state them → ISO 8601, keeping the stated UTC offset.

Pages write dates in many shapes: machine values in meta tags and JSON-LD ("2024-10-28T17:24:00Z",
RFC 2822, epoch milliseconds) and human lines in bylines ("Updated 10:24 AM MST, October 28,
2024"). `parse_date` turns one value into ISO; `search_date` finds the first date inside a longer
line. A date only → "YYYY-MM-DD"; a time with a known zone → "YYYY-MM-DDTHH:MM:SS±HH:MM"; a time
without zone → naive "YYYY-MM-DDTHH:MM:SS". Implausible years (before 1990, after next year) are
refused, so stray numbers never become dates.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_tz
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

MIN_YEAR = 1990

# Month names (with common abbreviations) in the major European languages; keys are lowercase,
# without a trailing dot.
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan januar janvier enero gennaio janeiro januari janv ene gen jän styczeń",
        "february feb feb. februar février fevrier febrero febbraio fevereiro februari févr fevr fév",
        "march mar märz maerz mars marzo março marco maart mär",
        "april apr avril abril aprile avr abr",
        "may mai mayo maggio maio mei mag",
        "june jun juni juin junio giugno junho giu",
        "july jul juli juillet julio luglio julho juil lug",
        "august aug augusti août aout agosto augustus ago",
        "september sep sept septembre septiembre settembre setembro set",
        "october oct oktober octobre octubre ottobre outubro okt ott out",
        "november nov novembre noviembre novembro",
        "december dec dez dezember décembre decembre diciembre dicembre dezembro dic déc",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS.setdefault(_name.rstrip("."), _number)

# Time-zone abbreviations → fixed offsets (hours) or a zone whose DST rules decide ("ET").
_TZ_OFFSETS: dict[str, float] = {
    "UTC": 0, "GMT": 0, "Z": 0, "UT": 0, "WET": 0, "BST": 1, "IST": 5.5, "CET": 1, "CEST": 2,
    "MET": 1, "MEST": 2, "WEST": 1, "EET": 2, "EEST": 3, "MSK": 3, "EST": -5, "EDT": -4,
    "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8,
    "HST": -10, "AST": -4, "ADT": -3, "NST": -3.5, "NDT": -2.5, "AEST": 10, "AEDT": 11,
    "ACST": 9.5, "ACDT": 10.5, "AWST": 8, "NZST": 12, "NZDT": 13, "JST": 9, "KST": 9,
    "HKT": 8, "SGT": 8, "PHT": 8, "WIB": 7, "ICT": 7, "PKT": 5, "SAST": 2, "WAT": 1, "EAT": 3,
    "CAT": 2, "BRT": -3, "ART": -3,
}
_TZ_ZONES = {
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}
_TZ_NAMES = "|".join(sorted(list(_TZ_OFFSETS) + list(_TZ_ZONES), key=len, reverse=True))

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}(?::?\d{2})?|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?)?)?"
)
_EPOCH = re.compile(r"\d{9,13}(?:\.\d+)?")
_COMPACT = re.compile(r"((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])")

_MONTH_WORD = r"(?P<mon>[^\W\d_]{3,10})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
# Human date shapes; a weekday in front is skipped by the search itself.
_DATE_SHAPES = [
    rf"\b{_MONTH_WORD}\s+{_DAY},?\s+{_YEAR}(?!\d)",  # Oct. 28, 2024
    rf"\b{_DAY}\s*(?:de\s+)?{_MONTH_WORD},?\s*(?:de\s+)?{_YEAR}(?!\d)",  # 28 October 2024, 28 de octubre de 2024
    rf"\b{_YEAR}[-/.](?P<mnum>[01]?\d)[-/.](?P<dnum>[0-3]?\d)\b",  # 2024/10/28
    r"\b(?P<a>[0-3]?\d)([/.-])(?P<b>[0-3]?\d)\2(?P<yr>(?:19|20)\d{2}|\d{2})\b",  # 10/28/2024, 28.10.2024, 12-05-23
    rf"\b{_YEAR}年(?P<mnum>[01]?\d)月(?P<dnum>[0-3]?\d)日",  # 2024年10月28日
]
_DATES = [re.compile(shape, re.IGNORECASE) for shape in _DATE_SHAPES]

_TIME = re.compile(
    r"\b(?P<H>[0-2]?\d)(?:[:.h](?P<M>[0-5]\d))(?::(?P<S>[0-5]\d))?"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?"
    rf"(?:\s*(?P<tz>(?:{_TZ_NAMES})(?:\s?[+-]\d{{1,2}}(?::?\d{{2}})?)?|[+-]\d{{2}}:?\d{{2}})\b)?",
    re.IGNORECASE,
)
_TIME_BARE_AMPM = re.compile(
    rf"\b(?P<H>1[0-2]|0?[1-9])\s*(?P<ampm>[ap])\.?\s?m\b\.?(?:\s*(?P<tz>{_TZ_NAMES})\b)?",
    re.IGNORECASE,
)


def _max_year() -> int:
    return date.today().year + 1


def _plausible(year: int) -> bool:
    return MIN_YEAR <= year <= _max_year()


@lru_cache(maxsize=256)
def _zone(name: str) -> tzinfo | None:
    """A tz name ("America/New_York"), abbreviation ("EST", "ET") or offset ("+02:00") → tzinfo."""
    key = name.strip()
    upper = key.upper()
    if upper in _TZ_OFFSETS:
        return timezone(timedelta(hours=_TZ_OFFSETS[upper]))
    if upper in _TZ_ZONES:
        return ZoneInfo(_TZ_ZONES[upper])
    match = re.fullmatch(r"(?:UTC|GMT)?\s?([+-])(\d{1,2}):?(\d{2})?", upper)
    if match:
        sign = -1 if match.group(1) == "-" else 1
        hours, minutes = int(match.group(2)), int(match.group(3) or 0)
        if hours > 14 or minutes > 59:
            return None
        return timezone(sign * timedelta(hours=hours, minutes=minutes))
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _iso(
    year: int, month: int, day: int,
    hour: int | None = None, minute: int = 0, second: int = 0,
    tz: tzinfo | None = None,
) -> str | None:
    """Validated ISO string; None for impossible or implausible values."""
    if not _plausible(year):
        return None
    try:
        if hour is None:
            return date(year, month, day).isoformat()
        moment = datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:
        return None
    if tz is not None:
        # Resolve named zones (DST) into a fixed offset so the string keeps the offset as stated.
        moment = moment.replace(tzinfo=timezone(moment.utcoffset() or timedelta(0)))
    return moment.isoformat()


def _zone_or_default(name: str | None, default_tz: str | None) -> tzinfo | None:
    """The zone named next to a time, else the caller's default zone, else None (naive)."""
    if name:
        return _zone(name)
    return _zone(default_tz) if default_tz else None


def _from_iso(match: re.Match[str], default_tz: str | None) -> str | None:
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    if match["H"] is None:
        return _iso(year, month, day)
    tz = _zone_or_default(match["tz"], default_tz)
    hour = int(match["H"])
    if hour == 24:
        hour = 0  # "24:00" → midnight; rare, keep the day
    return _iso(year, month, day, hour, int(match["M"]), int(match["S"] or 0), tz)


def _from_epoch(text: str) -> str | None:
    value = float(text)
    if value > 1e11:  # milliseconds
        value /= 1000
    try:
        moment = datetime.fromtimestamp(value, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    if not _plausible(moment.year):
        return None
    return moment.replace(microsecond=0).isoformat()


def _from_rfc2822(text: str) -> str | None:
    if not re.search(r"\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}", text):
        return None
    parsed = parsedate_tz(text)
    if not parsed:
        return None
    year, month, day, hour, minute, second = parsed[:6]
    offset = parsed[9]
    tz = timezone(timedelta(seconds=offset)) if offset is not None else None
    return _iso(year, month, day, hour, minute, second, tz)


def _month_number(word: str) -> int | None:
    return _MONTHS.get(word.lower().rstrip("."))


def _date_match(match: re.Match[str]) -> tuple[int, int, int] | None:
    """(year, month, day) of a human date match, or None when it is not a date."""
    groups = match.groupdict()
    if groups.get("mon"):
        month = _month_number(groups["mon"])
        if month is None:
            return None
        return int(groups["year"]), month, int(groups["day"])
    if groups.get("mnum"):
        return int(groups["year"]), int(groups["mnum"]), int(groups["dnum"])
    first, second, year = int(groups["a"]), int(groups["b"]), int(groups["yr"])
    if year < 100:
        year += 2000
    separator = match.group(0)[len(groups["a"])]
    # Dotted dates are day-first (European); slashed ones US month-first unless impossible.
    if separator == "." or first > 12:
        return year, second, first
    return year, first, second


def _short_year(match: re.Match[str]) -> bool:
    """A numeric date with a two-digit year ("12-05-23"): a date only when it stands alone or a
    time stands next to it, since such digit groups are often scores, versions or codes."""
    return len(match.groupdict().get("yr") or "") == 2


def _time_near(text: str, start: int, end: int) -> tuple[int, int, int, str | None, int, int] | None:
    """A clock time right after the date (same phrase) or just before it ("10:24 AM MST, Oct 28")."""
    near = None
    after = text[end:end + 40]
    lead = re.match(r"[\s,/|@·•-]*(?:at|um|à|a las|alle|kl\.?|—|–)?\s*", after, re.IGNORECASE)
    offset = lead.end() if lead else 0
    for pattern in (_TIME, _TIME_BARE_AMPM):
        found = pattern.match(after, offset)
        if found:
            near = (found, end, end + found.end())
            break
    if near is None:
        before = text[max(0, start - 40):start]
        base = max(0, start - 40)
        for pattern in (_TIME, _TIME_BARE_AMPM):
            found = None
            for found in pattern.finditer(before):
                pass
            if found and re.fullmatch(r"[\s,|·•-]*(?:on\s*)?(?:[^\W\d_]+,?\s*)?", before[found.end():], re.IGNORECASE):
                near = (found, base + found.start(), start)
                break
    if near is None:
        return None
    found, lo, hi = near
    hour = int(found["H"])
    minute = int(found.groupdict().get("M") or 0)
    second = int(found.groupdict().get("S") or 0)
    ampm = (found.groupdict().get("ampm") or "").lower()
    if ampm:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    if hour > 23:
        return None
    return hour, minute, second, found["tz"], lo, hi


def _search(text: str, default_tz: str | None) -> tuple[str, int, int] | None:
    best: tuple[str, int, int] | None = None
    iso = _ISO.search(text)
    if iso:
        value = _from_iso(iso, default_tz)
        if value:
            best = (value, iso.start(), iso.end())
    for pattern in _DATES:
        for match in pattern.finditer(text, 0, best[1] if best else len(text)):
            ymd = _date_match(match)
            if ymd is None or not _plausible(ymd[0]):
                continue
            start, end = match.span()
            when = _time_near(text, start, end)
            if not when and _short_year(match) and text.strip() != match.group(0):
                continue
            if when:
                hour, minute, second, tzname, lo, hi = when
                tz = _zone_or_default(tzname, default_tz)
                value = _iso(*ymd, hour, minute, second, tz)
                start, end = min(start, lo), max(end, hi)
            else:
                value = _iso(*ymd)
            if value and (best is None or start < best[1]):
                best = (value, start, end)
            break
    return best


def search_date(text: str) -> tuple[str, int, int] | None:
    """The first plausible date (with its time when stated next to it) in a line: (iso, start, end)."""
    if not text:
        return None
    return _search(text, None)


def parse_date(text: str, default_tz: str | None = None) -> str | None:
    """One date value (machine or human) → ISO 8601, or None when unparseable or implausible.

    `default_tz` (a zone name, abbreviation or offset) applies to times stated without a zone.
    """
    if text is None:
        return None
    text = str(text).strip()
    if not text or len(text) > 200:
        return None
    compact = _COMPACT.fullmatch(text)
    if compact:
        return _iso(*map(int, compact.groups()))
    if _EPOCH.fullmatch(text):
        return _from_epoch(text)
    iso = _ISO.match(text)
    if iso and not text[iso.end():iso.end() + 1].isdigit():
        return _from_iso(iso, default_tz)
    value = _from_rfc2822(text)
    if value:
        return value
    found = _search(text, default_tz)
    return found[0] if found else None
