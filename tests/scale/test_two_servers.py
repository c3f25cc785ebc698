"""Two app servers, one installation: every request of a browser may go to either of them
(a load balancer without sticky sessions), and whatever one server counts, spends, locks or
publishes holds on the other at once.

A and B are two gunicorn instances with the scale settings (production's, from the
environment) sharing PostgreSQL, Redis and S3 and nothing else (``conftest.installation``).
Each test alternates its requests between them and checks the shared state through the other
server, or in the database and the cache themselves. Each test has its own accounts and forms,
so the tests do not depend on each other's order.

PostgreSQL only (``DATABASE_URL=postgres://…``): the database is created, migrated and dropped
by the fixture, as ``vw_scale_<random>``.
"""

import io
import re
import time
from datetime import UTC, datetime

import pytest
from django.utils import translation
from django.utils.translation import gettext
from django_otp.oath import TOTP
from PIL import Image

from tests.channel import answers, solve
from tests.mailbox import code_on

from .build import ADMIN_PASSWORD, PASSPHRASE, PASSWORD
from .conftest import needs_postgres
from .stack import challenges, csrf_token

pytestmark = [needs_postgres, pytest.mark.scale, pytest.mark.xdist_group("scale")]

INBOX = "/admin/vertrouwen/inbox/"
LOGIN = "/admin/login/"


# What a browser does -------------------------------------------------------------------------


def expect(installation, response, status):
    """``response`` has ``status``; otherwise the failure shows the page and both servers'
    logs."""
    assert response.status_code == status, (
        f"{response.request.method} {response.request.url}: {response.status_code}, "
        f"expected {status}\n{response.text[:2000]}\n{installation.logs()}"
    )
    return response


def log_in(installation, browser, server, username, password, **kwargs):
    page = expect(installation, browser.get(server, LOGIN), 200)
    data = {
        "username": username,
        "password": password,
        "next": "/admin/",
        "csrfmiddlewaretoken": csrf_token(page.text),
    }
    return browser.post(server, LOGIN, data, **kwargs)


def totp_code(user, shift=0) -> str:
    return f"{(TOTP(bytes.fromhex(user['totp_key'])).token() + shift) % 10**6:06d}"


def enter_code(installation, browser, server, code):
    page = expect(installation, browser.get(server, INBOX + "otp/"), 200)
    data = {"otp_token": code, "csrfmiddlewaretoken": csrf_token(page.text)}
    return browser.post(server, INBOX + "otp/", data)


def unlock(installation, browser, server, passphrase):
    page = expect(installation, browser.get(server, INBOX + "unlock/"), 200)
    data = {"passphrase": passphrase, "csrfmiddlewaretoken": csrf_token(page.text)}
    return browser.post(server, INBOX + "unlock/", data)


def send_melding(installation, browser, server, form, files=None, **overrides):
    """Open the form page, solve its proof of work and send; returns (response, data)."""
    page = expect(installation, browser.get(server, form["url"]), 200)
    data = {**answers(**overrides), "challenge": solve(challenges(page.text)[0])}
    response = browser.post(server, f"/vertrouwen/melding/{form['pk']}/", data, files=files)
    return response, data


def mailbox_path(form) -> str:
    return f"/vertrouwen/postvak/{form['pk']}/"


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (6, 6), (20, 120, 200)).save(buffer, format="PNG")
    return buffer.getvalue()


def meldingen_of(installation, form_name) -> int:
    key = installation.content["form_keys"][form_name]
    [(count,)] = installation.database.query(
        "SELECT count(*) FROM wagtail_vertrouwen_channel_melding WHERE form_key = %s", key
    )
    return count


def guard_count(installation, scope) -> int:
    [(total,)] = installation.database.query(
        "SELECT coalesce(sum(count), 0) FROM wagtail_vertrouwen_channel_guardcount "
        "WHERE scope = %s",
        scope,
    )
    return total


# The tests -----------------------------------------------------------------------------------


