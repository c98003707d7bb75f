from __future__ import annotations

import byline

_PARA = (
    "The council voted on Tuesday to extend the night bus service to the eastern suburbs, "
    "after months of complaints from shift workers who had no way home."
)


def _body(article_html: str) -> list[str]:
    page = f"<html><head><title>Night buses</title></head><body><article>{article_html}</article></body></html>"
    return list(byline.extract(page).body)


def test_repeated_paragraphs_are_kept() -> None:
    """Pages repeat real content (recipes per day, spec lists): repetition alone is no sign of boilerplate."""
    step = "<p>Portion: one cup of rice, two eggs and a handful of spinach.</p>"
    body = _body(f"<p>{_PARA}</p><h2>Monday</h2>{step}<h2>Tuesday</h2>{step}<p>{_PARA} Again.</p>")
    assert body.count("Portion: one cup of rice, two eggs and a handful of spinach.") == 2


def test_publication_stamps_are_not_body() -> None:
    body = _body(
        f"<div>Politics / March 4, 2024</div><p>Updated: Mar. 5, 2024, 1:59 p.m.</p><p>{_PARA}</p>"
        "<p>Jane Roe<span>2 March 2024 22:17</span></p>"
        "<p>The first bus leaves on March 4, 2024 from the depot on Mill Road.</p>"
    )
    assert body == [_PARA, "The first bus leaves on March 4, 2024 from the depot on Mill Road."]


def test_latest_stories_box_inside_the_article_is_dropped() -> None:
    teaser = "<p>The mayor is expected to announce a new budget for the libraries next week.</p>"
    body = _body(f"<p>{_PARA}</p><div class='latest-box'><h3>Our Latest Stories</h3>{teaser}</div>")
    assert body == [_PARA]


def test_interface_prompts_are_not_body() -> None:
    prompts = [
        "Article continues below this ad",
        "Already a subscriber? Sign in",
        "Please enter a valid email address.",
        "Click to Hide",
        "Join our commenting forum",
        "Metro News Agency. All rights reserved.",
        "2 free articles left",
        "Want More? Get unlimited access for as low as $1.99/month",
        "Join Metro Plus for access to this content",
        "Comments are closed.",
        "Most Read",
        "Caption",
        "Close",
    ]
    body = _body(f"<p>{_PARA}</p>" + "".join(f"<p>{p}</p>" for p in prompts))
    assert body == [_PARA]


def test_heading_anchor_ids_are_not_boilerplate_names() -> None:
    """An id made from a section's heading ("sharing-with-a-single-developer") names text, not a share bar."""
    section = f"<div id='sharing-the-road-with-cyclists'><h2>Sharing the road</h2><p>{_PARA}</p></div>"
    body = _body(f"<p>{_PARA} First.</p><p>{_PARA} Second.</p>{section}")
    assert _PARA in body


def test_sign_up_form_inside_the_article_is_dropped() -> None:
    form = (
        "<form action='/subscribe'><h4>The Weekly</h4><p>Fridays. A weekly digest of the best of our coverage, "
        "straight to your inbox.</p><input name='email'><p>By signing up, you agree to receive occasional "
        "promotional offers from us.</p></form>"
    )
    body = _body(f"<p>{_PARA}</p>{form}<p>{_PARA} Later.</p>")
    assert body == [_PARA, f"{_PARA} Later."]


def test_page_wrapped_in_one_form_keeps_its_article() -> None:
    page = f"<html><body><form action='/postback'><div><p>{_PARA}</p><p>{_PARA} Later.</p></div></form></body></html>"
    assert list(byline.extract(page).body) == [_PARA, f"{_PARA} Later."]


def _lead_figure_page(between: str) -> str:
    body = "".join(f"<p>{_PARA} Paragraph {i}.</p>" for i in range(4))
    return (
        "<html><head><title>Night buses to run until 3am</title></head><body><article>"
        "<h1>Night buses to run until 3am</h1><div class='byline'>By Ann Poe</div>"
        f"{between}<div class='story-text'>{body}</div></article></body></html>"
    )


def test_lead_figure_beside_the_text_column_goes_to_media() -> None:
    """A photo between the headline and the body's own container is the article's lead image."""
    figure = (
        "<figure><img src='https://example.com/bus.jpg'><figcaption>A night bus at the depot."
        " <span>(Photo by Jo Lee/Example News)</span></figcaption></figure>"
    )
    article = byline.extract(_lead_figure_page(figure))
    assert [(m.position, m.url, m.caption, m.credit) for m in article.media] == [
        (0, "https://example.com/bus.jpg", "A night bus at the depot.", "Photo by Jo Lee/Example News")
    ]
    assert not any("night bus at the depot" in p for p in article.body)


