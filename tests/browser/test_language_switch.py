"""Switching language keeps the visitor's choice of audience and area, with and without
JavaScript."""

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.factories_core import make_board, translate_school

BULLYING_FOR_PARENTS = 'section.vw-route[data-audience="ouder"][data-area="ongewenst_gedrag"]'


@pytest.fixture
def school(live_server, transactional_db):
    """De Regenboog in Dutch, English and Arabic, with one person."""
    board = make_board("Fatima El Amrani", schools=["regenboog"])
    for language in ("en", "ar"):
        translate_school(board["homes"]["regenboog"], language, board["profiles"].values())
    return live_server.url.replace("localhost", "127.0.0.1")


def assert_route_kept(page, path):
    parts = urlsplit(page.url)
    assert parts.path == path
    assert parse_qs(parts.query) == {"wie": ["ouder"], "gebied": ["ongewenst_gedrag"]}
    expect(page.locator(BULLYING_FOR_PARENTS)).to_be_visible()
    assert page.locator("section.vw-route:visible").count() == 1


def test_without_javascript_the_language_links_keep_the_route(school, new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(school + "/")
    page.get_by_role("radio", name="Ouder of verzorger").check()
    page.locator("input[name=gebied][value=ongewenst_gedrag]").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Toon mijn route").click()

    with page.expect_navigation():
        page.locator(".site-languages a[hreflang=en]").click()
    assert_route_kept(page, "/en/")
    expect(page.locator(BULLYING_FOR_PARENTS + " h3")).to_contain_text("Your route")
    assert urlsplit(page.url).fragment == "routewijzer-result"

    with page.expect_navigation():
        page.locator(".site-languages a[hreflang=ar]").click()
    assert_route_kept(page, "/ar/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")


def test_with_javascript_a_choice_made_on_the_page_survives_the_switch(school, phone):
    phone.goto(school + "/")
    phone.get_by_role("radio", name="Ouder of verzorger").check()
    phone.locator("input[name=gebied][value=ongewenst_gedrag]").check()
    expect(phone.locator(BULLYING_FOR_PARENTS)).to_be_visible()  # shown without a page load

    with phone.expect_navigation():
        phone.locator(".site-languages a[hreflang=en]").click()
    assert_route_kept(phone, "/en/")
    expect(phone.get_by_role("radio", name="Parent or carer")).to_be_checked()

    # A new choice on the English page goes along to Arabic, too.
    phone.locator("input[name=gebied][value=seksueel_grensoverschrijdend_gedrag]").check()
    with phone.expect_navigation():
        phone.locator(".site-languages a[hreflang=ar]").click()
    query = parse_qs(urlsplit(phone.url).query)
    assert query == {"wie": ["ouder"], "gebied": ["seksueel_grensoverschrijdend_gedrag"]}
    expect(
        phone.locator(
            'section.vw-route[data-audience="ouder"][data-area="seksueel_grensoverschrijdend_gedrag"]'
        )
    ).to_be_visible()


def test_without_a_choice_the_language_links_stay_plain(school, phone):
    phone.goto(school + "/")
    assert phone.locator(".site-languages a[hreflang=en]").get_attribute("href") == "/en/"
