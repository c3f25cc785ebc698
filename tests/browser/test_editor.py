"""An editor (not a superuser) creates a vertrouwenspersoon profile in the Dutch admin: she
types the name and the required fields, never the slug, and publishes."""

import pytest
from playwright.sync_api import expect

from tests.factories_core import make_editor, make_regenboog
from wagtail_vertrouwen.models import VertrouwenspersoonPage

PASSWORD = "Redactie-profiel-2026"  # noqa: S105
NAME = "Noor van den Berg"


@pytest.fixture
def school(live_server, transactional_db):
    """De Regenboog with its (empty) profiles index, and a web editor of its pages."""
    home = make_regenboog()
    editor = make_editor(home)
    editor.set_password(PASSWORD)
    editor.save()
    return {"home": home, "index": home.vertrouwenspersonen_page, "editor": editor}


@pytest.fixture
def editor_page(live_server, school, new_context, settings):
    settings.WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin would ask releases.wagtail.org
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", school["editor"].username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")
    return page


def test_a_new_profile_is_published_with_a_slug_from_its_name(live_server, school, editor_page):
    page = editor_page
    index = school["index"]
    page.goto(
        f"{live_server.url}/admin/pages/add/wagtail_vertrouwen/vertrouwenspersoonpage/{index.pk}/"
    )
    title = page.locator("#id_title")
    title.click()
    title.press_sequentially(NAME)
    page.locator("input[name=roles][value=interne_vertrouwenspersoon]").check()
    page.fill("#id_phone", "0487-111222")

    # Publish: in the footer's action menu, behind the toggle next to "Concept opslaan".
    page.locator(".w-dropdown-button .w-dropdown__toggle").first.click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(f"**/admin/pages/{index.pk}/")
    expect(page.locator(".messages .success")).to_be_visible()

    profile = VertrouwenspersoonPage.objects.get(title=NAME)
    assert profile.live
    assert profile.slug == "noor-van-den-berg"
    assert profile.url_path.endswith("/vertrouwenspersonen/noor-van-den-berg/")
    visitor = page.context.new_page()
    visitor.goto(f"{live_server.url}/vertrouwenspersonen/noor-van-den-berg/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text(NAME)
