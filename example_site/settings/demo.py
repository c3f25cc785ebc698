"""The demo: ``make demo``. SQLite and local files in ./var; demo logins enabled."""

from .base import *  # noqa: F403
from .base import VAR_DIR

DEMO = True
DEBUG = True
SECRET_KEY = "demo-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

VAR_DIR.mkdir(parents=True, exist_ok=True)
