"""The benchmark's scorers: unit behaviour on hand-made inputs, and the reproduction of the
published numbers from the stored peer outputs (skipped when the datasets are absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import datasets as bench_datasets
from bench import report, scoring
from bench.scoring import Quote

# --------------------------------------------------------------------------------------------
# shingle metric


def test_shingles_are_4_token_windows_and_short_texts_one_shingle():
    assert scoring.shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert scoring.shingles("only two") == {("only", "two"): 1}
    assert scoring.shingles("") == {}
    assert scoring.shingles("It's 5 o'clock!") == {("It", "s", "5", "o"): 1, ("s", "5", "o", "clock"): 1}


def test_shingle_page_normalises_counts_per_page():
    page = scoring.shingle_page("a b c d e f", "a b c d e f x y z w")
    # 3 true shingles all found, 4 extra predicted ones: tp 3, fp 4, fn 0 out of 7.
    assert page.tp == pytest.approx(3 / 7)
    assert page.fp == pytest.approx(4 / 7)
    assert page.precision == pytest.approx(3 / 7)
    assert page.recall == 1.0


def test_empty_prediction_counts_for_recall_but_not_precision():
    page = scoring.shingle_page("one two three four five", "")
    assert page.precision is None
    assert page.recall == 0.0
    perfect = scoring.shingle_page("one two three four five", "one two three four five")
    summary = scoring.shingle_summary([page, perfect])
    assert summary["precision"] == 1.0
    assert summary["recall"] == 0.5
    assert summary["f1"] == pytest.approx(2 * 0.5 / 1.5)


def test_shingles_are_case_sensitive_and_ignore_punctuation():
    page = scoring.shingle_page("The cat sat on the mat.", "the cat sat on the mat")
    assert 0 < page.recall < 1
    assert scoring.shingle_page("The cat, sat on; the mat.", "The cat sat on the mat").f1 == 1.0


# --------------------------------------------------------------------------------------------
# ROUGE-LSum


def test_rouge_tokens_keep_ascii_letters_and_digits():
    assert scoring.rouge_tokens("Héllo, World! It's 2024.") == ["h", "llo", "world", "it", "s", "2024"]


def test_split_sentences_respects_abbreviations_and_lowercase_continuations():
    text = "Mr. Smith went to the U.S. Capitol on Monday. He said “It is done.” Then he left. e.g. this"
    assert scoring.split_sentences(text) == [
        "Mr. Smith went to the U.S. Capitol on Monday.",
        "He said “It is done.”",
        "Then he left. e.g. this",
    ]
    # Like Punkt, a paragraph break without final punctuation does not end a sentence.
    assert scoring.split_sentences("Headline\n\nBody text.") == ["Headline\n\nBody text."]


def test_lcs_indices_follow_rouge_score_tie_breaking():
    assert scoring._lcs_indices(["a", "b", "c"], ["a", "c"]) == [0, 2]
    assert scoring._lcs_indices(["a", "b"], ["b", "a"]) == [0]  # ties drop the last ref token first


def test_rouge_lsum_identical_text_scores_one():
    body = ["The first paragraph is here.", "And a second one follows it."]
    assert scoring.rouge_lsum(body, body).f1 == pytest.approx(1.0)
    assert scoring.rouge_lsum(body, []).f1 == 0.0


def test_rouge_lsum_takes_the_best_optional_paragraph_variant():
    reference = ["Main text of the story goes here.", "[Read more: an optional teaser line.]"]
    without = scoring.rouge_lsum(reference, ["Main text of the story goes here."])
    with_it = scoring.rouge_lsum(reference, ["Main text of the story goes here.", "Read more: an optional teaser line."])
    assert without.f1 == pytest.approx(1.0)
    assert with_it.f1 == pytest.approx(1.0)
    required_only = scoring.rouge_lsum([reference[0], reference[1][1:-1]], ["Main text of the story goes here."])
    assert required_only.f1 < 1.0


def test_rouge_lsum_penalises_extra_and_missing_text():
    reference = ["Alpha beta gamma delta."]
    extra = scoring.rouge_lsum(reference, ["Alpha beta gamma delta.", "Subscribe to our newsletter now."])
    assert extra.recall == pytest.approx(1.0)
    assert extra.precision == pytest.approx(4 / 9)
    missing = scoring.rouge_lsum(reference, ["Alpha beta."])
    assert missing.precision == pytest.approx(1.0)
    assert missing.recall == pytest.approx(0.5)


def test_reference_variants_cap_the_powerset():
    body = ["a", "[b]", "c", "[d]"]
    assert sorted(scoring.reference_variants(body)) == [[0, 1, 2], [0, 1, 2, 3], [0, 2], [0, 2, 3]]
    many = ["x"] + [f"[{i}]" for i in range(6)]
    assert list(scoring.reference_variants(many, max_optional=4)) == [list(range(7)), [0]]


# --------------------------------------------------------------------------------------------
# metadata


def test_title_match_ignores_case_and_punctuation_but_not_words():
    assert scoring.title_match("Harbour re-opens: “finally”", "harbour re opens finally")
    assert not scoring.title_match("Harbour reopens", "Harbour reopens today")
    assert not scoring.title_match(None, "Anything")
    assert not scoring.title_match("", "")


def test_author_score_sets_of_normalised_names():
    s = scoring.author_score(["Lorne Cook", "TARA COPP"], ["Lorne Cook", "Tara Copp"])
    assert (s.precision, s.recall, s.f1, s.exact) == (1.0, 1.0, 1.0, True)
    half = scoring.author_score(["Lorne Cook", "Staff"], ["Lorne Cook"])
    assert (half.precision, half.recall, half.exact) == (0.5, 1.0, False)
    assert scoring.author_score([], []).exact
    assert scoring.author_score([], ["José Álvarez"]).f1 == 0.0
    assert scoring.author_score(["Jose Alvarez"], ["José Álvarez"]).exact


def test_date_match_by_calendar_day():
    assert scoring.date_match("2024-10-28T10:24:00-07:00", "2024-10-28")
    assert scoring.date_match("2021-11-01", "2021-11-01T10:52:50+0100")
    assert not scoring.date_match("2024-10-27", "2024-10-28")
    assert not scoring.date_match(None, "2024-10-28")
    assert not scoring.date_match("October 28, 2024", "2024-10-28")


def test_byline_match_against_free_text_byline():
    assert scoring.byline_match(["Scott Cunningham"], "By\n\t\tScott Cunningham")
    assert scoring.byline_match(["Stella Kim", "Jennifer Jett"], "Stella Kim, Jennifer Jett")
    assert scoring.byline_match(["Scott Cunningham"], "Scott Cunningham Jr")
    assert not scoring.byline_match(["Scott Cunning"], "Scott Cunningham")
    assert not scoring.byline_match([], "Scott Cunningham")
    assert not scoring.byline_match(["Jane Doe"], "Scott Cunningham")


# --------------------------------------------------------------------------------------------
# attributions


def _q(content, para=0, speaker="Sabrina Singh", cue="said", doc="d", kind="person"):
    return Quote(doc, para, content, speaker, kind, cue)


def test_attribution_matching_is_one_to_one_and_by_paragraph():
    gold = [_q("North Korea has sent about 10,000 troops to Russia"), _q("the troops will fight soon", para=1)]
    pred = [
        _q("North Korea has sent about 10,000 troops to Russia"),
        _q("North Korea has sent about 10,000 troops"),  # second match for the same gold: unmatched
        _q("the troops will fight soon", para=2),  # wrong paragraph
    ]
    scores = scoring.attribution_scores(pred, gold)
    assert scores["p@0.3"] == pytest.approx(1 / 3)
    assert scores["r@0.3"] == pytest.approx(1 / 2)


def test_attribution_overlap_thresholds():
    gold = [_q("one two three four five six seven eight nine ten")]
    pred = [_q("one two three four five")]
    scores = scoring.attribution_scores(pred, gold)
    assert scores["f1@0.3"] == 1.0
    assert scores["f1@0.8"] == 0.0


def test_speaker_by_surname_for_persons_and_cue_accuracy():
    gold = [_q("alpha beta gamma", speaker="Sabrina Singh"), _q("delta epsilon", speaker="Pentagon", kind="organization", cue=None)]
    pred = [_q("alpha beta gamma", speaker="Singh", cue="told reporters"), _q("delta epsilon", speaker="the Pentagon", cue=None)]
    scores = scoring.attribution_scores(pred, gold)
    assert scores["speaker"] == 0.5  # "Singh" resolves by surname; "the Pentagon" is another name
    assert scores["cue"] == 0.5


# --------------------------------------------------------------------------------------------
# text dump baselines


def test_c4_filter_keeps_sentence_lines():
    dump = (
        "Menu\nSign up for our newsletter\nThe council voted on Tuesday to reopen the harbour.\n"
        "“We are truly delighted,” she said.\n“Great,” he said.\n"
    )
    assert bench_datasets.c4_filter(dump) == [
        "The council voted on Tuesday to reopen the harbour.",
        "“We are truly delighted,” she said.",
    ]
    assert len(bench_datasets.keep_all(dump)) == 5


# --------------------------------------------------------------------------------------------
# reproductions of published numbers


def _peer(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data.get("output", data)


@pytest.mark.parametrize("tool,expected", [("trafilatura", "0.958"), ("rs_trafilatura", "0.970"), ("AutoExtract", "0.970")])
def test_scrapinghub_shingle_f1_reproduces_published(datasets, tool, expected):
    root = datasets / "scrapinghub"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pred = _peer(root / "peer-outputs" / f"{tool}.json")
    pages = [scoring.shingle_page(v.get("articleBody", ""), pred[k].get("articleBody", "")) for k, v in truth.items()]
    assert f"{scoring.shingle_summary(pages)['f1']:.3f}" == expected


@pytest.mark.parametrize("tool,expected", [("fundus", 97.69), ("trafilatura", 93.62)])
def test_fundus_rouge_lsum_reproduces_published(datasets, tool, expected):
    root = datasets / "fundus-eval"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pred = json.loads((root / "peer-extractions" / f"{tool}.json").read_text(encoding="utf-8"))
    scores = [scoring.rouge_lsum(truth[k]["body"], pred[k]["body"]) for k in sorted(truth)]
    assert scoring.rouge_summary(scores)["f1"] == pytest.approx(expected, abs=0.15)


def test_textdump_baselines_reproduce_published(datasets):
    docs = bench_datasets.load("textdumps", datasets)
    for baseline, expected in ((bench_datasets.keep_all, 0.654), (bench_datasets.c4_filter, 0.820)):
        pages = [scoring.shingle_page(d.gold["text"], "\n\n".join(baseline(d.path.read_text(encoding="utf-8")))) for d in docs]
        assert scoring.shingle_summary(pages)["f1"] == pytest.approx(expected, abs=0.005)



def test_readme_tables_are_replaced_between_the_markers(tmp_path: Path) -> None:
    latest = (
        "# byline benchmark\n\n`make bench` on today: 2 cores.\n\nVersions: x.\n\n"
        "## Article body and speed (HTML pages)\n\n| tool | F1 |\n| byline | 0.97 |\n\n"
        "## Scorer check: stored peer outputs\n\n| dataset |\n"
    )
    readme = tmp_path / "README.md"
    readme.write_text(f"# x\n\n{report.README_START}\nold numbers\n{report.README_END}\n\n## Next\n")
    for _ in range(2):  # idempotent
        assert report.update_readme(latest, readme)
        text = readme.read_text()
        assert "old numbers" not in text and "| byline | 0.97 |" in text and "`make bench` on today" in text
        assert "Scorer check" not in text and text.endswith(f"{report.README_END}\n\n## Next\n")
    unmarked = tmp_path / "unmarked.md"
    unmarked.write_text("# no markers\n")
    assert not report.update_readme(latest, unmarked)
    assert unmarked.read_text() == "# no markers\n"
