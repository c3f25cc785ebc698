"""The parts of a production installation, started for a test on this machine's loopback: a
PostgreSQL database of its own, redis-server, S3 (moto in server mode), and app servers
(gunicorn with the scale settings). Each service gets a port the system picked free at run
time; everything started is stopped again, and the database is dropped.

``Browser`` is the test's browser behind the load balancer: it keeps its cookies across the
app servers (as one browser does behind a load balancer that spreads requests), and adds the
headers the balancer would: X-Forwarded-Proto (TLS ends there) and X-Forwarded-For (the
client's address, appended to whatever the client sent).
"""

from __future__ import annotations

import html
import http.cookies
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import psycopg
import redis
import requests

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
REDIS_SERVER = "/usr/bin/redis-server"
START_TIMEOUT = 60


def wait_until(probe, what: str, timeout: float = START_TIMEOUT, process=None):
    """Call ``probe`` until it returns something true; fail after ``timeout`` seconds, or as
    soon as ``process`` has exited."""
    deadline = time.monotonic() + timeout
    while True:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what}: the process exited with {process.returncode}")
        try:
            result = probe()
        except Exception:  # noqa: BLE001 - not ready yet
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not ready after {timeout} s")
        time.sleep(0.1)


def free_port() -> int:
    """A port free at this moment (the system's choice). Whoever uses it must cope with
    losing a race for it: ``Redis.start`` retries."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Database:
    """A PostgreSQL database ``vw_scale_<random>`` on the server of ``server_url`` (the
    DATABASE_URL of the test run), created here and dropped in ``drop``."""

    def __init__(self, server_url: str):
        parts = urllib.parse.urlsplit(server_url)
        self.name = f"vw_scale_{secrets.token_hex(4)}"
        self.admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
        self.url = urllib.parse.urlunsplit(parts._replace(path=f"/{self.name}"))

    def create(self):
        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{self.name}"')
        return self

    def drop(self):
        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def query(self, sql: str, *params):
        with psycopg.connect(self.url, autocommit=True) as connection:
            return connection.execute(sql, params).fetchall()


class Redis:
    """redis-server with nothing on disk (no RDB snapshots, no append-only file)."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.process = None
        self.url = None

    def start(self):
        for _attempt in range(5):
            port = free_port()
            log = open(self.workdir / f"redis-{port}.log", "wb")  # noqa: SIM115
            self.process = subprocess.Popen(  # noqa: S603 - Debian's redis-server
                [
                    REDIS_SERVER,
                    "--bind",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    str(self.workdir),
                ],  # fmt: skip
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            log.close()
            client = redis.Redis(host="127.0.0.1", port=port)
            try:
                wait_until(client.ping, "redis-server", timeout=10, process=self.process)
            except RuntimeError:  # lost the port to another process: try another one
                continue
            self.url = f"redis://127.0.0.1:{port}/0"
            return self
        raise RuntimeError("redis-server did not start on any of five free ports")

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url)

    def stop(self):
        stop_process(self.process)


