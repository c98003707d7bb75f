"""Author names from bylines and metadata: "By LORNE COOK and TARA COPP" → ["Lorne Cook", "Tara Copp"].

Bylines carry much besides names: "By", roles ("Senior Reporter"), emails, handles, places
("in London"), timestamps glued on by scrapers, agency tags ("| Reuters"). `parse_byline` splits a
byline into candidate names and keeps those that `is_person_name` accepts; `clean_name` does the
same for one value (a meta tag or JSON-LD `author.name`). News agencies count as authors.
"""

from __future__ import annotations

import re

from .dates import search_date

# News agencies are accepted as authors; values are their usual spelling.
AGENCIES = {
    name.lower(): name
    for name in (
        "Reuters", "AP", "Associated Press", "The Associated Press", "AFP", "Agence France-Presse",
        "Agence France Presse", "dpa", "UPI", "United Press International", "EFE", "ANSA",
        "Xinhua", "Kyodo", "Kyodo News", "PA", "PA Media", "Press Association", "Bloomberg",
        "Bloomberg News", "CNN Wire", "PTI", "IANS", "AAP", "Australian Associated Press", "CP",
        "The Canadian Press", "Canadian Press", "TASS", "Yonhap", "ANI",
    )
}

# Words that show a value is a role, an organisation or page furniture, not a person's name.
_NOT_NAME_WORDS = frozenset(
    """
    staff editor editors editorial reporter reporters writer writers correspondent correspondents
    contributor contributors contributing columnist team desk news newsroom board admin
    administrator press media group inc llc ltd co corp company times post daily weekly magazine
    journal tribune herald gazette courier enquirer inquirer sentinel chronicle dispatch bulletin
    telegraph examiner ledger courant service services wire agency online digital network channel
    tv radio sports the of for by with from in on at to is was has senior chief associate special
    guest author authors photo photos photographer video updated update published posted share
    comments comment read more report reports subscribe watch live listen follow email twitter facebook instagram linkedin home
    about contact opinion analysis column produced sponsored partner content studio newsletter
    department office council committee institute foundation association society club official
    editor-in-chief producer host anchor reviewer review reviews web webmaster webteam desk
    guide guides experts expert community users user anonymous unknown none null undefined
    http https www com org net html advertisement advertorial sponsor
    """.split()
)
# Lower-case particles inside names ("Ludwig van Beethoven", "Gabriel García Márquez de la Torre").
_PARTICLES = frozenset(
    "van von der den de del della di da das dos du la le te ten ter bin ibn al el y zu af av".split()
)
_SUFFIXES = {"jr": "Jr.", "sr": "Sr.", "ii": "II", "iii": "III", "iv": "IV", "v": "V"}
# Job titles that may follow a name in a byline ("Jane Doe Senior Politics Reporter").
_ROLE_NOUNS = frozenset("writer reporter editor correspondent columnist contributor producer critic journalist".split())
# Beats that may sit between a name and its role noun ("Jane Doe Wellness Writer").
_BEATS = frozenset(
    """
    politics political health wellness science tech technology business economics economy finance
    markets money sports sport culture arts art music film movie movies tv television entertainment
    food travel fashion style lifestyle education climate environment weather energy crime courts
    legal justice investigative features feature world national foreign local metro city state
    opinion books games gaming auto autos cars real estate property religion data video photo
    """.split()
)

