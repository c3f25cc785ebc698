"""At most ``KDF_CONCURRENCY`` Argon2id derivations at once per process; a request that finds
no slot within ``KDF_WAIT_SECONDS`` is told to try again (503, ``Retry-After``) and loses
nothing it typed; the APIs answer their documented 503, never a 500."""

import html
import json
import threading
import time

import pytest
from django.core.checks import Error
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail_vertrouwen.channel import checks, crypto
from wagtail_vertrouwen.channel.models import GuardCount, Melding
from wagtail_vertrouwen.channel.openapi import document
from wagtail_vertrouwen.channel.services import guard
from wagtail_vertrouwen.channel.services.receive import UNAVAILABLE
from wagtail_vertrouwen.channel.views.api import UNAVAILABLE_MESSAGE
from wagtail_vertrouwen.channel.views.form import REFUSALS
from wagtail_vertrouwen.unreachable import MESSAGE as TRY_AGAIN

from .channel import answers, enter, page_challenge, send, solve
from .mailbox import browser, challenges, mailbox_url, send_melding

HOLD = b"hold-this-slot"  # the secret whose derivation the fixture keeps running
WAIT = 0.2


def _text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def slow_kdf(monkeypatch):
    """``crypto._kdf`` that, for the secret ``HOLD``, stays inside until ``release`` is set."""
    real = crypto._kdf
    entered, release = threading.Event(), threading.Event()

    def kdf(secret, salt, limits):
        if secret == HOLD:
            entered.set()
            release.wait(10)
        return real(secret, salt, limits)

    monkeypatch.setattr(crypto, "_kdf", kdf)
    return entered, release


class _Held:
    """One slot per process, ``WAIT`` seconds of waiting, and that one slot taken by another
    thread that is inside a derivation (``slow_kdf``) until ``let_go()``."""

    def __init__(self, settings, slow_kdf):
        self.settings, (self.entered, self.release) = settings, slow_kdf
        self.thread = None

    def __enter__(self):
        self.settings.WAGTAIL_VERTROUWEN_KDF_CONCURRENCY = 1
        self.settings.WAGTAIL_VERTROUWEN_KDF_WAIT_SECONDS = WAIT
        self.thread = threading.Thread(
            target=crypto._derive, args=(HOLD, b"s" * 16, crypto.FAST_KDF), daemon=True
        )
        self.thread.start()
        assert self.entered.wait(10), "the holding derivation did not start"
        return self.let_go

    def let_go(self):
        self.release.set()
        self.thread.join(10)
        assert not self.thread.is_alive()

    def __exit__(self, *exc):
        self.let_go()


@pytest.fixture
def held(settings, slow_kdf):
    """The only slot taken (``_Held``); call the value to free it."""
    with _Held(settings, slow_kdf) as let_go:
        yield let_go


# The bound itself --------------------------------------------------------------------------


def _run_at_once(settings, monkeypatch, concurrency, threads):
    """``threads`` derivations started together under ``KDF_CONCURRENCY = concurrency``; the
    most that were inside the (patched) Argon2id call at one moment."""
    settings.WAGTAIL_VERTROUWEN_KDF_CONCURRENCY = concurrency
    settings.WAGTAIL_VERTROUWEN_KDF_WAIT_SECONDS = 30
    lock = threading.Lock()
    inside = {"now": 0, "most": 0}
    reached, release = threading.Event(), threading.Event()

    def kdf(secret, salt, limits):
        with lock:
            inside["now"] += 1
            inside["most"] = max(inside["most"], inside["now"])
            if inside["now"] >= concurrency:
                reached.set()
        release.wait(10)
        with lock:
            inside["now"] -= 1
        return b"k" * crypto.KEY_BYTES

    monkeypatch.setattr(crypto, "_kdf", kdf)
    results, errors = [], []

    def derive():
        try:
            results.append(crypto.melder_keys("1234 5678 9012 3456", b"s" * 16))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    workers = [threading.Thread(target=derive, daemon=True) for _ in range(threads)]
    for worker in workers:
        worker.start()
    assert reached.wait(10)
    time.sleep(0.3)  # room for any thread that is not held back to get inside as well
    release.set()
    for worker in workers:
        worker.join(10)
    assert not errors and len(results) == threads
    return inside["most"]


