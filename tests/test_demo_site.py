"""The example site: demo logins work only with the demo settings; load_demo is demo-only.

Tests of the login rule build only the demo's accounts; the demo itself is built where it is
what the test is about (load_demo, the demo's pages, its editor, building it twice).
"""

import re

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import override_settings

from example_site.demo import DEMO_USERS
from example_site.demo_channel import VP_PASSWORD, VP_TOTP_KEY, VP_USERNAME

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_users(db):
    """The demo's accounts with their published passwords, as ``build_demo`` leaves them: the
    editor, the superuser, and the vertrouwenspersoon with the demo's TOTP device."""
    from django.contrib.auth.models import User
    from django_otp.plugins.otp_totp.models import TOTPDevice

    for demo_user in DEMO_USERS:
        create = User.objects.create_superuser if demo_user.superuser else User.objects.create_user
        create(demo_user.username, f"{demo_user.username}@demo.example", demo_user.password)
    vp = User.objects.create_user(VP_USERNAME, "vertrouwenspersoon@demo.example", VP_PASSWORD)
    TOTPDevice.objects.create(user=vp, name="Demo", key=VP_TOTP_KEY, confirmed=True)


@pytest.mark.parametrize("demo_user", DEMO_USERS, ids=lambda user: user.username)
def test_demo_credentials_are_refused_outside_the_demo(demo_users, demo_user):
    assert authenticate(username=demo_user.username, password=demo_user.password) is None


@pytest.mark.parametrize("demo_user", DEMO_USERS, ids=lambda user: user.username)
def test_demo_credentials_work_with_the_demo_settings(demo_users, demo_user):
    with override_settings(DEMO=True):
        user = authenticate(username=demo_user.username, password=demo_user.password)
    assert user is not None and user.username == demo_user.username


def test_a_demo_password_is_refused_even_for_another_account(db):
    from django.contrib.auth.models import User

    User.objects.create_user("copycat", password=DEMO_USERS[0].password)
    assert authenticate(username="copycat", password=DEMO_USERS[0].password) is None


def test_real_passwords_still_work(db):
    from django.contrib.auth.models import User

    User.objects.create_user("echte-redacteur", password="een lang en echt wachtwoord 42")
    user = authenticate(username="echte-redacteur", password="een lang en echt wachtwoord 42")
    assert user is not None


def test_admin_login_with_demo_credentials_fails_outside_the_demo(demo_users, client):
    response = client.post("/admin/login/", {"username": "beheerder", "password": "demo-beheerder"})
    assert response.status_code == 200  # the form again, with an error
    assert "_auth_user_id" not in client.session


def test_load_demo_refuses_without_demo_settings(db):
    with pytest.raises(CommandError, match="demo settings"):
        call_command("load_demo")


def test_load_demo_builds_two_schools(db, capsys):
    from wagtail.models import Site

    with override_settings(DEMO=True):
        call_command("load_demo", port=8123)
    assert sorted(site.root_url for site in Site.objects.all()) == [
        "http://127.0.0.1:8123",
        "http://localhost:8123",
    ]
    output = capsys.readouterr().out
    for user in DEMO_USERS:
        assert f"{user.username} / {user.password}" in output
    assert f"{VP_USERNAME} / {VP_PASSWORD}" in output
    # The printed logins are the demo's: they work with the demo settings.
    with override_settings(DEMO=True):
        for user in DEMO_USERS:
            assert authenticate(username=user.username, password=user.password) is not None
        assert authenticate(username=VP_USERNAME, password=VP_PASSWORD) is not None


def test_the_demo_editor_may_publish_both_schools(demo):
    from django.contrib.auth.models import User

    editor = User.objects.get(username="redacteur")
    for home in demo["homes"].values():
        assert home.permissions_for_user(editor).can_publish()


