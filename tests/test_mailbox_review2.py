"""Second adversarial review of the melder's mailbox (issue 9), and what was fixed.

F1: the guessing guard's counters, the spent proofs of work and the hourly limit lived in
Django's cache. The production cache (a ``DatabaseCache``, 300 entries) culls the
alphabetically first third when full, so a guesser's own wrong codes evicted the counters
(the difficulty fell back to nothing) and the replay markers (a used solution was accepted
again); ``incr`` there is a get and a set, so parallel wrong codes lost counts. They are now
rows of ``models.guard``, counted with one atomic ``UPDATE``.

F2: a melding pointed to its form only through the version (translation) it was sent
through; deleting that version cut its melder off from the mailbox and froze the melding (no
successor could be given it). ``Melding.form_key`` keeps the form.

The other attacks of that review held; the cheap ones that no other test covers are kept at
the end of this file.
"""

import base64
import json
import re
import threading
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Permission, User
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from wagtail_vertrouwen.channel import policy
from wagtail_vertrouwen.channel.models import (
    AuditAction,
    AuditEntry,
    Bijlage,
    Designation,
    GuardCount,
    MailboxSession,
    Melding,
    MeldingAccess,
    MeldingFormPage,
    Message,
    SpentChallenge,
)
from wagtail_vertrouwen.channel.services import (
    challenge,
    conversation,
    designate,
    guard,
    handover,
    mailbox,
)
from wagtail_vertrouwen.channel.services.purge import purge_expired
from wagtail_vertrouwen.channel.services.submit import submit

from .channel import answers, enter, page_challenge, pdf, png, reader, send, solve, upload
from .factories import admin, make_form, make_school, make_vp
from .mailbox import (
    browser,
    challenges,
    code_on,
    form_token,
    log_in,
    mailbox_url,
    open_mailbox,
    reply,
    send_melding,
)
from .test_handover import MARKER, editor, holders, melding_for, replace_key

TABLE = "review2_cache"
#: The production cache (example_site/settings/production.py), with its default options.
DATABASE_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": TABLE}
}


@pytest.fixture
def database_cache(db):
    with override_settings(CACHES=DATABASE_CACHE):
        call_command("createcachetable", verbosity=0)
        cache.clear()
        yield cache
        cache.clear()


def wrong_code(n: int) -> str:
    digits = f"{n:016d}"
    return " ".join(digits[i : i + 4] for i in range(0, 16, 4))


def guess(form, code):
    payload = solve(guard.new_challenge(form.translation_key))
    with pytest.raises(guard.Refused) as refused:
        guard.log_in(form, code, payload)
    assert refused.value.reason == guard.WRONG
    return payload


def failed_lines(form):
    lines = AuditEntry.objects.filter(
        action=AuditAction.MAILBOX_CODE_FAILED, translation_key=form.translation_key
    )
    return sorted(lines.values_list("detail", flat=True), key=int)


# F1: the guard's state cannot be evicted ------------------------------------------------------


def test_a_guessers_own_wrong_codes_no_longer_evict_the_guard(melding_form, database_cache):
    """400 wrong codes (the review's attack: they used to push the counters out of the
    production cache) keep the level at its maximum with an exact count, a spent solution
    stays spent, and the guard writes nothing to the cache: emptying it changes nothing."""
    send_melding(melding_form)
    key = melding_form.translation_key
    spent = solve(challenge.new_challenge())  # a reply box's solution, used once
    guard.spend(spent, lambda: None)
    levels = []
    for n in range(400):
        guess(melding_form, wrong_code(n))
        levels.append(guard.level(key))
        if n == 200:
            database_cache.clear()  # whatever the cache does, nothing of the guard is there
    assert levels[49] == guard.MAX_LEVEL
    assert all(level == guard.MAX_LEVEL for level in levels[49:])
    assert guard.failures(key) == (400, 400)
    assert failed_lines(melding_form) == ["1", "10", "100"]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key FROM {connection.ops.quote_name(TABLE)}")  # noqa: S608
        assert not [row for row in cursor.fetchall() if "vertrouwen" in row[0]]
    with pytest.raises(guard.Refused) as refused:
        guard.spend(spent, lambda: None)
    assert refused.value.reason == guard.REPLAYED
    # Each is kept (as a hash) until it expires: the melding's, the reply's, 400 wrong codes'.
    assert SpentChallenge.objects.filter(used=True).count() == 1 + 1 + 400