def test_vertrouwenspersoon_changes_server_at_every_step(installation):
    """A melding with an attachment sent through B; the vertrouwenspersoon's password on A,
    her code on B, her key on A, her inbox on B, the attachment from S3 through A."""
    a, b = installation.a, installation.b
    form = installation.content["forms"]["main"]
    picture = png_bytes()
    melder = installation.browser("198.51.100.20")
    sent, _data = send_melding(
        installation,
        melder,
        b,
        form,
        files={"bijlagen": ("schoolplein.png", picture, "image/png")},
        wat="Zie de foto van het schoolplein.",
    )
    expect(installation, sent, 200)
    stored = installation.s3.objects()
    assert len(stored) == 1 and picture not in next(iter(stored.values()))  # ciphertext only

    vp = installation.content["users"]["vp_main"]
    browser = installation.browser()
    signed_in = expect(installation, log_in(installation, browser, a, "vp_main", PASSWORD), 302)
    assert signed_in.headers["Location"] == "/admin/"
    # B knows the session A started (PostgreSQL): it asks for the code, not for a login.
    assert f"{INBOX}otp/" in expect(installation, browser.get(b, INBOX), 403).text
    expect(installation, enter_code(installation, browser, b, totp_code(vp)), 302)
    # A knows the code was given on B: it asks for the key passphrase now.
    assert f"{INBOX}unlock/" in expect(installation, browser.get(a, INBOX), 403).text
    expect(installation, unlock(installation, browser, a, PASSPHRASE), 302)
    inbox = expect(installation, browser.get(b, INBOX), 200)

    [(melding_id,)] = installation.database.query(
        "SELECT id FROM wagtail_vertrouwen_channel_melding WHERE form_key = %s "
        "ORDER BY received_at DESC LIMIT 1",
        installation.content["form_keys"]["main"],
    )
    assert str(melding_id) in inbox.text
    detail = expect(installation, browser.get(a, f"{INBOX}melding/{melding_id}/"), 200)
    assert "Zie de foto van het schoolplein." in detail.text
    download = re.search(rf'href="({INBOX}melding/{melding_id}/bijlage/[^"]+/)"', detail.text)
    assert download, detail.text[:3000]
    attachment = expect(installation, browser.get(a, download.group(1)), 200)
    assert attachment.content == picture


def test_login_lockout_is_counted_across_servers(installation):
    """django-axes: five wrong passwords for one login name from one address, alternating
    between the servers, lock that name for that address on both; the right password is then
    refused too, also with a forged X-Forwarded-For. Another address, or another name from the
    same address, still signs in."""
    a, b = installation.a, installation.b
    guesser = installation.browser("198.51.100.7")
    for attempt in range(5):
        server = (a, b)[attempt % 2]
        response = log_in(installation, guesser, server, "axes", f"wrong password {attempt}")
        expect(installation, response, 200 if attempt < 4 else 429)
    with translation.override("nl"):
        assert gettext("Sign-in blocked for a while") in response.text

    expect(installation, log_in(installation, guesser, b, "axes", PASSWORD), 429)
    forged = log_in(installation, guesser, a, "axes", PASSWORD, forwarded_for="192.0.2.99")
    expect(installation, forged, 429)
    rows = installation.database.query(
        "SELECT ip_address, failures_since_start FROM axes_accessattempt WHERE username = 'axes'"
    )
    assert {str(ip) for ip, _failures in rows} == {"198.51.100.7"}, rows
    assert sum(failures for _ip, failures in rows) >= 5

    colleague = installation.browser("198.51.100.8")
    expect(installation, log_in(installation, colleague, b, "axes", PASSWORD), 302)
    same_address = installation.browser("198.51.100.7")
    expect(installation, log_in(installation, same_address, a, "beheerder", ADMIN_PASSWORD), 302)


