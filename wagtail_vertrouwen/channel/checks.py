"""System checks: the settings the confidential channel relies on.

Ids (documented in docs/configuration.md, "System checks"): E001 OTP middleware, E002 the
channel's URLs, E003 the bounds of key derivation, E004 the time limits of sessions, W001 error
reports, W002 avatars, W010 session cookie; with ``--deploy``: W003 alert contacts, W004 task
backend, W005 cache, W006 attachment storage, W007 KDF, W011 login throttle, W012 OTP
throttle, W013 mail timeout.
Always, reading the database: W008 designated melding forms pinned to no school.
"""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import SuspiciousFileOperation
from django.utils.module_loading import import_string

from . import conf

FILTER = "wagtail_vertrouwen.channel.debug.ConfidentialExceptionReporterFilter"
REPORTER = "wagtail_vertrouwen.channel.debug.ConfidentialExceptionReporter"


@register()
def channel_settings(app_configs, **kwargs):
    problems = []
    if "django_otp.middleware.OTPMiddleware" not in settings.MIDDLEWARE:
        problems.append(
            Error(
                "The melding inbox needs django-otp's OTPMiddleware.",
                hint="Add 'django_otp.middleware.OTPMiddleware' after AuthenticationMiddleware.",
                id="wagtail_vertrouwen_channel.E001",
            )
        )
    kdf_problem = conf.kdf_bounds_problem(conf.get("KDF_CONCURRENCY"), conf.get("KDF_WAIT_SECONDS"))
    if kdf_problem:
        problems.append(
            Error(
                kdf_problem + " Every melding and mailbox login would fail with it.",
                hint="Remove the setting to use the default (2 at once, 10 s of waiting).",
                id="wagtail_vertrouwen_channel.E003",
            )
        )
    for name in conf.TIME_LIMITS:
        problem = conf.time_limit_problem(name, conf.get(name))
        if problem:
            problems.append(
                Error(
                    problem + " The inbox and the mailbox refuse every request with it.",
                    hint="Remove the setting to use the default.",
                    id="wagtail_vertrouwen_channel.E004",
                )
            )
    if (
        getattr(settings, "DEFAULT_EXCEPTION_REPORTER_FILTER", "") != FILTER
        or getattr(settings, "DEFAULT_EXCEPTION_REPORTER", "") != REPORTER
    ):
        problems.append(
            Warning(
                "Error reports may contain the plaintext of a melding.",
                hint=f"Set DEFAULT_EXCEPTION_REPORTER_FILTER = '{FILTER}' and "
                f"DEFAULT_EXCEPTION_REPORTER = '{REPORTER}'.",
                id="wagtail_vertrouwen_channel.W001",
            )
        )
    if getattr(settings, "WAGTAIL_GRAVATAR_PROVIDER_URL", "x") is not None:
        problems.append(
            Warning(
                "The Wagtail admin, the inbox included, loads avatars from a third party.",
                hint="Set WAGTAIL_GRAVATAR_PROVIDER_URL = None.",
                id="wagtail_vertrouwen_channel.W002",
            )
        )
    if settings.SESSION_COOKIE_SECURE and (
        not settings.SESSION_COOKIE_NAME.startswith("__Host-")
        or settings.SESSION_COOKIE_DOMAIN
        or settings.SESSION_COOKIE_PATH != "/"
    ):
        problems.append(
            Warning(
                "The session cookie, which opens the inbox, can be set or shadowed by a "
                "subdomain or another path of the site.",
                hint="Set SESSION_COOKIE_NAME = '__Host-sessionid' (and CSRF_COOKIE_NAME = "
                "'__Host-csrftoken'), and leave SESSION_COOKIE_DOMAIN unset and "
                "SESSION_COOKIE_PATH at '/'.",
                id="wagtail_vertrouwen_channel.W010",
            )
        )
    return problems


