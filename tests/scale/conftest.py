"""Fixtures of the scale tests: a whole installation with two app servers (``installation``),
built once per module; PostgreSQL only."""

import json
import os
import secrets
from dataclasses import dataclass

import pytest

from tests.s3 import BUCKET, CREDENTIALS, REGION, S3Endpoint

from . import stack


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "scale: several app servers with PostgreSQL, Redis and S3 (tests/scale/; needs "
        "DATABASE_URL=postgres://…)",
    )
    # pytest-xdist's own (with `--dist loadgroup` one worker runs them all, with one
    # installation); registered here too for runs with `-p no:xdist`.
    config.addinivalue_line("markers", "xdist_group(name): run the group on one worker")


def postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


needs_postgres = pytest.mark.skipif(
    postgres_url() is None,
    reason="two app servers need a shared PostgreSQL: set DATABASE_URL=postgres://…",
)


@dataclass
class Installation:
    database: stack.Database
    redis: stack.Redis
    s3: S3Endpoint
    a: stack.AppServer
    b: stack.AppServer
    content: dict

    @property
    def host(self) -> str:
        return self.content["host"]

    def browser(self, client_ip="203.0.113.10") -> stack.Browser:
        return stack.Browser(self.host, client_ip)

    def logs(self) -> str:
        return "\n".join(f"--- {s.name} ---\n{s.log()[-3000:]}" for s in (self.a, self.b))


@pytest.fixture(scope="module")
def installation(tmp_path_factory):
    """PostgreSQL database ``vw_scale_*``, redis-server, S3 (moto) and two gunicorn app
    servers, A and B, with the scale settings (production's, from the environment), sharing
    all of it and nothing else."""
    url = postgres_url()
    if url is None:
        pytest.skip("needs DATABASE_URL=postgres://…")
    workdir = tmp_path_factory.mktemp("scale")
    database = stack.Database(url).create()
    started = []
    try:
        redis_server = stack.Redis(workdir).start()
        started.append(redis_server)
        s3 = S3Endpoint().start()
        started.append(s3)
        env = stack.django_env(
            "example_site.settings.scale",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_ALLOWED_HOSTS="school.test",
            DJANGO_PROXY_COUNT="1",
            WAGTAILADMIN_BASE_URL="https://school.test",
            DATABASE_URL=database.url,
            REDIS_URL=redis_server.url,
            VERTROUWEN_S3_BUCKET=BUCKET,
            VERTROUWEN_S3_REGION=REGION,
            VERTROUWEN_S3_ENDPOINT_URL=s3.url,
            VERTROUWEN_S3_ACCESS_KEY_ID=CREDENTIALS["access_key"],
            VERTROUWEN_S3_SECRET_ACCESS_KEY=CREDENTIALS["secret_key"],
            VERTROUWEN_ALERT_EMAILS="webbureau@school.test",
            VERTROUWEN_RATE_LIMIT_PER_HOUR="5",
            EXAMPLE_SITE_VAR_DIR=str(workdir / "var"),
        )
        stack.run_django(env, "migrate", "--noinput")
        content = json.loads(stack.run_django(env, module="tests.scale.build").splitlines()[-1])
        servers = [stack.AppServer(name, env, workdir) for name in ("A", "B")]
        for server in servers:
            started.append(server.start())
        for server in servers:
            server.wait_ready(content["host"])
        yield Installation(database, redis_server, s3, *servers, content)
    finally:
        for service in reversed(started):
            service.stop()
        database.drop()
