"""``make bench``: the example site as production serves it, on PostgreSQL behind gunicorn.

Set by ``bench/http_bench.py`` through the environment: ``DATABASE_URL`` (the bench's own
database), ``BENCH_REDIS_URL`` (a Redis the bench starts, shared by every gunicorn worker, as
a production deployment's cache is), ``BENCH_VAR_DIR`` (media and attachments of this run).

What differs from production, each for the measurement only:

* ``bench.querycount.QueryCountMiddleware`` answers a request carrying ``X-Count-Queries: 1``
  with its number of database queries in ``X-Queries`` (other requests pass untouched);
* ``example_site.bench_urls`` adds one fixed response (``/bench/fixed/``), the ceiling of
  what the middleware stack and gunicorn allow;
* the per-form hourly limit of meldingen is lifted (``RATE_LIMIT_PER_HOUR``), or every POST
  after the 60th would be refused as "busy";
* HTTP, not HTTPS (wrk on loopback), so no secure-only cookies or redirect to HTTPS;
* mail goes nowhere (the notification is queued in the database, as in production, and no
  worker runs to send it).
"""

import os
from pathlib import Path

import dj_database_url

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, MIDDLEWARE, STORAGES

DEBUG = False
SECRET_KEY = "bench-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["BENCH_REDIS_URL"],
    }
}
MIDDLEWARE = ["bench.querycount.QueryCountMiddleware", *MIDDLEWARE]
ROOT_URLCONF = "example_site.bench_urls"

_VAR = Path(os.environ.get("BENCH_VAR_DIR", "/tmp/vertrouwen-bench"))  # noqa: S108
MEDIA_ROOT = _VAR / "media"
STORAGES = {
    **STORAGES,
    "vertrouwen": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": _VAR / "bijlagen"},
    },
}
WAGTAIL_VERTROUWEN_ATTACHMENT_STORAGE = "vertrouwen"

# Notification mail queued in the database as in production; no worker sends it here.
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
WAGTAIL_VERTROUWEN_ALERT_EMAILS = ["bench@example.org"]

# Thousands of meldingen in a few seconds from one address: lift the per-form hourly limit.
WAGTAIL_VERTROUWEN_RATE_LIMIT_PER_HOUR = 10**9
# The bench solves the proof of work of every POST beforehand; the server's check is one hash
# whatever the difficulty, so a lower one only shortens the bench's own solving.
WAGTAIL_VERTROUWEN_POW_MAX_NUMBER = int(os.environ.get("BENCH_POW_MAX_NUMBER", "100000"))

# ``--full-page-cache``: the optional full-page cache of public pages.
if os.environ.get("BENCH_PAGE_CACHE") == "1":
    WAGTAIL_VERTROUWEN_PAGE_CACHE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
