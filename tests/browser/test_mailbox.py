"""The melder's mailbox end to end in Chromium (issue 9, "What must be shown"): a pupil sends an
anonymous melding from a phone and writes down the code; the vertrouwenspersoon (password,
TOTP, unlocked) asks a question; the pupil logs in with the code (the proof of work runs in the
browser), reads it and replies with a photo; the vertrouwenspersoon reads the reply and
downloads the photo byte-identical. And axe-core finds nothing serious or critical on any page
of the mailbox, in Dutch and in Arabic.

Each test builds one school with the demo's melding form and one vertrouwenspersoon
(``school_with_form`` of test_melding.py), not the whole demo."""

import io
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect
from wagtail.models import Locale

from tests.channel import png
from wagtail_vertrouwen.channel.forms.uploads import Upload
from wagtail_vertrouwen.channel.models import Bijlage, Melding, Message
from wagtail_vertrouwen.channel.services import conversation, mailbox

from .conftest import axe_violations, screenshot
from .test_melding import PASSPHRASE, PASSWORD, fill, school_with_form

DESKTOP = {"width": 1280, "height": 900}
QUESTION = "Dank je voor je melding. Wanneer gebeurt het meestal?"
ANSWER = "Elke grote pauze, als de meester binnen is."
#: How long the browser may take to solve a proof of work and get the answer.
WORK = 60_000


def code_of(page) -> str:
    """The code as a person copies it off the thank-you page: the digits they see, in four
    groups (the screen-reader text spells it out separately and is not read here)."""
    seen = page.locator("p.vw-code").inner_text()
    groups = re.findall(r"\d{4}", seen)
    assert len(groups) == 4 and re.sub(r"\s", "", seen) == "".join(groups), seen
    return " ".join(groups)


def wider_than_the_screen(page) -> list[str]:
    """The elements that stick out of a phone's screen on either side (a sideways scroll)."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll("body *"))
            .filter((e) => {
                const box = e.getBoundingClientRect();
                return box.width > 0 && (box.right > window.innerWidth + 0.5 || box.left < -0.5);
            })
            .map((e) => e.tagName.toLowerCase() + (e.className ? "." + e.className : "")
                 + " " + Math.round(e.getBoundingClientRect().left) + "–"
                 + Math.round(e.getBoundingClientRect().right) + "px")"""
    )