def test_otp_throttle_holds_across_servers(installation):
    """django-otp: a wrong code on A delays the next try on B (the device's row holds the
    failure); the right code is refused there until the delay has passed, then accepted."""
    a, b = installation.a, installation.b
    vp = installation.content["users"]["vp_otp"]
    browser = installation.browser()
    expect(installation, log_in(installation, browser, a, "vp_otp", PASSWORD), 302)

    def device():
        [(failures, failed_at)] = installation.database.query(
            "SELECT throttling_failure_count, throttling_failure_timestamp "
            "FROM otp_totp_totpdevice WHERE user_id = %s",
            vp["pk"],
        )
        return failures, failed_at

    expect(installation, enter_code(installation, browser, a, totp_code(vp, shift=1)), 400)
    assert device()[0] == 1
    refused = expect(installation, enter_code(installation, browser, b, totp_code(vp)), 400)
    with translation.override("nl"):
        assert gettext("Too many wrong codes. Wait a minute, then try again.") in refused.text
    assert device()[0] == 1  # a try during the delay is not even checked
    expect(installation, browser.get(a, INBOX), 403)

    # Wait out django-otp's delay after one failure (OTP_TOTP_THROTTLE_FACTOR seconds).
    _failures, failed_at = device()
    time.sleep(max(0.0, 1.1 - (datetime.now(UTC) - failed_at).total_seconds()))
    expect(installation, enter_code(installation, browser, b, totp_code(vp)), 302)
    assert device()[0] == 0


def test_unlock_throttle_holds_across_servers(installation):
    """Five wrong key passphrases, alternating between the servers, lock the passphrase of
    that recipient on both: the right one is refused without trying it; the lock is in her
    audit log once."""
    a, b = installation.a, installation.b
    vp = installation.content["users"]["vp_unlock"]
    browser = installation.browser()
    expect(installation, log_in(installation, browser, b, "vp_unlock", PASSWORD), 302)
    expect(installation, enter_code(installation, browser, a, totp_code(vp)), 302)
    for attempt in range(5):
        server = (a, b)[attempt % 2]
        response = unlock(installation, browser, server, f"not my passphrase {attempt}")
        expect(installation, response, 400 if attempt < 4 else 429)
    expect(installation, unlock(installation, browser, b, PASSPHRASE), 429)
    expect(installation, browser.get(a, INBOX), 403)  # still locked

    assert guard_count(installation, f"unlock:{vp['pk']}") == 5
    locks = installation.database.query(
        "SELECT detail FROM wagtail_vertrouwen_channel_auditentry "
        "WHERE action = 'key_passphrase_locked' AND actor_id = %s",
        vp["pk"],
    )
    assert locks == [("5",)]


def test_proof_of_work_spent_on_one_server_is_refused_on_the_other(installation):
    a, b = installation.a, installation.b
    form = installation.content["forms"]["main"]
    before = meldingen_of(installation, "main")
    melder = installation.browser("198.51.100.30")
    first, data = send_melding(installation, melder, a, form)
    expect(installation, first, 200)
    assert code_on(first)
    again = melder.post(b, f"/vertrouwen/melding/{form['pk']}/", data)
    expect(installation, again, 400)
    assert not re.search(r'class="vw-code"', again.text)
    assert meldingen_of(installation, "main") == before + 1


