"""Fixtures of the load and fault tests: a migrated template database per test session, and
per test the whole served site (``stack.Stack``), stopped and its database dropped after."""

import shutil
import tempfile
from pathlib import Path

import pytest

from .stack import Stack, create_template, drop_database, postgres_url

NEEDS_POSTGRES = (
    "the load and fault tests serve the site with gunicorn on PostgreSQL: set "
    "DATABASE_URL=postgres://user@host:port/db (a server where this user may create databases)"
)


@pytest.fixture(scope="session")
def load_database():
    """(server URL, template name): a database migrated once, copied for each test."""
    url = postgres_url()
    if url is None:
        pytest.skip(NEEDS_POSTGRES)
    logs = Path(tempfile.mkdtemp(prefix="vw-load-template-"))
    name = create_template(url, logs)
    yield url, name
    drop_database(url, name)
    shutil.rmtree(logs, ignore_errors=True)


@pytest.fixture
def stack(load_database, tmp_path):
    url, template = load_database
    served = Stack(url, template, tmp_path)
    try:
        served.start()
        yield served
    except BaseException:
        print(served.log_text())
        raise
    finally:
        served.stop()