@register(deploy=True)
def alert_contacts(app_configs, **kwargs):
    """``manage.py check --deploy``: someone must hear that a form lost its last recipient."""
    from .policy import alert_addresses

    if alert_addresses():
        return []
    return [
        Warning(
            "Nobody is told when a live melding form loses its last recipient.",
            hint="Set WAGTAIL_VERTROUWEN_ALERT_EMAILS (or ADMINS) to the web agency's address.",
            id="wagtail_vertrouwen_channel.W003",
        )
    ]


@register(Tags.urls)
def channel_urls(app_configs, **kwargs):
    """The melding form posts to the channel's own URL: without it no melding arrives."""
    from django.urls import NoReverseMatch, reverse

    try:
        reverse("wagtail_vertrouwen:melding_submit", args=[1])
    except NoReverseMatch:
        return [
            Error(
                "The confidential channel's URLs are not included: melding forms cannot be sent.",
                hint='Add path("vertrouwen/", include("wagtail_vertrouwen.channel.urls")) to '
                "the project's urlpatterns, before Wagtail's own include.",
                id="wagtail_vertrouwen_channel.E002",
            )
        ]
    except Exception:  # noqa: BLE001 - a broken URLconf is reported by Django's own checks
        return []
    return []


#: Task backends that run nothing in the background: the immediate one sends mail during
#: the request and cannot retry later; the dummy one never runs anything.
FOREGROUND_TASK_BACKENDS = (
    "django_tasks.backends.immediate.ImmediateBackend",
    "django_tasks.backends.dummy.DummyBackend",
)
#: Caches that each process (or machine) keeps to itself.
PRIVATE_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache",
)


def _is_one_of(path, class_paths) -> bool:
    """Whether the class at dotted ``path`` is (a subclass of) one of ``class_paths``."""
    try:
        cls = import_string(path)
    except ImportError:  # reported by Django's or django-tasks' own checks
        return False
    for class_path in class_paths:
        try:
            if issubclass(cls, import_string(class_path)):
                return True
        except (ImportError, TypeError):
            continue
    return False


@register(deploy=True)
def task_backend(app_configs, **kwargs):
    """``check --deploy``: notification mail needs a task backend with a worker."""
    tasks = getattr(settings, "TASKS", None) or {}
    backend = tasks.get("default", {}).get("BACKEND", FOREGROUND_TASK_BACKENDS[0])
    if not _is_one_of(backend, FOREGROUND_TASK_BACKENDS):
        return []
    return [
        Warning(
            f"The task backend {backend} runs no background worker: notification mail is "
            "sent during the melder's request (or never) and a failed mail is not retried.",
            hint="Use a backend with a worker, for example TASKS = {'default': {'BACKEND': "
            "'django_tasks_db.DatabaseBackend'}} with 'django_tasks_db' in INSTALLED_APPS, "
            "and run `manage.py db_worker`.",
            id="wagtail_vertrouwen_channel.W004",
        )
    ]


@register(deploy=True)
def mail_timeout(app_configs, **kwargs):
    """``check --deploy``: a mail server that never answers must not outlast the task lease,
    or the requeued task takes the mail over and both send it (``services.notices``)."""
    from . import conf

    timeout = getattr(settings, "EMAIL_TIMEOUT", None)
    lease = conf.get("TASK_LEASE_SECONDS")
    # The timeout is per socket operation, and one mail takes about ten (connect, EHLO,
    # STARTTLS, AUTH, MAIL, RCPT, DATA, QUIT): a server answering each just in time must
    # still finish within the lease.
    number = isinstance(timeout, int | float) and not isinstance(timeout, bool)
    if number and 0 < timeout <= lease / 20:
        return []
    return [
        Warning(
            f"EMAIL_TIMEOUT is {timeout!r}: a mail server that stops answering keeps a "
            f"notification task waiting beyond its lease ({lease} s), after which it is run "
            "again and the mail may go out twice.",
            hint="Set EMAIL_TIMEOUT to a number of seconds, at most a twentieth of "
            "WAGTAIL_VERTROUWEN_TASK_LEASE_SECONDS (one mail takes about ten socket "
            "operations), for example EMAIL_TIMEOUT = 30.",
            id="wagtail_vertrouwen_channel.W013",
        )
    ]


