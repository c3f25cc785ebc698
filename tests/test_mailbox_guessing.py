"""Guessing melders' codes (services.guard): 1,000 wrong codes against one form make each
login costlier and are audited at the thresholds, and the right code still opens after them.
The wrong codes go through the service layer for speed, a few through HTTP."""

import base64
import json
import re
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from wagtail_vertrouwen.channel.models import (
    AuditAction,
    AuditEntry,
    GuardCount,
    MailboxSession,
    SpentChallenge,
)
from wagtail_vertrouwen.channel.services import challenge, guard

from .channel import solve
from .factories import make_form, make_vp
from .mailbox import browser, challenges, log_in, mailbox_url, send_melding


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def wrong_code(n: int) -> str:
    digits = f"{n:016d}"
    return " ".join(digits[i : i + 4] for i in range(0, 16, 4))


def guess(form, code):
    """One login attempt as a client makes it: a fresh challenge at the current level."""
    payload = solve(guard.new_challenge(form.translation_key))
    return guard.log_in(form, code, payload)


def failed_lines(form=None):
    lines = AuditEntry.objects.filter(action=AuditAction.MAILBOX_CODE_FAILED)
    if form is not None:
        lines = lines.filter(translation_key=form.translation_key)
    return list(lines.order_by("pk").values_list("detail", flat=True))


def test_a_thousand_wrong_codes_make_logins_costlier_are_audited_and_the_right_code_opens(
    melding_form, settings
):
    code = send_melding(melding_form)
    base = settings.WAGTAIL_VERTROUWEN_POW_MAX_NUMBER
    levels = []
    for n in range(1000):
        with pytest.raises(guard.Refused) as refused:
            guess(melding_form, wrong_code(n))
        assert refused.value.reason == guard.WRONG
        levels.append(guard.level(melding_form.translation_key))
    # The work grows: twice as much after every 10 wrong codes, up to 32 times.
    assert levels[8] == 0 and levels[9] == 1 and levels[19] == 2 and levels[49] == guard.MAX_LEVEL
    assert levels == sorted(levels) and levels[-1] == guard.MAX_LEVEL == 5
    hardest = guard.new_challenge(melding_form.translation_key)
    assert hardest["maxnumber"] == base * 32
    # Audited at the 1st, 10th, 100th and 1000th wrong code: the log is not flooded.
    assert failed_lines(melding_form) == ["1", "10", "100", "1000"]
    # The right code still opens, at the current difficulty, without waiting.
    started = guess(melding_form, code)
    assert started.opened.melding.form.translation_key == melding_form.translation_key
    # And through the page, a few more wrong ones and then the right one.
    client = browser(melding_form)
    page = client.get(mailbox_url(melding_form)).content.decode()
    assert challenges(page)[0]["maxnumber"] == base * 32
    for n in range(1000, 1003):
        log_in(client, melding_form, wrong_code(n), expect=403)
    log_in(client, melding_form, code)
    assert "berichten" in client.get(mailbox_url(melding_form)).content.decode()


