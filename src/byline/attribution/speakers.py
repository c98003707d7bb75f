"""Speakers: what a source phrase names, and who it resolves to inside the article.

A source as written ("Pentagon spokeswoman Sabrina Singh", "he", "the company", "officials")
is split into role and name and typed (person, organization, group, anonymous), then resolved
against what the article said before: surnames and honorifics to the fullest name in the
article, pronouns to the latest compatible person (gender learnt from earlier pronoun use),
definite descriptions ("the spokesperson", "the Prime Minister", "the lawsuit") to the latest
speaker or mention of the matching kind.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field

from .cues import (
    DETERMINERS, DOC_NOUNS, HONORIFICS, ORG_NOUNS, PERSON_NOUNS, PLURAL_PERSON_NOUNS,
    POSSESSIVES, PRONOUNS, QUANTIFIER_OF, SENTENCE_WORDS, TITLES,
)
from .frames import head_index
from .sentences import Token

_ACRONYM = re.compile(r"[A-Z][A-Z&]+s?")
_CAP_RUN = re.compile(r"(?:(?:[A-Z][\w’'\-&]*|[A-Z][a-z]{0,2}\.|(?:[A-Z]\.)+)\s+)+[A-Z][\w’'\-&]*")
_INNER_CAP = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+\b")
# One-word names written as organisations: "Vexor, a research firm,", "Vexor, which tracks …",
# "Vexor's spokesperson", "research firm Vexor" — a person is not described so.
_ORG_NOUN_RE = "|".join(sorted(ORG_NOUNS))
_ONE_WORD_ORG = re.compile(
    r"\b([A-Z][A-Za-z]+)(?:, which\b|[’']s (?:spokes\w+|shares|products?|website|app|headquarters|board|CEO)\b"
    r"|, (?:a|an|the) (?:(?!(?:of|at|with|for|in|from|on|to|and)\b)[\w-]+ ){0,4}(?:" + _ORG_NOUN_RE + r")(?=[,.;]|\s(?:that|which|based)\b))"
    r"|\b(?=[a-z]+ [A-Z])(?:" + _ORG_NOUN_RE + r") ([A-Z][A-Za-z]+)\b(?! [A-Z])"  # lookahead: speed
)
_QUESTION_OPENERS = {"Are", "Is", "Was", "Were", "Do", "Does", "Did", "Will", "Would", "Can", "Could", "Should", "Has", "Have", "Had", "Who", "Why", "How", "What", "When", "Where"}
_STOP_CAPS = {w.capitalize() for w in SENTENCE_WORDS | PRONOUNS.keys() | HONORIFICS} | _QUESTION_OPENERS
_ORG_WORDS = {w.capitalize() for w in ORG_NOUNS} | {"House", "Pentagon", "Kremlin", "Congress", "Senate", "Parliament", "Commerce", "Budget", "Reuters", "Agency"}
_UNNAMED = {"spokesman", "spokeswoman", "spokesperson", "official", "source", "aide", "insider", "person", "representative"}
_ROLE_WORDS = frozenset(HONORIFICS | TITLES)
_TITLE_OR_PERSON = frozenset(TITLES | PERSON_NOUNS)
# "his lawsuit" is his: the possessive stands for its pronoun.
_POSSESSIVE_PRONOUN = {"his": "he", "her": "she", "its": "it", "their": "they"}


@dataclass(slots=True)
class Entity:
    name: str
    kind: str  # person | organization | group | anonymous
    head: str = ""  # lower-case head noun of the description, for "the spokesperson"
    role: str | None = None
    gender: str | None = None


@dataclass(slots=True)
class Resolved:
    speaker: str | None
    speaker_type: str | None
    role: str | None


@lru_cache(maxsize=8192)
def _fold(name: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", name.casefold()).split())


def _is_acronym(word: str) -> bool:
    return bool(_ACRONYM.fullmatch(word)) and len(word) >= 2


def _strip_paren(words: list[Token]) -> list[Token]:
    out, depth = [], 0
    for t in words:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(t)
    return out


@dataclass
class Resolver:
    """Article-level memory of names, speakers and mentions, fed in reading order."""

    full_names: dict[str, str] = field(default_factory=dict)  # surname (folded) → full name
    org_names: list[str] = field(default_factory=list)
    mentions: list[Entity] = field(default_factory=list)  # persons, most recent last
    speakers: list[Entity] = field(default_factory=list)
    inner_caps: set[str] = field(default_factory=set)  # capitalised inside a sentence: names
    one_word_orgs: set[str] = field(default_factory=set)

    @classmethod
    def for_article(cls, paragraphs: list[str]) -> Resolver:
        """Collect full names ("Sabrina Singh") and organisation names from the whole text."""
        counts: Counter[str] = Counter()
        orgs: list[str] = []
        for para in paragraphs:
            if _title_case(para):
                continue  # a subheading ("Are Orion and Lauren Still Together?") names nobody
            for m in _CAP_RUN.finditer(para):
                words = [w.strip(".,") for w in m.group().split()]
                while words and (words[0] in _STOP_CAPS or words[0].lower().rstrip(".") in _ROLE_WORDS or _is_acronym(words[0]) or "." in words[0]):
                    words.pop(0)  # "U.N. Linda Thomas-Greenfield": the abbreviation is no first name
                if any(w in _STOP_CAPS for w in words):
                    continue  # "Mom. She …": a run across a sentence end, no name
                while len(words) > 2 and _is_acronym(words[-1]):
                    words.pop()  # "Mark Rutte NATO"
                if any(w in _ORG_WORDS for w in words):
                    if len(words) >= 2:
                        orgs.append(" ".join(words))
                    continue
                if 2 <= len(words) <= 3 and all(w[:1].isupper() and not _is_acronym(w) and "’" not in w and "'" not in w for w in words):
                    counts[" ".join(words)] += 1
        inner = {w for para in paragraphs for w in _INNER_CAP.findall(para)}
        one_word_orgs = {m.group(1) or m.group(2) for para in paragraphs for m in _ONE_WORD_ORG.finditer(para)}
        resolver = cls(org_names=orgs, inner_caps=inner, one_word_orgs=one_word_orgs)
        ranked = [name for name, _ in counts.most_common()]
        for name in ranked:
            resolver.full_names.setdefault(_fold(name.split()[-1]), name)
        for name in ranked:  # "Olga" after "Olga Vedernikov": surnames win a clash
            resolver.full_names.setdefault(_fold(name.split()[0]), name)
        return resolver

    # -- mentions -------------------------------------------------------------------------
    def mention(self, tokens: list[Token], a: int, b: int) -> None:
        """A sentence subject that names a person: a candidate for later pronouns."""
        res = self._describe(tokens, a, b, register=False)
        if res is not None and res.speaker_type == "person" and res.speaker and (" " in res.speaker or res.role or res.speaker in self.inner_caps):
            self._push(Entity(res.speaker, "person", role=res.role))

    def pronoun_subject(self, word: str) -> None:
        """A sentence starting "She …": learn the gender of the person it resolves to."""
        gender = PRONOUNS.get(word.lower(), (None, None))[1]  # the caller passes "he" or "she"
        if gender:
            ent = self._person_for(gender)
            if ent is not None and ent.gender is None:
                ent.gender = gender

    def _push(self, ent: Entity) -> Entity:
        for i, old in enumerate(self.mentions):
            if old.kind == ent.kind and _fold(old.name) == _fold(ent.name):
                del self.mentions[i]
                ent.gender = ent.gender or old.gender
                ent.role = ent.role or old.role
                break
        self.mentions.append(ent)
        return ent

    def _person_for(self, gender: str | None) -> Entity | None:
        for ent in reversed(self.mentions):
            if ent.kind == "person" and (gender is None or ent.gender in (None, gender)):
                return ent
        return None

    def _latest(self, kinds: tuple[str, ...], head: str | None = None) -> Entity | None:
        for ent in reversed(self.speakers):
            if ent.kind in kinds and (head is None or head in ent.head.split() or head in _fold(ent.name).split() or head in _fold(ent.role or "").split()):
                return ent
        return None

    # -- resolution -----------------------------------------------------------------------
    def resolve(self, tokens: list[Token], a: int, b: int) -> Resolved:
        res = self._describe(tokens, a, b, register=True)
        return res or Resolved(None, None, None)

    def set_role(self, name: str, role: str) -> None:
        """Remember a role stated in an apposition ("Tamala Black, a psychologist")."""
        for ent in (*self.speakers, *self.mentions):
            if ent.name == name and ent.role is None:
                ent.role = role

    def same_as(self, speaker: str | None, speaker_type: str | None) -> None:
        """A floating quote re-affirms its speaker as the latest one."""
        if speaker and speaker_type:
            self._register(Entity(speaker, speaker_type))

    def _register(self, ent: Entity) -> None:
        for i, old in enumerate(self.speakers):
            if old.kind == ent.kind and _fold(old.name) == _fold(ent.name):
                del self.speakers[i]
                ent.head = ent.head or old.head
                break
        self.speakers.append(ent)
        if ent.kind == "person":
            self._push(Entity(ent.name, "person", role=ent.role))

    def _describe(self, tokens: list[Token], a: int, b: int, register: bool) -> Resolved | None:
        words = _strip_paren(tokens[a:b])
        if not words:
            return None
        lows = [t.low for t in words]
        if len(words) == 1 and lows[0] in PRONOUNS:
            return self._pronoun(lows[0], register)
        if lows[0] in POSSESSIVES and len(words) > 1 and lows[-1] in DOC_NOUNS:
            return self._pronoun(_POSSESSIVE_PRONOUN[lows[0]], register)
        if "by" in lows:  # "An official review by Lord Walney"
            k = lows.index("by")
            if k + 1 < len(words) and words[k + 1].is_cap:
                sub = [t for t in tokens[a:b] if t.start >= words[k + 1].start]
                return self._describe(sub, 0, len(sub), register)
        if "and" in lows[1:-1] and lows[-1] not in ORG_NOUNS:
            name = _text(_drop_determiners(words))
            return self._out(Entity(name, "group", head=lows[-1]), register)
        h = head_index(words, 0, len(words))
        if h is None:
            return None
        head = words[h]
        if (head.is_cap or _is_acronym(head.text)) and (head.low not in PLURAL_PERSON_NOUNS or head.low in ORG_NOUNS):
            return self._named(words, h, register)
        if head.low in PLURAL_PERSON_NOUNS:
            body = _drop_determiners(words)
            name = _text(body)
            if len(body) == 1:
                old = self._latest(("group",), head.low)
                if old is not None:
                    return self._out(old, register)
            return self._out(Entity(name, "group", head=head.low), register)
        if head.low in DOC_NOUNS:
            old = self._latest(("organization",)) or self._latest(("person",))
            return self._out(old, register) if old else None
        if head.low in ORG_NOUNS:
            bare = len(_drop_determiners(words)) == 1  # "the company" refers back; "the Israeli army" is new
            old = self._latest(("organization",), head.low) or self._known_org(words) or (self._latest(("organization",)) if bare else None)
            if old is not None and words[0].low == "the":
                return self._out(old, register)
            return self._out(Entity(_text(_drop_determiners(words)), "organization", head=head.low), register)
        # "a spokesperson", "A Foreign Office spokesperson": someone new, not the latest one
        indefinite = words[0].low in {"a", "an", "another", "one"} or (words[0].is_cap and words[0].low not in DETERMINERS)
        if not indefinite and head.low in _UNNAMED:
            old = self._latest(("anonymous",), head.low) or self._latest(("anonymous",))
            if old is not None:
                return self._out(old, register)
        elif not indefinite and not _has_complement(words, h):
            old = self._latest(("anonymous", "person"), head.low)
            if old is None and head.low in _TITLE_OR_PERSON:
                old = self._person_for(None)
                if old is not None:
                    ent = Entity(old.name, "person", role=_text(words[1:]) if words[0].low == "the" else None)
                    return self._out(ent, register)
            if old is not None:
                return self._out(old, register)
        name = _text(_drop_determiners(words))
        return self._out(Entity(name, "anonymous", head=head.low), register)

    def _pronoun(self, low: str, register: bool) -> Resolved | None:
        kind, gender = PRONOUNS[low]
        if low == "i":
            return None  # the writer, unnamed: never an earlier third person
        if kind == "person":
            ent = self._person_for(gender)
            if ent is None:
                return None
            if gender and ent.gender is None:
                ent.gender = gender
            return self._out(Entity(ent.name, "person", role=ent.role, gender=ent.gender), register)
        kinds = ("organization",) if kind == "organization" else ("group", "organization")
        ent = self._latest(kinds)
        return self._out(ent, register) if ent else None

    def _named(self, words: list[Token], h: int, register: bool) -> Resolved:
        """Capitalised source: split the trailing name from the role written before it."""
        body = words[: h + 1]
        if len(body) >= 3 and _is_acronym(body[-1].text) and body[-2].is_cap and not _is_acronym(body[-2].text):
            body = body[:-1]  # "Mark Rutte NATO": a repeated organisation tag
        k = len(body)
        while k > 0 and body[k - 1].is_cap and not _is_acronym(body[k - 1].text) and body[k - 1].low.rstrip(".") not in _ROLE_WORDS and body[k - 1].text not in _ORG_WORDS and not body[k - 1].low.endswith(("’s", "'s")):
            k -= 1
        if len(body) - k > 3 or (len(body) - k == 3 and body[k].low.endswith("ist")):
            k = len(body) - 2  # "Foreign Affairs Stephane Sejourne", "Psychoanalyst Stephen Grosz"
        name_words = body[k:]
        role_words = [t for t in body[:k] if t.low not in DETERMINERS]
        role = _text(role_words) if role_words else None
        tag_from = max(0, k - 1)
        if k >= 2 and body[k - 1].low in ("of", "for") and len(name_words) == 1:
            name_words = []  # "Ministry of Health": one word after "of" completes an organisation's name
        elif k >= 3 and body[k - 1].text in _ORG_WORDS and body[k - 2].low in ("of", "for"):
            tag_from = k  # "Secretary of State Brad Raffensperger": "State" ends the title
        org_like = not name_words or any(t.text in _ORG_WORDS or (_is_acronym(t.text) and t.low not in TITLES) for t in body[tag_from:]) or (body[0].low == "the" and k <= 1)
        if org_like:
            name = _text([t for t in body if t.low not in DETERMINERS and t.is_cap or t.text in "&’'" or _is_acronym(t.text) or t.low in ORG_NOUNS or t.low in ("of", "for")])
            name = re.sub(r"^(?:[a-z\-]+\s)+", "", name)
            return self._out(Entity(self._full_org(name), "organization", head=body[-1].low), register)
        if name_words[-1].low in PLURAL_PERSON_NOUNS or (len(name_words) <= 2 and name_words[-1].text.endswith("s") and name_words[-1].low.rstrip("s") + "s" in PLURAL_PERSON_NOUNS):
            return self._out(Entity(_text(name_words), "group", head=name_words[-1].low), register)
        name = _text(name_words)
        full = self._full_org(name)
        if full != name:
            return self._out(Entity(full, "organization", head=full.split()[-1].lower()), register)
        if len(name_words) == 1:
            if name in self.one_word_orgs and _fold(name) not in self.full_names:
                return self._out(Entity(name, "organization", head=name.lower()), register)
            name = self.full_names.get(_fold(name), name)
        return self._out(Entity(name, "person", role=role), register)

    def _known_org(self, words: list[Token]) -> Entity | None:
        """"the principals’ association" → "Vermont Principals Association" named earlier."""
        keys = {_fold(t.text) for t in words if t.low not in DETERMINERS}
        keys = {k.removesuffix(" s") for k in keys}
        best = None
        for org in self.org_names:
            names = set(_fold(org).split())
            if len(keys & names) >= 2 or (len(keys) == 1 and keys <= names):
                best = org
        return Entity(best, "organization", head=words[-1].low) if best else None

    def _full_org(self, name: str) -> str:
        """"Mid-Vermont Christian" → "Mid Vermont Christian School" when the article has it."""
        key = _fold(name)
        if not key:
            return name
        prefix = key + " "
        for org in self.org_names:
            if org.split()[-1] in _ORG_WORDS and _fold(org).startswith(prefix):
                return org
        return name

    def _out(self, ent: Entity, register: bool) -> Resolved:
        if register:
            self._register(Entity(ent.name, ent.kind, ent.head, ent.role, ent.gender))
        return Resolved(ent.name, ent.kind, ent.role)


def _title_case(para: str) -> bool:
    """A short line whose words are nearly all capitalised: a heading, not prose."""
    words = para.split()
    return len(words) <= 12 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _has_complement(words: list[Token], h: int) -> bool:
    """"the head of the rehabilitation department": a full description, not an anaphor."""
    return h + 2 < len(words) and words[h + 1].low in ("of", "at", "for", "in", "with")


def _drop_determiners(words: list[Token]) -> list[Token]:
    """"63 percent of U.S. adults" → "U.S. adults"; "several Democrats" → "Democrats"."""
    lows = [t.low for t in words]
    if "of" in lows:
        k = lows.index("of")
        if all(w in QUANTIFIER_OF or w in DETERMINERS or w.isdigit() for w in lows[:k]):
            words = words[k + 1:]
    i = 0
    while i < len(words) - 1 and (words[i].low in DETERMINERS or words[i].text.isdigit()):
        i += 1
    return words[i:]


def _text(words: list[Token]) -> str:
    out = ""
    prev_end = None
    for t in words:
        if prev_end is not None and t.start > prev_end:
            out += " "
        out += t.text
        prev_end = t.end
    return out.strip()


def speakers(attributions: list) -> list[dict]:
    """Per-article speaker list: name, role, type and how many attributions each has."""
    table: dict[tuple[str, str | None], dict] = {}
    for att in attributions:
        if not att.speaker:
            continue
        key = (_fold(att.speaker), att.speaker_type)
        row = table.setdefault(key, {"name": att.speaker, "role": None, "type": att.speaker_type, "count": 0})
        row["count"] += 1
        row["role"] = row["role"] or att.role
    return sorted(table.values(), key=lambda r: -r["count"])
