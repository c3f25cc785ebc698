"""An editor opens the homepage with the route-finder: light, titled, and nothing lost on save.

The areas of a route-finder open collapsed and their forms are built when first opened
(wagtail_vertrouwen/blocks/editor.py); bench/editor.py measures the difference.
"""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.factories_core import AREA_TITLES
from wagtail_vertrouwen.blocks import RoutewijzerBlock

PASSWORD = "Redactie-browser-2026"  # noqa: S105
#: Measured on the demo homepage: 10,911 elements and 588 fields before, 2,285 and 67 with
#: collapsed areas built on opening. The bounds leave room for Wagtail's own changes.
MAX_FIELDS = 150
MAX_NODES = 4000


@pytest.fixture
def board(live_board):
    """De Regenboog as in the demo (its route-finder homepage), with one of its people."""
    return live_board("Joost de Vries", schools=["regenboog"])


@pytest.fixture
def home(board):
    """The homepage, its first step (leerling, schoolorganisatie) pointing to a person."""
    home = board["homes"]["regenboog"]
    block = RoutewijzerBlock()
    raw = block.get_prep_value(home.body[0].value)
    raw["areas"][0]["value"]["leerling"][0]["value"].update(
        role="", person=board["profiles"]["Joost de Vries"].pk, action="Kom langs."
    )
    home.body = [("routewijzer", block.to_python(raw))]
    home.save_revision().publish()
    return home


@pytest.fixture
def admin_page(board, new_context, settings):
    settings.WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin would ask releases.wagtail.org
    user = get_user_model().objects.create_superuser("redactie", "r@example.org", PASSWORD)
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(board["regenboog_url"] + "/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")
    return page


def area_panel(page, title):
    """The panel of one area: the stream child nearest its header."""
    header = page.locator(".c-sf-block__type", has_text=title).first
    return header.locator("xpath=ancestor::*[@data-streamfield-child][1]")


def block_titles(locator):
    return [text.strip() for text in locator.locator(".c-sf-block__title").all_inner_texts()]


def stored_areas(home):
    home.refresh_from_db()
    body = home.get_latest_revision_as_object().body
    return RoutewijzerBlock().get_prep_value(body[0].value)["areas"]


def test_the_editor_opens_light_with_titled_areas_and_steps(board, home, admin_page):
    page = admin_page
    page.goto(f"{board['regenboog_url']}/admin/pages/{home.pk}/edit/")
    expect(page.locator(".c-sf-block__type", has_text="Routewijzer")).to_be_visible()

    fields = page.evaluate("document.querySelectorAll('input,select,textarea').length")
    nodes = page.evaluate("document.getElementsByTagName('*').length")
    assert fields <= MAX_FIELDS, fields
    assert nodes <= MAX_NODES, nodes
    # The six areas are there, collapsed, each titled by its name.
    types = page.locator("[data-streamfield-child] .c-sf-block__type").all_inner_texts()
    assert [t.strip() for t in types if t.strip() in AREA_TITLES] == AREA_TITLES
    assert page.locator(".c-sf-block__type", has_text="Stap").count() == 0

    # Opening an area builds its form: the routes per audience, steps titled by who.
    area = area_panel(page, "Schoolorganisatie")
    area.locator("[data-panel-toggle]").first.click()
    expect(area.get_by_text("Leerling", exact=True)).to_be_visible()
    expect(area.get_by_text("Ouder of verzorger", exact=True)).to_be_visible()
    titles = block_titles(area.locator("[data-streamfield-child]"))
    assert "Joost de Vries: Kom langs." in titles
    assert any(t.startswith("Schoolleiding: Praat met je teamleider") for t in titles), titles
    assert not any(title.startswith(("Stap", ":", "---")) for title in titles)
    assert page.evaluate("document.querySelectorAll('input,select,textarea').length") > fields


def test_saving_keeps_unopened_areas_and_the_edits_in_an_opened_one(board, home, admin_page):
    before = stored_areas(home)
    page = admin_page
    page.goto(f"{board['regenboog_url']}/admin/pages/{home.pk}/edit/")
    area = area_panel(page, "Onderwijs en begeleiding")
    area.locator("[data-panel-toggle]").first.click()
    explanation = area.locator("textarea[name$='-value-explanation']")
    explanation.fill("Gewijzigd door de redactie.")
    page.locator("button[name=action-publish], button.action-save").first.click()
    page.wait_for_load_state("load")
    expect(page.locator(".messages .success, .w-messages .success").first).to_be_visible()

    after = stored_areas(home)
    assert [a["type"] for a in after] == [a["type"] for a in before]
    assert after[1]["value"]["explanation"] == "Gewijzigd door de redactie."
    after[1]["value"]["explanation"] = before[1]["value"]["explanation"]
    assert after == before  # ids included: wagtail-localize finds its segments again
