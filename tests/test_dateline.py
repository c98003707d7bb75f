from __future__ import annotations

import pytest

from byline.dateline import parse_dateline
from byline.record import Dateline


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("BRUSSELS (AP) — North Korea has sent about 10,000 troops", Dateline("BRUSSELS", "AP")),
        ("WASHINGTON — The Pentagon said Monday", Dateline("WASHINGTON", None)),
        ("LONDON, Oct 28 (Reuters) - Britain's economy", Dateline("LONDON", "Reuters")),
        ("KYIV, Ukraine (AP) — Russia launched", Dateline("KYIV, Ukraine", "AP")),
        ("Washington (Reuters) - The United States", Dateline("Washington", "Reuters")),
        ("NEW YORK (CNN) — A jury", Dateline("NEW YORK", "CNN")),
        ("BEIJING, Oct. 28 (Xinhua) -- China", Dateline("BEIJING", "Xinhua")),
        ("THE HAGUE, Netherlands (AP) — The court", Dateline("THE HAGUE, Netherlands", "AP")),
        ("Santa Barbara, California—Reclusive and disaffected", Dateline("Santa Barbara, California", None)),
        ("NEW DELHI: The government said", Dateline("NEW DELHI", None)),
    ],
)
def test_parse_dateline(paragraph: str, expected: Dateline) -> None:
    assert parse_dateline(paragraph) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "The president said — and then left.",
        "UPDATE — The story has been corrected.",
        "North Korea has sent troops (about 10,000) - the Pentagon says.",
        "I — like many others — was surprised.",
        "CLAIM: The agency called the Air Force an enemy.",
        "However, Joe Biden — The president said.",
        "Meanwhile, Biden — The president said.",
        "PARIS — ",
        "",
    ],
)
def test_no_dateline(paragraph: str) -> None:
    assert parse_dateline(paragraph) is None
