"""System checks: the settings the confidential channel relies on."""

from django.conf import settings
from django.core.checks import Error, Warning, register

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