def test_an_image_above_the_headline_is_not_the_lead_figure() -> None:
    page = _lead_figure_page("").replace("<article>", "<div><img src='https://example.com/promo.jpg'></div><article>")
    assert byline.extract(page).media == []


def test_credits_split_from_captions() -> None:
    from byline.html.content import split_credit

    assert split_credit("Crowds gather. (AP Photo/Virginia Mayo)") == ("Crowds gather.", "AP Photo/Virginia Mayo")
    assert split_credit("A man walks. Photo: Jane Roe/Reuters") == ("A man walks.", "Photo: Jane Roe/Reuters")
    assert split_credit("Video shows a man walking home.") == ("Video shows a man walking home.", None)


def test_page_notices_are_not_body() -> None:
    """Paid-link disclosures and newsletter calls describe the page, not the story."""
    notices = [
        "We may earn a commission from links on this page.",
        "Want more transport news? Sign up for our free weekly newsletter to get the latest stories.",
        "All products featured here are independently selected by our editors. However, when you "
        "buy something through our retail links, we may earn an affiliate commission.",
    ]
    body = _body("".join(f"<p>{n}</p>" for n in notices) + f"<p>{_PARA}</p>")
    assert body == [_PARA]


def test_story_cards_after_the_article_are_not_body() -> None:
    """A linked headline with a one-line blurb under it is another story's card; a blurb-sized
    paragraph after a heading that is merely followed by the article text stays."""
    card = (
        "<div class='card'><h2><a href='/other'>Ferry fares to rise in spring</a></h2>"
        "<p>Commuters face a ten per cent increase from April, the operator said.</p></div>"
    )
    article = (
        f"<div class='text'><p>{_PARA}</p><p>{_PARA} More.</p><p>{_PARA} Again.</p>"
        "<div><h3><a href='/other'>See also: Ferry fares</a></h3></div>"
        "<p>Drivers welcomed the change and said they would hire more staff.</p></div>"
    )
    page = f"<html><body><div>{article}<div class='grid'>{card * 6}</div></div></body></html>"
    body = list(byline.extract(page).body)
    assert "Commuters face a ten per cent increase from April, the operator said." not in body
    assert body[-1] == "Drivers welcomed the change and said they would hire more staff."


def test_stories_stacked_under_the_article_are_dropped() -> None:
    """Infinite scroll appends the next stories, each under its own h1, below the one asked for."""
    other = "The library will open on Sundays from May, the council said in a statement on Friday."
    stories = "".join(
        f"<article><h1>{title}</h1>" + f"<p>{text}</p>" * 6 + "</article>"
        for title, text in (("Night buses", _PARA), ("Library hours", other))
    )
    body = list(byline.extract(f"<html><body><div>{stories}</div></body></html>").body)
    assert body == [_PARA] * 6


def test_sections_headed_by_h1_stay_in_the_text() -> None:
    sections = "".join(f"<section><h1>Part {n}</h1>" + f"<p>{_PARA}</p>" * 6 + "</section>" for n in (1, 2))
    page = f"<html><body><div><h1>Night buses</h1><p>{_PARA}</p>{sections}</div></body></html>"
    assert len(byline.extract(page).body) == 15


def test_story_cards_outweighing_the_article_are_not_a_wrapper() -> None:
    """A marked list of cards may hold more text than the article; it is no wrapper around it."""
    blurb = "A long summary of another story that the site would like you to read next, " * 3
    cards = "".join(
        f"<div><h3><a href='/s{n}'>Another story {n}</a></h3><p>{blurb}</p></div>" for n in range(8)
    )
    page = (
        f"<html><body><div class='article-body'>{f'<p>{_PARA}</p>' * 6}</div>"
        f"<div class='more-stories'>{cards}</div></body></html>"
    )
    assert list(byline.extract(page).body) == [_PARA] * 6


def test_news_round_up_with_linked_sentences_is_the_body() -> None:
    """Each item of a round-up links half its sentence to the full story; it is still prose."""
    item = (
        "<li><a href='/s'>The council has voted to extend the night bus service</a> to the eastern "
        "suburbs after months of complaints from shift workers who had no way home at night.</li>"
    )
    side = f"<div><p>{_PARA}</p></div>"
    page = f"<html><body>{side}<div><p>Good morning! Here is the news.</p><ul>{item * 8}</ul></div></body></html>"
    body = byline.extract(page).body
    assert sum(text.startswith("The council has voted") for text in body) == 8


def test_copyright_notices_are_not_body() -> None:
    notice = (
        "This document is subject to copyright. Apart from any fair dealing for the purpose of private "
        "study or research, no part may be reproduced without the written permission."
    )
    assert _body(f"<p>{_PARA}</p><p>{notice}</p>") == [_PARA]
