"""Settings shared by every environment of the example site."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("EXAMPLE_SITE_VAR_DIR", BASE_DIR / "var"))

#: True only in the demo settings: the demo logins work there and nowhere else.
DEMO = False

INSTALLED_APPS = [
    "example_site.home",
    "wagtail_vertrouwen",
    "wagtail_vertrouwen.channel",
    "wagtail_localize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "wagtail_localize.locales",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",  # brute-force protection of the login (below)
]

MIDDLEWARE = [
    # First, so that a hit skips the rest; does nothing unless WAGTAIL_VERTROUWEN_PAGE_CACHE.
    "wagtail_vertrouwen.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "example_site.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # A page that fails because the database is away: 503 with the national help lines.
    "wagtail_vertrouwen.unreachable.UnreachableMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a login refused by django-axes into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "example_site.urls"
WSGI_APPLICATION = "example_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'example.sqlite3'}", conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Demo passwords never log anyone in outside the demo settings (see example_site.auth).
# django-axes first: it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "example_site.auth.RefuseDemoCredentialsBackend",
]

# Brute-force protection of the login (Wagtail's admin login, which the vertrouwenspersonen
# use): after AXES_FAILURE_LIMIT wrong passwords for one login name from one IP address, that
# combination is refused for AXES_COOLOFF_TIME. Per login name *and* address: by name alone,
# anyone could lock a vertrouwenspersoon out by typing her name; by address alone, a botnet
# would try each name from thousands of addresses unhindered, and a school behind one NAT
# address would lock out all its staff. The attempts are rows in the database (the default
# handler), so every app server counts the same failures. Docs: installation.md, scaling.md.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_RESET_ON_SUCCESS = True
# No log of successful logins with IP address and browser: the failed attempts suffice, and
# they are deleted after the cool-off.
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Dutch is binding; the others are the languages parents commonly need (DOMAIN.md,
# "Languages"). The package ships catalogues for all of them but English (its msgids).
LANGUAGE_CODE = "nl"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("ar", "العربية"),
    ("tr", "Türkçe"),
    ("pl", "Polski"),
    ("uk", "Українська"),
]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Stichting Scholengroep Maas en Waal (demo)"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Error reports never carry a melding (see wagtail_vertrouwen.channel.debug).
DEFAULT_EXCEPTION_REPORTER_FILTER = (
    "wagtail_vertrouwen.channel.debug.ConfidentialExceptionReporterFilter"
)
DEFAULT_EXCEPTION_REPORTER = "wagtail_vertrouwen.channel.debug.ConfidentialExceptionReporter"
# No avatars from gravatar.com: the admin would send each user's e-mail hash to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx"]
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL

SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Background work (notification mail, retention) through django-tasks. The immediate backend
# runs a task at once; production can use a queue (see docs/configuration.md).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
OTP_TOTP_ISSUER = "wagtail-vertrouwen"
DEFAULT_FROM_EMAIL = "vertrouwenswerk@example.org"
