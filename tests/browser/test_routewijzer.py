"""A parent on a phone finds whom to talk to: with and without JavaScript, by keyboard.

Each test builds the demo's schools with only the people it looks at (``live_board``); the
screenshots of the profile and index pages for the docs are taken of the whole demo.
"""

import pytest
from playwright.sync_api import expect

from .conftest import screenshot

BULLYING_FOR_PARENTS = 'section.vw-route[data-audience="ouder"][data-area="ongewenst_gedrag"]'
#: The people on the parents' bullying route of De Regenboog, and one of De Vlinder's.
BULLYING_PEOPLE = ("Fatima El Amrani", "Hanneke Bosman", "Yusuf Demir")
EXPECTED_STEPS = [
    "Mentor of leraar",
    "Aanspreekpunt pesten",
    "Schoolleiding",
    "Schoolbestuur (bevoegd gezag)",
    "Vertrouwenspersoon (intern of extern)",
    "Klachtencommissie",
]


def assert_bullying_route_for_parents_of_regenboog(page):
    route = page.locator(BULLYING_FOR_PARENTS)
    expect(route).to_be_visible()
    assert page.locator("section.vw-route:visible").count() == 1
    steps = route.locator("li.vw-step")
    assert steps.locator(".vw-step__who").all_inner_texts() == EXPECTED_STEPS
    confidant = steps.nth(4)
    expect(confidant.get_by_role("link", name="Fatima El Amrani")).to_be_visible()
    expect(confidant.locator('a[href="tel:0487123456"]')).to_be_visible()
    expect(confidant.get_by_role("link", name="Hanneke Bosman")).to_be_visible()
    assert "Yusuf Demir" not in route.inner_text()
    return route


def test_parent_finds_the_bullying_route_without_a_page_load(live_board, phone):
    board = live_board(*BULLYING_PEOPLE)
    phone.goto(board["regenboog_url"] + "/")
    phone.evaluate("window.__samePage = true")
    expect(phone.locator("section.vw-route:visible")).to_have_count(0)

    phone.get_by_role("radio", name="Ouder of verzorger").check()
    phone.locator("input[name=gebied][value=ongewenst_gedrag]").check()

    assert_bullying_route_for_parents_of_regenboog(phone)
    assert phone.evaluate("window.__samePage") is True  # no navigation happened
    assert "wie=ouder" in phone.url and "gebied=ongewenst_gedrag" in phone.url
    screenshot(phone, "routewijzer-ouder-nl.png", phone.locator(BULLYING_FOR_PARENTS))


def test_the_same_path_works_without_javascript(live_board, new_context):
    board = live_board(*BULLYING_PEOPLE)
    page = new_context(java_script_enabled=False).new_page()
    page.goto(board["regenboog_url"] + "/")
    page.get_by_role("radio", name="Ouder of verzorger").check()
    page.locator("input[name=gebied][value=ongewenst_gedrag]").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Toon mijn route").click()
    assert "wie=ouder" in page.url and "gebied=ongewenst_gedrag" in page.url
    assert_bullying_route_for_parents_of_regenboog(page)


def test_keyboard_alone_reaches_the_route_and_lands_on_it(live_board, phone):
    board = live_board(*BULLYING_PEOPLE)
    phone.goto(board["regenboog_url"] + "/")
    for _ in range(40):
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.name") == "wie":
            break
    else:
        pytest.fail("the audience choice cannot be reached with Tab")
    phone.keyboard.press("ArrowDown")  # leerling -> ouder
    assert phone.evaluate("document.activeElement.value") == "ouder"
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.name") == "gebied"
    for _ in range(5):  # schoolorganisatie -> ... -> ongewenst_gedrag
        phone.keyboard.press("ArrowDown")
    assert phone.evaluate("document.activeElement.value") == "ongewenst_gedrag"
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.type") == "submit"
    phone.keyboard.press("Enter")
    assert phone.evaluate("document.activeElement.id") == "vw-route-ouder-ongewenst_gedrag"
    assert_bullying_route_for_parents_of_regenboog(phone)