# "John O'Connor The Associated Press": an agency glued to the end of a byline (as written or in capitals).
_TRAILING_AGENCY = re.compile(
    r"(?<=\w)(?<!\bThe)(?<!\bTHE)[\s,]+(?:"
    + "|".join(re.escape(v) for a in sorted(AGENCIES.values(), key=len, reverse=True) for v in (a, a.upper()))
    + r")\.?$"
)
# A brand as one word ("FOXBusiness", "CountyNews"): a capital inside after a run of capitals or
# of three lowercase letters, which names ("McCormick", "MacDonald", "DeShawn") lack.
_BRAND_WORD = re.compile(r"[A-Z]{2}[a-z]|[a-z]{3}[A-Z]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_HANDLE = re.compile(r"(?<!\w)@\w+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_BY = re.compile(r"(?<![^\W\d_])(?:by|By|BY)(?=[\s:]|[A-Z][a-z])\s*:?\s*")
_STOP_AT = re.compile(
    r"(?:Updated|UPDATED|Published|PUBLISHED|Posted|POSTED|Last updated|Modified|Share|SHARE"
    r"|Follow|FOLLOW|Read more|Listen|Photograph|Illustration)"
)
_CREDIT = re.compile(
    r"\b(?:photo\w*|images?|illustrat\w*|graphics?|videos?|pictures?|fotos?|fotogra\w*|camera)\b", re.IGNORECASE
)
_SEGMENTS = re.compile(r"\s*[|•·/]\s*|\s+[-–—]\s+")
_SPLIT = re.compile(r"\s*[,;]\s*|\s+(?:and|AND|And|und|et|y|e|&|with|With)\s+|\s*&\s*")
_JOINER = re.compile(r"(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*", re.IGNORECASE)
_TRAILER = re.compile(r"\s+(?:in|for|at|is|was|from|of|on)\s+.*$|\s*[(\[][^)\]]*[)\]]?\s*$", re.IGNORECASE)
_NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.\-](?=[^\W\d_])|\.$)*\.?")
# Punctuation and symbols other than those names use (apostrophes, hyphens, dots, middle dots).
_NOT_NAME_CHARS = re.compile(r"[^\w\s'’.\-·・]")
_INITIAL = re.compile(r"[^\W\d_]\.(?:[^\W\d_]\.)*")


def _agency(text: str) -> str | None:
    return AGENCIES.get(text.strip(" .").lower())


def _case_word(word: str, first: bool) -> str:
    """Proper-case one word of an ALL-CAPS or all-lowercase name."""
    lower = word.lower()
    if not first and lower in _PARTICLES:
        return lower
    if lower.rstrip(".") in _SUFFIXES:
        return _SUFFIXES[lower.rstrip(".")]
    parts = re.split(r"([\-'’])", lower)
    out = []
    for part in parts:
        if len(part) > 3 and part.startswith("mc"):
            out.append("Mc" + part[2:].capitalize())
        else:
            out.append(part.capitalize())
    return "".join(out)


def proper_case(name: str) -> str:
    """"LORNE COOK" → "Lorne Cook", "patrick mcdonald" → "Patrick McDonald"; mixed case is kept."""
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return name
    if not (all(c.isupper() for c in letters if c.isalpha() and c.lower() != c.upper())
            or all(c.islower() for c in letters if c.lower() != c.upper())):
        return name
    if not any(c.lower() != c.upper() for c in letters):
        return name  # uncased script
    words = name.split()
    return " ".join(_case_word(word, i == 0) for i, word in enumerate(words))


def is_person_name(text: str) -> bool:
    """Whether a cleaned value looks like a person's (or a news agency's) name."""
    text = text.strip()
    if not text or len(text) > 60:
        return False
    if _agency(text):
        return True
    if any(ch.isdigit() for ch in text) or _NOT_NAME_CHARS.search(text) or re.search(r"\.[a-z]{2,}", text):
        return False
    words = text.split()
    uncased = all(c.lower() == c.upper() for c in text if c.isalpha())
    if uncased:
        return 1 <= len(words) <= 4 and 2 <= len(text.replace(" ", "")) <= 20
    if not 2 <= len(words) <= 6:
        return False
    for i, word in enumerate(words):
        bare = word.strip(".,'’").lower()
        if bare in _NOT_NAME_WORDS or any(part in _NOT_NAME_WORDS for part in bare.split("-")):
            return False
        if i and bare in _PARTICLES:
            continue
        if bare.replace(".", "") in _SUFFIXES and i:
            continue
        if not word[0].isupper():
            return False
        letters = word.replace(".", "")
        if len(letters) > 1 and letters.isupper() and (i or len(letters) > 2) and not _INITIAL.fullmatch(word):
            return False  # an acronym ("CNN Business", "Coordenadoria de TI"): an organisation
        if not _NAME_WORD.fullmatch(word):
            return False
    return any(len(w.strip(".")) > 1 and not _INITIAL.fullmatch(w) for w in words)


