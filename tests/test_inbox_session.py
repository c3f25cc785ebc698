"""The inbox's session past the second factor (issue 7, weakness 8): the session id changes when
the code is accepted and when the key is unlocked (fixation), the verification lasts a working
day and one browser session, and the inbox's cookies are ``__Host-`` cookies where Secure."""

import re
import time

import pytest
from django.core.checks import Warning as CheckWarning
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from example_site.demo_channel import VP_PASSPHRASE
from wagtail_vertrouwen.channel import checks, conf, policy
from wagtail_vertrouwen.channel.models import Melding
from wagtail_vertrouwen.channel.services import second_factor

from .channel import enter, send, unlock
from .factories import make_vp

INDEX = "wagtail_vertrouwen_inbox:index"
OTP = "wagtail_vertrouwen_inbox:otp_verify"
UNLOCK = "wagtail_vertrouwen_inbox:unlock"


def code(user) -> str:
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    device.last_t = -1  # each test may use the current code once more
    device.throttling_failure_count = 0
    device.save()
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"


def session_id(client) -> str:
    return client.cookies["sessionid"].value


def holding(session, **cookies) -> Client:
    """Another browser that knows a session id (and maybe further cookies)."""
    other = Client()
    other.cookies["sessionid"] = session
    for name, value in cookies.items():
        other.cookies[name] = value
    return other


@pytest.fixture
def melding(form, recipient):
    assert send(Client(), form, wat="Over de sessie SESSIEMARKER").status_code == 200
    return Melding.objects.get()


def detail_url(melding):
    return reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk])


# Fixation ----------------------------------------------------------------------------------


def test_accepting_the_code_gives_the_session_a_new_id(recipient):
    client = Client()
    client.force_login(recipient)
    planted = session_id(client)  # known to an attacker who fixed it in the victim's browser
    response = client.post(reverse(OTP), {"otp_token": code(recipient)})
    assert response.status_code == 302
    assert session_id(client) != planted
    # The victim is verified (the key is still locked) ...
    assert client.get(reverse(INDEX)).context["reason"] == "unlock"
    # ... the attacker with the planted id is not even logged in any more.
    attacker = holding(planted)
    for url in (reverse(INDEX), reverse(OTP), reverse(UNLOCK)):
        refused = attacker.get(url)
        assert refused.status_code == 302 and "/admin/login/" in refused["Location"], url


def test_the_enrolment_confirmation_gives_the_session_a_new_id(form):
    newcomer = make_vp("nieuw", form, totp=False)
    client = Client()
    client.force_login(newcomer)
    client.get(reverse(OTP))  # the enrolment page: a new, pending secret
    device = TOTPDevice.objects.get(user=newcomer, confirmed=False)
    planted = session_id(client)
    token = TOTP(device.bin_key, device.step, device.t0, device.digits).token()
    response = client.post(reverse(OTP), {"otp_token": f"{token:06d}"})
    assert response.status_code == 200 and len(response.context["codes"]) == 10
    assert session_id(client) != planted
    assert client.get(reverse(INDEX)).context["reason"] == "unlock"  # verified
    assert holding(planted).get(reverse(INDEX)).status_code == 302


def test_unlocking_gives_the_session_a_new_id_and_keeps_the_verification(melding, recipient):
    client = enter(Client(), recipient, unlocked=False)
    planted = session_id(client)
    otp_cookie = client.cookies["vertrouwen_otp_key"].value
    unlock(client)
    assert session_id(client) != planted
    # django-otp's device, the verification and the unlocked key all survived the rotation.
    page = client.get(detail_url(melding))
    assert page.status_code == 200 and "SESSIEMARKER" in page.content.decode()
    # The planted id opens nothing, even with both of the victim's cookies.
    attacker = holding(
        planted,
        vertrouwen_otp_key=otp_cookie,
        vertrouwen_unlock_key=client.cookies["vertrouwen_unlock_key"].value,
    )
    refused = attacker.get(detail_url(melding))
    assert refused.status_code == 302 and "/admin/login/" in refused["Location"]


# A working day, one browser session ------------------------------------------------------


class MovedClock:
    """``time`` for a module, ``seconds`` later than now."""

    def __init__(self, seconds):
        self.seconds = seconds

    def time(self):
        return time.time() + self.seconds