def test_the_other_school_shows_its_own_people(live_board, phone):
    board = live_board(*BULLYING_PEOPLE)
    phone.goto(board["vlinder_url"] + "/?wie=ouder&gebied=ongewenst_gedrag")
    route = phone.locator(BULLYING_FOR_PARENTS)
    expect(route.get_by_role("link", name="Yusuf Demir")).to_be_visible()
    expect(route.get_by_role("link", name="Hanneke Bosman")).to_be_visible()
    assert "Fatima El Amrani" not in route.inner_text()


def test_urgent_areas_put_the_emergency_lines_first(live_board, phone):
    board = live_board(schools=["regenboog"])
    phone.goto(board["regenboog_url"] + "/?wie=leerling&gebied=huiselijk_geweld")
    route = phone.locator(
        'section.vw-route[data-audience="leerling"][data-area="huiselijk_geweld"]'
    )
    urgent = route.locator(".vw-urgent")
    for number in ("112", "08002000", "09001113111"):
        expect(urgent.locator(f'a[href="tel:{number}"]')).to_be_visible()
    first_step = route.locator("li.vw-step").first
    assert urgent.bounding_box()["y"] < first_step.bounding_box()["y"]


@pytest.mark.parametrize("query", ["?wie=xx&gebied=zz", "?wie=ouder&gebied=%3Cscript%3E"])
def test_unknown_choices_show_the_chooser(live_board, phone, query):
    board = live_board(schools=["regenboog"])
    response = phone.goto(board["regenboog_url"] + "/" + query)
    assert response.status == 200
    expect(phone.locator(".vw-notice")).to_be_visible()
    expect(phone.get_by_role("button", name="Toon mijn route")).to_be_visible()
    expect(phone.locator("section.vw-route:visible")).to_have_count(0)


@pytest.mark.parametrize(
    "path",
    [
        "/?wie=ouder&gebied=ongewenst_gedrag",
        "/vertrouwenspersonen/fatima-el-amrani/",
        "/vertrouwenspersonen/",
        "/ar/?wie=leerling&gebied=huiselijk_geweld",
    ],
)
def test_nothing_scrolls_sideways_on_a_360_pixel_phone(live_board, phone, path):
    # Long names, addresses and an organisation; a school filter (Hanneke serves both).
    board = live_board("Fatima El Amrani", "Marieke Jansen", "Hanneke Bosman", languages=["ar"])
    phone.goto(board["regenboog_url"] + path)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_arabic_is_right_to_left(live_board, phone):
    board = live_board("Fatima El Amrani", schools=["regenboog"], languages=["ar"])
    phone.goto(board["regenboog_url"] + "/ar/")
    html = phone.locator("html")
    expect(html).to_have_attribute("dir", "rtl")
    expect(html).to_have_attribute("lang", "ar")
    # The chooser mirrors: the radio sits at the right edge of its option.
    option = phone.locator(".vw-option").first
    radio = option.locator("input")
    assert (
        radio.bounding_box()["x"] > option.bounding_box()["x"] + option.bounding_box()["width"] / 2
    )
    phone.get_by_role("radio").nth(1).check()
    phone.locator("input[name=gebied][value=huiselijk_geweld]").check()
    route = phone.locator('section.vw-route[data-audience="ouder"][data-area="huiselijk_geweld"]')
    expect(route).to_be_visible()
    screenshot(phone, "routewijzer-ar.png", route)


def test_profile_and_index_screenshots(live_demo, phone):
    phone.goto(live_demo["regenboog_url"] + "/vertrouwenspersonen/fatima-el-amrani/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Fatima El Amrani")
    screenshot(phone, "profiel-nl.png")
    phone.goto(live_demo["regenboog_url"] + "/vertrouwenspersonen/")
    expect(phone.get_by_role("heading", name="Externe vertrouwenspersoon")).to_be_visible()
    screenshot(phone, "index-nl.png")
