"""The confidential channel end to end in Chromium: a pupil sends a melding from a phone (the
proof of work runs in the browser), and the vertrouwenspersoon reads it in the admin after
password, TOTP and unlock with her key passphrase.

Each test builds one school with the demo's melding form and one vertrouwenspersoon, not the
whole demo."""

import re

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.channel import png
from tests.factories import make_vp
from tests.factories_core import make_school_form
from wagtail_vertrouwen.channel.models import Melding

from .conftest import screenshot

PASSWORD = "Browser-toets-2026"  # not a demo password: those work with the demo settings only
PASSPHRASE = "Browser-sleutelwachtwoord-2026"  # her key passphrase, not her login password


def school_with_form(live_board, languages=()):
    """De Regenboog with the demo's melding form (translated into ``languages``) and its
    vertrouwenspersoon, who logs in with PASSWORD and unlocks her key with PASSPHRASE."""
    board = live_board(schools=["regenboog"])
    form = make_school_form(board["homes"]["regenboog"], languages=languages)
    board["form"] = form
    board["vp"] = make_vp(
        "vertrouwenspersoon",
        form,
        PASSWORD,
        passphrase=PASSPHRASE,
        first_name="Fatima",
        last_name="El Amrani",
        email="vertrouwenspersoon@demo.example",
    )
    return board


def fill(page, text):
    page.get_by_label("Ik ben leerling").check()
    page.get_by_label("Pesten, discriminatie en agressie").check()
    page.get_by_label("Wat is er gebeurd?").fill(text)


def test_a_pupil_sends_a_melding_from_a_phone(live_board, phone, tmp_path):
    # Translated as in the demo, so the screenshot shows the language links.
    school = school_with_form(live_board, languages=["en", "ar"])
    phone.goto(school["regenboog_url"] + "/melding-maken/")
    fill(phone, "Ze pakken steeds mijn tas af. BROWSERMARKER")
    image = tmp_path / "schermafbeelding.png"
    image.write_bytes(png("x"))
    phone.get_by_label("Foto's, screenshots of pdf-bestanden (niet verplicht)").set_input_files(
        str(image)
    )
    screenshot(phone, "melding-form-phone.png")
    phone.get_by_role("button", name="Melding versturen").click()
    # The answer to the post itself thanks and shows the code, once (no redirect).
    expect(phone.get_by_role("status").filter(has_text="Je melding is ontvangen")).to_be_visible(
        timeout=60_000
    )
    expect(phone.locator("p.vw-code")).to_have_text(re.compile(r"^\d{4} \d{4} \d{4} \d{4}$"))
    assert "verzonden" not in phone.url
    melding = Melding.objects.get()
    assert melding.bijlagen.count() == 1
    assert b"BROWSERMARKER" not in bytes(melding.content)


def test_without_javascript_the_melder_is_told_and_keeps_the_text(live_board, new_context):
    school = school_with_form(live_board)
    page = new_context(java_script_enabled=False).new_page()
    page.goto(school["regenboog_url"] + "/melding-maken/")
    fill(page, "Mijn tekst mag niet weg")
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.get_by_role("alert").filter(has_text="JavaScript")).to_be_visible()
    assert page.get_by_label("Wat is er gebeurd?").input_value() == "Mijn tekst mag niet weg"
    assert Melding.objects.count() == 0


def test_the_vertrouwenspersoon_reads_it_after_password_totp_and_unlock(
    live_board, phone, new_context
):
    school = school_with_form(live_board)
    phone.goto(school["regenboog_url"] + "/melding-maken/")
    fill(phone, "Voor de vertrouwenspersoon LEESMARKER")
    phone.get_by_role("button", name="Melding versturen").click()
    expect(phone.locator("p.vw-code")).to_be_visible(timeout=60_000)

    vp = school["vp"]
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    base = school["regenboog_url"]
    page.goto(base + "/admin/vertrouwen/inbox/")
    page.fill("input[name=username]", vp.username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/vertrouwen/inbox/")
    assert "LEESMARKER" not in page.content()
    page.get_by_role("link", name="Bevestigen met een code").click()
    device = TOTPDevice.objects.get(user=vp, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    page.fill("input[name=otp_token]", f"{totp.token():06d}")
    page.locator("form button[type=submit]").last.click()
    page.get_by_role("link", name="Ontgrendelen").click()
    page.fill("input[name=passphrase]", PASSPHRASE)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url("**/admin/vertrouwen/inbox/")
    screenshot(page, "inbox-list.png", page.locator("main"))
    page.locator("table.listing tbody a[href*='/melding/']").first.click()
    expect(page.get_by_text("LEESMARKER")).to_be_visible()
    screenshot(page, "inbox-detail.png", page.locator("main"))