def test_at_most_n_derivations_run_at_once(settings, monkeypatch):
    assert _run_at_once(settings, monkeypatch, concurrency=2, threads=4) == 2


def test_the_count_sees_all_threads_when_the_bound_allows_them(settings, monkeypatch):
    """The check above can fail: without a lower bound, all four are inside at once."""
    assert _run_at_once(settings, monkeypatch, concurrency=4, threads=4) == 4


def test_no_slot_within_the_wait_is_busy_and_a_freed_slot_is_used(held):
    with pytest.raises(crypto.Busy):
        crypto.melder_keys("1234 5678 9012 3456", b"s" * 16, crypto.FAST_KDF)
    held()
    assert crypto.melder_keys("1234 5678 9012 3456", b"s" * 16, crypto.FAST_KDF).lookup


def test_busy_is_no_wrong_secret_and_recovery_codes_take_no_slot(held):
    assert not issubclass(crypto.Busy, crypto.CryptoError)
    private = crypto.nacl.public.PrivateKey.generate()
    code = crypto.new_recovery_code()
    wrapped = crypto.wrap_with_recovery_code(private, code)  # while the only slot is taken
    assert bytes(crypto.unwrap_with_recovery_code(wrapped, code)) == bytes(private)
    with pytest.raises(crypto.Busy):
        crypto.wrap_with_secret(private, "a passphrase of her own", crypto.FAST_KDF)


@pytest.mark.parametrize(
    ("concurrency", "wait"), [(0, 10), ("2", 10), (True, 10), (2, -1), (2, "10"), (2, 10**6)]
)
def test_invalid_bounds_are_a_system_check_error(settings, concurrency, wait):
    settings.WAGTAIL_VERTROUWEN_KDF_CONCURRENCY = concurrency
    settings.WAGTAIL_VERTROUWEN_KDF_WAIT_SECONDS = wait
    ids = [p.id for p in checks.channel_settings(None) if isinstance(p, Error)]
    assert "wagtail_vertrouwen_channel.E003" in ids


def test_the_defaults_pass_the_check():
    ids = [p.id for p in checks.channel_settings(None)]
    assert "wagtail_vertrouwen_channel.E003" not in ids


# The melding form ----------------------------------------------------------------------------


def test_a_melding_while_busy_is_503_keeps_the_text_and_is_sent_once_freed(melding_form, held):
    client = Client()
    challenge = page_challenge(client, melding_form)
    typed = "Mijn dochter wordt uitgescholden in de klas. BEWAARD-7c1"
    refused = send(client, melding_form, challenge=challenge, wat=typed)
    assert refused.status_code == 503
    assert refused["Retry-After"].isdigit()
    page = _text(refused)
    message = str(REFUSALS[UNAVAILABLE])
    assert "Onze dienst is even niet bereikbaar" in message  # translated, not the msgid
    assert message in page and typed in page
    assert not Melding.objects.exists()

    held()
    # The same post (the same proof of work): nothing of it was used up.
    sent = send(client, melding_form, challenge=challenge, wat=typed)
    assert sent.status_code == 200, _text(sent)[:2000]
    assert Melding.objects.count() == 1


def test_the_melding_api_while_busy_answers_its_documented_503(melding_form, held):
    client = Client()
    url = reverse("wagtail_vertrouwen:api_melding_submit", args=[melding_form.pk])
    body = {**answers(), "challenge": solve(client.get(url).json()["challenge"])}
    refused = client.post(url, json.dumps(body), content_type="application/json")
    assert refused.status_code == 503 and refused["Retry-After"].isdigit()
    assert refused.json()["errors"]["__all__"] == [str(UNAVAILABLE_MESSAGE)]
    assert "challenge" in refused.json()
    assert "503" in document()["paths"]["/api/meldingen/{page_id}/"]["post"]["responses"]
    assert not Melding.objects.exists()
    held()
    again = client.post(url, json.dumps(body), content_type="application/json")
    assert again.status_code == 201, again.content


