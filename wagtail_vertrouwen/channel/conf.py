"""The package's settings, each with a default: ``WAGTAIL_VERTROUWEN_<NAME>`` in settings."""

import math

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from . import crypto

DEFAULTS = {
    # Attachments: at most this many files, each and all together at most this many bytes.
    "ATTACHMENT_MAX_COUNT": 5,
    "ATTACHMENT_MAX_BYTES": 10 * 1024 * 1024,
    "ATTACHMENTS_TOTAL_MAX_BYTES": 25 * 1024 * 1024,
    # The alias in STORAGES that holds encrypted attachments (S3 in production).
    "ATTACHMENT_STORAGE": "default",
    "ATTACHMENT_LOCATION": "vertrouwen",
    # Proof of work: the browser tries up to this many SHA-256 hashes, half of them on average.
    # 500,000 takes under 2 s on a phone at worst (about 1.4 million a second in a Web Worker
    # of desktop Chromium, a phone taken as 4-5x slower), and 0.3-0.4 s of a Python
    # attacker's core at worst (docs/performance.md). The mailbox login multiplies it (guard).
    "POW_MAX_NUMBER": 500_000,
    "POW_VALID_SECONDS": 2 * 60 * 60,
    # Meldingen accepted per form per hour, counted without storing who sent them.
    "RATE_LIMIT_PER_HOUR": 60,
    # An OTP verification opens the inbox for at most this long (and only until the browser
    # closes): a working day.
    "OTP_MAX_AGE_SECONDS": 9 * 60 * 60,
    # An unlocked key stays usable this long without a request to the inbox.
    "UNLOCK_IDLE_SECONDS": 30 * 60,
    # The melder's mailbox session ends after this long without a request, and this long after
    # logging in: no "remember me".
    "MAILBOX_IDLE_SECONDS": 15 * 60,
    "MAILBOX_MAX_SECONDS": 60 * 60,
    # What one melding's melder may send: messages per hour, files in all (both sides').
    "MELDER_MESSAGES_PER_HOUR": 10,
    "ATTACHMENTS_PER_MELDING": 25,
    # Argon2id cost of the recipient's wrapped key ("default" or "fast": tests only).
    "KDF": "default",
    # Argon2id derivations (a melder's code at sending and at each mailbox login, a recipient's
    # key passphrase) that one process runs at once. Each holds 64 MiB for about 0.1 s (about
    # 90 MiB of RSS measured), and it is CPU work of one core: more derivations at once than
    # the cores a process can use add memory, not throughput. A machine runs several worker
    # processes, which already share its cores, so 2 per process keeps the cores busy while a
    # burst from outside costs at most 2 x 64 MiB per process. With gunicorn's sync workers (one
    # request per process) it never waits; it bounds threaded workers (gthread, runserver).
    "KDF_CONCURRENCY": 2,
    # How long a derivation waits for a slot before the request is answered "try again in a
    # moment" (503 with Retry-After, nothing typed is lost): at 0.1 s a derivation and 2 slots,
    # some 200 derivations queued before it. Keep it well below the worker timeout (30 s).
    "KDF_WAIT_SECONDS": 10,
    # Retention of closed meldingen, default for new melding forms.
    "RETENTION_DAYS": 365,
    # Notification mail attempts before giving up (each retry waits twice as long).
    "NOTIFY_ATTEMPTS": 5,
    # A queued task running longer than this is taken for lost with its worker and queued
    # again (tasks.requeue_interrupted): longer than any notification can take.
    "TASK_LEASE_SECONDS": 15 * 60,
    # An attachment object older than this without its row was left by a request that died
    # before its commit; the daily purge removes it (services.submit.remove_orphan_objects).
    # None (the default): never; set it only when the attachment folder (bucket and
    # ATTACHMENT_LOCATION) belongs to this installation alone, or another one's files go.
    "ORPHAN_GRACE_SECONDS": None,
    # Who is told that a live melding form lost its last recipient (a list of addresses);
    # None: the addresses in settings.ADMINS.
    "ALERT_EMAILS": None,
}


def get(name: str):
    return getattr(settings, f"WAGTAIL_VERTROUWEN_{name}", DEFAULTS[name])


#: The channel's time limits, each a number of seconds above 0 and at most a year (E004): an
#: infinite or "not a number" idle time would never lock an inbox.
TIME_LIMITS = (
    "OTP_MAX_AGE_SECONDS",
    "UNLOCK_IDLE_SECONDS",
    "MAILBOX_IDLE_SECONDS",
    "MAILBOX_MAX_SECONDS",
)
A_YEAR = 366 * 24 * 60 * 60


def time_limit_problem(name: str, value) -> str:
    """What is wrong with this value of the time limit ``name``, or ``""``."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not 0 < value <= A_YEAR
    ):
        return f"WAGTAIL_VERTROUWEN_{name} must be a number of seconds above 0, at most a year."
    return ""


def seconds(name: str) -> int | float:
    """The time limit ``name``, checked: a wrong value fails closed, never as "no limit"."""
    value = get(name)
    problem = time_limit_problem(name, value)
    if problem:
        raise ImproperlyConfigured(problem)
    return value


def kdf_limits() -> crypto.KdfLimits:
    return crypto.FAST_KDF if get("KDF") == "fast" else crypto.DEFAULT_KDF


def kdf_bounds() -> tuple[int, float]:
    """``(KDF_CONCURRENCY, KDF_WAIT_SECONDS)``, checked (system check E003 says the same)."""
    concurrency, wait = get("KDF_CONCURRENCY"), get("KDF_WAIT_SECONDS")
    problem = kdf_bounds_problem(concurrency, wait)
    if problem:
        raise ImproperlyConfigured(problem)
    return concurrency, float(wait)


def kdf_bounds_problem(concurrency, wait) -> str:
    """What is wrong with these values of the two settings, or ``""``."""
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        return "WAGTAIL_VERTROUWEN_KDF_CONCURRENCY must be a whole number of at least 1."
    if isinstance(wait, bool) or not isinstance(wait, int | float) or not 0 <= wait < 3600:
        return "WAGTAIL_VERTROUWEN_KDF_WAIT_SECONDS must be a number of seconds from 0 to 3599."
    return ""
