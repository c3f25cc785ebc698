"""The brute-force throttles of the login and the key, in one process with the suite's
database: django-axes at Wagtail's admin login (a lock per login name *and* address, shown
with the example site's lockout page), the lock of a recipient's key passphrase after too many
wrong ones (``services.keys``), and the system checks that ask for them (W011, W012). That
they hold across app servers is tests/scale/test_two_servers.py's."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.checks import run_checks
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from example_site.demo_channel import VP_PASSPHRASE
from tests.channel import enter
from tests.factories import make_vp
from wagtail_vertrouwen.channel.models import AuditAction, AuditEntry, GuardCount
from wagtail_vertrouwen.channel.services import keys

PASSWORD = "Throttle-test-login-2026"
LOGIN = "/admin/login/"
WINDOW = keys.PASSPHRASE_WINDOW_SECONDS
#: One minute into a window of the passphrase throttle.
START = datetime.fromtimestamp((1_800_000_000 // WINDOW) * WINDOW + 60, tz=UTC)


# django-axes at Wagtail's admin login ---------------------------------------------------------


def sign_in(password, address="198.51.100.7", username="vp1"):
    return Client(REMOTE_ADDR=address).post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}
    )


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True)
def test_admin_login_locks_a_name_from_one_address_only(form):
    make_vp("vp1", form, password=PASSWORD)
    make_vp("vp2", form, password=PASSWORD)
    for attempt in range(4):
        assert sign_in(f"wrong {attempt}").status_code == 200  # the form, with its error
    locked = sign_in("wrong 4")
    assert locked.status_code == 429
    assert "lockout.html" in [template.name for template in locked.templates]
    with translation.override("nl"):
        assert gettext("Sign-in blocked for a while") in locked.content.decode()
    assert "15" in locked.content.decode()  # the minutes of AXES_COOLOFF_TIME

    assert sign_in(PASSWORD).status_code == 429  # the right password, too late
    assert sign_in(PASSWORD, address="198.51.100.8").status_code == 302  # another address
    assert sign_in(PASSWORD, username="vp2").status_code == 302  # another name


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True)
def test_admin_login_lock_ends_after_the_cool_off(form):
    make_vp("vp1", form, password=PASSWORD)
    with time_machine.travel(START, tick=False) as clock:
        for attempt in range(5):
            sign_in(f"wrong {attempt}")
        assert sign_in(PASSWORD).status_code == 429
        clock.shift(timedelta(minutes=16))  # the last (refused) try started the wait again
        assert sign_in(PASSWORD).status_code == 302


# The key passphrase ----------------------------------------------------------------------------


def unlock_url():
    return reverse("wagtail_vertrouwen_inbox:unlock")


def try_passphrase(client, passphrase):
    return client.post(unlock_url(), {"passphrase": passphrase})


@pytest.fixture
def recipient(form):
    return make_vp("vp1", form)


def at_the_door(user):
    """A client of ``user``, logged in and past her second factor, her key still locked."""
    return enter(Client(), user, unlocked=False)


@pytest.mark.django_db
def test_wrong_passphrases_lock_the_key_until_the_windows_pass(recipient):
    user = recipient
    with time_machine.travel(START, tick=False) as clock:
        client = at_the_door(user)
        for attempt in range(4):
            assert try_passphrase(client, f"niet mijn zin {attempt}").status_code == 400
        locked = try_passphrase(client, "niet mijn zin 4")
        assert locked.status_code == 429
        assert locked.context["form"].non_field_errors()
        assert try_passphrase(client, VP_PASSPHRASE).status_code == 429  # not even tried

        # Five in this window: locked until the start of the window after the next one.
        until = keys.passphrase_locked_until(user.pk)
        assert until == datetime.fromtimestamp(START.timestamp() - 60 + 2 * WINDOW, tz=UTC)
        clock.move_to(until - timedelta(seconds=1))
        assert try_passphrase(client, VP_PASSPHRASE).status_code == 429
        clock.move_to(until)
        assert try_passphrase(client, VP_PASSPHRASE).status_code == 302

    [line] = AuditEntry.objects.filter(action=AuditAction.KEY_PASSPHRASE_LOCKED)
    assert line.actor == user and line.detail == "5"
    assert not GuardCount.objects.filter(scope=f"unlock:{user.pk}").exists()  # cleared


@pytest.mark.django_db
def test_the_count_spans_two_windows_and_a_right_passphrase_clears_it(recipient):
    user = recipient
    with time_machine.travel(START + timedelta(seconds=WINDOW - 120), tick=False) as clock:
        client = at_the_door(user)
        for attempt in range(3):
            assert try_passphrase(client, f"fout {attempt}").status_code == 400
        clock.shift(timedelta(seconds=120))  # the next window: the three still count
        assert try_passphrase(client, "fout 3").status_code == 400
        assert try_passphrase(client, "fout 4").status_code == 429
        # Locked until the earlier window drops out: two in this window are fewer than five.
        assert keys.passphrase_locked_until(user.pk) == datetime.fromtimestamp(
            START.timestamp() - 60 + 2 * WINDOW, tz=UTC
        )
        clock.shift(timedelta(seconds=WINDOW))
        assert try_passphrase(client, VP_PASSPHRASE).status_code == 302
    assert keys.passphrase_locked_until(user.pk) is None
    assert not GuardCount.objects.filter(scope=f"unlock:{user.pk}").exists()


@pytest.mark.django_db
def test_changing_the_passphrase_counts_the_same_wrong_guesses(recipient):
    """The old passphrase asked for by the change form is a guess like any other: it cannot
    be used to get round the lock of the unlock form."""
    user, client = recipient, at_the_door(recipient)
    for attempt in range(3):
        assert try_passphrase(client, f"fout {attempt}").status_code == 400
    change = reverse("wagtail_vertrouwen_inbox:change_passphrase")
    new = {
        "new_passphrase1": "Een heel nieuwe zin 2026",
        "new_passphrase2": "Een heel nieuwe zin 2026",
    }
    assert client.post(change, {"old_passphrase": "fout 3", **new}).status_code == 400
    assert client.post(change, {"old_passphrase": "fout 4", **new}).status_code == 429
    assert client.post(change, {"old_passphrase": VP_PASSPHRASE, **new}).status_code == 429
    assert keys.passphrase_locked_until(user.pk) is not None
    assert AuditEntry.objects.filter(action=AuditAction.KEY_PASSPHRASE_LOCKED).count() == 1


@pytest.mark.django_db
def test_locks_are_per_recipient(recipient, form):
    client = at_the_door(recipient)
    colleague = make_vp("vp2", form)
    other = enter(Client(), colleague, unlocked=False)
    for attempt in range(5):
        try_passphrase(client, f"fout {attempt}")
    assert try_passphrase(other, VP_PASSPHRASE).status_code == 302


# System checks ---------------------------------------------------------------------------------


def deploy_ids():
    return {message.id for message in run_checks(include_deployment_checks=True)}


W011 = "wagtail_vertrouwen_channel.W011"
W012 = "wagtail_vertrouwen_channel.W012"


def test_w011_login_throttle():
    with override_settings(AXES_ENABLED=True):
        assert W011 not in deploy_ids()
    with override_settings(AXES_ENABLED=False):  # the test settings' own
        assert W011 in deploy_ids()
    with override_settings(
        AXES_ENABLED=True, AUTHENTICATION_BACKENDS=["django.contrib.auth.backends.ModelBackend"]
    ):
        assert W011 in deploy_ids()
    from django.conf import settings

    without_middleware = [m for m in settings.MIDDLEWARE if not m.startswith("axes.")]
    with override_settings(AXES_ENABLED=True, MIDDLEWARE=without_middleware):
        assert W011 in deploy_ids()
    assert W011 not in {message.id for message in run_checks()}  # only with --deploy


def test_w012_otp_throttle():
    assert W012 not in deploy_ids()  # django-otp's default factor, 1
    with override_settings(OTP_TOTP_THROTTLE_FACTOR=0):
        assert W012 in deploy_ids()
    with override_settings(OTP_STATIC_THROTTLE_FACTOR=0):
        assert W012 in deploy_ids()