def test_hourly_limit_is_counted_across_servers(installation):
    """RATE_LIMIT_PER_HOUR = 5 (the fixture's environment): five meldingen through A and B
    fill the hour of the form, the sixth is refused on either."""
    a, b = installation.a, installation.b
    form = installation.content["forms"]["rate"]
    seconds_left = 3600 - time.time() % 3600
    if seconds_left < 30:  # all six in one clock hour, which is what the limit counts
        time.sleep(seconds_left + 1)
    hour = int(time.time() // 3600)
    melder = installation.browser("198.51.100.40")
    for number in range(5):
        sent, _data = send_melding(installation, melder, (a, b)[number % 2], form)
        expect(installation, sent, 200)
    for server in (a, b):
        refused, _data = send_melding(installation, melder, server, form)
        expect(installation, refused, 429)
    assert int(time.time() // 3600) == hour
    assert meldingen_of(installation, "rate") == 5
    assert guard_count(installation, f"rate:{installation.content['form_keys']['rate']}") == 5


def test_wrong_mailbox_codes_are_counted_across_servers(installation):
    """Ten wrong codes at one form, alternating between the servers, raise the level of the
    proof of work on both (services.guard: FORM_STEP = 10); a solution of the easier level is
    refused; the right code still opens the mailbox."""
    a, b = installation.a, installation.b
    form = installation.content["forms"]["guard"]
    path = mailbox_path(form)
    sent, _data = send_melding(installation, installation.browser(), a, form)
    code = code_on(expect(installation, sent, 200))
    guesser = installation.browser("198.51.100.50")
    [easy] = challenges(expect(installation, guesser.get(b, path), 200).text)
    easy_solution = solve(easy)

    for attempt in range(10):
        server = (a, b)[attempt % 2]
        [challenge] = challenges(expect(installation, guesser.get(server, path), 200).text)
        assert challenge["maxnumber"] == easy["maxnumber"]
        wrong = f"{attempt:04d} 0000 0000 0000"
        data = {"code": wrong, "challenge": solve(challenge)}
        expect(installation, guesser.post(server, path, data), 403)
    assert guard_count(installation, f"guard:form:{installation.content['form_keys']['guard']}")

    for server in (a, b):
        [harder] = challenges(expect(installation, guesser.get(server, path), 200).text)
        assert harder["maxnumber"] == 2 * easy["maxnumber"]
    melder = installation.browser("198.51.100.51")
    stale = melder.post(a, path, {"code": code, "challenge": easy_solution})
    expect(installation, stale, 400)
    [harder] = challenges(expect(installation, melder.get(b, path), 200).text)
    expect(installation, melder.post(b, path, {"code": code, "challenge": solve(harder)}), 303)


def test_melder_logs_in_on_one_server_and_replies_on_the_other(installation):
    a, b = installation.a, installation.b
    form = installation.content["forms"]["main"]
    path = mailbox_path(form)
    melder = installation.browser("198.51.100.60")
    sent, _data = send_melding(installation, melder, b, form, wat="Pesten bij de fietsenstalling.")
    code = code_on(expect(installation, sent, 200))

    [challenge] = challenges(expect(installation, melder.get(a, path), 200).text)
    expect(installation, melder.post(a, path, {"code": code, "challenge": solve(challenge)}), 303)
    mailbox = expect(installation, melder.get(b, path), 200).text
    assert "Pesten bij de fietsenstalling." in mailbox

    token = re.search(r'name="form_token" value="([^"]+)"', mailbox).group(1)
    reply_challenge = challenges(mailbox)[0]
    data = {
        "text": "Het gebeurde weer, vanochtend.",
        "challenge": solve(reply_challenge),
        "form_token": token,
    }
    posted = expect(installation, melder.post(b, f"{path}bericht/", data), 303)
    assert posted.headers["Location"].endswith("?gedaan=bericht")
    assert "Het gebeurde weer, vanochtend." in expect(installation, melder.get(a, path), 200).text


def test_publish_on_one_server_is_seen_on_the_other_at_once(installation):
    """The route-finder's rendering is cached in Redis under the content version; a publish
    through A replaces the version in Redis, so B renders anew at its next request."""
    a, b = installation.a, installation.b
    person = installation.content["person"]
    cache = installation.redis.client()
    visitor = installation.browser("198.51.100.70")
    assert "Anna de Vries" in expect(installation, visitor.get(b, "/"), 200).text
    [version_key] = cache.keys("*wagtail_vertrouwen:content_version")
    version = cache.get(version_key)
    assert len(cache.keys("*")) > 1  # renderings next to the version

    # A change that bypasses Wagtail (no signal, no new version) is not seen: both servers
    # serve the rendering B cached, which shows that the cache is shared and in use.
    installation.database.query(
        "UPDATE wagtailcore_page SET title = 'Anna Buiten Wagtail' WHERE id = %s RETURNING id",
        person,
    )
    for server in (a, b):
        page = expect(installation, visitor.get(server, "/"), 200).text
        assert "Anna de Vries" in page and "Anna Buiten Wagtail" not in page

    editor = installation.browser("198.51.100.71")
    expect(installation, log_in(installation, editor, a, "beheerder", ADMIN_PASSWORD), 302)
    bulk = f"/admin/bulk/wagtailcore/page/publish/?id={person}&next=/admin/"
    confirm = expect(installation, editor.get(a, bulk), 200)
    published = editor.post(a, bulk, {"csrfmiddlewaretoken": csrf_token(confirm.text)})
    expect(installation, published, 302)

    assert cache.get(version_key) != version
    page = expect(installation, visitor.get(b, "/"), 200).text
    assert "Anna Bakker" in page and "Anna de Vries" not in page
