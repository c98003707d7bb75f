"""Scorers for the benchmark: pure functions, stdlib only, so the main venv can import them.

Body text is scored two ways, each re-implemented from its published description and checked
against the published numbers of stored peer outputs (see tests/test_bench_scorers.py):

* the scrapinghub article-extraction-benchmark metric: 4-token shingles, TP/FP/FN per page
  normalised to sum to 1, precision and recall averaged over pages, F1 of the two means;
* the Fundus-evaluation metric: ROUGE-LSum F1 per article (summary-level union LCS over
  sentences, rouge-score's tokeniser), best over the optional-paragraph variants of the ground
  truth, mean over articles.

Metadata and attribution scorers follow DESIGN.md ("Scoring used to judge the work").
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations

# --------------------------------------------------------------------------------------------
# scrapinghub shingle metric

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class ShinglePage:
    """One page's TP/FP/FN over 4-token shingles, normalised so that they sum to 1."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float | None:
        """None when the page has no predicted shingle (it is left out of the mean)."""
        if self.tp + self.fp <= 0:
            return None
        return 1.0 if self.fp == self.fn == 0 else self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """None when the page has no true shingle (it is left out of the mean)."""
        if self.tp + self.fn <= 0:
            return None
        return 1.0 if self.fp == self.fn == 0 else self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Per-page F1, for ranking the worst pages (not part of the published metric)."""
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def shingles(text: str | None, n: int = 4) -> Counter[tuple[str, ...]]:
    """Counts of n-token shingles; a text shorter than n tokens is one shorter shingle."""
    tokens = _WORD.findall(text or "")
    if len(tokens) < n:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def shingle_page(true: str | None, pred: str | None) -> ShinglePage:
    """Score one page: shingle multiset overlap of the prediction with the ground truth."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return ShinglePage(0.0, 0.0, 0.0)
    return ShinglePage(tp / total, fp / total, fn / total)


def shingle_summary(pages: Iterable[ShinglePage]) -> dict[str, float]:
    """Mean precision and recall over pages, and the F1 of those means."""
    pages = list(pages)
    ps = [p.precision for p in pages if p.precision is not None]
    rs = [p.recall for p in pages if p.recall is not None]
    precision = statistics.fmean(ps) if ps else 0.0
    recall = statistics.fmean(rs) if rs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall, "pages": len(pages)}


# --------------------------------------------------------------------------------------------
# Fundus-evaluation ROUGE-LSum

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# A sentence ends at . ! ? (with closing quotes/brackets) before whitespace, unless the word
# before the period is an abbreviation or an initial; the next sentence must not start lowercase.
_SENTENCE_END = re.compile(r"""[.!?]+['"”’)\]]*(?=\s+[^\sa-z])""")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr gen gov sen rep lt col sgt capt maj adm cmdr rev hon pres
    inc co corp ltd llc bros no nos vs etc fig al approx dept est jan feb mar apr jun jul aug
    sep sept oct nov dec mon tue tues wed thu thurs fri sat sun ft mt ave blvd rd u.s u.k u.n
    e.g i.e a.m p.m d.c n.y l.a""".split()
)


def rouge_tokens(text: str) -> list[str]:
    """rouge-score's default tokeniser: lowercase ASCII letters and digits only."""
    return _NON_ALNUM.sub(" ", text.lower()).split()


def split_sentences(text: str) -> list[str]:
    """Sentences as Punkt (nltk.sent_tokenize) finds them in English prose, approximately.

    Like Punkt, it does not break at newlines alone: a paragraph without final punctuation runs
    into the next one.
    """
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        word = text[start : match.start()].rsplit(None, 1)[-1:] or [""]
        last = word[0].lstrip("\"'“‘([").lower()
        if match.group().startswith(".") and (last in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last)):
            continue
        sentences.append(text[start : match.end()])
        start = match.end()
    sentences.append(text[start:])
    return [s.strip() for s in sentences if s.strip()]


def _lcs_indices(ref: Sequence[str], can: Sequence[str]) -> list[int]:
    """Indices into `ref` of one longest common subsequence, with rouge-score's tie-breaking."""
    table = [[0] * (len(can) + 1)]
    for token in ref:
        above = table[-1]
        row = [0]
        for j, other in enumerate(can):
            row.append(above[j] + 1 if token == other else max(above[j + 1], row[j]))
        table.append(row)
    i, j, out = len(ref), len(can), []
    while i > 0 and j > 0:
        if ref[i - 1] == can[j - 1]:
            out.append(i - 1)
            i -= 1
            j -= 1
        elif table[i][j - 1] > table[i - 1][j]:
            j -= 1
        else:
            i -= 1
    out.reverse()
    return out