# The mailbox -----------------------------------------------------------------------------------


def test_a_mailbox_login_while_busy_is_503_keeps_the_code_and_counts_nothing(
    settings, slow_kdf, melding_form
):
    code = send_melding(melding_form)  # before the slot is taken
    client = browser(melding_form)
    login = client.get(mailbox_url(melding_form))
    challenge = solve(challenges(login.content.decode())[0])
    with _Held(settings, slow_kdf) as let_go:
        refused = client.post(mailbox_url(melding_form), {"code": code, "challenge": challenge})
        assert refused.status_code == 503 and refused["Retry-After"].isdigit()
        page = _text(refused)
        assert str(TRY_AGAIN) in page and "Een deel van de website werkt even niet" in page
        assert f'value="{code}"' in page
        assert guard.failures(melding_form.translation_key) == (0, 0)
        let_go()
    # The same proof of work was given back; it logs in now.
    opened = client.post(mailbox_url(melding_form), {"code": code, "challenge": challenge})
    assert opened.status_code == 303


def test_the_mailbox_api_login_while_busy_answers_its_documented_503(
    settings, slow_kdf, melding_form
):
    code = send_melding(melding_form)
    client = Client()
    url = reverse("wagtail_vertrouwen:api_mailbox_login", args=[melding_form.pk])
    body = {"code": code, "challenge": solve(client.get(url).json()["challenge"])}
    with _Held(settings, slow_kdf):
        refused = client.post(url, json.dumps(body), content_type="application/json")
    assert refused.status_code == 503 and refused["Retry-After"].isdigit()
    assert refused.json()["errors"]["__all__"] == [str(UNAVAILABLE_MESSAGE)]
    operation = document()["paths"]["/api/postvak/{page_id}/login"]["post"]
    assert "503" in operation["responses"]
    assert client.post(url, json.dumps(body), content_type="application/json").status_code == 201


# The vertrouwenspersoon's key ----------------------------------------------------------------


def test_unlocking_while_busy_is_503_and_counts_no_wrong_passphrase(settings, slow_kdf, vp):
    from example_site.demo_channel import VP_PASSPHRASE

    client = enter(Client(), vp, unlocked=False)
    with _Held(settings, slow_kdf):
        refused = client.post(
            reverse("wagtail_vertrouwen_inbox:unlock"), {"passphrase": VP_PASSPHRASE}
        )
    assert refused.status_code == 503 and refused["Retry-After"].isdigit()
    assert str(TRY_AGAIN) in _text(refused)
    assert not GuardCount.objects.filter(scope=f"unlock:{vp.pk}").exists()
    unlocked = client.post(
        reverse("wagtail_vertrouwen_inbox:unlock"), {"passphrase": VP_PASSPHRASE}
    )
    assert unlocked.status_code == 302


def test_whoever_is_removed_while_a_melding_waits_for_a_slot_gets_no_copy(
    melding_form, vp, monkeypatch
):
    """The recipients are asked again after the code's derivation, which may wait up to
    ``KDF_WAIT_SECONDS`` for a slot: a recipient removed meanwhile gets no copy (I4)."""
    from wagtail_vertrouwen.channel.models import Designation, MeldingAccess
    from wagtail_vertrouwen.channel.services import mailbox

    from .factories import make_vp

    other = make_vp("tweede", melding_form)
    real = mailbox.issue_code

    def removed_meanwhile(melding, content_key):
        Designation.objects.filter(user=other).update(removed_at=timezone.now())
        return real(melding, content_key)

    monkeypatch.setattr(mailbox, "issue_code", removed_meanwhile)
    assert send(Client(), melding_form).status_code == 200
    melding = Melding.objects.get()
    assert list(
        MeldingAccess.objects.filter(melding=melding).values_list("recipient", flat=True)
    ) == [vp.pk]