def test_the_verification_expires_after_a_working_day(melding, recipient, monkeypatch):
    assert conf.get("OTP_MAX_AGE_SECONDS") == 9 * 60 * 60
    client = enter(Client(), recipient)
    monkeypatch.setattr(policy, "time", MovedClock(9 * 60 * 60 - 60))
    assert client.get(detail_url(melding)).status_code == 200  # still the same working day
    later = MovedClock(9 * 60 * 60 + 1)
    monkeypatch.setattr(policy, "time", later)
    monkeypatch.setattr(second_factor, "time", later)  # the new code is recorded then, too
    refused = client.get(detail_url(melding))
    assert refused.status_code == 403 and refused.context["reason"] == "otp"
    asked = client.get(reverse(OTP))
    assert asked.status_code == 200 and "otp_token" in asked.content.decode()
    # A new code opens the inbox again, for another working day from now.
    assert client.post(reverse(OTP), {"otp_token": code(recipient)}).status_code == 302
    assert client.get(detail_url(melding)).status_code == 200


def test_the_setting_shortens_the_verification(melding, recipient, settings):
    client = enter(Client(), recipient)
    settings.WAGTAIL_VERTROUWEN_OTP_MAX_AGE_SECONDS = 1e-6  # past by the next request
    assert client.get(detail_url(melding)).context["reason"] == "otp"


def test_a_closed_browser_asks_for_the_code_again(melding, recipient):
    client = enter(Client(), recipient)
    assert client.get(detail_url(melding)).status_code == 200
    session = session_id(client)
    unlock_cookie = client.cookies["vertrouwen_unlock_key"].value
    # The browser closed: session cookies are gone. Say the session cookie was persistent
    # (or copied): without the OTP cookie, the session is not verified for the inbox.
    reopened = holding(session, vertrouwen_unlock_key=unlock_cookie)
    refused = reopened.get(detail_url(melding))
    assert refused.status_code == 403 and refused.context["reason"] == "otp"
    assert reopened.get(reverse(OTP)).status_code == 200  # the form, not a redirect
    # A made-up OTP cookie does not count either.
    forged = holding(session, vertrouwen_unlock_key=unlock_cookie, vertrouwen_otp_key="x" * 43)
    assert forged.get(detail_url(melding)).context["reason"] == "otp"
    # Nor does another session's valid cookie.
    other = enter(Client(), recipient)
    swapped = holding(
        session,
        vertrouwen_unlock_key=unlock_cookie,
        vertrouwen_otp_key=other.cookies["vertrouwen_otp_key"].value,
    )
    assert swapped.get(detail_url(melding)).context["reason"] == "otp"


def test_the_otp_cookie_lives_for_the_browser_session_only(recipient):
    client = Client()
    client.force_login(recipient)
    response = client.post(reverse(OTP), {"otp_token": code(recipient)})
    cookie = response.cookies["vertrouwen_otp_key"]
    assert cookie.value and not cookie["max-age"] and not cookie["expires"]
    assert cookie["httponly"] and cookie["samesite"] == "Strict" and not cookie["secure"]
    assert cookie["path"] == reverse(INDEX)
    stored = client.session[policy.OTP_SESSION_KEY]
    assert cookie.value not in str(stored)  # the session keeps only a hash of it


def test_a_backup_code_works_once_and_only_as_a_backup_code(recipient):
    backup = StaticDevice.objects.create(user=recipient, name="backup", confirmed=True)
    backup.token_set.create(token="abcd2345")
    client = Client()
    client.force_login(recipient)
    form = client.get(reverse(OTP)).content.decode()
    assert backup.persistent_id in form  # the choice: the app or a backup code
    as_app = client.post(reverse(OTP), {"otp_token": "abcd2345"})
    assert as_app.status_code == 400  # checked against the app only, as chosen
    backup.refresh_from_db()
    assert backup.throttling_failure_count == 0  # a typo elsewhere does not lock the codes
    chosen = {"otp_device": backup.persistent_id, "otp_token": "ABCD 2345"}
    assert client.post(reverse(OTP), chosen).status_code == 302
    again = Client()
    again.force_login(recipient)
    assert again.post(reverse(OTP), chosen).status_code == 400  # used up


