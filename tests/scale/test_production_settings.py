"""The example site's production settings (example_site/settings/production.py), read from the
environment as on a server: `manage.py check --deploy` says nothing, with Redis and S3 and
with their fallbacks (the database cache, a folder for the attachments), and each variable
chooses what docs/configuration.md says it does. Each run is a process of its own, as settings
are read once per process."""

import importlib
import json
import sys

import pytest
from django.test import RequestFactory

from . import stack

NO_ISSUES = "System check identified no issues (0 silenced)."
MODULE = "example_site.settings.production"

SHOW = """
import json
from django.conf import settings
from django.core.files.storage import storages
storage = type(storages["vertrouwen"])
print(json.dumps({
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"]["LOCATION"],
    "storage": storage.__module__ + "." + storage.__name__,
    "conn_max_age": settings.DATABASES["default"]["CONN_MAX_AGE"],
    "health_checks": settings.DATABASES["default"]["CONN_HEALTH_CHECKS"],
    "proxy_header": settings.SECURE_PROXY_SSL_HEADER,
    "client_ip": getattr(settings, "AXES_CLIENT_IP_CALLABLE", None) is not None,
    "backends": settings.AUTHENTICATION_BACKENDS,
    "middleware_last": settings.MIDDLEWARE[-1],
    "axes": [settings.AXES_FAILURE_LIMIT, settings.AXES_LOCKOUT_PARAMETERS],
}))
"""


def production_env(tmp_path, **variables):
    return stack.django_env(
        "example_site.settings.production",
        DJANGO_SECRET_KEY="x" * 20 + "-production-test-secret-key-of-enough-length-and-variety",
        DJANGO_ALLOWED_HOSTS="www.school.example",
        WAGTAILADMIN_BASE_URL="https://www.school.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        VERTROUWEN_ALERT_EMAILS="webbureau@school.example",
        EXAMPLE_SITE_VAR_DIR=str(tmp_path / "var"),
        **variables,
    )


WITH_SERVICES = {
    "REDIS_URL": "redis://cache.internal:6379/0",
    "VERTROUWEN_S3_BUCKET": "vertrouwen-bijlagen",
    "VERTROUWEN_S3_REGION": "eu-central-1",
    "VERTROUWEN_S3_ACCESS_KEY_ID": "AKIAEXAMPLE",
    "VERTROUWEN_S3_SECRET_ACCESS_KEY": "example-secret",
    "DJANGO_PROXY_COUNT": "1",
}


@pytest.mark.parametrize("services", [True, False], ids=["redis-s3-proxy", "database-folder"])
def test_check_deploy_is_silent(tmp_path, services):
    variables = (
        WITH_SERVICES
        if services
        else {"VERTROUWEN_ATTACHMENT_ROOT": str(tmp_path / "bijlagen")}  # outside MEDIA_ROOT
    )
    env = production_env(tmp_path, **variables)
    output = stack.run_django(env, "check", "--deploy", "--fail-level", "WARNING")
    assert NO_ISSUES in output, output

    shown = json.loads(stack.run_django(env, "shell", "-c", SHOW).splitlines()[-1])
    assert shown["conn_max_age"] == 600 and shown["health_checks"] is True
    assert shown["backends"][0] == "axes.backends.AxesStandaloneBackend"
    assert shown["middleware_last"] == "axes.middleware.AxesMiddleware"
    assert shown["axes"] == [5, [["username", "ip_address"]]]
    if services:
        assert shown["cache"] == "django.core.cache.backends.redis.RedisCache"
        assert shown["cache_location"] == "redis://cache.internal:6379/0"
        assert shown["storage"] == "storages.backends.s3.S3Storage"
        assert shown["proxy_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]
        assert shown["client_ip"] is True
    else:
        assert shown["cache"] == "django.core.cache.backends.db.DatabaseCache"
        assert shown["storage"] == "django.core.files.storage.filesystem.FileSystemStorage"
        assert shown["proxy_header"] is None
        assert shown["client_ip"] is False


def test_check_deploy_warns_without_a_login_throttle(tmp_path):
    """The package's W011 (`check --deploy`): the same settings without django-axes."""
    env = production_env(tmp_path, VERTROUWEN_ATTACHMENT_ROOT=str(tmp_path / "bijlagen"))
    script = (
        "from django.conf import settings; from django.test.utils import override_settings; "
        "from django.core.checks import run_checks\n"
        "with override_settings(AUTHENTICATION_BACKENDS=settings.AUTHENTICATION_BACKENDS[1:]):\n"
        "    print([m.id for m in run_checks(include_deployment_checks=True)])"
    )
    output = stack.run_django(env, "shell", "-c", script)
    assert "wagtail_vertrouwen_channel.W011" in output


@pytest.fixture
def production(monkeypatch, tmp_path):
    """The production settings module, read with ``DJANGO_PROXY_COUNT`` as given."""

    def load(proxy_count):
        for name, value in production_env(tmp_path).items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv("VERTROUWEN_ATTACHMENT_ROOT", str(tmp_path))
        monkeypatch.setenv("DJANGO_PROXY_COUNT", str(proxy_count))
        sys.modules.pop(MODULE, None)  # a fresh module: a reload would keep old names
        return importlib.import_module(MODULE)

    yield load
    sys.modules.pop(MODULE, None)


def test_client_address_behind_proxies(production):
    """The address django-axes locks by: the one the outermost proxy appended, whatever the
    client wrote into X-Forwarded-For itself; REMOTE_ADDR when not behind proxies."""
    factory = RequestFactory()
    forged = factory.get(
        "/", HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.7", REMOTE_ADDR="10.0.0.2"
    )
    plain = factory.get("/", REMOTE_ADDR="10.0.0.2")

    one = production(1)
    assert one.client_ip_behind_proxies(forged) == "198.51.100.7"
    assert one.client_ip_behind_proxies(plain) == "10.0.0.2"  # did not come through the proxy
    assert one.AXES_CLIENT_IP_CALLABLE is one.client_ip_behind_proxies

    two = production(2)  # a load balancer in front of nginx: it saw the client, nginx the LB
    chain = factory.get("/", HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.7, 10.0.0.1")
    assert two.client_ip_behind_proxies(chain) == "198.51.100.7"

    none = production(0)
    assert none.client_ip_behind_proxies(forged) == "10.0.0.2"
    assert not hasattr(none, "AXES_CLIENT_IP_CALLABLE")
