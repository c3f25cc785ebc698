"""The example site served for real (gunicorn, the task worker, S3, mail) by the load and fault
tests (tests/load/). Everything that differs per run comes from the environment:

- ``DATABASE_URL`` (required): PostgreSQL. Connections are not kept between requests
  (``CONN_MAX_AGE = 0``), so a connection that the database cut is never reused by a worker.
- ``VERTROUWEN_S3_ENDPOINT`` and ``VERTROUWEN_S3_BUCKET``: encrypted attachments on S3 (moto
  in server mode in the tests); without them, on the file system under
  ``VERTROUWEN_ATTACHMENT_ROOT``.
- ``EMAIL_FILE_PATH``: mail is written there as files (one per message); without it, to the
  console.
- ``CACHE_URL``: ``redis://…`` for Django's RedisCache; without it, each process has its own
  memory cache.

The channel is configured as in production (the database task queue worked by
``manage.py db_worker``); only the costs that make a test slow without testing anything more
are lowered: the code's key derivation and the proof of work.
"""

import os
import tempfile

import dj_database_url

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "live-test-only-not-secret")
ALLOWED_HOSTS = ["*"]

DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=0)}
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 5

if os.environ.get("CACHE_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["CACHE_URL"],
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

if os.environ.get("VERTROUWEN_S3_ENDPOINT"):
    from botocore.config import Config

    _attachments = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["VERTROUWEN_S3_BUCKET"],
            "endpoint_url": os.environ["VERTROUWEN_S3_ENDPOINT"],
            "region_name": os.environ.get("VERTROUWEN_S3_REGION", "eu-west-1"),
            "access_key": os.environ.get("VERTROUWEN_S3_ACCESS_KEY", "testing"),
            "secret_key": os.environ.get("VERTROUWEN_S3_SECRET_KEY", "testing"),
            "file_overwrite": False,
            # Fail within seconds when the endpoint is gone, rather than after minutes.
            "client_config": Config(
                connect_timeout=3, read_timeout=10, retries={"max_attempts": 2, "mode": "standard"}
            ),
        },
    }
else:
    _attachments = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": os.environ.get("VERTROUWEN_ATTACHMENT_ROOT")
            or tempfile.mkdtemp(prefix="vertrouwen-live-attachments-")
        },
    }
STORAGES = {**STORAGES, "vertrouwen": _attachments}  # noqa: F405
WAGTAIL_VERTROUWEN_ATTACHMENT_STORAGE = "vertrouwen"

if os.environ.get("EMAIL_FILE_PATH"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WAGTAIL_VERTROUWEN_ALERT_EMAILS = ["webbureau@example.org"]

WAGTAIL_VERTROUWEN_KDF = os.environ.get("VERTROUWEN_KDF", "fast")
WAGTAIL_VERTROUWEN_POW_MAX_NUMBER = int(os.environ.get("VERTROUWEN_POW_MAX_NUMBER", "2000"))
WAGTAIL_VERTROUWEN_RATE_LIMIT_PER_HOUR = int(os.environ.get("VERTROUWEN_RATE_LIMIT", "100000"))
# How long a queued task may run before the channel takes it for lost (a killed worker) and
# queues it again (tasks.requeue_interrupted).
WAGTAIL_VERTROUWEN_TASK_LEASE_SECONDS = int(os.environ.get("VERTROUWEN_TASK_LEASE", "900"))
# How old an attachment object without its row must be before the daily purge removes it.
WAGTAIL_VERTROUWEN_ORPHAN_GRACE_SECONDS = int(os.environ.get("VERTROUWEN_ORPHAN_GRACE", "3600"))

# Faults are the point of these runs: log them to stderr, where the test collects them.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["stderr"], "level": "WARNING"},
}