def inbox_login(page, school):
    """The vertrouwenspersoon logs in with her password, confirms with TOTP and unlocks her
    key with its passphrase, as in test_melding.py."""
    vp = school["vp"]
    page.goto(school["regenboog_url"] + "/admin/vertrouwen/inbox/")
    page.fill("input[name=username]", vp.username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/vertrouwen/inbox/")
    page.get_by_role("link", name="Bevestigen met een code").click()
    device = TOTPDevice.objects.get(user=vp, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    page.fill("input[name=otp_token]", f"{totp.token():06d}")
    page.locator("form button[type=submit]").last.click()
    page.get_by_role("link", name="Ontgrendelen").click()
    page.fill("input[name=passphrase]", PASSPHRASE)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url("**/admin/vertrouwen/inbox/")


def test_a_pupil_and_the_vertrouwenspersoon_talk_through_the_mailbox(
    live_board, phone, new_context, tmp_path
):
    school = school_with_form(live_board)
    base = school["regenboog_url"]

    # The pupil sends an anonymous melding and writes the code down.
    phone.goto(base + "/melding-maken/")
    fill(phone, "Ze pakken steeds mijn tas af bij de fietsenstalling.")
    phone.get_by_role("button", name="Melding versturen").click()
    expect(phone.locator("p.vw-code")).to_be_visible(timeout=WORK)
    expect(phone.get_by_role("status").first).to_contain_text("Je melding is ontvangen")
    code = code_of(phone)
    digits = code.replace(" ", "")
    assert digits not in phone.url and "verzonden" not in phone.url
    melding = Melding.objects.get()
    phone.close()

    # The vertrouwenspersoon asks a question on the melding's page.
    vp_page = new_context(viewport=DESKTOP).new_page()
    inbox_login(vp_page, school)
    vp_page.locator("table.listing tbody a[href*='/melding/']").first.click()
    expect(vp_page.get_by_text("mijn tas af bij de fietsenstalling")).to_be_visible()
    vp_page.get_by_label("Uw bericht aan de melder").fill(QUESTION)
    vp_page.get_by_role("button", name="Naar de melder sturen").click()
    vp_page.wait_for_url("**#gesprek")
    expect(vp_page.locator(".vw-message").filter(has_text=QUESTION)).to_be_visible()

    # Later, on a fresh phone browser: the mailbox link of the form, the code typed with spaces.
    pupil = new_context().new_page()
    assert pupil.viewport_size["width"] == 360
    pupil.goto(base + "/melding-maken/")
    pupil.get_by_role(
        "link", name="Al een melding gestuurd? Ga met je code naar je postvak."
    ).click()
    login_url = base + reverse("wagtail_vertrouwen:mailbox", args=[school["form"].pk])
    pupil.wait_for_url(login_url)
    pupil.get_by_label("Je code").fill(code)
    pupil.get_by_role("button", name="Inloggen").click()  # the proof of work runs first
    question = pupil.locator(".vw-message--vp")
    expect(question).to_contain_text(QUESTION, timeout=WORK)
    expect(question).to_contain_text("Fatima El Amrani")
    expect(pupil.locator(".vw-mailbox__status")).to_contain_text("Ontvangen")
    assert digits not in pupil.url
    assert not [c for c in pupil.context.cookies() if digits in c["value"]]

    # The pupil replies with a photo.
    photo = png("foto van de fietsenstalling", size=(40, 30))
    image = tmp_path / "fietsenstalling.png"
    image.write_bytes(photo)
    pupil.get_by_label("Je bericht").fill(ANSWER)
    pupil.get_by_label("Foto's, screenshots of pdf-bestanden toevoegen (mag)").set_input_files(
        str(image)
    )
    pupil.get_by_role("button", name="Bericht versturen").click()
    expect(pupil.get_by_role("status").filter(has_text="Je bericht is verstuurd.")).to_be_visible(
        timeout=WORK
    )
    answer = pupil.locator(".vw-message--melder")
    expect(answer).to_contain_text(ANSWER)
    expect(answer.get_by_role("link", name="fietsenstalling.png")).to_be_visible()
    sideways = wider_than_the_screen(pupil)  # asserted at the end, after the whole story
    screenshot(pupil, "mailbox-phone.png")

    # Stored encrypted: neither the text nor the photo is readable at rest.
    reply = Message.objects.get(melding=melding, from_melder=True)
    assert ANSWER.encode() not in bytes(reply.body)
    assert Bijlage.objects.filter(message=reply).count() == 1

    # The vertrouwenspersoon reloads, reads the reply and downloads the photo byte-identical.
    vp_page.reload()
    from_melder = vp_page.locator(".vw-message").filter(has_text=ANSWER)
    expect(from_melder).to_be_visible()
    expect(vp_page.locator(".vw-message").filter(has_text=QUESTION)).to_contain_text(
        "Gelezen door de melder op"
    )
    with vp_page.expect_download() as started:
        from_melder.get_by_role("link", name="fietsenstalling.png").click()
    download = started.value
    assert download.suggested_filename == "fietsenstalling.png"
    assert Path(download.path()).read_bytes() == photo

    # At 360 px nothing on the mailbox needs a sideways scroll (WCAG 1.4.10, reflow).
    assert sideways == [], sideways


# Accessibility -----------------------------------------------------------------------------


def melder_writes(melding, code, text, name, data):
    """The melder's side of the conversation, with a photo (as the mailbox stores it)."""
    opened = mailbox.open_with_code(melding.form.translation_key, code)
    upload = Upload(name=name, content_type="image/png", size=len(data), file=io.BytesIO(data))
    conversation.post(melding, opened.content_key, text=text, uploads=[upload])


def check_page(page, where, sideways):
    """axe-core finds nothing serious or critical; what makes the phone scroll sideways is
    collected in ``sideways`` (asserted at the end of the test, after every page)."""
    if found := wider_than_the_screen(page):
        sideways[where] = found
    violations = axe_violations(page)
    assert violations == [], (
        where
        + "\n"
        + "\n".join(f"{v['impact']}: {v['id']} ({v['help']}) at {v['targets']}" for v in violations)
    )


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_no_serious_accessibility_violations_on_the_mailbox_pages(live_board, axe_phone, language):
    school = school_with_form(live_board, languages=["ar"])
    form = school["form"]
    if language == "nl":
        version = form
    else:
        version = form.get_translation(Locale.objects.get(language_code=language))
    base = school["regenboog_url"]
    page = axe_phone
    sideways = {}

    # The thank-you page with the code, in the version's language.
    page.goto(base + version.relative_url(version.get_site()))
    page.locator("input[name=wie][value=leerling]").check()
    page.locator("input[name=probleemgebied][value=ongewenst_gedrag]").check()
    page.locator("textarea[name=wat]").fill("Ze pakken mijn tas af.")
    page.locator("form.vw-form button[type=submit]").click()
    expect(page.locator("p.vw-code")).to_be_visible(timeout=WORK)
    expect(page.locator("html")).to_have_attribute("lang", language)
    check_page(page, "thank-you page", sideways)
    code = code_of(page)

    melding = Melding.objects.get()
    opened = mailbox.open_with_code(form.translation_key, code)
    conversation.post(melding, opened.content_key, text="Wanneer gebeurt het?", author=school["vp"])
    melder_writes(melding, code, "In de pauze.", "pauze.png", png("pauze"))

    # The login page.
    mailbox_url = base + reverse("wagtail_vertrouwen:mailbox", args=[version.pk])
    assert page.goto(mailbox_url).status == 200
    expect(page.locator("html")).to_have_attribute("lang", language)
    if language == "ar":
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
    check_page(page, "login page", sideways)

    # The login page after a wrong code: the error summary, the code kept.
    code_field = page.locator("#id_login_code")
    code_field.fill("0000 0000 0000 0000")
    page.locator("form.vw-form button[type=submit]").click()
    expect(page.locator("#vw-errors")).to_be_visible(timeout=WORK)
    assert code_field.input_value() == "0000 0000 0000 0000"
    check_page(page, "login error page", sideways)

    # The mailbox with the conversation.
    code_field.fill(code)
    page.locator("form.vw-form button[type=submit]").click()
    expect(page.locator(".vw-message--vp")).to_contain_text("Wanneer gebeurt het?", timeout=WORK)
    expect(page.locator(".vw-message--melder")).to_contain_text("In de pauze.")
    check_page(page, "mailbox with the conversation", sideways)

    # The mailbox after an empty reply: the error summary above the reply form.
    page.locator("#antwoord form button[type=submit]").click()
    expect(page.locator("#vw-errors")).to_be_visible(timeout=WORK)
    check_page(page, "mailbox with a refused reply", sideways)

    # After logging out.
    page.locator("#vw-logout ~ form button[type=submit]").click()
    expect(page.locator("#id_login_code")).to_be_visible()
    expect(page.locator(".vw-said")).to_be_visible()
    check_page(page, "after logging out", sideways)
    assert sideways == {}, sideways  # at 360 px no page needs a sideways scroll (WCAG 1.4.10)
