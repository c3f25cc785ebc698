"""Guessing melders' codes: what each login costs, and what wrong codes tell the recipients.

A code has about 53 bits: guessing one is hopeless unless guesses are nearly free. So every
login needs a fresh proof of work (``services.challenge``), and its difficulty grows with the
recent wrong codes at this form and at the whole installation, counted in the database
(``models.GuardCount``: not in the cache, which may evict, and with one atomic ``UPDATE`` per
wrong code, so parallel guesses lose no count) without an IP address or any other trace of
who sent them::

    maximum number = POW_MAX_NUMBER × 2 ** level
    level = min(MAX_LEVEL, max(wrong codes at this form // FORM_STEP,
                               wrong codes at the installation // INSTALLATION_STEP))

counted over the current and the previous window (``WINDOW_SECONDS``), so the level does not
drop to nothing at the turn of a window. A login challenge carries, signed into its salt, what
it is for, the form and the level it was issued at: one issued at an easier level than the
current one is refused ("the check became harder"), so a guesser cannot stock up cheap
solutions; a solution of the melding form or of another form's mailbox opens nothing here. A
wrong code uses up its proof of work.

No count per melding: a wrong code names no melding (its lookup finds nothing, which is the
point of the slow hash), so there is nothing to count it against. Only the form (from the URL)
and the installation are known.

No wait and no lock-out: a per-form lock after many failures would let anyone lock every
melder of a school out of their mailbox just by typing wrong codes. Growing work costs each
guess more (the attacker's time, and the server's Argon2id only after the work is done) but
never refuses the right code: after 1,000 wrong codes the right one still opens
(tests/test_mailbox_guessing.py).

Audit: the form's recipients see a ``MAILBOX_CODE_FAILED`` line at the 1st, 10th, 100th,
1,000th … wrong code of a window (the detail is the count), so an attack shows in their log
without flooding it.
"""

from __future__ import annotations

import base64
import json
import urllib.parse
from dataclasses import dataclass
from datetime import timedelta

import altcha
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from .. import conf
from ..models import AuditAction, AuditEntry
from . import challenge, mailbox

#: What a login challenge is for (signed into its salt).
PURPOSE = "mailbox-login"
WINDOW_SECONDS = 60 * 60
#: Wrong codes at one form per step of difficulty, and at the whole installation.
FORM_STEP = 10
INSTALLATION_STEP = 100
#: At most 2 ** 5 = 32 times the normal work (16 million hashes at the default
#: ``POW_MAX_NUMBER`` of 500,000): on a phone about half a minute on average and a minute at
#: worst, still usable for the melder with the right code; about 10 s of a Python core per
#: guess at worst (docs/performance.md).
MAX_LEVEL = 5
INSTALLATION = "guard:all"

#: Why a login or a proof of work was refused.
MISSING, INVALID, HARDER, REPLAYED, IN_PROGRESS, WRONG = (
    "missing",
    "invalid",
    "harder",
    "replayed",
    "in_progress",
    "wrong",
)
#: The HTTP status of each refusal (for the API; the pages re-render the form).
STATUS = {MISSING: 400, INVALID: 400, HARDER: 400, REPLAYED: 400, IN_PROGRESS: 409, WRONG: 403}


@dataclass
class Refused(Exception):
    reason: str

    @property
    def status(self) -> int:
        return STATUS[self.reason]


# Counting wrong codes ----------------------------------------------------------------------