def stop_process(process, timeout: float = 10):
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def django_env(settings: str, **variables) -> dict:
    """The environment of a Django process of the repository with ``settings``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTHON"))}
    env.update(
        DJANGO_SETTINGS_MODULE=settings,
        PYTHONPATH=os.pathsep.join([str(REPO), str(REPO / "example_site")]),
        PYTHONDONTWRITEBYTECODE="1",
    )
    env.update(variables)
    return env


def run_django(env: dict, *args: str, module: str | None = None) -> str:
    """``manage.py <args>`` (or ``python -m <module>``) in a process of its own; its output."""
    command = [PYTHON, "-m", module] if module else [PYTHON, "example_site/manage.py", *args]
    done = subprocess.run(  # noqa: S603 - our own interpreter and code
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    if done.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


class AppServer:
    """One gunicorn instance (one sync worker) on a socket this process bound to a free port
    and hands over (``--bind fd://``): no race for the port."""

    def __init__(self, name: str, env: dict, workdir: Path):
        self.name = name
        self.env = env
        self.log_path = workdir / f"gunicorn-{name}.log"
        self.process = None
        self.url = None

    def start(self):
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        listener.set_inheritable(True)
        port = listener.getsockname()[1]
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(  # noqa: S603 - the virtualenv's gunicorn
                [
                    GUNICORN,
                    "example_site.wsgi:application",
                    "--config",  # the production settings: preloaded, frozen before fork
                    "example_site/gunicorn.conf.py",
                    "--bind",
                    f"fd://{listener.fileno()}",
                    "--workers",
                    "1",
                    "--timeout",
                    "120",
                    "--graceful-timeout",
                    "5",
                    "--name",
                    f"vertrouwen-scale-{self.name}",
                ],  # fmt: skip
                cwd=REPO,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                pass_fds=(listener.fileno(),),
            )
        listener.close()  # gunicorn holds its own copy
        self.url = f"http://127.0.0.1:{port}"
        return self

    def wait_ready(self, host: str):
        def answers():
            response = requests.get(
                f"{self.url}/admin/login/",
                headers={"Host": host, "X-Forwarded-Proto": "https"},
                timeout=5,
                allow_redirects=False,
            )
            return response.status_code == 200

        try:
            wait_until(answers, f"app server {self.name}", process=self.process)
        except (RuntimeError, TimeoutError) as error:
            raise RuntimeError(f"{error}\n{self.log()[-5000:]}") from error
        return self

    def stop(self):
        stop_process(self.process)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


class Browser:
    """One browser: its cookies are shared by every app server it talks to. It keeps them
    itself, by name, as a browser keeps the cookies of one site: the balancer ends TLS, so
    its Secure (and ``__Host-``) cookies go along although the test speaks plain HTTP to the
    app servers, which a cookie jar for ``http://`` URLs would refuse."""

    def __init__(self, host: str, client_ip: str = "203.0.113.10"):
        self.host = host
        self.client_ip = client_ip
        self.cookies: dict[str, str] = {}
        self.session = requests.Session()

    def headers(self, extra=None, forwarded_for=None) -> dict:
        chain = [forwarded_for, self.client_ip] if forwarded_for else [self.client_ip]
        headers = {
            "Host": self.host,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": ", ".join(chain),
            "Origin": f"https://{self.host}",
            "Accept-Language": "nl",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return {**headers, **(extra or {})}

    def _keep(self, response: requests.Response) -> requests.Response:
        for line in response.raw.headers.getlist("Set-Cookie"):
            for name, morsel in http.cookies.SimpleCookie(line).items():
                gone = morsel["max-age"] == "0" or (
                    morsel["expires"] and "1970" in morsel["expires"]
                )
                if gone:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        self.session.cookies.clear()  # requests' own jar plays no part
        return response

    def get(self, server: AppServer, path: str, **kwargs) -> requests.Response:
        headers = self.headers(kwargs.pop("headers", None), kwargs.pop("forwarded_for", None))
        return self._keep(
            self.session.get(
                server.url + path, headers=headers, allow_redirects=False, timeout=60, **kwargs
            )
        )

    def post(self, server: AppServer, path: str, data=None, **kwargs) -> requests.Response:
        headers = self.headers(kwargs.pop("headers", None), kwargs.pop("forwarded_for", None))
        return self._keep(
            self.session.post(
                server.url + path,
                data=data,
                headers=headers,
                allow_redirects=False,
                timeout=60,
                **kwargs,
            )
        )


# Reading pages -------------------------------------------------------------------------------


def csrf_token(page: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert found, page[:2000]
    return found.group(1)


def challenges(page: str) -> list[dict]:
    return [
        json.loads(html.unescape(value)) for value in re.findall(r'data-challenge="([^"]+)"', page)
    ]
