"""Attribution frames inside one sentence: a cue, its source and the content it governs.

Shapes recognised (token view of `sentences.py`, quotes as single tokens):
- content before the frame: `CONTENT, X said.` / `“Q,” said X.` / `“A,” X said, “B.”` (joined);
- content after the frame: `X said (that) CONTENT` / `X told reporters: “Q”`;
- `CONTENT, according to X.` and `According to X, CONTENT.`;
- object cues: `X urged Congress to …`, `X called for …`, `X called it “Q”`;
- participles and coordination inherit the clause subject: `…, adding that …`, `… and said …`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .cues import (
    AFTER_QUOTE_VERBS, AUXILIARIES, BLOCKERS_BEFORE, CLAUSE_WORDS, DETERMINERS, DOC_NOUNS,
    FINDING_NOUNS, HONORIFICS, LABEL_VERBS, MEDIUM_NOUNS, MEDIUM_PREPS, NEEDS_THAT, NOUN_LIKE,
    OBJECT_VERBS, ORG_NOUNS, SENTENCE_WORDS,
    PARTICLE_CUES, PARTICLE_VERBS, PERSON_NOUNS, PLURAL_PERSON_NOUNS, POSSESSIVES, PRONOUNS,
    QUANTIFIER_OF, RECIPIENT_WORDS, SPEECH_VERBS, TIME_WORDS, TITLES,
)
from .sentences import Token

_STRONG = {"say", "tell", "add", "write", "state", "testify", "confirm", "announce", "explain"}
_PREPS = {"of", "with", "from", "at", "for", "in", "on", "by", "who", "which", "that", "familiar", "whose"}
_SUBORDINATORS = {"as", "before", "after", "when", "while", "because", "since", "though", "although", "until", "in", "on", "at", "during", "from", "with", "to", "without", "via", "and", "but", "then", "of", "about", "outside", "inside", "near", "through", "over", "into", "upon", "amid", "following", "not"}
_LEADING = {"but", "and", "so", "indeed", "however", "meanwhile", "now", "still", "yet", "then", "also", "instead", "thus"}
_INTRO = {"in", "on", "at", "during", "after", "before", "however", "meanwhile", "earlier", "later", "asked", "speaking", "regarding", "for", "with", "as", "when", "while", "since", "but", "and", "so", "if", "though", "although", "indeed", "still"}
CUE_WORDS = frozenset({*SPEECH_VERBS, *OBJECT_VERBS, *LABEL_VERBS, *AFTER_QUOTE_VERBS, "went", "goes", "according"})
_FINITE = {"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "do", "does", "did", "should", "may", "might", "must"}
_MODALS = {"will", "would", "can", "could", "should", "may", "might", "must"}
_SUBJECT_WORDS = {"he", "she", "it", "they", "we", "i", "there", "this", "that", "the", "his", "her", "their", "its"}
_ADJUNCT_OPENERS = {"after", "before", "in", "on", "at", "during", "back", "earlier", "later", "last", "this", "from", "via", "over", "again", "afterwards", "yesterday", "today", "recently", "also"}
_BAD_CONTENT_START = {"and", "but", "or", "up", "out", "back", "about", "for", "of", "in", "on", "at", "with", "from", "before", "after", "during", "over", "into", "by", "as", "off", "down", "so", "too", "away", "publicly", "privately"}
_AGENT_WORDS = PERSON_NOUNS | PLURAL_PERSON_NOUNS | ORG_NOUNS | DOC_NOUNS
_NON_ORG_AGENTS = frozenset(_AGENT_WORDS - ORG_NOUNS)
_DETERMINERS_POSS = frozenset(DETERMINERS | POSSESSIVES.keys())
_CLAUSE_OR_WHAT = frozenset(CLAUSE_WORDS | {"what"})
_GROUP_PLURALS = frozenset(PLURAL_PERSON_NOUNS | {"countries", "nations", "allies", "lawmakers"})
_SUBORDINATORS_OR_CLAUSE = frozenset(_SUBORDINATORS | CLAUSE_WORDS)
_VERB_CLITICS = {"s", "re", "ll", "ve", "d", "m"}
# Openings of a comma-set description after a name: "Cramer, 75,", "Liu, originally from …,".
_DESCRIPTION_OPENERS = {"a", "an", "the", "which", "who", "of", "originally", "formerly", "now", "then", "herself", "himself", "also", "based", "from", "whose", "one", "both"}
_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"}


@dataclass(slots=True)
class Frame:
    """One attribution found in a sentence (token indices into the paragraph's tokens)."""

    cue: str
    cue_start: int
    cue_end: int
    source: tuple[int, int] | None  # token range of the source as written
    inherited: bool  # source taken from the clause subject (participles, "and said")
    content: list[tuple[int, int]] = field(default_factory=list)  # token ranges
    according: bool = False


def _adverb(tok: Token) -> bool:
    return tok.kind == "w" and tok.text.islower() and tok.low.endswith("ly") and len(tok.low) > 4 and tok.low not in _AGENT_WORDS


def _time_word(tok: Token) -> bool:
    return tok.kind == "w" and (tok.low in TIME_WORDS or tok.low in _MONTHS or tok.text.isdigit())


def _skip_left(tokens: list[Token], j: int, lo: int) -> int:
    """Skip auxiliaries, adverbs and time phrases left of a cue: "Mr Sunak on Friday hinted"."""
    while j >= lo:
        tok = tokens[j]
        if tok.kind == "w" and (tok.low in AUXILIARIES or _adverb(tok)):
            j -= 1
        elif _time_word(tok):
            j -= 1
            while j >= lo and tokens[j].kind == "w" and (tokens[j].low in {"on", "last", "this", "late", "early", "next", "in", "since"} or _time_word(tokens[j])):
                j -= 1
        else:
            break
    return j


def _skip_right_time(tokens: list[Token], k: int, hi: int) -> int:
    """Skip "Monday", "on Thursday", "at the time", "last week" after a cue."""
    while k < hi:
        tok = tokens[k]
        if (_time_word(tok) and not tok.text.isdigit()) or (tok.kind == "w" and tok.low in {"late", "early", "last", "this", "earlier"} and k + 1 < hi and _time_word(tokens[k + 1])):
            k += 1
        elif tok.kind == "w" and tok.low in {"on", "at"} and k + 1 < hi and (_time_word(tokens[k + 1]) or tokens[k + 1].low == "the" and k + 2 < hi and tokens[k + 2].low == "time"):
            k += 3 if tokens[k + 1].low == "the" else 2
        elif tok.kind == "w" and (tok.low in {"also", "again", "later", "then", "previously"} or _adverb(tok)):
            k += 1
        else:
            break
    return k


def head_index(tokens: list[Token], a: int, b: int) -> int | None:
    """The head word of a noun phrase tokens[a:b]: last word before a preposition or relative
    ("A source with direct knowledge…" → source); through "of" after a quantifier
    ("63 percent of U.S. adults" → adults)."""
    i = a
    head = None
    while i < b:
        tok = tokens[i]
        if tok.kind == "w" and tok.low in _PREPS and tok.text.islower():
            if tok.low in ("of", "for") and head is not None and tokens[head].is_cap and (tokens[head].low not in _NON_ORG_AGENTS or _name_follows(tokens, i + 1, b)) and i + 1 < b and tokens[i + 1].is_cap:
                i += 1
                continue
            if tok.low == "of" and head is not None and tokens[head].low in QUANTIFIER_OF:
                head = None
                i += 1
                continue
            break
        if tok.kind == "p" and tok.text == "(":
            while i < b and tokens[i].text != ")":
                i += 1
            i += 1
            continue
        if tok.kind == "w":
            head = i
        i += 1
    return head


def _name_follows(tokens: list[Token], k: int, b: int) -> bool:
    """"Secretary of State Brad Raffensperger": a title's "of" part runs on into the name."""
    n = 0
    while k + n < b and tokens[k + n].kind == "w" and tokens[k + n].is_cap:
        n += 1
    return n >= 3


def valid_source(tokens: list[Token], a: int, b: int, strong: bool) -> bool:
    """Could tokens[a:b] be who speaks? A name, a pronoun, an acronym or a person/organisation
    noun; any noun after a determiner for the strong cues ("the singer said")."""
    if b <= a or b - a > 16:
        return False
    if any(t.kind == "q" or (t.kind == "w" and t.text.islower() and (t.low in _FINITE or t.low in SPEECH_VERBS)) for t in tokens[a:b]):
        return False
    h = head_index(tokens, a, b)
    if h is None:
        return False
    tok = tokens[h]
    if tok.low in FINDING_NOUNS or _contraction(tok):
        return False
    if tok.low in PRONOUNS and h == b - 1:
        return tok.low != "it" or b - a == 1
    if tok.low in POSSESSIVES or tok.low in DETERMINERS or tok.low in CLAUSE_WORDS or tok.low in SENTENCE_WORDS or tok.low in _INTRO or tok.low in TIME_WORDS:
        return False
    if tok.low in DOC_NOUNS and any(t.is_cap and n.kind == "w" and n.text.islower() and n.low not in _AGENT_WORDS and n.low not in DETERMINERS and not t.low.endswith(("’s", "'s")) for t, n in zip(tokens[a:h], tokens[a + 1:h])):
        return False  # "Soller put out a statement saying": a clause, not a document
    if tok.is_cap or tok.low in _AGENT_WORDS:
        return True
    if not (strong and tok.text.islower() and tok.low not in _BAD_CONTENT_START):
        return False
    return tokens[h - 1].low in _DETERMINERS_POSS or (h - a == 2 and tokens[a].low in _DETERMINERS_POSS)


def _contraction(tok: Token) -> bool:
    """"That’s", "We're", "it’ll": a pronoun or function word fused with a verb."""
    base, _, tail = tok.low.replace("'", "’").partition("’")
    return tail in _VERB_CLITICS and (base in PRONOUNS or base in CLAUSE_WORDS or base in SENTENCE_WORDS or base in {"here", "there", "what", "who", "let"})


def _clause_start(tokens: list[Token], j: int, lo: int) -> int:
    """Leftmost token of the noun phrase ending at j: back to a comma, quote, clause word."""
    k = j
    while k > lo:
        prev = tokens[k - 1]
        if prev.kind == "q" or (prev.kind == "p" and prev.text in ",;:—–-[" ):
            break
        if prev.kind == "p" and prev.text == ")":
            # keep "(D-CA)" and "(IEA)" inside the phrase
            m = k - 1
            while m > lo and tokens[m].text != "(":
                m -= 1
            k = m
            continue
        if prev.kind == "w" and prev.text.islower() and prev.low in _CLAUSE_OR_WHAT:
            if prev.low == "who" and k - 2 >= lo and tokens[k - 2].kind == "w" and tokens[k - 2].low in _AGENT_WORDS:
                k -= 1
                continue
            if prev.low == "and" and k - 2 >= lo and (tokens[k - 2].is_cap or tokens[k - 2].low in PLURAL_PERSON_NOUNS) and tokens[k].low not in PRONOUNS:
                k -= 1
                continue
            break
        if prev.kind == "p" and prev.text not in "’'&.":
            break
        k -= 1
    while k < j and tokens[k].kind == "w" and (tokens[k].low in _LEADING or tokens[k].low in _INTRO):
        k += 1
    return k


def _tight_start(tokens: list[Token], j: int, lo: int) -> int:
    """Start of the name-like phrase ending at j: capitalised words, titles, "the", "of"."""
    k = j
    while k > lo:
        prev = tokens[k - 1]
        if prev.kind == "w" and (prev.is_cap or prev.low in TITLES or prev.low in HONORIFICS or (prev.low in ("of", "for", "&") and tokens[k].is_cap)):
            k -= 1
        elif prev.kind == "p" and prev.text in "’'.&" and k - 1 > lo and tokens[k - 2].is_cap:
            k -= 1
        else:
            break
    if k > lo and tokens[k - 1].low in ("the", "a", "an"):
        k -= 1
    while k < j and not (tokens[k].is_cap or tokens[k].low in ("the", "a", "an")):
        k += 1
    return k


def _appositive_owner(tokens: list[Token], a: int, lo: int, end: int | None = None) -> tuple[int, int] | None:
    """`Ryan Tucker, an attorney with …, accused`, `The Cooperative, which serves …, said`:
    the name before a comma-set description (tokens[a:end] is the description). A description
    opened by another word needs a title in it ("Jo Ny, U.N. Director for …,")."""
    first = tokens[a]
    if a - 1 <= lo or tokens[a - 1].text != ",":
        return None
    titled = end is not None and any(t.kind == "w" and t.low in TITLES for t in tokens[a:end])
    if not (first.low in _DESCRIPTION_OPENERS or first.low in TITLES or first.text.isdigit() or titled):
        return None
    end = a - 1
    prev = tokens[end - 1]
    if not (prev.is_cap or prev.text == ")" or prev.low in _AGENT_WORDS):
        return None
    start = _clause_start(tokens, end - 1, lo)
    return (start, end) if valid_source(tokens, start, end, False) else None


def left_source(tokens: list[Token], i: int, lo: int, strong: bool) -> tuple[int, int] | None:
    j = _skip_left(tokens, i - 1, lo)
    if j < lo:
        return None
    tok = tokens[j]
    if tok.text == "," and j - 1 > lo:
        # "X, a description …, said": the description runs back to the previous comma
        m = j - 1
        while m > lo and tokens[m].text != "," and tokens[m].kind != "q":
            m -= 1
        if tokens[m].text == "," and j - m <= 25:
            if tokens[m + 1].is_cap and tokens[m + 1].low not in TITLES and _tight_start(tokens, j - 1, m + 1) == m + 1:
                return (m + 1, j)  # "another former business associate, Rob Walker, testified"
            return _appositive_owner(tokens, m + 1, lo, j)
        return None
    if tok.text in ("—", "–") and j - 1 > lo:
        # "X, head of … – a description – said": the source ends before the opening dash
        m = next((n for n in range(j - 1, max(lo, j - 20) - 1, -1) if tokens[n].text == tok.text or tokens[n].kind == "q"), None)
        if m is not None and m > lo and tokens[m].text == tok.text:
            return left_source(tokens, m, lo, strong)
        return None
    if tok.kind == "w" and tok.low in ("who", "which") and j - 1 > lo and tokens[j - 1].text == ",":
        a = _tight_start(tokens, j - 2, lo)  # "McConnell, who announced …"
        return (a, j - 1) if valid_source(tokens, a, j - 1, False) else None
    if tok.kind == "q" or (tok.kind == "p" and tok.text != ")") or (tok.kind == "w" and tok.text.islower() and tok.low in CLAUSE_WORDS):
        return None
    a = _clause_start(tokens, j, lo)
    owner = _appositive_owner(tokens, a, lo)
    if owner:
        return owner
    return (a, j + 1) if valid_source(tokens, a, j + 1, strong) else None


def right_source(tokens: list[Token], i: int, hi: int) -> tuple[int, int] | None:
    """Inverted order: "said Tamala Black, a psychologist…", "says Dr Claire Murray"."""
    k = i
    while k < hi:
        tok = tokens[k]
        if tok.kind == "w" and (tok.is_cap or tok.low in TITLES or tok.low in HONORIFICS or tok.low in ("the", "a", "an") or tok.low in _AGENT_WORDS):
            k += 1
        elif tok.kind == "w" and tok.text.islower() and k + 2 < hi and (tokens[k + 1].low in TITLES or tokens[k + 1].low in PERSON_NOUNS) and tokens[k + 2].is_cap:
            k += 1  # "Inter Miami managing owner Jorge Mas": a modifier of the title
        elif tok.kind == "w" and tok.low == "of" and k + 1 < hi and tokens[k + 1].is_cap:
            k += 1
        elif tok.kind == "p" and tok.text in "’'.&" and k > i:
            k += 1
        elif tok.kind == "w" and tok.low in ("he", "she", "they") and k == i:
            return (i, i + 1)
        else:
            break
    while k > i and tokens[k - 1].kind == "p":
        k -= 1
    return (i, k) if k > i and valid_source(tokens, i, k, False) else None


def appositive(tokens: list[Token], b: int, hi: int) -> tuple[int, int] | None:
    """", a psychologist based in Culver City," after a source: the speaker's role."""
    if b + 1 >= hi or tokens[b].text != "," or not (tokens[b + 1].low in ("a", "an", "the") or tokens[b + 1].low in TITLES):
        return None
    e = b + 1
    while e < hi and tokens[e].kind == "w" or (e < hi and tokens[e].kind == "p" and tokens[e].text in "’'-&."  and e + 1 < hi and tokens[e + 1].kind == "w"):
        e += 1
    return (b + 1, e) if e - b - 1 <= 14 else None


def _extend_cue(tokens: list[Token], i: int, hi: int, lemma: str) -> int:
    """The cue's end: particle ("called for"), recipient ("told reporters") or medium
    ("said in a statement", "wrote in an email to …", "said on “Fox & Friends.”")."""
    k = i + 1
    if k < hi and (lemma, tokens[k].low) in PARTICLE_CUES:
        return k + 1
    if lemma == "tell" and k < hi:
        tok = tokens[k]
        if tok.kind == "q":
            return k + 1
        if tok.low in RECIPIENT_WORDS:
            return k + 1
        m = k + (1 if tok.low == "the" else 0)
        n = m
        while n < hi and n - m < 4 and tokens[n].kind == "w" and (tokens[n].is_cap or (n > m and tokens[n].text == "&")):
            n += 1
        if n > m:
            if n < hi and tokens[n].kind == "w" and tokens[n].text.islower() and tokens[n].low in _GROUP_PLURALS:
                n += 1
            return n
        if tok.low == "the" and k + 1 < hi and tokens[k + 1].kind == "w" and tokens[k + 1].low not in CLAUSE_WORDS:
            return k + 2
        return k
    if lemma in {"ask", "urge"} and k + 1 < hi and tokens[k].kind == "w" and tokens[k + 1].low == "to" and tokens[k].low not in {"them", "him", "her", "it"}:
        return k + 1
    if k < hi and tokens[k].low in MEDIUM_PREPS:
        if k + 1 < hi and tokens[k + 1].kind == "q":
            return k + 2
        n = k + 1
        while n < hi and n - k <= 6 and tokens[n].kind == "w" and tokens[n].low not in CLAUSE_WORDS:
            if tokens[n].low in MEDIUM_NOUNS:
                end = n + 1
                if end < hi and tokens[end].low == "to":
                    e = end + 1
                    while e < hi and tokens[e].kind == "w" and tokens[e].low not in CLAUSE_WORDS:
                        e += 1
                    end = e
                return end
            n += 1
    return k


def _cue_text(text: str, tokens: list[Token], a: int, b: int) -> str:
    return text[tokens[a].start:tokens[b - 1].end]


def _content_start(tokens: list[Token], k: int, hi: int) -> int:
    """Where reported content begins after a frame: after "that", or at the quote after
    "said back in November 2023," / "said:", else right away."""
    k = _skip_right_time(tokens, k, hi)
    adjunct = k < hi and (tokens[k].kind == "p" or tokens[k].low in _ADJUNCT_OPENERS or _adverb(tokens[k]))
    for n in range(k, min(hi, k + 12)):
        tok = tokens[n]
        if tok.kind == "w" and tok.low == "that":
            return n + 1
        if tok.kind == "q":
            if n == k or tokens[n - 1].text in (",", ":"):
                return n
            break
        if not adjunct or (tok.kind == "p" and tok.text not in (",", ":")):
            break
    while k < hi and tokens[k].kind == "p" and tokens[k].text in ",:":
        k += 1
    return k


def _end_of_clause(tokens: list[Token], k: int, hi: int) -> int:
    """The sentence end (or a semicolon), less the final punctuation outside quotes."""
    for n in range(k, hi):
        if tokens[n].text == ";":
            hi = n
            break
    while hi > k and tokens[hi - 1].kind == "p" and tokens[hi - 1].text not in ")]":
        hi -= 1
    return hi


def _cut_object(tokens: list[Token], c0: int, c1: int) -> int:
    """Object content stops at a relative clause: "a cut to national insurance, which …"."""
    for n in range(c0, c1 - 1):
        if tokens[n].text == "," and tokens[n + 1].low in {"which", "who", "where", "claiming", "saying", "adding", "although", "though", "while", "but", "as", "because", "and"}:
            return n
    return c1


def _is_cue(tokens: list[Token], i: int, lo: int, hi: int) -> str | None:
    """The cue class of tokens[i]: 'speech', 'object', 'label', 'after', 'particle',
    'according'; None when the word is not used as a reporting verb here."""
    tok = tokens[i]
    low = tok.low
    if low not in CUE_WORDS or (i > lo and tok.text[0].isupper() and low != "according"):
        return None
    prev = tokens[i - 1] if i > lo else None
    if prev is not None and prev.kind == "w" and (prev.low in BLOCKERS_BEFORE or prev.low.endswith(("’s", "'s"))):
        return None
    nxt = tokens[i + 1] if i + 1 < hi else None
    if low == "according":
        return "according" if nxt is not None and nxt.low == "to" else None
    if not low.endswith("ing") and not _verb_position(tokens, i, lo, low):
        return None
    if prev is not None and prev.low in ("not", "n’t", "n't", "never"):
        return None
    if low in PARTICLE_VERBS and nxt is not None and (PARTICLE_VERBS[low], nxt.low) in PARTICLE_CUES:
        return "particle"
    if low in ("went", "goes"):
        return "after" if nxt is not None and nxt.low == "on" else None
    if low in AFTER_QUOTE_VERBS:
        return "after"
    if low in LABEL_VERBS:
        return "label"
    if low in OBJECT_VERBS:
        return "object" if nxt is not None and nxt.kind == "w" else None
    lemma = SPEECH_VERBS[low]
    if nxt is not None and nxt.low == "to" and lemma not in {"write", "tell", "report", "explain", "admit", "confess", "suggest", "reply", "respond", "complain", "agree"} and not _after_quote(tokens, i, lo):
        return None
    if lemma == "point" and (nxt is None or nxt.low != "out"):
        return None
    return "speech"


def _verb_position(tokens: list[Token], i: int, lo: int, low: str) -> bool:
    """A finite cue follows its subject (name, pronoun, agent noun), a quote, a comma, or a
    coordinating/relative word; "in state history" and "a conference call" are nouns."""
    j = _skip_left(tokens, i - 1, lo)
    if j < lo:
        return low not in NOUN_LIKE
    tok = tokens[j]
    if tok.kind == "q" or tok.text in (",", ")", "—", "–", ":"):
        return True
    if tok.kind != "w":
        return False
    if low in NOUN_LIKE and j - 1 >= lo and tokens[j - 1].low in _DETERMINERS_POSS and tok.low not in _AGENT_WORDS:
        return False
    if tok.low in PRONOUNS or tok.low in ("and", "but", "who", "which", "that", "what"):
        return True
    if tok.low.endswith(("’s", "'s")):
        return False
    if tok.is_cap or tok.low in _AGENT_WORDS:
        return True
    return low not in NOUN_LIKE and left_source(tokens, i, lo, _strong(tokens, i, lo, lemma_of(low))) is not None


def _strong(tokens: list[Token], i: int, lo: int, lemma: str) -> bool:
    """May any noun phrase speak? For the core reporting verbs, and for any cue whose short
    subject follows a quote ("“…,” the whistleblower continued")."""
    return lemma in _STRONG or _after_quote(tokens, i, lo)


def _after_quote(tokens: list[Token], i: int, lo: int) -> bool:
    """Does a quote end right before the few words in front of tokens[i]?"""
    j = i - 1
    while j > lo and i - j <= 5 and tokens[j].kind == "w" and tokens[j].low not in CLAUSE_WORDS:
        j -= 1
    return j >= lo and (tokens[j].kind == "q" or (j > lo and tokens[j].text == "," and tokens[j - 1].kind == "q"))


def lemma_of(low: str) -> str:
    for table in (SPEECH_VERBS, OBJECT_VERBS, LABEL_VERBS, AFTER_QUOTE_VERBS, PARTICLE_VERBS):
        if low in table:
            return table[low]
    return low


def sentence_subject(tokens: list[Token], lo: int, j: int) -> tuple[int, int] | None:
    """The main clause subject before token j, for cues without their own source."""
    starts = [lo] + [n + 1 for n in range(lo, j) if tokens[n].text == "," or tokens[n].kind == "q"]
    fallback = None
    for a in starts:
        while a < j and tokens[a].kind == "w" and tokens[a].low in _LEADING:
            a += 1
        if a >= j or (tokens[a].kind == "w" and tokens[a].low in _INTRO):
            continue
        b = a
        while b < j and (tokens[b].kind != "w" or not tokens[b].text.islower() or tokens[b].low in _AGENT_WORDS or tokens[b].low in DETERMINERS or tokens[b].low in TITLES or tokens[b].low in ("of", "and")):
            if tokens[b].kind == "q" or (tokens[b].kind == "p" and tokens[b].text not in "’'.&()-"):
                break
            b += 1
        if b > a and valid_source(tokens, a, b, False):
            if b < j and tokens[b].kind == "w":
                return (a, b)
            if a == lo and b < j and tokens[b].text == "," and tokens[a].is_cap:
                return (a, b)  # "Ryan Tucker, an attorney …, accused"
            if fallback is None and a == lo:
                fallback = (a, b)
    return fallback


def find_frames(text: str, tokens: list[Token], lo: int, hi: int, *, open_ended: bool = False) -> list[Frame]:
    """All attribution frames of the sentence tokens[lo:hi], content ranges resolved.
    `open_ended`: the sentence ends in a colon and its content is the next paragraph."""
    frames: list[Frame] = []
    i = lo
    while i < hi:
        kind = _is_cue(tokens, i, lo, hi)
        if kind is None:
            i += 1
            continue
        subject = next((f.source for f in reversed(frames) if not f.according), None)
        frame = _frame_at(text, tokens, i, lo, hi, kind, open_ended, subject)
        if frame is not None:
            frames.append(frame)
            i = frame.cue_end
        else:
            i += 1
    _cut_at_later_frames(tokens, frames)
    return frames


def _frame_at(text: str, tokens: list[Token], i: int, lo: int, hi: int, kind: str, open_ended: bool = False, subject: tuple[int, int] | None = None) -> Frame | None:
    tok = tokens[i]
    if kind == "according":
        return _according(tokens, i, lo, hi)
    if kind == "label" and i + 1 < hi and tokens[i + 1].low == "by":
        return _passive_label(tokens, i, hi)
    lemma = lemma_of(tok.low)
    cue_end = i + 2 if tok.low in ("went", "goes") else _extend_cue(tokens, i, hi, lemma)
    src = left_source(tokens, i, lo, _strong(tokens, i, lo, lemma))
    inverted = inherited = False
    if src is None:
        j = _skip_left(tokens, i - 1, lo)
        before = tokens[j] if j >= lo else None
        if before is not None and (before.kind == "q" or before.text == ",") and kind in ("speech", "after") and lemma != "tell":
            src = right_source(tokens, i + 1, hi)
            if src is not None:
                inverted = True
                cue_end = src[1]
        if src is None and (tok.low.endswith("ing") or (before is not None and before.low in {"and", "but"})):
            src = sentence_subject(tokens, lo, i) or subject
            inherited = src is not None
        if src is None:
            return None
    if kind == "after" and (inherited or not _quote_before(tokens, i if inverted else src[0], lo) or (cue_end < hi and tokens[cue_end].low == "to")):
        return None
    relative = tokens[_skip_left(tokens, i - 1, lo)].low in ("who", "which") if i > lo else False
    cue = _cue_text(text, tokens, i, i + 1 if inverted else cue_end)
    frame = Frame(cue, i, cue_end, src, inherited)
    frame_start = _description_before(tokens, src[0], lo) if not inverted and not inherited else i
    before_tok = tokens[frame_start - 1] if frame_start > lo else None
    if before_tok is not None and not inherited and not relative and (inverted or _content_precedes(tokens, before_tok, cue_end, lo, frame_start, hi)):
        return _content_before(tokens, frame, frame_start, before_tok, lo, hi)
    if kind == "after":
        return None
    # content after the frame
    if kind == "label":
        c0, ok = _label_content(tokens, cue_end, hi)
        if not ok:
            return None
    else:
        c0 = _content_start(tokens, cue_end, hi)
    c1 = _end_of_clause(tokens, c0, hi)
    if kind in ("object", "particle") or cue_end > i + 1 and (lemma, tokens[i + 1].low) in PARTICLE_CUES:
        c1 = _cut_object(tokens, c0, c1)
    if c1 <= c0 or all(t.kind == "p" for t in tokens[c0:c1]):
        return frame if open_ended else None
    if not _plausible_content(tokens, c0, kind, tok.low, inherited):
        return None
    frame.content.append((c0, c1))
    return frame


def _description_before(tokens: list[Token], start: int, lo: int) -> int:
    """`“Q,” the uncle, Ma Chengming, said`: a short description set before the name after
    a quote belongs to the frame, not to the content."""
    if start - 2 <= lo or tokens[start - 1].text != ",":
        return start
    k = start - 2
    while k > lo and start - k <= 6 and tokens[k].kind == "w" and tokens[k].text.islower():
        k -= 1
    first = k + 1
    if first < start - 1 and tokens[first].low in _DETERMINERS_POSS and (tokens[k].kind == "q" or (tokens[k].text == "," and k > lo and tokens[k - 1].kind == "q")):
        return first
    return start


def _content_precedes(tokens: list[Token], before_tok: Token, cue_end: int, lo: int, frame_start: int, hi: int) -> bool:
    """Is the content the text before the frame? After a quote, yes unless a colon, "that"
    or a quote opens content after the cue; after a comma, when the sentence ends or turns to
    an adjunct right after the frame, and what precedes is not just an opening phrase."""
    after = _skip_right_time(tokens, cue_end, hi)
    nxt = tokens[after] if after < hi else None
    if nxt is not None and (nxt.text == ":" or nxt.low == "that" or nxt.kind == "q"):
        return False
    if nxt is not None and nxt.text == "," and after + 1 < hi and tokens[after + 1].kind == "q" and before_tok.kind != "q":
        return False
    if before_tok.kind == "q":
        return True
    if before_tok.text not in (",", "—", "–"):
        return False
    if nxt is not None and nxt.kind == "w" and (nxt.low not in _SUBORDINATORS or _that_soon(tokens, after, hi)):
        return False
    lead = tokens[lo:frame_start - 1]
    if lead and lead[0].kind == "w" and lead[0].low in _INTRO and len(lead) <= 6 and not any(t.kind == "q" for t in lead):
        return False
    return True


def _content_before(tokens: list[Token], frame: Frame, frame_start: int, before_tok: Token, lo: int, hi: int) -> Frame | None:
    """`CONTENT, X said.` / `“Q,” said X` — joined with what follows a mid-sentence frame:
    `“A,” she said, “B.”` and `The key, experts say, is …`."""
    c1 = frame_start - (0 if before_tok.kind == "q" else 1)
    if c1 <= lo:
        return None
    frame.content.append((lo, c1))
    after = _skip_right_time(tokens, frame.cue_end, hi)
    if after + 1 < hi and tokens[after].text == ",":
        nxt = tokens[after + 1]
        if nxt.kind == "q" and before_tok.kind == "q":
            frame.content.append((after + 1, after + 2))
        elif before_tok.text == "," and nxt.kind == "w" and nxt.text.islower() and nxt.low not in _SUBORDINATORS_OR_CLAUSE and not _is_cue(tokens, after + 1, lo, hi) and c1 - lo <= 4:
            frame.content.append((after + 1, _end_of_clause(tokens, after + 1, hi)))
    return frame


def _plausible_content(tokens: list[Token], c0: int, kind: str, low: str, inherited: bool) -> bool:
    """Reported content is a clause, a quote or (object cues) an object — not an adverbial
    ("testified before the committee", "asks for it") nor a bare noun after "wrote"."""
    first = tokens[c0]
    opened = c0 > 0 and (tokens[c0 - 1].low == "that" or tokens[c0 - 1].text == ":")
    if first.kind == "q" or opened:
        return True
    if first.kind == "w" and (first.low in _BAD_CONTENT_START or first.low in _FINITE - _MODALS or _adverb(first)) and not (first.low == "to" and kind in ("object", "particle")):
        return False
    if low in NEEDS_THAT:
        return False
    if inherited and kind == "speech" and first.low not in _SUBJECT_WORDS:
        return False
    return True


def _that_soon(tokens: list[Token], k: int, hi: int) -> bool:
    return any(t.kind == "w" and t.low == "that" for t in tokens[k:min(hi, k + 9)])


def _quote_before(tokens: list[Token], k: int, lo: int) -> bool:
    j = k - 1
    while j >= lo and tokens[j].kind == "p" and tokens[j].text in ",":
        j -= 1
    return j >= lo and tokens[j].kind == "q"


def _label_content(tokens: list[Token], k: int, hi: int) -> tuple[int, bool]:
    """`called the deployment “Q”` / `described … as …`: content from the quote or after "as"."""
    end = _end_of_clause(tokens, k, hi)
    if k < hi and tokens[k].low == "by":
        return k, False
    for n in range(k, min(end, k + 8)):
        if tokens[n].kind == "w" and tokens[n].low == "as":
            if n + 2 < end and tokens[end - 1].kind == "q" and all(t.low in DETERMINERS for t in tokens[n + 1:end - 1]):
                return end - 1, True
            return n + 1, True
        if tokens[n].kind == "q":
            return (n if n == end - 1 else k), True
    return k, False


def _passive_label(tokens: list[Token], i: int, hi: int) -> Frame | None:
    """`… described by the Campaign Against Anti-Semitism as “genocidal language”`."""
    src = right_source(tokens, i + 2, hi)
    if src is None or src[1] >= hi or tokens[src[1]].low != "as":
        return None
    c0, c1 = src[1] + 1, _end_of_clause(tokens, src[1] + 1, hi)
    if c1 <= c0:
        return None
    frame = Frame(tokens[i].text, i, src[1], src, False)
    frame.content.append((c0, c1))
    return frame


def _according(tokens: list[Token], i: int, lo: int, hi: int) -> Frame | None:
    """`CONTENT, according to X` and `According to X, CONTENT`."""
    k = i + 2
    n = k
    while n < hi and not (tokens[n].kind == "p" and tokens[n].text in ",.;:!?—–") and tokens[n].kind != "q":
        if tokens[n].kind == "w" and n > k and (_time_word(tokens[n]) or tokens[n].text.islower() and tokens[n].low in {"on", "in", "at", "who", "which", "that", "as", "when", "after", "last", "this", "earlier", "published", "released"}):
            break
        n += 1
    if n <= k:
        return None
    h = head_index(tokens, k, n)
    if h is None or tokens[h].low in FINDING_NOUNS:
        return None
    frame = Frame("according to", i, n, (k, n), False, according=True)
    if i == lo or (tokens[i - 1].kind == "w" and tokens[i - 1].low in _LEADING):
        m = n
        while m < hi and tokens[m].text != ",":
            m += 1
        if m + 1 >= hi:
            return None
        frame.content.append((m + 1, _end_of_clause(tokens, m + 1, hi)))
        return frame
    if tokens[i - 1].text != ",":
        return None
    c1 = i - 1
    if c1 <= lo:
        return None
    frame.content.append((lo, c1))
    return frame


def _cut_at_later_frames(tokens: list[Token], frames: list[Frame]) -> None:
    """Content after a frame stops where the next frame of the same speaker begins
    ("…, adding that …", "… and said …"); embedded speech with its own subject stays inside."""
    for f, g in zip(frames, frames[1:]):
        if not f.content:
            continue
        c0, c1 = f.content[-1]
        if not (c0 <= g.cue_start < c1):
            continue
        if g.inherited or g.according:
            cut = g.cue_start
            while cut > c0 and (tokens[cut - 1].kind == "p" or tokens[cut - 1].low in {"and", "but", "while", "also", "then"} or _adverb(tokens[cut - 1]) or tokens[cut - 1].low in AUXILIARIES):
                cut -= 1
            if g.source and not g.inherited and g.source[0] < cut:
                cut = g.source[0]
                while cut > c0 and tokens[cut - 1].kind == "p":
                    cut -= 1
            if cut > c0:
                f.content[-1] = (c0, cut)