def _union_lcs(ref: list[str], candidates: list[list[str]], exact: frozenset[tuple[str, ...]]) -> list[str]:
    """Tokens of `ref` covered by its LCS with any candidate sentence, in ref order."""
    if tuple(ref) in exact:
        return ref
    covered: set[int] = set()
    vocab = set(ref)
    for can in candidates:
        if vocab.isdisjoint(can):
            continue
        covered.update(_lcs_indices(ref, can))
        if len(covered) == len(ref):
            break
    return [ref[i] for i in sorted(covered)]


@dataclass(frozen=True, slots=True)
class Rouge:
    precision: float
    recall: float
    f1: float


def _summary_lcs(ref_sents: list[list[str]], unions: list[list[str]], can_counts: Counter[str], n: int) -> Rouge:
    m = sum(map(len, ref_sents))
    if not m or not n:
        return Rouge(0.0, 0.0, 0.0)
    ref_counts: Counter[str] = Counter()
    for sent in ref_sents:
        ref_counts.update(sent)
    can_counts = can_counts.copy()
    hits = 0
    for union in unions:
        for token in union:
            if can_counts[token] > 0 and ref_counts[token] > 0:
                hits += 1
                can_counts[token] -= 1
                ref_counts[token] -= 1
    p, r = hits / n, hits / m
    return Rouge(p, r, 2 * p * r / (p + r) if hits else 0.0)


def reference_variants(body: Sequence[str], max_optional: int | None = 4) -> Iterator[list[int]]:
    """Paragraph indices kept in each variant of a ground truth with `[optional]` paragraphs.

    Every subset of the optional paragraphs may be dropped; past `max_optional` of them only
    "keep all" and "drop all" are tried (as the Fundus evaluation does).
    """
    optional = [i for i, p in enumerate(body) if is_optional(p)]
    if max_optional is not None and len(optional) > max_optional:
        drops: Iterable[tuple[int, ...]] = [(), tuple(optional)]
    else:
        drops = (c for k in range(len(optional) + 1) for c in combinations(optional, k))
    for drop in drops:
        yield [i for i in range(len(body)) if i not in drop]


def is_optional(paragraph: str) -> bool:
    return len(paragraph) >= 1 and paragraph[0] == "[" and paragraph[-1] == "]"


def strip_optional(paragraph: str) -> str:
    return paragraph[1:-1] if is_optional(paragraph) else paragraph


def rouge_lsum(reference: Sequence[str], hypothesis: Sequence[str], max_optional: int | None = 4) -> Rouge:
    """Best ROUGE-LSum (by F1) of the hypothesis paragraphs over the reference variants."""
    can_sents = [rouge_tokens(s) for s in split_sentences("\n\n".join(hypothesis))]
    can_counts: Counter[str] = Counter()
    for sent in can_sents:
        can_counts.update(sent)
    n = sum(can_counts.values())
    exact = frozenset(tuple(s) for s in can_sents)
    paragraphs = [strip_optional(p) for p in reference]
    union_cache: dict[tuple[str, ...], list[str]] = {}
    best: Rouge | None = None
    for kept in reference_variants(reference, max_optional):
        ref_sents = [rouge_tokens(s) for s in split_sentences("\n\n".join(paragraphs[i] for i in kept))]
        unions = []
        for sent in ref_sents:
            key = tuple(sent)
            if key not in union_cache:
                union_cache[key] = _union_lcs(sent, can_sents, exact)
            unions.append(union_cache[key])
        score = _summary_lcs(ref_sents, unions, can_counts, n)
        if best is None or score.f1 > best.f1:
            best = score
    return best or Rouge(0.0, 0.0, 0.0)


def rouge_summary(scores: Iterable[Rouge]) -> dict[str, float]:
    """Mean precision, recall and F1 over articles, ×100 as the Fundus evaluation reports them."""
    scores = list(scores)
    if not scores:
        return {"f1": 0.0, "precision": 0.0, "recall": 0.0, "pages": 0}
    return {
        "f1": 100 * statistics.fmean(s.f1 for s in scores),
        "precision": 100 * statistics.fmean(s.precision for s in scores),
        "recall": 100 * statistics.fmean(s.recall for s in scores),
        "pages": len(scores),
    }


# --------------------------------------------------------------------------------------------
# metadata


