"""Text dump → Article: repair of glued fragments, line kinds, the seed record, dev accuracy."""

from __future__ import annotations

import json
from pathlib import Path

import bench.datasets
from bench.scoring import shingle_page, shingle_summary
from byline import extract
from byline.text import extract_text
from byline.text.repair import fix_mojibake, split_glued

FIXTURES = Path(__file__).parent / "fixtures" / "text"
SEED = "textdumps/seed/ap-north-korea-troops"

NAV = "\n".join(["Home", "News", "Sports", "Business", "Subscribe", "Sign In", "Search"])
PARAGRAPHS = [
    "The county board voted on Monday to extend library hours on weekends, a change residents had requested for years at public meetings.",
    "Branches will open at nine in the morning on Saturdays and Sundays starting next month, and the main library will stay open until eight in the evening.",
    "The board said the cost would be covered by savings from a new energy contract, so no other services will be cut to pay for the longer hours.",
    "Library director Ann Park said the staff was ready, and that volunteers would help run the children’s reading programmes on weekend mornings.",
]


def _dump(*middle: str, tail: tuple[str, ...] = ("About Us", "Privacy Policy", "© 2025 County News")) -> str:
    title = "County extends library hours on weekends"
    return "\n".join([f"{title} | County News", NAV, title, *middle, *tail])


def test_split_glued_fragments():
    assert split_glued("By LORNE COOK and TARA COPPUpdated 10:24 AM MST, October 28, 2024Share") == [
        "By LORNE COOK and TARA COPP",
        "Updated 10:24 AM MST, October 28, 2024",
        "Share",
    ]
    assert split_glued("0 seconds of 2 minutes, 19 secondsVolume 90%") == ["0 seconds of 2 minutes, 19 seconds", "Volume 90%"]
    assert split_glued("on Oct. 28, 2024. (AP Photo/Virginia Mayo)Read More") == [
        "on Oct. 28, 2024. (AP Photo/Virginia Mayo)",
        "Read More",
    ]
    assert split_glued("Published Wed, Feb 28 20247:00 AM EST") == ["Published Wed, Feb 28 2024 7:00 AM EST"]
    # Ordinary words that merely start like furniture stay whole.
    assert split_glued("Shareholders were Updated daily.  Shares rose") == ["Shareholders were Updated daily. Shares rose"]


def test_fix_mojibake():
    assert fix_mojibake("Biden\u00e2\u0080\u0099s approval") == "Biden\u2019s approval"
    assert fix_mojibake("Biden\u00e2\u20ac\u2122s approval") == "Biden\u2019s approval"
    assert fix_mojibake("café déjà vu") == "café déjà vu"


def test_fixture_record():
    article = extract_text((FIXTURES / "harbor-bridge.txt").read_text())
    assert article.title == "Harbor bridge to close for repairs next month, city says"
    assert article.authors == ["Maria Lopez"]
    assert article.published == "2025-01-08T09:15:00-05:00"
    assert article.modified is None
    assert article.dateline is not None and article.dateline.place == "RIVERSIDE"
    assert len(article.body) == 7
    assert article.body[0].startswith("RIVERSIDE (RL) — The Harbor Bridge")
    assert article.body[-1].startswith("Residents can sign up")
    assert not any("Subscribe" in p or "newsletter" in p or "©" in p for p in article.body)
    assert article.related == [
        "City council approves budget with new money for road repairs",
        "Fifth Street crossing to get new traffic signals this spring",
    ]
    assert [(m.caption, m.credit) for m in article.media] == [
        ("Cars cross the Harbor Bridge during the morning commute on Tuesday.", "Riverside Ledger Photo/Sam Ortiz")
    ]
    assert article.truncated is False


def test_truncated_only_when_the_dump_stops_mid_sentence():
    cut = _dump(*PARAGRAPHS[:3], "Library director Ann Park said the staff", tail=())
    article = extract_text(cut)
    assert article.body[-1] == "Library director Ann Park said the staff"
    assert article.truncated is True
    whole = extract_text(_dump(*PARAGRAPHS))
    assert whole.body == PARAGRAPHS
    assert whole.truncated is False


