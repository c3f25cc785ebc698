"""Production: everything secret or site-specific comes from the environment.

The same settings as the production step of docs/installation.md, so that
``manage.py check --deploy`` is silent; the variables are listed in docs/configuration.md.
"""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = [host for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if host]
# WAGTAILADMIN_BASE_URL: read from the environment in base.py.

# HTTPS only. Behind a proxy that ends TLS, also set SECURE_PROXY_SSL_HEADER (and make sure the
# proxy overwrites that header).
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "true") == "true"
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
# "__Host-": the browser keeps these only if Secure, for Path=/ and without a Domain, so no
# subdomain or other path can set or shadow them (the package's check W010 asks for it).
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"

# One cache for all processes: Wagtail's site root paths live there, from which the channel
# reads where a melding form receives (W005; run `manage.py createcachetable` once).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "vertrouwen_cache",
    }
}

# Notification mails queued in the database and retried by `manage.py db_worker`.
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Encrypted attachments in a folder outside MEDIA_ROOT, which is never served.
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "vertrouwen": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": os.environ["VERTROUWEN_ATTACHMENT_ROOT"]},
    },
}
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
