from __future__ import annotations

import pytest

from byline.names import clean_name, is_person_name, parse_byline


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By LORNE COOK and TARA COPP", ["Lorne Cook", "Tara Copp"]),
        ("By LORNE COOK and TARA COPPUpdated 10:24 AM MST, October 28, 2024Share", ["Lorne Cook", "Tara Copp"]),
        ("Jane Doe, Senior Reporter", ["Jane Doe"]),
        ("By Jane Doe | Reuters", ["Jane Doe"]),
        ("Written by John Smith (john@example.com) @jsmith", ["John Smith"]),
        ("By Jane Doe in London", ["Jane Doe"]),
        ("By Jane Doe, John Roe and Max Poe", ["Jane Doe", "John Roe", "Max Poe"]),
        ("By Jane Doe & John Roe", ["Jane Doe", "John Roe"]),
        ("By PATRICK MCDONALD and SEAN O'NEIL", ["Patrick McDonald", "Sean O'Neil"]),
        ("By John Garcia, Jr.", ["John Garcia Jr."]),
        ("By The Associated Press", ["The Associated Press"]),
        ("Reuters", ["Reuters"]),
        ("Staff", []),
        ("Jane Roe Wellness Writer", ["Jane Roe"]),
        ("Mary Ann Smith Writer", ["Mary Ann Smith"]),
        ("By Mary Ann Poe Senior Politics Reporter", ["Mary Ann Poe"]),
        ("JANE DOE STAFF WRITER", ["Jane Doe"]),
        ("By Jane Doe and John Roe Staff Writers", ["Jane Doe", "John Roe"]),
        ("Example.com Staff", []),
        ("Example News Staff Writer", []),
        ("Editorial Board", []),
        ("Photo by Jane Doe", []),
        ("Posted by admin", []),
        ("Read more", []),
        ("", []),
    ],
)
def test_parse_byline(byline: str, expected: list[str]) -> None:
    assert parse_byline(byline) == expected


def test_clean_name() -> None:
    assert clean_name("jan van der berg") == "Jan van der Berg"
    assert clean_name("By: Mary-Jane O'Brien-Smith") == "Mary-Jane O'Brien-Smith"
    assert clean_name("Jane Doe (AP)") == "Jane Doe"
    assert clean_name("https://example.com/author/jane-doe") is None
    assert clean_name("Senior Reporter") is None


@pytest.mark.parametrize("name", ["Thomas W. Smith", "George T. Conway III", "Enrico de Lazaro", "María José García", "AP"])
def test_is_person_name_accepts(name: str) -> None:
    assert is_person_name(name)


def test_organisations_after_names_are_dropped() -> None:
    assert parse_byline("Kaitlyn McCormick | Cherry Hill Courier-Post") == ["Kaitlyn McCormick"]
    assert parse_byline("By John O'Connor The Associated Press") == ["John O'Connor"]
    assert parse_byline("Finian Cunningham. Sputnik International") == ["Finian Cunningham"]
    assert parse_byline("by Eleanor Roy (reporting) and Adrian Malloch (photography)") == ["Eleanor Roy"]
    assert parse_byline("on March 10, 2015 by Nikhil Marathe") == ["Nikhil Marathe"]


@pytest.mark.parametrize("name", ["CNN Business", "Coordenadoria de TI", "J J", "Watch Live", "事務所 ／"])
def test_organisation_shapes_are_not_names(name: str) -> None:
    assert clean_name(name) is None


@pytest.mark.parametrize("name", ["Jane", "Washington Post Staff", "Click here to subscribe", "Jane Doe 2024", "LORNE COOK", "news desk"])
def test_is_person_name_refuses(name: str) -> None:
    assert not is_person_name(name)


def test_outlet_glued_after_a_name_as_one_camelcase_word():
    assert parse_byline("By Janelle Ash FOXBusiness") == ["Janelle Ash"]
    assert parse_byline("Ann Oduya CountyNews") == ["Ann Oduya"]
    assert parse_byline("By Ann McCormick MacDonald") == ["Ann McCormick MacDonald"]
    assert parse_byline("By Ann Lee DeShawn") == ["Ann Lee DeShawn"]