def test_the_hourly_limit_survives_an_emptied_cache(melding_form, database_cache, settings):
    settings.WAGTAIL_VERTROUWEN_RATE_LIMIT_PER_HOUR = 1
    assert send(Client(), melding_form).status_code == 200
    database_cache.clear()
    assert send(Client(), melding_form, wat="Tweede verhaal").status_code == 429
    assert Melding.objects.count() == 1


def test_a_replayed_melding_solution_is_refused_after_the_cache_is_emptied(
    melding_form, database_cache
):
    client = Client()
    solved = page_challenge(client, melding_form)
    assert send(client, melding_form, challenge=solved).status_code == 200
    database_cache.clear()
    response = send(client, melding_form, challenge=solved, wat="Nog eens")
    assert response.status_code == 400
    assert Melding.objects.count() == 1


def test_an_increment_is_one_atomic_update_and_every_count_is_its_own(melding_form):
    """Without threads (SQLite serialises writes): the count grows by one ``UPDATE … SET
    count = count + 1`` (no read-then-write that a parallel request could interleave), and
    each wrong code gets its own count back, so each audit threshold is written once."""
    guard.failed(melding_form)  # the first inserts the window's rows
    with CaptureQueriesContext(connection) as queries:
        counts = [guard.failed(melding_form) for _n in range(9)]
    assert counts == list(range(2, 11))
    updates = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith("UPDATE")]
    assert len(updates) == 18  # the form's and the installation's count, per wrong code
    assert all(re.search(r'"count" = \("[^"]+"\."count" \+ ', sql) for sql in updates), updates
    assert not [q for q in queries if "INSERT INTO" in q["sql"] and "guardcount" in q["sql"]]
    assert failed_lines(melding_form) == ["1", "10"]


@pytest.mark.django_db(transaction=True)
def test_parallel_wrong_codes_lose_no_count(form):
    """On PostgreSQL: 8 threads × 25 wrong codes counted at once are 200, and the thresholds
    1, 10 and 100 are each audited once."""
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises the writes itself; run with DATABASE_URL=postgres://…")
    make_vp("vp-parallel", form)
    errors = []
    start = threading.Barrier(8)

    def wrong_codes():
        try:
            start.wait()
            for _n in range(25):
                guard.failed(form)
        except Exception as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=wrong_codes) for _n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert guard.failures(form.translation_key) == (200, 200)
    assert failed_lines(form) == ["1", "10", "100"]