def test_a_challenge_from_before_it_became_harder_is_refused_and_the_code_kept(melding_form):
    code = send_melding(melding_form)
    client = browser(melding_form)
    easy = client.get(mailbox_url(melding_form)).content.decode()
    for n in range(guard.FORM_STEP):
        with pytest.raises(guard.Refused):
            guess(melding_form, wrong_code(n))
    response = client.post(
        mailbox_url(melding_form), {"code": code, "challenge": solve(challenges(easy)[0])}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert f'value="{code}"' in page  # the code stays filled in
    assert challenges(page)[0]["maxnumber"] == 2 * challenges(easy)[0]["maxnumber"]
    assert not MailboxSession.objects.exists()
    log_in(client, melding_form, code)  # with the harder check it opens


def test_the_api_says_harder_and_hands_the_new_challenge(melding_form):
    code = send_melding(melding_form)
    client = Client()
    login = reverse_login(melding_form)
    easy = client.get(login).json()["challenge"]
    for n in range(guard.FORM_STEP):
        with pytest.raises(guard.Refused):
            guess(melding_form, wrong_code(n))
    response = client.post(
        login, {"code": code, "challenge": solve(easy)}, content_type="application/json"
    )
    assert response.status_code == 400 and "challenge" in response.json()["errors"]
    harder = response.json()["challenge"]
    assert harder["maxnumber"] == 2 * easy["maxnumber"]
    ok = client.post(
        login, {"code": code, "challenge": solve(harder)}, content_type="application/json"
    )
    assert ok.status_code == 201


def reverse_login(form):
    from django.urls import reverse

    return reverse("wagtail_vertrouwen:api_mailbox_login", args=[form.pk])


def test_wrong_codes_everywhere_make_every_form_costlier(melding_form):
    other = make_form(melding_form.get_parent(), title="Formulier B", slug="formulier-b")
    make_vp("vp-b", other)
    for n in range(guard.INSTALLATION_STEP):
        with pytest.raises(guard.Refused):
            guess(melding_form, wrong_code(n))
    assert guard.failures(other.translation_key) == (0, guard.INSTALLATION_STEP)
    assert guard.level(other.translation_key) == 1
    assert guard.level(melding_form.translation_key) == guard.MAX_LEVEL
    assert failed_lines(other) == []  # only the form that was guessed at hears of it


def test_the_count_fades_after_two_windows(melding_form):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for n in range(guard.FORM_STEP * 3):
            with pytest.raises(guard.Refused):
                guess(melding_form, wrong_code(n))
        assert guard.level(melding_form.translation_key) == 3
        clock.shift(timedelta(seconds=guard.WINDOW_SECONDS))
        assert guard.level(melding_form.translation_key) == 3  # the previous window counts
        clock.shift(timedelta(seconds=guard.WINDOW_SECONDS))
        assert guard.level(melding_form.translation_key) == 0
        with pytest.raises(guard.Refused):
            guess(melding_form, wrong_code(99))
        assert failed_lines(melding_form)[-1] == "1"  # a new window: audited from 1 again


def test_a_wrong_code_uses_up_its_proof_of_work(melding_form):
    payload = solve(guard.new_challenge(melding_form.translation_key))
    with pytest.raises(guard.Refused) as first:
        guard.log_in(melding_form, wrong_code(1), payload)
    assert first.value.reason == guard.WRONG
    with pytest.raises(guard.Refused) as second:
        guard.log_in(melding_form, wrong_code(2), payload)
    assert second.value.reason == guard.REPLAYED
    assert guard.failures(melding_form.translation_key)[0] == 1


def test_a_login_challenge_is_bound_to_its_form_and_purpose(melding_form):
    code = send_melding(melding_form)
    other = make_form(melding_form.get_parent(), title="Formulier B", slug="formulier-b")
    make_vp("vp-b", other)
    of_other_form = solve(guard.new_challenge(other.translation_key))
    of_melding_form = solve(challenge.new_challenge())
    for payload in (of_other_form, of_melding_form, "", "eA==", "x" * 3000):
        with pytest.raises(guard.Refused) as refused:
            guard.log_in(melding_form, code, payload)
        assert refused.value.reason in {guard.INVALID, guard.MISSING}
    # A salt whose signed level is edited no longer matches its signature.
    document = json.loads(
        base64.b64decode(solve(guard.new_challenge(melding_form.translation_key)))
    )
    document["salt"] = re.sub(r"level=\d", "level=9", document["salt"])
    forged = base64.b64encode(json.dumps(document).encode()).decode()
    assert guard.check(forged, melding_form.translation_key) == guard.INVALID
    assert not MailboxSession.objects.exists()


def test_the_right_code_costs_no_failure(melding_form):
    code = send_melding(melding_form)
    guess(melding_form, code)
    assert guard.failures(melding_form.translation_key) == (0, 0)
    assert failed_lines() == []


def test_nothing_about_the_guesser_is_counted(melding_form):
    """The counters are keyed by form and window only: no address, no browser, no code; a
    spent proof of work is kept as a hash of its challenge."""
    client = Client(HTTP_HOST="school.test", REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Agent/9")
    log_in(client, melding_form, wrong_code(5), expect=403)
    counted = GuardCount.objects.values_list("scope", "window", "count")
    assert sorted(scope for scope, _window, _count in counted) == [
        "guard:all",
        f"guard:form:{melding_form.translation_key}",
    ]
    assert SpentChallenge.objects.filter(used=True).count() == 1
    keys = [str(row) for row in counted] + list(SpentChallenge.objects.values_list("digest"))
    keys = [str(key) for key in keys]
    typed = wrong_code(5)
    assert keys and all(
        "203.0.113" not in key
        and "Agent" not in key
        and typed not in key
        and typed.replace(" ", "") not in key
        for key in keys
    )