@register(deploy=True)
def shared_cache(app_configs, **kwargs):
    """``check --deploy``: Wagtail keeps its Sites' root paths in the default cache and clears
    them only there, in the process that changed a Site or moved a home page; where a melding
    form receives and on which Site its mailbox opens (``policy.site_id_of``) are read from
    them, so every process must see the same cache. (The proof-of-work replay check, the
    hourly limit and the guessing counters are kept in the database: ``models.guard``.)"""
    caches = getattr(settings, "CACHES", None) or {}
    backend = caches.get("default", {}).get("BACKEND", PRIVATE_CACHES[0])
    if not _is_one_of(backend, PRIVATE_CACHES):
        return []
    return [
        Warning(
            f"The default cache ({backend}) is not shared between processes and machines: "
            "after a change to the Sites, other processes keep Wagtail's old site root paths "
            "for up to an hour, and with them an outdated answer to where a melding form receives "
            "and where its melders' mailbox opens.",
            hint="Use a shared cache for CACHES['default']: Redis "
            "(django.core.cache.backends.redis.RedisCache), Memcached, or the database "
            "(django.core.cache.backends.db.DatabaseCache, after `manage.py "
            "createcachetable`).",
            id="wagtail_vertrouwen_channel.W005",
        )
    ]


@register(deploy=True)
def attachment_storage(app_configs, **kwargs):
    """``check --deploy``: encrypted attachments must not be downloadable from the web."""
    from django.core.files.storage import FileSystemStorage, InvalidStorageError, storages

    alias = conf.get("ATTACHMENT_STORAGE")
    try:
        storage = storages[alias]
    except (InvalidStorageError, ImportError):
        return []  # reported when the first attachment is stored; not a deploy question
    if not isinstance(storage, FileSystemStorage):
        return []
    try:
        folder = Path(storage.path(conf.get("ATTACHMENT_LOCATION"))).resolve()
    except SuspiciousFileOperation:  # a location that climbs out of the storage's folder
        folder = Path(storage.location).resolve()
    media = Path(settings.MEDIA_ROOT or ".").resolve()
    if not folder.is_relative_to(media):
        return []
    return [
        Warning(
            f"Encrypted attachments are stored in {folder}, inside MEDIA_ROOT, which the web "
            f"server publishes at MEDIA_URL ({settings.MEDIA_URL}): anyone who finds a file "
            "name can download the ciphertext, and a directory listing shows when meldingen "
            "with attachments arrived.",
            hint="Give the attachments a storage of their own outside MEDIA_ROOT: add an "
            "alias to STORAGES, e.g. 'vertrouwen': {'BACKEND': "
            "'django.core.files.storage.FileSystemStorage', 'OPTIONS': {'location': "
            "'/srv/vertrouwen-private'}}, and set WAGTAIL_VERTROUWEN_ATTACHMENT_STORAGE = "
            "'vertrouwen'; or use a private S3 bucket (django-storages).",
            id="wagtail_vertrouwen_channel.W006",
        )
    ]


@register(deploy=True)
def key_derivation(app_configs, **kwargs):
    """``check --deploy``: the fast key derivation is for tests only."""
    if conf.get("KDF") != "fast":
        return []
    return [
        Warning(
            'WAGTAIL_VERTROUWEN_KDF = "fast": recipients\' keys are wrapped with the weakest '
            "Argon2id cost, so a copy of the database makes their passphrases cheap to guess.",
            hint='Remove the setting (or set it to "default") outside tests; recipients who '
            "set up their key meanwhile should change their passphrase to rewrap it.",
            id="wagtail_vertrouwen_channel.W007",
        )
    ]


