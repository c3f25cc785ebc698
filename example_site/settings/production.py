"""Production: everything secret or site-specific comes from the environment.

The same settings as the production step of docs/installation.md, so that
``manage.py check --deploy`` is silent (tests/scale/test_production_settings.py runs it); the
variables are listed in docs/configuration.md. Every app server of one installation runs these
settings with the same environment: what they must share (PostgreSQL, Redis, the bucket,
``DJANGO_SECRET_KEY``) is in docs/scaling.md.

The app servers keep nothing of their own: sessions, the proof-of-work replay check, the
hourly limit, the guessing counters (mailbox codes, key passphrases, django-axes' failed
logins, django-otp's wrong codes) are rows in PostgreSQL; the cache (Redis) holds only what
may be lost: Wagtail's site root paths and the route-finder's rendering with its content
version; the encrypted attachments are in S3 (or one folder that every server mounts).
"""

import os

import dj_database_url

from .base import *  # noqa: F403


def _flag(name: str, default: str) -> bool:
    return os.environ.get(name, default).strip().lower() in ("1", "true", "yes", "on")


DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = [host for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if host]
# WAGTAILADMIN_BASE_URL: read from the environment in base.py.

# PostgreSQL, e.g. postgres://vertrouwen@db.internal:5432/vertrouwen. Connections are kept for
# ten minutes and checked before reuse, so a restarted or failed-over database costs one
# request a reconnect, not an error.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ["DATABASE_URL"],
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}

# Behind proxies or load balancers that end TLS: DJANGO_PROXY_COUNT=N, the number of them in
# front of Django, each of which must overwrite X-Forwarded-Proto and append the address it
# saw to X-Forwarded-For (nginx: `proxy_set_header X-Forwarded-For
# $proxy_add_x_forwarded_for;`). Django then trusts X-Forwarded-Proto, and django-axes (base.py:
# a lock per login name and address) takes the client's address from the entry the outermost
# proxy appended, never from one the client wrote itself. Left at REMOTE_ADDR behind a proxy,
# every login would come from the proxy's address and a name's lock would hold for everyone.
PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))


def client_ip_behind_proxies(request):
    """The address the outermost of the ``PROXY_COUNT`` proxies saw (AXES_CLIENT_IP_CALLABLE);
    REMOTE_ADDR when the request did not come through all of them."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    forwarded = [address.strip() for address in forwarded if address.strip()]
    if PROXY_COUNT and len(forwarded) >= PROXY_COUNT:
        return forwarded[-PROXY_COUNT]
    return request.META.get("REMOTE_ADDR")


if PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    AXES_CLIENT_IP_CALLABLE = client_ip_behind_proxies

# HTTPS only.
SECURE_SSL_REDIRECT = _flag("DJANGO_SECURE_SSL_REDIRECT", "true")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
# "__Host-": the browser keeps these only if Secure, for Path=/ and without a Domain, so no
# subdomain or other path can set or shadow them (the package's check W010 asks for it).
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
# The strict Content-Security-Policy of the public pages is example_site.middleware's (base.py);
# the melding form and the mailbox set their own, stricter one.

# The cache shared by all app servers: Wagtail's site root paths (from which the channel reads
# where a melding form receives, W005) and the route-finder's rendering with its content
# version (a publish on one server is seen by all at their next request). Nothing in it is a
# security state: the throttles and the replay check are in the database, because a cache
# may evict. Django's own RedisCache with REDIS_URL (e.g. redis://cache.internal:6379/0);
# otherwise the database (run `manage.py createcachetable` once).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            # Several installations may share one Redis: each its own prefix.
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", ""),
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "vertrouwen_cache",
        }
    }

# Notification mails queued in the database and retried by `manage.py db_worker` (W004); one
# or more workers, on any machine that reaches the database.
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Encrypted attachments: in a private S3 bucket when VERTROUWEN_S3_BUCKET is set (any
# S3-compatible store with VERTROUWEN_S3_ENDPOINT_URL); otherwise in a folder outside
# MEDIA_ROOT, which is never served (W006). Without access keys in the environment, boto3
# finds its credentials itself (an instance role, ~/.aws).
if os.environ.get("VERTROUWEN_S3_BUCKET"):
    _s3_options = {
        "bucket_name": os.environ["VERTROUWEN_S3_BUCKET"],
        "region_name": os.environ.get("VERTROUWEN_S3_REGION", "eu-central-1"),
        "endpoint_url": os.environ.get("VERTROUWEN_S3_ENDPOINT_URL") or None,
        "file_overwrite": False,
        "default_acl": None,  # the bucket's own policy: private
        "querystring_auth": True,  # never a public URL (downloads go through the inbox)
    }
    if os.environ.get("VERTROUWEN_S3_ACCESS_KEY_ID"):
        _s3_options["access_key"] = os.environ["VERTROUWEN_S3_ACCESS_KEY_ID"]
        _s3_options["secret_key"] = os.environ["VERTROUWEN_S3_SECRET_ACCESS_KEY"]
    _attachments = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _s3_options}
else:
    _attachments = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": os.environ["VERTROUWEN_ATTACHMENT_ROOT"]},
    }
STORAGES = {**STORAGES, "vertrouwen": _attachments}  # noqa: F405
WAGTAIL_VERTROUWEN_ATTACHMENT_STORAGE = "vertrouwen"

# Mail: notifications to the vertrouwenspersonen, and an alert to the web agency when a
# melding form loses its last recipient.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = True
SERVER_EMAIL = DEFAULT_FROM_EMAIL  # noqa: F405
WAGTAIL_VERTROUWEN_ALERT_EMAILS = os.environ["VERTROUWEN_ALERT_EMAILS"].split(",")

# django-otp's delay after a wrong code (1 s, 2 s, 4 s … stored on the device's row, so it
# holds across app servers; W012 warns when it is switched off). 1 is django-otp's default,
# written out so that nobody lowers it unnoticed.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# The daily purge also removes encrypted attachment files that a request which died before its
# commit left without a melding, after an hour. Only because this installation's bucket (or
# folder) and ATTACHMENT_LOCATION are its own: never share them with another installation
# (staging, another board), or its files would be deleted as orphans.
WAGTAIL_VERTROUWEN_ORPHAN_GRACE_SECONDS = 60 * 60
# A hung mail server must not hold a notification past its lease (TASK_LEASE_SECONDS, 15
# minutes), or the task is queued again and the mail may go out twice.
EMAIL_TIMEOUT = 30