def test_public_pages_forbid_loading_anything_from_elsewhere(client):
    from tests.factories_core import make_board

    make_board("Fatima El Amrani", schools=["regenboog"])
    for url in ("/", "/vertrouwenspersonen/", "/vertrouwenspersonen/fatima-el-amrani/"):
        policy = client.get(url)["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "script-src 'self'" in policy
        assert "unsafe-inline" not in policy
        assert "frame-ancestors 'none'" in policy


def test_public_html_references_no_other_host(demo, client):
    import re

    for url in ("/", "/vertrouwenspersonen/", "/vertrouwenspersonen/fatima-el-amrani/", "/en/"):
        html = client.get(url).content.decode()
        # What the page loads (scripts, images, styles, fonts) comes from the site itself;
        # ordinary links may lead elsewhere (the Kindertelefoon's chat, a klachtencommissie).
        loaded = re.findall(r'\bsrc="(https?://[^"/]+)', html) + re.findall(
            r'<link\b[^>]*\bhref="(https?://[^"/]+)', html
        )
        assert {source.split("//")[1] for source in loaded} <= {"127.0.0.1", "localhost"}, url
        assert 'srcset="http' not in html and "@import" not in html, url
        assert "<script>" not in html and " style=" not in html, url


def test_loading_the_demo_twice_leaves_one_photo_per_person(db):
    from wagtail.images.models import Image

    from example_site.demo import PEOPLE, build_demo

    build_demo()
    build_demo()
    with_photo = [person for person in PEOPLE if person.get("colour")]
    assert Image.objects.count() == len(with_photo)


def test_the_demo_vertrouwenspersoon_is_refused_outside_the_demo(demo_users):
    assert authenticate(username=VP_USERNAME, password=VP_PASSWORD) is None
    with override_settings(DEMO=True):
        assert authenticate(username=VP_USERNAME, password=VP_PASSWORD) is not None


def test_demo_totp_prints_the_current_code_with_the_demo_settings_only(demo_users, capsys):
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    with pytest.raises(CommandError, match="demo settings"):
        call_command("demo_totp")
    with override_settings(DEMO=True):
        call_command("demo_totp")
    device = TOTPDevice.objects.get(user__username="vertrouwenspersoon")
    printed = capsys.readouterr().out.strip()
    assert device.verify_token(printed)
    assert len(printed) == 6 and printed == f"{TOTP(device.bin_key).token():06d}"


# The demo's melding and its conversation (issue 9, item 8) ------------------------------------


def test_the_demo_melding_has_a_conversation_from_both_sides(demo):
    from example_site.demo_channel import QUESTION, REPLY
    from wagtail_vertrouwen.channel import crypto
    from wagtail_vertrouwen.channel.models import Melding
    from wagtail_vertrouwen.channel.services import conversation, mailbox

    melding = Melding.objects.get()
    form = demo["channel"]["forms"]["regenboog"]
    assert melding.form_id == form.pk and melding == demo["channel"]["melding"]
    messages = list(melding.messages.all())
    assert len(messages) >= 2
    assert {message.from_melder for message in messages} == {True, False}
    assert messages[0].author.username == VP_USERNAME
    # The melder read the question before replying; the reply waits for the vertrouwenspersoon.
    assert messages[0].read_at is not None and messages[-1].read_at is None
    # The code returned with the demo opens this melding, and only through the services.
    opened = mailbox.open_with_code(form.translation_key, demo["channel"]["melder_code"])
    assert opened.melding == melding
    texts = [readable.text for readable in conversation.read(melding, opened.content_key)]
    assert texts == [QUESTION, REPLY]
    answers = crypto.decrypt_json(opened.content_key, bytes(melding.content), melding.context)
    assert answers["probleemgebied"] == "ongewenst_gedrag" and answers["naam"] == ""
    # The question counts as the acknowledgement; the melder's reply waits for an answer.
    assert melding.acknowledged_at is not None and melding.waiting_since is not None


def test_the_demo_stores_the_melder_code_nowhere(demo):
    import io

    code = demo["channel"]["melder_code"]
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", code)
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    text = dump.getvalue()
    assert code not in text and code.replace(" ", "") not in text


def test_load_demo_prints_a_melder_code_that_opens_the_mailbox(db, capsys):
    from wagtail_vertrouwen.channel.models import Melding
    from wagtail_vertrouwen.channel.services import mailbox

    with override_settings(DEMO=True):
        call_command("load_demo", port=8123)
    output = capsys.readouterr().out
    found = re.search(r"Log in as the melder at (\S+) with code (\d{4} \d{4} \d{4} \d{4})", output)
    assert found, output
    url, code = found.groups()
    melding = Melding.objects.get()
    assert url.startswith("http://127.0.0.1:8123/")
    assert mailbox.open_with_code(melding.form.translation_key, code).melding == melding
    # Loading again: the old melding and its code are gone, a new code opens the new melding.
    with override_settings(DEMO=True):
        call_command("load_demo", port=8123)
    again = re.search(r"with code (\d{4} \d{4} \d{4} \d{4})", capsys.readouterr().out).group(1)
    melding = Melding.objects.get()
    assert mailbox.open_with_code(melding.form.translation_key, again).melding == melding
    with pytest.raises(mailbox.WrongCode):
        mailbox.open_with_code(melding.form.translation_key, code)