@register()
def unpinned_forms(app_configs, databases=None, **kwargs):
    """W008 reads the database (like the core's W001, although not tagged ``database``):
    melding forms with current designations but no pin (``FormSchool``), which migration 0003
    leaves when none of their versions stood on a website. They receive nothing until a new
    designation pins them. Silent when the database cannot be reached or is not migrated."""
    from django.db import connections, router

    from .models import Designation, FormSchool

    alias = router.db_for_read(Designation)
    if databases is not None and alias not in databases:
        return []
    try:
        tables = set(connections[alias].introspection.table_names())
        if not {Designation._meta.db_table, FormSchool._meta.db_table} <= tables:
            return []
        pinned = FormSchool.objects.using(alias).values("form_key")
        keys = list(
            Designation.objects.using(alias)
            .current()
            .exclude(translation_key__in=pinned)
            .values_list("translation_key", flat=True)
            .distinct()
        )
        if not keys:
            return []
        from .services.designate import form_of

        names = sorted(
            f"“{form.title}” (page {form.pk})" if form is not None else str(key)
            for key, form in ((key, form_of(key)) for key in keys)
        )
    except Exception:  # noqa: BLE001 - no database (DatabaseError), or none allowed here
        return []
    return [
        Warning(
            f"Melding form {name} has recipients but is pinned to no school, so it receives "
            "nothing.",
            hint="Put it on the school's website, then choose 'Pin to its school' on the "
            "melding recipients page (Instellingen › Ontvangers van meldingen).",
            id="wagtail_vertrouwen_channel.W008",
        )
        for name in names
    ]


AXES_BACKEND = "axes.backends.AxesStandaloneBackend"
AXES_MIDDLEWARE = "axes.middleware.AxesMiddleware"


@register(deploy=True)
def login_throttle(app_configs, **kwargs):
    """``check --deploy``: the login that leads to the inbox must not be open to unlimited
    password guessing. The package cannot see every throttle (one in the proxy, say), so it
    looks for django-axes, complete: app, backend, middleware, switched on. Silence the check
    (``SILENCED_SYSTEM_CHECKS``) when the login is throttled another way."""
    from django.apps import apps

    complete = (
        apps.is_installed("axes")
        and getattr(settings, "AXES_ENABLED", True)
        and any(_is_one_of(path, (AXES_BACKEND,)) for path in settings.AUTHENTICATION_BACKENDS)
        and any(_is_one_of(path, (AXES_MIDDLEWARE,)) for path in settings.MIDDLEWARE)
    )
    if complete:
        return []
    return [
        Warning(
            "The login is not throttled: passwords of the vertrouwenspersonen (and of every "
            "admin user) can be guessed without limit.",
            hint="Install django-axes (in the package's 'channel' extra): add 'axes' to "
            f"INSTALLED_APPS, '{AXES_BACKEND}' first in AUTHENTICATION_BACKENDS and "
            f"'{AXES_MIDDLEWARE}' last in MIDDLEWARE, with AXES_LOCKOUT_PARAMETERS = "
            "[['username', 'ip_address']] (docs/installation.md).",
            id="wagtail_vertrouwen_channel.W011",
        )
    ]


@register(deploy=True)
def otp_throttle(app_configs, **kwargs):
    """``check --deploy``: django-otp delays the next try after each wrong code (twice as long
    after each one, stored on the device's row, so on every app server); a throttle factor of
    0 switches that off and makes a 6-digit code guessable."""
    off = [
        name
        for name in ("OTP_TOTP_THROTTLE_FACTOR", "OTP_STATIC_THROTTLE_FACTOR")
        if getattr(settings, name, 1) <= 0
    ]
    if not off:
        return []
    return [
        Warning(
            f"{' and '.join(off)} switch off django-otp's delay after a wrong code: the "
            "inbox's second factor can be guessed.",
            hint="Remove the setting, or set it to 1 (the default) or more.",
            id="wagtail_vertrouwen_channel.W012",
        )
    ]
