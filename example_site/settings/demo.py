"""The demo: ``make demo``. SQLite and local files in ./var; demo logins enabled."""

from .base import *  # noqa: F403
from .base import VAR_DIR

DEMO = True
DEBUG = True
SECRET_KEY = "demo-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # the login's brute-force protection (base.py)
    "django.contrib.auth.backends.ModelBackend",
]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

VAR_DIR.mkdir(parents=True, exist_ok=True)

# Notification mail goes through a real queue, as in production: `make demo` runs the worker
# (`manage.py db_worker`) beside the web server, so failed mails are retried.
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# The worker and the web server share one SQLite file: wait for a lock instead of failing.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20  # noqa: F405

# Encrypted attachments outside the publicly served MEDIA_ROOT (check W006).
STORAGES = {
    **STORAGES,  # noqa: F405
    "vertrouwen": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / "bijlagen"},
    },
}
WAGTAIL_VERTROUWEN_ATTACHMENT_STORAGE = "vertrouwen"

# Whole public pages from the cache for visitors without a session, emptied by every publish
# (wagtail_vertrouwen/page_cache.py); editors and vertrouwenspersonen always see fresh pages.
WAGTAIL_VERTROUWEN_PAGE_CACHE = True