def _drop_job_title(text: str) -> str:
    """"Jessica Rendall Wellness Writer" → "Jessica Rendall": a trailing role noun (or its plural,
    after a list of names) goes with the beats and role words before it ("Senior Politics",
    "Staff"), as long as two words remain. A group byline ("Example.com Staff") has no role noun
    and stays as it is."""
    words = text.split()
    end = len(words) - 1
    if end < 2 or words[end].lower().removesuffix("s") not in _ROLE_NOUNS:
        return text
    while end > 2 and (words[end - 1].lower() in _NOT_NAME_WORDS or words[end - 1].lower() in _BEATS):
        end -= 1
    return " ".join(words[:end])


def _drop_trailing_brand(text: str) -> str:
    """"Janelle Ash FOXBusiness" → "Janelle Ash": an outlet glued after the name as one CamelCase
    word, as long as two words remain."""
    words = text.split()
    if len(words) >= 3 and _BRAND_WORD.search(words[-1]):
        return " ".join(words[:-1])
    return text


def clean_name(text: str) -> str | None:
    """One author value → a properly cased name, or None when it is not a person or agency."""
    if not text:
        return None
    text = _URL.sub(" ", _EMAIL.sub(" ", str(text)))
    text = _HANDLE.sub(" ", text)
    text = " ".join(text.split())
    agency = _agency(text)
    if agency:
        return agency
    text = re.sub(r"^(?:by|written by|von|par|por)\s*:?\s+", "", text, flags=re.IGNORECASE)
    text = re.split(r",|(?<=[^\W\d_]{2})\.\s+(?=[A-Z])", text, maxsplit=1)[0]
    if _CREDIT.search(text):
        return None  # "Adrian Malloch (photography)"
    text = _TRAILER.sub("", text)
    text = " ".join(re.sub(r"[()\[\]]", " ", text).split()).strip(" .,-–—:|'\"")
    if text.endswith(("Jr", "Sr")):
        text += "."
    text = _drop_trailing_brand(_drop_job_title(text))
    agency = _agency(text)
    if agency:
        return agency
    text = proper_case(text)
    return text if is_person_name(text) else None


def parse_byline(text: str) -> list[str]:
    """A byline line → author names in order, without "By", roles, emails, handles or times."""
    if not text:
        return []
    text = _URL.sub(" ", _EMAIL.sub(" ", text))
    text = " ".join(_HANDLE.sub(" ", text).split())
    by = _BY.search(text)
    if by and by.start() < 60:
        if _CREDIT.search(text[: by.start()]):
            return []  # "Photo by …": a picture credit, not the story's author
        text = text[by.end():]  # "on March 10, 2015 by Jane Doe": what precedes "by" is not a name
    found = search_date(text)
    if found and found[1] > 0:
        text = text[: found[1]]
    stop = _STOP_AT.search(text, 1)
    if stop:
        text = text[: stop.start()]
    text = _TRAILING_AGENCY.sub(lambda m: " | " + m.group(0).strip(" ,"), text.strip())
    names: list[str] = []
    joined = True  # whether the next segment continues the list of names
    for segment in _SEGMENTS.split(text):
        bare = segment.strip()
        if not bare.strip(" ,;"):
            joined = joined or bool(bare)
            continue
        if _JOINER.fullmatch(bare):
            joined = True
            continue
        if names and not joined and not _JOINER.match(bare):
            break  # "Jane Doe | Cherry Hill Courier-Post": what follows the names is not a name
        segment_names: list[str] = []
        for piece in _SPLIT.split(segment):
            piece = piece.strip()
            if not piece:
                continue
            suffix = piece.strip(" .").lower()
            if suffix in _SUFFIXES and segment_names:
                segment_names[-1] += " " + _SUFFIXES[suffix]
                continue
            name = clean_name(piece)
            if name:
                segment_names.append(name)
        if names and segment_names and all(_agency(n) for n in segment_names):
            break  # "Jane Doe | Reuters": the agency only tags the desk
        names.extend(segment_names)
        joined = bool(_JOINER.search(segment.rstrip()[-5:])) if segment_names else joined
    return list(dict.fromkeys(names))
