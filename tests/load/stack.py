"""The served site for the load and fault tests, as separate processes on loopback, each
started and stopped by the test (and killed, when that is the fault under test):

- PostgreSQL: a database of this run (``vw_load_…``), made from a migrated template and
  dropped afterwards, reached by every process of the site through a ``FaultProxy``;
- S3: ``moto_server`` as its own process, reached through a ``FaultProxy`` too;
- gunicorn with sync workers, serving example_site with ``example_site.settings.live``;
- the task worker (``manage.py db_worker``);
- mail as files in a folder of this run.

Ports are all picked by the system (port 0) and read back from the process's own output.
"""

import contextlib
import email
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import boto3
import psycopg

from .proxy import FaultProxy

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
MANAGE = ROOT / "example_site" / "manage.py"
SITE = Path(__file__).resolve().parent / "site.py"
BUCKET = "vertrouwen-load"
REGION = "eu-west-1"
#: How long a task may run before the channel queues it again (tasks.requeue_interrupted):
#: short here, so that a task of a killed worker is run again within the test.
TASK_LEASE_SECONDS = 5


def postgres_url() -> str | None:
    """DATABASE_URL when it points at PostgreSQL, else None."""
    url = os.environ.get("DATABASE_URL", "")
    return url if url.split(":", 1)[0] in {"postgres", "postgresql", "pgsql"} else None


def with_database(url: str, name: str, port: int | None = None) -> str:
    """``url`` for database ``name``; with ``port``, at that port on loopback (a proxy)."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if port is not None:
        user = netloc.rsplit("@", 1)[0] + "@" if "@" in netloc else ""
        netloc = f"{user}127.0.0.1:{port}"
    return urlunsplit((parts.scheme, netloc, f"/{name}", parts.query, ""))


def admin_connection(url: str):
    return psycopg.connect(with_database(url, "postgres"), autocommit=True, connect_timeout=10)


def create_template(url: str, log_dir: Path) -> str:
    """A migrated database to copy for each test (migrating takes ~10 s, copying ~1 s)."""
    name = f"vw_load_tpl_{uuid.uuid4().hex[:10]}"
    with admin_connection(url) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    env = {**os.environ, **base_env(), "DATABASE_URL": with_database(url, name)}
    with open(log_dir / "migrate.log", "wb") as log:
        subprocess.run(  # noqa: S603
            [sys.executable, str(MANAGE), "migrate", "--noinput", "-v0"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            check=True,
            timeout=300,
        )
    return name


def drop_database(url: str, name: str):
    assert name.startswith("vw_load_")
    with admin_connection(url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def base_env() -> dict:
    return {
        "DJANGO_SETTINGS_MODULE": "example_site.settings.live",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "example_site")]),
        "PYTHONUNBUFFERED": "1",
        "VERTROUWEN_TASK_LEASE": str(TASK_LEASE_SECONDS),
    }


def _wait_for_line(path: Path, pattern: str, process, timeout: float) -> re.Match:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = re.search(pattern, path.read_text(errors="replace")) if path.exists() else None
        if found:
            return found
        if process.poll() is not None:
            break
        time.sleep(0.1)
    raise RuntimeError(f"{path.name}: no line matching {pattern!r}:\n{tail(path)}")


def tail(path: Path, lines: int = 60) -> str:
    if not path.exists():
        return ""
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def _stop(process, sig=signal.SIGTERM, timeout=10):
    if process is None or process.poll() is not None:
        return
    process.send_signal(sig)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)


def _socket_inodes(pid: int) -> set[int]:
    found = set()
    try:
        entries = list(Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return found
    for entry in entries:
        try:
            target = os.readlink(entry)
        except OSError:
            continue
        if target.startswith("socket:["):
            found.add(int(target[8:-1]))
    return found


def _established_inodes(local_port: int | None = None, remote_port: int | None = None):
    """Inodes of the established IPv4 TCP connections with that local or remote port."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote, state, inode = fields[1], fields[2], fields[3], int(fields[9])
        if state != "01":  # ESTABLISHED
            continue
        if local_port is not None and int(local.split(":")[1], 16) == local_port:
            found.add(inode)
        if remote_port is not None and int(remote.split(":")[1], 16) == remote_port:
            found.add(inode)
    return found