def test_a_device_of_someone_else_is_refused(recipient, form):
    other = make_vp("ander", form)
    client = Client()
    client.force_login(recipient)
    theirs = TOTPDevice.objects.get(user=other).persistent_id
    response = client.post(reverse(OTP), {"otp_device": theirs, "otp_token": code(other)})
    assert response.status_code == 400
    assert client.get(reverse(INDEX)).context["reason"] == "otp"


# Cookie names --------------------------------------------------------------------------------


def test_host_prefixed_cookies_over_https(melding, recipient):
    client = Client()
    client.force_login(recipient)
    verified = client.post(reverse(OTP), {"otp_token": code(recipient)}, secure=True)
    unlocked = client.post(
        reverse(UNLOCK), {"passphrase": VP_PASSPHRASE}, secure=True, follow=False
    )
    assert unlocked.status_code == 302
    for response, name in ((verified, "vertrouwen_otp_key"), (unlocked, "vertrouwen_unlock_key")):
        assert name not in response.cookies
        cookie = response.cookies[f"__Host-{name}"]
        assert cookie["secure"] and cookie["path"] == "/" and not cookie["domain"]
        assert cookie["httponly"] and cookie["samesite"] == "Strict"
    assert client.get(detail_url(melding), secure=True).status_code == 200
    # Over plain HTTP the __Host- cookies are not what the inbox looks for.
    assert client.get(detail_url(melding)).context["reason"] == "otp"


def test_plain_cookie_names_without_https(recipient):
    client = Client()
    client.force_login(recipient)
    verified = client.post(reverse(OTP), {"otp_token": code(recipient)})
    unlocked = client.post(reverse(UNLOCK), {"passphrase": VP_PASSPHRASE})
    assert "vertrouwen_otp_key" in verified.cookies
    assert "vertrouwen_unlock_key" in unlocked.cookies
    assert not [name for name in {**verified.cookies, **unlocked.cookies} if "__Host-" in name]


def test_secure_session_cookie_settings_make_host_cookies_behind_a_tls_proxy(recipient, settings):
    """Behind a proxy that ends TLS, Django may see HTTP; Secure cookies still get the prefix."""
    settings.SESSION_COOKIE_SECURE = True
    client = Client()
    client.force_login(recipient)
    response = client.post(reverse(OTP), {"otp_token": code(recipient)})
    assert response.cookies["__Host-vertrouwen_otp_key"]["path"] == "/"


def test_a_check_asks_for_a_host_prefixed_session_cookie(settings):
    def warned():
        return [
            p
            for p in checks.channel_settings(None)
            if isinstance(p, CheckWarning) and p.id == "wagtail_vertrouwen_channel.W010"
        ]

    settings.SESSION_COOKIE_SECURE = False
    assert not warned()  # development over plain HTTP
    settings.SESSION_COOKIE_SECURE = True
    settings.SESSION_COOKIE_NAME = "sessionid"
    assert warned() and warned()[0].hint
    settings.SESSION_COOKIE_NAME = "__Host-sessionid"
    assert not warned()
    settings.SESSION_COOKIE_DOMAIN = ".school.test"
    assert warned()


def test_the_unlock_cookie_is_secure_behind_a_tls_proxy(recipient, settings):
    settings.SESSION_COOKIE_SECURE = True
    client = enter(Client(), recipient, unlocked=False)
    response = client.post(reverse(UNLOCK), {"passphrase": VP_PASSPHRASE})
    cookie = response.cookies["__Host-vertrouwen_unlock_key"]  # Secure, so a __Host- cookie
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Strict"


# Enrolment -----------------------------------------------------------------------------------


def test_every_visit_to_the_enrolment_gets_a_new_secret(form):
    newcomer = make_vp("nieuw", form, totp=False)
    secrets = []
    for _visit in range(2):
        client = Client()
        client.force_login(newcomer)
        html = client.get(reverse(OTP)).content.decode()
        secrets.append(re.search(r"<code>([A-Z2-7]{32})</code>", html).group(1))
    assert secrets[0] != secrets[1]
    assert TOTPDevice.objects.filter(user=newcomer).count() == 1
