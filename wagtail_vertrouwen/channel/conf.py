"""The package's settings, each with a default: ``WAGTAIL_VERTROUWEN_<NAME>`` in settings."""

from django.conf import settings

from . import crypto

DEFAULTS = {
    # Attachments: at most this many files, each and all together at most this many bytes.
    "ATTACHMENT_MAX_COUNT": 5,
    "ATTACHMENT_MAX_BYTES": 10 * 1024 * 1024,
    "ATTACHMENTS_TOTAL_MAX_BYTES": 25 * 1024 * 1024,
    # The alias in STORAGES that holds encrypted attachments (S3 in production).
    "ATTACHMENT_STORAGE": "default",
    "ATTACHMENT_LOCATION": "vertrouwen",
    # Proof of work: the client tries up to this many hashes (100,000 takes ~1 s on a phone).
    "POW_MAX_NUMBER": 100_000,
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
    # Retention of closed meldingen, default for new melding forms.
    "RETENTION_DAYS": 365,
    # Notification mail attempts before giving up (each retry waits twice as long).
    "NOTIFY_ATTEMPTS": 5,
    # Who is told that a live melding form lost its last recipient (a list of addresses);
    # None: the addresses in settings.ADMINS.
    "ALERT_EMAILS": None,
}


def get(name: str):
    return getattr(settings, f"WAGTAIL_VERTROUWEN_{name}", DEFAULTS[name])


def kdf_limits() -> crypto.KdfLimits:
    return crypto.FAST_KDF if get("KDF") == "fast" else crypto.DEFAULT_KDF