def test_gallery_captions_become_media_not_body():
    gallery = ["1 of 2 |", "Readers at the main library on Saturday.", "2 of 2 |", "The reading room. (Photo: Jo Kim)"]
    article = extract_text(_dump(*gallery, *PARAGRAPHS))
    assert article.body == PARAGRAPHS
    assert [(m.position, m.caption, m.credit) for m in article.media] == [
        (1, "Readers at the main library on Saturday.", None),
        (2, "The reading room.", "Photo: Jo Kim"),
    ]


def test_extract_routes_text_dumps_here():
    text = (FIXTURES / "harbor-bridge.txt").read_text()
    assert extract(text).body == extract_text(text).body
    assert extract(text.encode()).title == extract_text(text).title


def test_seed_gives_the_expected_record(datasets):
    expected = json.loads((datasets / f"{SEED}.expected.json").read_text())
    record = extract((datasets / f"{SEED}.txt").read_bytes()).to_dict()
    for field in ("title", "authors", "published", "modified", "dateline", "body", "truncated", "related"):
        assert record[field] == expected[field], field
    media = [{key: m[key] for key in ("position", "caption", "credit")} for m in record["media"]]
    assert media == expected["media"]


def test_dev_dumps_body_f1(datasets):
    pages = []
    for d in bench.datasets.load("textdumps", datasets):
        pages.append(shingle_page(d.gold["text"], extract_text(d.path.read_text(encoding="utf-8")).text))
    assert shingle_summary(pages)["f1"] >= 0.90


def test_byline_part_of_a_line_with_a_date_or_glued_block():
    assert extract_text(_dump("May 2, 2025 at 9:15 am | By Dru Ellis", *PARAGRAPHS)).authors == ["Dru Ellis"]
    assert extract_text(_dump("By Ann Oduya on May 2, 2025", *PARAGRAPHS)).authors == ["Ann Oduya"]
    assert extract_text(_dump("ByAnn Oduya", *PARAGRAPHS)).authors == ["Ann Oduya"]
    assert extract_text(_dump("By Ann OduyaStaff Writer", *PARAGRAPHS)).authors == ["Ann Oduya"]
    assert extract_text(_dump("May 2, 2025 by", "Ann Oduya", *PARAGRAPHS)).authors == ["Ann Oduya"]


def test_bare_byline_only_under_the_headline_and_not_interface_labels():
    assert extract_text(_dump("Ann Oduya", *PARAGRAPHS)).authors == ["Ann Oduya"]
    assert extract_text(_dump("Ann Oduya, CountyNews.com", *PARAGRAPHS)).authors == ["Ann Oduya"]
    assert extract_text(_dump("Search Archive", *PARAGRAPHS)).authors == []
    assert extract_text(_dump("close panel", *PARAGRAPHS)).authors == []
    assert extract_text(_dump("BUY TICKETS", *PARAGRAPHS)).authors == []


def test_timestamps_on_their_own_line_above_or_below_the_headline():
    title = "County extends library hours on weekends"
    above = "\n".join([f"{title} | County News", NAV, "May 2, 2025", title, *PARAGRAPHS])
    assert extract_text(above).published == "2025-05-02"
    below = extract_text(_dump("By Ann Oduya", "May 2, 2025", *PARAGRAPHS))
    assert below.published == "2025-05-02"
    assert below.body == PARAGRAPHS
    assert split_glued("By Ann ODec. 18, 2025 9:00 am") == ["By Ann O", "Dec. 18, 2025 9:00 am"]


def test_numeric_date_above_the_headline_is_the_timestamp():
    title = "County extends library hours on weekends"
    article = extract_text("\n".join([f"{title} | County News", NAV, "12-22-23", title, *PARAGRAPHS]))
    assert article.published == "2023-12-22"