def _window(back: int = 0) -> int:
    return int(timezone.now().timestamp() // WINDOW_SECONDS) - back


def _form_scope(form_key) -> str:
    return f"guard:form:{form_key}"


def _count(scope: str) -> int:
    return challenge.counts(scope, [_window(back) for back in (0, 1)])


def _increment(scope: str, window: int) -> int:
    return challenge.count_up(scope, window, 2 * WINDOW_SECONDS + 60)


def failures(form_key) -> tuple[int, int]:
    """Recent wrong codes at the form ``form_key`` (a translation_key) and at the
    installation."""
    return _count(_form_scope(form_key)), _count(INSTALLATION)


def level(form_key) -> int:
    """The difficulty level of a login at the form ``form_key`` now: 0 normally."""
    at_form, everywhere = failures(form_key)
    return min(MAX_LEVEL, max(at_form // FORM_STEP, everywhere // INSTALLATION_STEP))


def max_number(at_level: int) -> int:
    return conf.get("POW_MAX_NUMBER") * 2**at_level


def _is_power_of_ten(count: int) -> bool:
    while count >= 10 and count % 10 == 0:
        count //= 10
    return count == 1


def failed(page) -> int:
    """Count a wrong code at the form ``page`` (a version of it); audited for its recipients
    at the 1st, 10th, 100th … of the window. Returns the window's count for the form."""
    window = _window()
    count = _increment(_form_scope(page.translation_key), window)
    _increment(INSTALLATION, window)
    if _is_power_of_ten(count):
        AuditEntry.record(AuditAction.MAILBOX_CODE_FAILED, form=page, detail=str(count))
    return count


# Login challenges ---------------------------------------------------------------------------


def new_challenge(form_key) -> dict:
    """A login challenge for the form ``form_key`` at the current level, as the JSON the
    browser (or API client) solves; the same shape as ``challenge.new_challenge``."""
    at_level = level(form_key)
    made = altcha.create_challenge_v1(
        hmac_key=challenge._hmac_key(),
        max_number=max_number(at_level),
        expires=timezone.now() + timedelta(seconds=conf.get("POW_VALID_SECONDS")),
        params={"for": PURPOSE, "form": str(form_key), "level": str(at_level)},
    )
    return {
        "algorithm": made.algorithm,
        "challenge": made.challenge,
        "maxnumber": made.max_number,
        "salt": made.salt,
        "signature": made.signature,
    }


def _params(payload: str) -> dict:
    """The parameters signed into the salt of a solution that ``challenge.check`` found valid."""
    document = json.loads(base64.b64decode(payload, validate=True))
    query = str(document.get("salt", "")).partition("?")[2]
    return dict(urllib.parse.parse_qsl(query))


def check(payload, form_key) -> str:
    """``MISSING``, ``INVALID``, ``HARDER`` or ``challenge.VALID`` for a login's proof of work
    at the form ``form_key``. Used or not is decided when it is claimed."""
    state = challenge.check(payload)
    if state != challenge.VALID:
        return MISSING if state == challenge.MISSING else INVALID
    params = _params(payload)
    if params.get("for") != PURPOSE or params.get("form") != str(form_key):
        return INVALID
    try:
        issued = int(params.get("level", ""))
    except ValueError:
        return INVALID
    return HARDER if issued < level(form_key) else challenge.VALID


def spend(payload: str, action):
    """Run ``action()`` holding the proof of work ``payload``: used up when ``action``
    returns, given back when it raises (so the same solution can be sent again), refused
    (``Refused``) when it was used or is being used by another request."""
    from .receive import bookkeeping

    if not challenge.claim(payload):
        raise Refused(REPLAYED if challenge.is_used(payload) else IN_PROGRESS)
    try:
        if challenge.is_used(payload):  # used by a request that ended before this claim
            raise Refused(REPLAYED)
        result = action()
    except BaseException:
        bookkeeping(challenge.release, payload)  # the database may be what failed
        raise
    bookkeeping(challenge.use, payload)  # done is done, also when this cannot be written
    return result


@sensitive_variables("code")
def log_in(page, code: str, payload) -> mailbox.Started:
    """Open the mailbox of the form ``page`` (any version of it) with ``code``, paid for with
    the login proof of work ``payload``. ``Refused`` with ``WRONG`` for a code that opens no
    melding of this form (counted and, at the thresholds, audited; its proof of work is used
    up), or with the reason the proof of work was not accepted."""
    form_key = page.translation_key
    state = check(payload, form_key)
    if state != challenge.VALID:
        raise Refused(state)

    def attempt():
        try:
            return mailbox.log_in(form_key, code)
        except mailbox.WrongCode:
            return None

    started = spend(payload, attempt)
    if started is None:
        failed(page)
        raise Refused(WRONG)
    return started


def check_reply(payload) -> str:
    """``MISSING``, ``INVALID`` or ``challenge.VALID`` for the proof of work of a message: an
    ordinary challenge (``challenge.new_challenge``), one per page shown."""
    state = challenge.check(payload)
    if state == challenge.VALID:
        return state
    return MISSING if state == challenge.MISSING else INVALID