class Stack:
    def __init__(self, url: str, template: str, tmp: Path, workers: int = 3):
        self.url = url
        self.tmp = tmp
        self.workers = workers
        self.db_name = f"vw_load_{uuid.uuid4().hex[:12]}"
        self.mail_dir = tmp / "mail"
        self.mail_dir.mkdir()
        self.logs = tmp / "logs"
        self.logs.mkdir()
        self.template = template
        self.db_proxy = self.s3_proxy = None
        self.moto = self.gunicorn = self.worker = None
        self.moto_port = None
        self.base_url = None
        self.restarts = {"moto": 0, "worker": 0}
        #: Times the task worker exited by itself and was started again (as systemd's
        #: ``Restart=always`` would): django-tasks-db's worker exits when the database is gone.
        self.worker_crashes = 0
        self._worker_down_on_purpose = False
        self._supervising = False

    # Starting and stopping -----------------------------------------------------------------

    def start(self):
        with admin_connection(self.url) as connection:
            connection.execute(f'CREATE DATABASE "{self.db_name}" TEMPLATE "{self.template}"')
        server = urlsplit(self.url)
        self.db_proxy = FaultProxy(server.port or 5432, server.hostname or "127.0.0.1")
        self.start_moto()
        self.s3_proxy = FaultProxy(self.moto_port)
        self.s3().create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        self.data = self.run_site_json("setup")
        self.start_gunicorn()
        self.start_worker()
        self._supervising = True
        self._supervisor = threading.Thread(target=self._supervise, name="supervisor", daemon=True)
        self._supervisor.start()
        return self

    def _supervise(self):
        """Start the task worker again when it exits by itself, after a second."""
        while self._supervising:
            worker = self.worker
            if (
                worker is not None
                and worker.poll() is not None
                and not self._worker_down_on_purpose
            ):
                time.sleep(1)
                if self._supervising and not self._worker_down_on_purpose:
                    self.worker_crashes += 1
                    self.restarts["worker"] += 1
                    # When it exits again before it says it started (the database still
                    # away), the next round starts it again, as systemd would.
                    with contextlib.suppress(RuntimeError):
                        self.start_worker()
            time.sleep(0.2)

    def stop(self):
        self._supervising = False
        if getattr(self, "_supervisor", None) is not None:
            self._supervisor.join(10)
        _stop(self.gunicorn, signal.SIGQUIT)  # gunicorn's quick shutdown
        _stop(self.worker)
        _stop(self.moto)
        for proxy in (self.db_proxy, self.s3_proxy):
            if proxy is not None:
                proxy.close()
        with contextlib.suppress(psycopg.Error):
            drop_database(self.url, self.db_name)

    def env(self) -> dict:
        return {
            **os.environ,
            **base_env(),
            "DATABASE_URL": with_database(self.url, self.db_name, self.db_proxy.port),
            "VERTROUWEN_S3_ENDPOINT": f"http://127.0.0.1:{self.s3_proxy.port}"
            if self.s3_proxy
            else "",
            "VERTROUWEN_S3_BUCKET": BUCKET,
            "EMAIL_FILE_PATH": str(self.mail_dir),
            "WAGTAILADMIN_BASE_URL": "http://school.test",
        }

    def run_site(self, command: str) -> str:
        """``tests/load/site.py <command>`` against this run's database (not through the
        proxy: checking must not depend on the fault under test)."""
        env = {**self.env(), "DATABASE_URL": with_database(self.url, self.db_name)}
        done = subprocess.run(  # noqa: S603
            [sys.executable, str(SITE), command],
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        if done.returncode:
            raise RuntimeError(f"site.py {command} failed:\n{done.stderr[-5000:]}")
        return done.stdout.strip().splitlines()[-1]

    def run_site_json(self, command: str):
        return json.loads(self.run_site(command))

    def start_moto(self):
        log = self.logs / f"moto-{self.restarts['moto']}.log"
        self.moto = subprocess.Popen(  # noqa: S603
            [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", "0"],
            stdout=open(log, "wb"),  # noqa: SIM115 - the child keeps it
            stderr=subprocess.STDOUT,
        )
        found = _wait_for_line(log, r"Running on http://127\.0\.0\.1:(\d+)", self.moto, 30)
        self.moto_port = int(found.group(1))

    def start_gunicorn(self):
        log = self.logs / "gunicorn.log"
        self.gunicorn = subprocess.Popen(  # noqa: S603
            [
                str(BIN / "gunicorn"),
                "example_site.wsgi:application",
                "--config",  # the production settings: preloaded, frozen before fork
                "example_site/gunicorn.conf.py",
                "--bind",
                "127.0.0.1:0",
                "--workers",
                str(self.workers),
                "--timeout",
                "60",
                "--graceful-timeout",
                "5",
                "--backlog",
                "256",
            ],
            cwd=ROOT,
            env=self.env(),
            stdout=open(log, "wb"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )
        found = _wait_for_line(log, r"Listening at: http://127\.0\.0\.1:(\d+)", self.gunicorn, 30)
        self.base_url = f"http://127.0.0.1:{found.group(1)}"
        # Every worker booted (each logs its pid) before the load begins.
        deadline = time.monotonic() + 60
        while len(self.gunicorn_workers()) < self.workers and time.monotonic() < deadline:
            time.sleep(0.2)

    def start_worker(self):
        log = self.logs / f"db_worker-{self.restarts['worker']}.log"
        self.worker = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                str(MANAGE),
                "db_worker",
                "--no-startup-delay",
                "--interval",
                "0.2",
                "--no-reload",
            ],
            env=self.env(),
            stdout=open(log, "wb"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )
        _wait_for_line(log, r"Starting worker", self.worker, 60)

    # Faults --------------------------------------------------------------------------------

    def gunicorn_workers(self) -> list[int]:
        """The pids of gunicorn's worker processes (children of the arbiter)."""
        children = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid == self.gunicorn.pid:
                children.append(int(entry.name))
        return sorted(children)

    def kill_gunicorn_worker(self, pid: int):
        os.kill(pid, signal.SIGKILL)

    def busy_gunicorn_worker(self, timeout: float) -> int | None:
        """A gunicorn worker in the middle of a request: it holds an accepted client
        connection and a connection to the database (only open during a request, as
        CONN_MAX_AGE is 0). None when none was seen within ``timeout``."""
        port = int(self.base_url.rsplit(":", 1)[1])
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            served = _established_inodes(local_port=port)
            to_db = _established_inodes(remote_port=self.db_proxy.port)
            for pid in self.gunicorn_workers():
                sockets = _socket_inodes(pid)
                if sockets & served and sockets & to_db:
                    return pid
            time.sleep(0.005)
        return None

    def kill_gunicorn_worker_after_upload(self, timeout: float) -> int | None:
        """SIGKILL the gunicorn worker whose attachment S3 has just stored, before the worker
        hears so (its transaction not yet committed): the object is left without a row. The
        pid, or None when no upload came within ``timeout``."""
        killed = []
        done = threading.Event()

        def on_response(request_line, response, client_port):
            if done.is_set() or not request_line.startswith(b"PUT "):
                return False
            if not response.startswith(b"HTTP/1.1 200"):
                return False
            inodes = _established_inodes(local_port=client_port)
            for pid in self.gunicorn_workers():
                if _socket_inodes(pid) & inodes:
                    os.kill(pid, signal.SIGKILL)
                    killed.append(pid)
                    done.set()
                    return True
            return False

        self.s3_proxy.on_response = on_response
        done.wait(timeout)
        self.s3_proxy.on_response = None
        return killed[0] if killed else None

    def kill_worker_mid_task(self, timeout: float) -> int:
        """SIGKILL the task worker as soon as one of the channel's tasks is running;
        returns how many were running then (0: none was seen within ``timeout``)."""
        deadline = time.monotonic() + timeout
        running = 0
        with psycopg.connect(
            with_database(self.url, self.db_name), autocommit=True, connect_timeout=10
        ) as db:
            while time.monotonic() < deadline:
                running = db.execute(
                    "SELECT count(*) FROM django_tasks_database_dbtaskresult "
                    "WHERE status = 'RUNNING' AND task_path LIKE 'wagtail_vertrouwen.%%'"
                ).fetchone()[0]
                if running:
                    break
                time.sleep(0.002)
        self.kill_worker()
        return running

    def kill_worker(self):
        """SIGKILL the task worker: no clean-up of any kind runs. It stays down until
        ``restart_worker``."""
        self._worker_down_on_purpose = True
        self.worker.kill()
        self.worker.wait(10)

    def restart_worker(self):
        self.restarts["worker"] += 1
        self.start_worker()
        self._worker_down_on_purpose = False

    def purge(self, grace_seconds: int) -> str:
        """The daily purge (``manage.py purge_meldingen``), with objects without a row taken
        for orphans after ``grace_seconds``; returns its log."""
        env = {
            **self.env(),
            "DATABASE_URL": with_database(self.url, self.db_name),
            "VERTROUWEN_ORPHAN_GRACE": str(grace_seconds),
        }
        done = subprocess.run(  # noqa: S603
            [sys.executable, str(MANAGE), "purge_meldingen"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode:
            raise RuntimeError(f"purge_meldingen failed:\n{done.stderr[-5000:]}")
        return done.stdout + done.stderr

    def s3_down_at_an_upload(self, timeout: float) -> bool:
        """Stop S3 answering the moment it has stored an attachment, before the app hears so:
        that answer and every open connection are cut and new ones refused (then
        ``restart_moto``). Whether an upload came within ``timeout``."""
        done = threading.Event()

        def on_response(request_line, response, client_port):
            if done.is_set() or not request_line.startswith(b"PUT "):
                return False
            if not response.startswith(b"HTTP/1.1 200"):
                return False
            self.s3_proxy.refuse_here()
            done.set()
            return True

        self.s3_proxy.on_response = on_response
        hit = done.wait(timeout)
        self.s3_proxy.on_response = None
        return hit

    def restart_moto(self):
        """Stop the S3 endpoint and bring it back: the proxy refuses and cuts connections (as
        the endpoint's host would once the process is gone), moto is killed and started anew
        on another port, and the proxy points there. moto keeps objects only in memory, so
        what was in the bucket when the endpoint stopped answering is carried over: S3 that
        "comes back" has the data it had (a real outage loses nothing that was stored), and
        whatever the site wrote before the outage, wanted or not, is still there to be
        checked."""
        self.s3_proxy.refuse()
        kept = self.objects()
        _stop(self.moto, signal.SIGKILL)
        self.restarts["moto"] += 1
        self.start_moto()
        client = self.s3()
        client.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        for key, body in kept.items():
            client.put_object(Bucket=BUCKET, Key=key, Body=body)
        self.s3_proxy.retarget(self.moto_port)
        return len(kept)

    # Looking ----------------------------------------------------------------------------------

    def s3(self):
        """A client of moto itself (not through the proxy)."""
        return boto3.client(
            "s3",
            endpoint_url=f"http://127.0.0.1:{self.moto_port}",
            region_name=REGION,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",  # noqa: S106
        )

    def objects(self) -> dict:
        client = self.s3()
        found = {}
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET):
            for item in page.get("Contents", []):
                found[item["Key"]] = client.get_object(Bucket=BUCKET, Key=item["Key"])[
                    "Body"
                ].read()
        return found

    def task_states(self) -> dict:
        """{status: count} of the channel's queued tasks."""
        with psycopg.connect(with_database(self.url, self.db_name), connect_timeout=10) as db:
            rows = db.execute(
                "SELECT status, count(*) FROM django_tasks_database_dbtaskresult "
                "WHERE task_path LIKE 'wagtail_vertrouwen.%%' GROUP BY status"
            ).fetchall()
        return dict(rows)

    def wait_for_queue(self, timeout: float) -> dict:
        """Wait until no channel task is ready or running; returns the last states."""
        deadline = time.monotonic() + timeout
        while True:
            states = self.task_states()
            if not states.get("READY") and not states.get("RUNNING"):
                return states
            if time.monotonic() > deadline:
                return states
            time.sleep(0.5)

    def mails(self) -> list[tuple[str, str, str]]:
        """(recipient, subject, Message-ID) of every mail written, one per message."""
        found = []
        for path in sorted(self.mail_dir.iterdir()):
            text = path.read_text(errors="replace")
            for chunk in re.split(r"\n-{79}\n", text):
                if not chunk.strip():
                    continue
                message = email.message_from_string(chunk.lstrip("\n"))
                subject = str(
                    email.header.make_header(email.header.decode_header(message["Subject"]))
                )
                for address in (message["To"] or "").split(","):
                    found.append((address.strip(), subject, message["Message-ID"] or ""))
        return found

    def log_text(self) -> str:
        return "\n".join(f"== {p.name}\n{tail(p, 80)}" for p in sorted(self.logs.iterdir()))