def test_headline_without_a_repeated_title_sits_above_byline_and_timestamps():
    title = "County extends library hours on weekends"
    header = [
        "Local News",
        title,
        "Residents asked for longer hours at public meetings for years and the board agreed",
        "By",
        "Ann Oduya",
        "May 2, 2025",
        "Share this article on:",
        "Jane Roe/The County News",
    ]
    article = extract_text("\n".join(["Library news roundup | County News", NAV, *header, *PARAGRAPHS]))
    assert article.title == title
    assert article.authors == ["Ann Oduya"]


def test_timestamp_further_above_the_headline_or_over_a_repeat_of_it():
    title = "County extends library hours on weekends"
    over_nav = "\n".join([f"{title} | County News", "May 2, 2025", NAV, "Local News", title, *PARAGRAPHS])
    assert extract_text(over_nav).published == "2025-05-02"


def test_headline_repeated_in_a_share_box_is_not_the_h1():
    title = "County extends library hours on weekends"
    share = ["Share", "Facebook", "Twitter", "Email", "Copy link", "Print"] * 2
    dump = "\n".join([f"{title} | County News", NAV, title, "By Ann Oduya", "May 2, 2025", *share, title, *PARAGRAPHS])
    article = extract_text(dump)
    assert (article.authors, article.published) == (["Ann Oduya"], "2025-05-02")


def test_byline_under_the_headline_when_the_body_seems_to_start_above_it():
    promo = [p.replace("library", "museum") for p in PARAGRAPHS[:3]]
    dump = "\n".join(["Weekend hours | County News", NAV, *promo, "Local News", "County extends library hours on weekends", "By Ann Oduya", *PARAGRAPHS])
    assert extract_text(dump).authors == ["Ann Oduya"]


def test_year_glued_to_the_next_date_or_a_name():
    assert split_glued("6 December 20236 December 2023") == ["6 December 2023", "6 December 2023"]
    assert split_glued("Dec 6, 2023Chris Price") == ["Dec 6, 2023", "Chris Price"]
    assert split_glued("In 2023 Chris said so.") == ["In 2023 Chris said so."]


def test_byline_above_the_headline_beats_a_related_list_repeating_it():
    title = "County extends library hours on weekends"
    related = ["Museum adds a late night on Fridays", "By Jo Park • May 1, 2025", title, "Park trails reopen", "By Lee Chan • May 3, 2025"]
    body = PARAGRAPHS + [p.replace("library", "branch") for p in PARAGRAPHS] + [p.replace("board", "council") for p in PARAGRAPHS]
    dump = "\n".join([f"{title} | County News", NAV, "By Ann Oduya", "May 2, 2025", title, *body, "More stories", *related])
    article = extract_text(dump)
    assert (article.authors, article.published) == (["Ann Oduya"], "2025-05-02")


def test_publication_statement_gives_the_date_when_the_header_shows_only_an_update():
    stated = extract_text(_dump("By Ann Oduya", "Updated May 3, 2025 9:00 AM", *PARAGRAPHS, "First published on May 2, 2025 / 8:10 AM EST"))
    assert (stated.published, stated.modified) == ("2025-05-02T08:10:00-05:00", "2025-05-03T09:00:00")
    at_end = extract_text(_dump("Updated May 3, 2025", *PARAGRAPHS, "This story was originally published May 2, 2025, 12:20 PM."))
    assert at_end.published == "2025-05-02T12:20:00"
    elsewhere = extract_text(_dump("Updated May 3, 2025", *PARAGRAPHS, "Originally published on Salon.com, archived Dec. 7, 2016"))
    assert elsewhere.published is None


def test_header_above_a_long_run_of_share_buttons():
    title = "County extends library hours on weekends"
    buttons = ["Facebook", "Twitter", "WhatsApp", "LinkedIn", "Email", "Print", "Copy article link", "Save"] * 3
    header = ["Local News", title, "Weekends just got longer!", "By Ann OduyaCity Columnist", "May 2, 2025", *buttons]
    article = extract_text("\n".join(["Library news roundup | County News", NAV, *header, *PARAGRAPHS]))
    assert (article.title, article.authors, article.published) == (title, ["Ann Oduya"], "2025-05-02")