@pytest.mark.django_db(transaction=True)
def test_parallel_claims_of_one_solution_give_it_to_one_request(form):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises the writes itself; run with DATABASE_URL=postgres://…")
    payload = solve(challenge.new_challenge())
    won = []
    start = threading.Barrier(6)

    def claim():
        try:
            start.wait()
            won.append(challenge.claim(payload))
        finally:
            connection.close()

    threads = [threading.Thread(target=claim) for _n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(won) == [False] * 5 + [True]


def test_a_claim_is_given_back_and_a_stale_one_taken_over(melding_form):
    payload = solve(challenge.new_challenge())
    assert challenge.claim(payload)
    assert not challenge.claim(payload)  # held by "another request"
    challenge.release(payload)
    assert challenge.claim(payload)  # given back: the melder's retry works (I6)
    with time_machine.travel(timezone.now() + timedelta(seconds=challenge.CLAIM_SECONDS + 1)):
        assert challenge.claim(payload)  # the request that held it never finished
    challenge.use(payload)
    assert challenge.is_used(payload) and not challenge.claim(payload)


def test_expired_guard_state_is_purged(melding_form):
    payload = solve(challenge.new_challenge())
    guard.spend(payload, lambda: None)
    guard.failed(melding_form)
    purge_expired()  # the daily run, now: nothing has expired yet
    assert SpentChallenge.objects.count() == 1 and GuardCount.objects.count() == 2
    later = timezone.now() + timedelta(hours=3, minutes=1)
    assert challenge.purge_expired(later) == 3  # one solution, two counts
    assert not SpentChallenge.objects.exists() and not GuardCount.objects.exists()


# F2: deleting one version of a form strands nobody ---------------------------------------------


def english_copy(form):
    english = Locale.objects.get_or_create(language_code="en")[0]
    copy = form.copy_for_translation(english, copy_parents=True)
    copy.save_revision().publish()
    copy = MeldingFormPage.objects.get(pk=copy.pk)
    assert copy.translation_key == form.translation_key and copy.live
    return copy


def test_deleting_the_version_a_melding_came_through_strands_nobody(
    form, recipient, django_capture_on_commit_callbacks
):
    english = english_copy(form)
    code = code_on(send(Client(), english))
    melding = Melding.objects.get()
    assert melding.form_id == english.pk and melding.form_key == form.translation_key

    english.delete()  # an editor removes the English translation; the Dutch form stays
    melding.refresh_from_db()
    assert melding.form_id is None and melding.form_key == form.translation_key

    # The melder logs in on the Dutch mailbox and reads and writes.
    client = browser(form)
    log_in(client, form, code)
    assert "berichten" in client.get(mailbox_url(form)).content.decode()
    assert reply(client, form, "Nog iets").status_code == 303
    assert Message.objects.filter(melding=melding, from_melder=True).count() == 1

    # A colleague designated on the form can be given it, one by one and all at once.
    successor = make_vp("opvolger", form)
    assert policy.why_not_given_access(successor, melding, None) is None
    assert successor in handover.eligible(reader(recipient), melding)
    handover.grant(reader(recipient), melding, successor)
    assert successor.pk in holders(melding)
    other = make_vp("derde", form)
    assert other in handover.successors(recipient)
    with django_capture_on_commit_callbacks(execute=True):
        result = handover.hand_over_all(reader(recipient), other, keep_own=True)
    assert result.given == 1
    line = AuditEntry.objects.filter(action=AuditAction.ACCESS_GRANTED, subject=other).get()
    assert line.translation_key == form.translation_key  # still about the form


def test_the_unreadable_listing_lists_a_melding_whose_version_was_deleted(form, recipient):
    english = english_copy(form)
    lost = submit(english, english.get_site(), answers(wat=f"Niemand leest dit {MARKER}"))
    english.delete()
    replace_key(recipient)  # the only holder lost passphrase and recovery code
    colleague = make_vp("tweede", form)
    assert list(policy.unreadable_for(colleague)) == [lost]
    assert list(policy.unreadable_for(recipient)) == [lost]
    page = enter(Client(), colleague).get(reverse("wagtail_vertrouwen_inbox:unreadable"))
    assert page.status_code == 200 and page.context["meldingen"] == [lost]
    assert MARKER not in page.content.decode()
    # Named by the form's remaining version, not "—".
    assert f"<td>{form.title}</td>" in page.content.decode()


def test_the_data_migration_fills_the_form_key(form, recipient):
    """0007 fills ``form_key`` from the version, or from the audit lines where the version
    was deleted before."""
    from importlib import import_module

    from django.apps import apps

    fill = import_module(
        "wagtail_vertrouwen.channel.migrations.0007_guard_state_form_key"
    ).fill_form_key
    english = english_copy(form)
    kept = melding_for(form)
    gone = submit(english, english.get_site(), answers())
    english.delete()
    Melding.objects.update(form_key=None)
    fill(apps, None)
    assert set(Melding.objects.values_list("pk", "form_key")) == {
        (kept.pk, form.translation_key),
        (gone.pk, form.translation_key),
    }


def test_the_excluded_person_is_not_given_a_melding_sent_through_another_version(form, recipient):
    """Exclusion holds whichever version (translation) the melding was sent through, also
    once that version is deleted."""
    english = english_copy(form)
    co = make_vp("tweede", form)
    excluded = make_vp("uitgesloten", form)
    melding = submit(english, english.get_site(), answers(wat="via Engels"), excluded=excluded)
    assert holders(melding) == {recipient.pk, co.pk}
    with pytest.raises(handover.Refused) as refused:
        handover.grant(reader(co), melding, excluded)
    assert refused.value.reason == policy.EXCLUDED_BY_MELDER
    english.delete()
    melding.refresh_from_db()
    result = handover.hand_over_all(reader(recipient), excluded, keep_own=False)
    assert result.given == 0 and result.skipped_excluded == 1
    designation = Designation.objects.current().get(user=excluded)
    designate.remove(designation, form, admin())
    designate.designate(form, excluded, admin())
    with pytest.raises(handover.Refused):
        handover.grant(reader(co), melding, excluded)
    assert excluded.pk not in holders(melding)


# Attacks of the review that held (moved from its throwaway files) ------------------------------


def api(form, name="api_mailbox", *args):
    return reverse(f"wagtail_vertrouwen:{name}", args=[form.pk, *args])


def api_token(form, code):
    client = Client()
    challenge_json = client.get(api(form, "api_mailbox_login")).json()["challenge"]
    response = client.post(
        api(form, "api_mailbox_login"),
        {"code": code, "challenge": solve(challenge_json)},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    return response.json()["token"]


def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


BODIES = [
    ("application/json", b"not json"),
    ("application/json", b"\xff\xfe\x00"),
    ("application/json", b"[1, 2]"),
    ("application/json", b'{"code": 1234567890123456, "challenge": {}}'),
    ("application/json", b'{"code": ["1"], "challenge": null}'),
    ("application/json", b'{"code": "\\ud800\\ud800", "challenge": "x"}'),
    ("application/json", b'{"code": "' + b"1" * 100_000 + b'"}'),
    ("application/json", b"[" * 100_000),
    ("application/json; charset=latin-1", b'{"code": "\xe9"}'),
    ("text/plain", b"code=1"),
    ("application/x-www-form-urlencoded", b"code=0000000000000000&challenge=x"),
    ("multipart/form-data", b"--x\r\n"),
    ("multipart/form-data; boundary=", b"--\r\n"),
    ("multipart/form-data; boundary=zz", b"--zz\r\nContent-Disposition: form-data\r\n\r\n"),
    ("", b""),
]


def test_api_login_and_message_never_500(melding_form):
    token = api_token(melding_form, send_melding(melding_form))
    client = Client(raise_request_exception=False)
    for content_type, body in BODIES:
        login = client.generic(
            "POST", api(melding_form, "api_mailbox_login"), body, content_type=content_type
        )
        assert login.status_code < 500, (content_type, body[:50], login.content[:300])
        message = client.generic(
            "POST",
            api(melding_form, "api_mailbox_messages"),
            body,
            content_type=content_type,
            **bearer(token),
        )
        assert message.status_code < 500, (content_type, body[:50], message.content[:300])
    assert Message.objects.count() == 0


def test_api_bad_tokens_are_401(melding_form):
    client = Client(raise_request_exception=False)
    for header in [
        "Bearer",
        "Bearer ",
        "Bearer .",
        "Bearer a.b.c",
        "Bearer " + "x" * 20_000 + ".y",
        "Bearer \u00e9\u00e9.\u00fc",
        "bearer a.b",
        "Basic YTpi",
        "Bearer a.%ff",
    ]:
        response = client.get(api(melding_form), HTTP_AUTHORIZATION=header)
        assert response.status_code == 401, (header[:30], response.content[:300])


def test_page_bad_cookies_never_500(melding_form):
    client = browser(melding_form)
    client.raise_request_exception = False
    for cookie in ["", ".", "a.b", "a.b.c", "x" * 5000, "\u00e9.\u00fc", "%ff.%00", '"a.b"']:
        client.cookies[policy.MAILBOX_COOKIE] = cookie
        assert client.get(mailbox_url(melding_form)).status_code == 200
        response = client.post(mailbox_url(melding_form, "mailbox_reply"), {"text": "iets"})
        assert response.status_code == 403
    assert Message.objects.count() == 0


def test_a_melder_tampering_with_their_own_cookie_gets_no_500(melding_form):
    """The token id is right, the key half is not: the session must not open, nor crash."""
    code = send_melding(melding_form)
    client = browser(melding_form)
    client.raise_request_exception = False
    log_in(client, melding_form, code)
    token_id, _secret = client.cookies[policy.MAILBOX_COOKIE].value.split(".")
    for secret in ["", "AAAA", "\u00e9", "A" * 43, "!!!!", "A" * 44 + "="]:
        client.cookies[policy.MAILBOX_COOKIE] = f"{token_id}.{secret}"
        response = client.get(mailbox_url(melding_form))
        assert response.status_code == 200  # the login page
        assert "form_token" not in response.content.decode()


def test_page_login_odd_codes_and_bodies_never_500(melding_form):
    client = browser(melding_form)
    client.raise_request_exception = False
    for code in [
        " ".join(["\u0660\u0661\u0662\u0663"] * 4),
        "\u00b9" * 16,
        "1" * 16 + "\x00",
        "\uff11" * 16,  # fullwidth digits
        "1" * 101,
        "",
    ]:
        page = client.get(mailbox_url(melding_form)).content.decode()
        response = client.post(
            mailbox_url(melding_form), {"code": code, "challenge": solve(challenges(page)[0])}
        )
        assert response.status_code in (400, 403), (code[:20], response.status_code)
    response = client.generic(
        "POST", mailbox_url(melding_form), b"--x\r\n", content_type="multipart/form-data"
    )
    assert response.status_code < 500


def test_a_solution_held_by_a_parallel_request_is_refused(melding_form):
    payload = solve(guard.new_challenge(melding_form.translation_key))
    assert challenge.claim(payload)  # another request holds it right now
    with pytest.raises(guard.Refused) as refused:
        guard.log_in(melding_form, "0000 0000 0000 0001", payload)
    assert refused.value.reason == guard.IN_PROGRESS
    assert guard.failures(melding_form.translation_key)[0] == 0


def test_page_and_api_count_the_same_wrong_codes(melding_form):
    client = browser(melding_form)
    page = client.get(mailbox_url(melding_form)).content.decode()
    client.post(
        mailbox_url(melding_form),
        {"code": "0000 0000 0000 0001", "challenge": solve(challenges(page)[0])},
    )
    api_client = Client()
    challenge_json = api_client.get(api(melding_form, "api_mailbox_login")).json()["challenge"]
    api_client.post(
        api(melding_form, "api_mailbox_login"),
        {"code": "0000 0000 0000 0002", "challenge": solve(challenge_json)},
        content_type="application/json",
    )
    assert guard.failures(melding_form.translation_key)[0] == 2


def test_a_forged_level_in_the_salt_breaks_the_signature(melding_form):
    made = guard.new_challenge(melding_form.translation_key)
    payload = json.loads(base64.b64decode(solve(made)))
    payload["salt"] = payload["salt"].replace("level=0", "level=9")
    forged = base64.b64encode(json.dumps(payload).encode()).decode()
    assert guard.check(forged, melding_form.translation_key) == guard.INVALID


def test_no_oracle_a_code_of_another_forms_melding_is_just_wrong(melding_form):
    other = make_form(make_school("andere.test"))
    make_vp("andere_vp", other)
    theirs = send_melding(other)
    client = browser(melding_form)
    page = client.get(mailbox_url(melding_form)).content.decode()
    foreign = client.post(
        mailbox_url(melding_form), {"code": theirs, "challenge": solve(challenges(page)[0])}
    )
    page = client.get(mailbox_url(melding_form)).content.decode()
    unknown = client.post(
        mailbox_url(melding_form),
        {"code": "9999 9999 9999 9999", "challenge": solve(challenges(page)[0])},
    )
    assert foreign.status_code == unknown.status_code == 403

    def scrub(response):
        text = response.content.decode()
        for value in ("9999 9999 9999 9999", theirs):
            text = text.replace(value, "")
        text = re.sub(r'data-challenge="[^"]*"', "", text)
        return re.sub(r'value="[A-Za-z0-9+/=]{40,}"', "", text)

    assert scrub(foreign) == scrub(unknown)


def test_cross_site_posts_are_refused_in_every_disguise(melding_form):
    code = send_melding(melding_form)
    client = browser(melding_form)
    log_in(client, melding_form, code)
    for headers in [
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "http://school.test"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "http://school.test:8080"},
        {"HTTP_ORIGIN": "https://school.test"},
        {"HTTP_ORIGIN": "http://evil.school.test"},
    ]:
        page = open_mailbox(client, melding_form)
        data = {
            "text": "PLANTED",
            "challenge": solve(challenges(page)[0]),
            "form_token": form_token(page),
        }
        response = client.post(mailbox_url(melding_form, "mailbox_reply"), data, **headers)
        assert response.status_code == 403, headers
    assert Message.objects.count() == 0


def test_other_methods_change_nothing(melding_form):
    code = send_melding(melding_form)
    client = browser(melding_form)
    log_in(client, melding_form, code)
    sessions = MailboxSession.objects.count()
    for method in ["PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]:
        for name in ("mailbox", "mailbox_reply", "mailbox_logout", "mailbox_notice"):
            response = client.generic(method, mailbox_url(melding_form, name), b"text=x")
            assert response.status_code == 405, (method, name, response.status_code)
    assert MailboxSession.objects.count() == sessions
    assert Message.objects.count() == 0


def test_a_melder_reads_no_file_of_another_melding(melding_form):
    other_code = send_melding(melding_form)
    mine = send_melding(melding_form)
    theirs = browser(melding_form)
    log_in(theirs, melding_form, other_code)
    reply(theirs, melding_form, "met bijlage", files=[upload("a.png", png("GEHEIM"), "image/png")])
    bijlage = Bijlage.objects.get()
    client = browser(melding_form)
    log_in(client, melding_form, mine)
    assert client.get(mailbox_url(melding_form, "mailbox_download", bijlage.pk)).status_code == 404
    token = api_token(melding_form, mine)
    response = Client().get(api(melding_form, "api_mailbox_download", bijlage.pk), **bearer(token))
    assert response.status_code == 404


def test_a_session_of_one_form_opens_nothing_at_another(melding_form):
    other = make_form(make_school("andere.test"))
    make_vp("andere_vp", other)
    token = api_token(melding_form, send_melding(melding_form))
    assert Client().get(api(other), **bearer(token)).status_code == 401
    response = Client().post(
        api(other, "api_mailbox_messages"),
        {"text": "x", "challenge": solve(challenge.new_challenge())},
        content_type="application/json",
        **bearer(token),
    )
    assert response.status_code == 401
    assert Message.objects.count() == 0


def test_a_session_cannot_be_kept_alive_beyond_its_maximum(melding_form):
    token = api_token(melding_form, send_melding(melding_form))
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        for _step in range(7):  # every 10 minutes: never idle
            clock.shift(timedelta(minutes=10))
            Client().get(api(melding_form), **bearer(token))
        assert timezone.now() - start >= timedelta(seconds=3600)  # MAILBOX_MAX_SECONDS
        assert Client().get(api(melding_form), **bearer(token)).status_code == 401


def test_disguised_and_polyglot_files(melding_form):
    code = send_melding(melding_form)
    client = browser(melding_form)
    log_in(client, melding_form, code)
    html_as_png = upload("x.png", b"<html><script>alert(1)</script></html>", "image/png")
    svg = upload("x.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>', "image/png")
    for bad in (html_as_png, svg):
        response = reply(client, melding_form, "", files=[bad])
        assert response.status_code == 400
    # A real PDF that is also HTML: accepted, but never shown as a page of the site.
    polyglot = pdf("<html><script>alert(document.domain)</script></html>")
    response = reply(client, melding_form, "", files=[upload("x.html", polyglot, "text/html")])
    assert response.status_code == 303
    bijlage = Bijlage.objects.get()
    download = client.get(mailbox_url(melding_form, "mailbox_download", bijlage.pk))
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download["Content-Security-Policy"]
    assert ".html" not in download["Content-Disposition"]


INBOX = "wagtail_vertrouwen_inbox"


def staff_urls(melding):
    one = [
        ("reply", {"text": "x"}),
        ("melder_status", {"melder_status": "in_behandeling"}),
        ("next_contact", {"next_contact_by": "2099-01-01"}),
        ("grant", {"colleague": "1", "confirm": "on"}),
        ("detail", None),
        ("export", None),
    ]
    urls = [(reverse(f"{INBOX}:{name}", args=[melding.pk]), data) for name, data in one]
    urls += [
        (reverse(f"{INBOX}:handover"), {"colleague": "1", "confirm": "on"}),
        (reverse(f"{INBOX}:unreadable"), None),
    ]
    return urls


def test_superusers_editors_and_designators_get_nothing_of_the_staff_urls(form, recipient):
    melding = melding_for(form)
    designator = User.objects.create_user("aanwijzer", "aanwijzer@school.test", "x")
    designator.user_permissions.add(
        Permission.objects.get(codename="designate_recipients"),
        Permission.objects.get(codename="access_admin"),
    )
    before = Message.objects.count(), MeldingAccess.objects.count()
    for person in (admin(), editor(), designator):
        client = Client()
        client.force_login(person)
        for url, data in staff_urls(melding):
            response = client.get(url) if data is None else client.post(url, data)
            assert response.status_code == 404, (person, url, response.status_code)
            assert MARKER not in response.content.decode()
    assert (Message.objects.count(), MeldingAccess.objects.count()) == before


def test_a_melder_cannot_break_the_inbox(form, recipient):
    melding = submit(form, form.get_site(), answers())
    opened = mailbox.open_with_code(form.translation_key, melding.melder_code)
    odd = "\u202e<script>alert(1)</script>{{ x }}{% if %}\ufeff" + "\U0001f600" * 50
    conversation.post(opened.melding, opened.content_key, text=odd)
    conversation.post(
        opened.melding,
        opened.content_key,
        kind="identity",
        details={"naam": "<b>x</b>\u202e", "email": "a@b.c", "telefoon": "+31 (0)6"},
    )
    conversation.post(
        opened.melding,
        opened.content_key,
        uploads=[
            upload("\u202efdp.exe" + "x" * 300 + ".png", png("P"), "image/png"),
            upload("CON.pdf", pdf("p"), "application/pdf"),
        ],
    )
    client = enter(Client(), recipient)
    for ordering in ("", "due", "-due", "waiting", "-waiting", "received"):
        query = f"?ordering={ordering}" if ordering else ""
        assert client.get(reverse(f"{INBOX}:index") + query).status_code == 200
    page = client.get(reverse(f"{INBOX}:detail", args=[melding.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<script>alert(1)</script>" not in html and "<b>x</b>" not in html
    assert client.get(reverse(f"{INBOX}:export", args=[melding.pk])).status_code == 200
    for bijlage in melding.bijlagen.all():
        response = client.get(reverse(f"{INBOX}:download", args=[melding.pk, bijlage.pk]))
        assert response.status_code == 200
        assert "\u202e" not in response["Content-Disposition"]
        assert response["Content-Disposition"].endswith(('.png"', '.pdf"'))
