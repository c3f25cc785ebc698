"""Production: everything secret or site-specific comes from the environment."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = [host for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if host]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
# "__Host-": the browser keeps these only if Secure, for Path=/ and without a Domain, so no
# subdomain or other path can set or shadow them (the package's check W010 asks for it).
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "true") == "true"
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365

# One cache for all processes: the proof-of-work replay check and the hourly limit of the
# melding form live there (run `manage.py createcachetable` once).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "vertrouwen_cache",
    }
}