def _fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form with single spaces."""
    text = unicodedata.normalize("NFKD", text)
    kept = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat == "Mn":
            continue
        kept.append(" " if cat[0] in "PSZC" else ch)
    return " ".join("".join(kept).casefold().split())


def normalize_title(title: str | None) -> str:
    return _fold(title or "")


def title_match(pred: str | None, gold: str | None) -> bool:
    """Exact match after normalising case and punctuation; an empty prediction never matches."""
    return bool(normalize_title(pred)) and normalize_title(pred) == normalize_title(gold)


def normalize_name(name: str) -> str:
    return _fold(name)


@dataclass(frozen=True, slots=True)
class AuthorScore:
    precision: float
    recall: float
    f1: float
    exact: bool


def author_score(pred: Iterable[str], gold: Iterable[str]) -> AuthorScore:
    """Set P/R/F1 of normalised names; two empty sets are a perfect score, one empty set zero."""
    p = {normalize_name(n) for n in pred} - {""}
    g = {normalize_name(n) for n in gold} - {""}
    if not p and not g:
        return AuthorScore(1.0, 1.0, 1.0, True)
    hit = len(p & g)
    precision = hit / len(p) if p else 0.0
    recall = hit / len(g) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hit else 0.0
    return AuthorScore(precision, recall, f1, p == g)


def author_summary(scores: Iterable[AuthorScore]) -> dict[str, float]:
    scores = list(scores)
    if not scores:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "exact": 0.0, "pages": 0}
    return {
        "precision": statistics.fmean(s.precision for s in scores),
        "recall": statistics.fmean(s.recall for s in scores),
        "f1": statistics.fmean(s.f1 for s in scores),
        "exact": statistics.fmean(s.exact for s in scores),
        "pages": len(scores),
    }


_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def calendar_day(value: str | None) -> str | None:
    """The YYYY-MM-DD an ISO 8601 date or date-time names, in its own stated time zone."""
    match = _DAY.match((value or "").strip())
    return "-".join(match.groups()) if match else None


def date_match(pred: str | None, gold: str | None) -> bool:
    day = calendar_day(pred)
    return day is not None and day == calendar_day(gold)


def byline_match(pred: Iterable[str], gold_byline: str | None) -> bool:
    """For Readability's free-text `byline`: every predicted name occurs in it (and some does)."""
    names = [normalize_name(n) for n in pred]
    names = [n for n in names if n]
    gold = f" {normalize_name(gold_byline or '')} "
    return bool(names) and all(f" {n} " in gold for n in names)


# --------------------------------------------------------------------------------------------
# attributions


@dataclass(frozen=True, slots=True)
class Quote:
    """One attribution, gold or predicted, in the fields the scorer compares."""

    doc: str
    para: int
    content: str
    speaker: str | None = None
    speaker_type: str | None = None
    cue: str | None = None


def content_overlap(a: str, b: str) -> float:
    """Shared word tokens (multiset, case-folded) over the longer span's token count."""
    ta, tb = Counter(_WORD.findall(a.casefold())), Counter(_WORD.findall(b.casefold()))
    longest = max(sum(ta.values()), sum(tb.values()))
    return sum((ta & tb).values()) / longest if longest else 0.0


def match_quotes(pred: Sequence[Quote], gold: Sequence[Quote], threshold: float) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs in the same doc and paragraph whose content
    overlap reaches `threshold`, taken greedily from the largest overlap."""
    by_place: dict[tuple[str, int], list[int]] = {}
    for gi, g in enumerate(gold):
        by_place.setdefault((g.doc, g.para), []).append(gi)
    candidates = []
    for pi, p in enumerate(pred):
        for gi in by_place.get((p.doc, p.para), ()):
            overlap = content_overlap(p.content, gold[gi].content)
            if overlap >= threshold and overlap > 0:
                candidates.append((-overlap, pi, gi))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, pi, gi in candidates:
        if pi not in used_p and gi not in used_g:
            used_p.add(pi)
            used_g.add(gi)
            pairs.append((pi, gi))
    return pairs


def same_speaker(pred: Quote, gold: Quote) -> bool:
    """Same normalised name, or for a person the same surname (last word)."""
    p, g = normalize_name(pred.speaker or ""), normalize_name(gold.speaker or "")
    if not p or not g:
        return False
    if p == g:
        return True
    return gold.speaker_type == "person" and p.split()[-1] == g.split()[-1]


def same_cue(pred: Quote, gold: Quote) -> bool:
    """Same cue words after normalising; both absent counts as the same."""
    return normalize_name(pred.cue or "") == normalize_name(gold.cue or "")


def attribution_scores(pred: Sequence[Quote], gold: Sequence[Quote], thresholds: Sequence[float] = (0.3, 0.8)) -> dict[str, float]:
    """P/R/F1 at each overlap threshold; speaker and cue accuracy over the pairs matched at the
    lowest threshold."""
    out: dict[str, float] = {"gold": len(gold), "predicted": len(pred)}
    for t in thresholds:
        pairs = match_quotes(pred, gold, t)
        precision = len(pairs) / len(pred) if pred else 0.0
        recall = len(pairs) / len(gold) if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if pairs else 0.0
        out.update({f"p@{t}": precision, f"r@{t}": recall, f"f1@{t}": f1})
        if t == min(thresholds):
            out["matched"] = len(pairs)
            out["speaker"] = statistics.fmean(same_speaker(pred[p], gold[g]) for p, g in pairs) if pairs else 0.0
            out["cue"] = statistics.fmean(same_cue(pred[p], gold[g]) for p, g in pairs) if pairs else 0.0
    return out
