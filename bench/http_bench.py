"""``make bench``: the package against a plain Wagtail project, over HTTP, gunicorn on PostgreSQL.

One run, one load generator (wrk). The bench

1. creates two PostgreSQL databases of its own (``vw_bench_pkg``, ``vw_bench_plain``; dropped
   and created anew each run) and a Redis (``/usr/bin/redis-server`` on a free port, no
   persistence) that all gunicorn workers of the package share as Django's cache;
2. fills the package's database with the example site's demo, a route-finder page with the
   default route-finder, the profile index and the melding form
   (``bench/http_package.py``), and writes a plain Wagtail project into a temporary directory
   that holds the same text with Wagtail's own blocks, pages and form builder
   (``bench/plain_project.py``; makemigrations and migrate run here);
3. serves both with gunicorn (2 sync workers each, side by side on free ports: each case is
   measured on one server while the other is idle);
4. measures each case: a warm-up with wrk, one request counting queries (``X-Queries``, from
   ``bench/querycount.py`` in both projects), then ``wrk -t2 -c4 -d<seconds> --latency`` while
   the RSS of the gunicorn master and workers is sampled from ``/proc`` every 0.1 s and their
   CPU time is taken before and after (``--repeat N``: N runs alternating the sides, the
   median shown); the inbox also with one connection;
5. prints one table: requests/s, p50 and p95, server CPU per request, queries per request and
   peak RSS of both, the ratio package / plain, and for the public pages the share of the
   package's fixed-response ceiling. ``--full-page-cache`` sets the package's
   ``WAGTAIL_VERTROUWEN_PAGE_CACHE`` and adds rows against the plain project behind Django's
   per-site cache middleware (a third server, stated as such).

Cases: (a) route-finder page / StreamField page, (b) their API v2 detail, (c) profile index /
plain listing of the same people, (d) a melding (encrypted, each POST with its own solved
proof of work, as the page's form posts it) / the form builder's POST, (e) the VP inbox with
100 and with 10,000 meldingen / the form builder's submissions list in Wagtail's admin with as
many submissions (both 50 rows to a page), (f) a fixed response in each project. Both servers
run with the example site's gunicorn settings (``example_site/gunicorn.conf.py``).

    .venv/bin/python bench/http_bench.py [--duration 10] [--warmup 3] [--repeat 1]
        [--cases f,a,b,c,e100,e,d] [--full-page-cache] [--json FILE] [--keep]

wrk runs on the same machine as the servers and PostgreSQL: on a 2-core machine the load
generator takes part of the CPU the servers would otherwise have, and any other load on the
machine moves requests/s and latency; the server CPU per request hardly moves. Compare ratios,
not absolute figures, across machines.
"""

import argparse
import contextlib
import json
import math
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PYTHON = Path(sys.executable)
BIN = PYTHON.parent
WRK = Path(os.environ.get("WRK", "/usr/bin/wrk"))
GUNICORN_CONFIG = ROOT / "example_site" / "gunicorn.conf.py"
REDIS = Path(os.environ.get("REDIS_SERVER", "/usr/bin/redis-server"))
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASES = {"package": "vw_bench_pkg", "plain": "vw_bench_plain"}
SIDES = ("package", "plain")
#: With --full-page-cache, an extra server: the plain project with Django's per-site cache.
CACHED = "plain_cached"

#: Table rows in this order; (a)-(c) also get the share of the package's ceiling.
CASES = {
    "a": "(a) route-finder page / StreamField page",
    "b": "(b) API v2 page detail",
    "c": "(c) profile index / plain listing",
    "d": "(d) melding POST / form builder POST",
    "e100": "(e) VP inbox / form submissions, 100",
    "e": "(e) VP inbox / form submissions, 10,000",
    "f": "(f) fixed response (ceiling)",
}
CEILING_CASES = ("a", "b", "c")
#: The thank-you text of both projects' forms (the demo's, copied to the plain form page):
#: a POST that does not show it stored nothing.
THANKS = "Dank je wel dat je het vertelt."


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Processes ---------------------------------------------------------------------------------


class Processes:
    """Every long-running process the bench starts (Redis, gunicorn), stopped at the end by
    the process group each was started in, so no worker is left behind."""

    def __init__(self):
        self.running = []

    def start(self, name, command, *, log_path, **kwargs):
        stream = open(log_path, "wb")  # noqa: SIM115 - closed in stop_all
        process = subprocess.Popen(  # noqa: S603
            command, stdout=stream, stderr=subprocess.STDOUT, start_new_session=True, **kwargs
        )
        self.running.append((name, process, stream))
        return process

    def stop_all(self):
        for _name, process, _stream in reversed(self.running):
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for _name, process, stream in reversed(self.running):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            stream.close()
        self.running.clear()


def run(command, *, env=None, cwd=None, what):
    """Run a setup step to its end; its last line of stdout is JSON. Fails loudly."""
    started = time.monotonic()
    result = subprocess.run(  # noqa: S603
        [str(part) for part in command], env=env, cwd=cwd, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-3000:] + result.stderr[-6000:])
        raise SystemExit(f"bench: {what} failed (exit {result.returncode})")
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    document = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    document.setdefault("seconds", round(time.monotonic() - started, 2))
    return document


def recreate_databases():
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        for name in DATABASES.values():
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
        version = connection.execute("SHOW server_version").fetchone()[0]
    return version


def wait_until_up(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"bench: the server for {url} exited ({process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise SystemExit(f"bench: {url} did not answer within {seconds} s")


# Memory ------------------------------------------------------------------------------------


def _status_kib(pid, field):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        return 0
    return 0


def server_pids(master):
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except FileNotFoundError:
        children = []
    return [master, *(int(pid) for pid in children)]


def server_cpu_seconds(master) -> float:
    """User and system CPU time used so far by the gunicorn master and its workers."""
    ticks = 0
    for pid in server_pids(master):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return ticks / os.sysconf("SC_CLK_TCK")


class RssSampler(threading.Thread):
    """The summed RSS of the gunicorn master and its workers, every 0.1 s while wrk runs;
    ``peak_mib`` is the largest sum, ``hwm_mib`` the sum of each process's own high-water
    mark (VmHWM) at the end, which also catches a peak between two samples. Also the CPU
    time the server used during the run (``cpu_s``): unlike the wall time, it hardly moves
    with the machine's other load."""

    def __init__(self, master):
        super().__init__(daemon=True)
        self.master = master
        self.peak_kib = 0
        self.done = threading.Event()
        self.cpu_start = server_cpu_seconds(master)

    def run(self):
        while not self.done.is_set():
            total = sum(_status_kib(pid, "VmRSS") for pid in server_pids(self.master))
            self.peak_kib = max(self.peak_kib, total)
            self.done.wait(0.1)

    def stop(self):
        self.done.set()
        self.join()
        hwm = sum(_status_kib(pid, "VmHWM") for pid in server_pids(self.master))
        return {
            "peak_rss_mib": self.peak_kib / 1024,
            "hwm_mib": hwm / 1024,
            "cpu_s": server_cpu_seconds(self.master) - self.cpu_start,
        }


# Requests ----------------------------------------------------------------------------------


class Target:
    """What one case sends to one server: method, path, headers, and the body or bodies."""

    def __init__(
        self, base, path, *, method="GET", headers=None, body=None, bodies=None, expect=None
    ):
        self.base, self.path, self.method = base, path, method
        self.expect = expect  # text the answer must hold (a form answers 200 on errors too)
        self.headers = dict(headers or {})
        self.body = body  # one constant body (bytes)
        self.bodies = bodies  # callable(count) -> list[bytes]: a fresh body per request

    @property
    def url(self):
        return self.base + self.path


def once(target, body=None, count_queries=True):
    """One request: status, queries (``X-Queries``) and size of the answer. A status of 0
    when the answer lacks ``target.expect``."""
    headers = {**target.headers, **({"X-Count-Queries": "1"} if count_queries else {})}
    request = urllib.request.Request(  # noqa: S310
        target.url, data=body if body is not None else target.body, method=target.method
    )
    for name, value in headers.items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            content = response.read()
            status = response.status
            if target.expect and target.expect.encode() not in content:
                log(f"{target.url} answered without {target.expect!r}: {content[:2000]!r}")
                status = 0
            return status, response.headers.get("X-Queries"), len(content)
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Queries"), len(error.read())


RESULT = re.compile(r"BENCH-RESULT (.*)")
RATE = re.compile(r"Requests/sec:\s+([0-9.]+)")


def wrk(
    target,
    seconds,
    args,
    *,
    bodies_file=None,
    body_file=None,
    rss_master=None,
    threads=None,
    connections=None,
):
    """Run wrk against ``target``; the figures of its ``done()`` line (bench/wrk.lua)."""
    threads = threads or args.threads
    command = [
        WRK,
        f"-t{threads}",
        f"-c{connections or args.connections}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        "30s",
        "-s",
        BENCH / "wrk.lua",
    ]
    for name, value in target.headers.items():
        command += ["-H", f"{name}: {value}"]
    command.append(target.url)
    env = {**os.environ, "WRK_THREADS": str(threads), "WRK_METHOD": target.method}
    if bodies_file:
        env["WRK_BODIES"] = str(bodies_file)
    if body_file:
        env["WRK_BODY"] = str(body_file)
    sampler = RssSampler(rss_master) if rss_master else None
    if sampler:
        sampler.start()
    result = subprocess.run(  # noqa: S603
        [str(part) for part in command], env=env, capture_output=True, text=True
    )
    memory = sampler.stop() if sampler else {}
    found = RESULT.search(result.stdout)
    if result.returncode != 0 or not found:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"bench: wrk failed on {target.url}")
    figures = {k: float(v) for k, v in (part.split("=") for part in found.group(1).split())}
    rate = RATE.search(result.stdout)
    figures["rps"] = (
        float(rate.group(1)) if rate else figures["requests"] / max(figures["duration_us"], 1) * 1e6
    )
    if "cpu_s" in memory:
        memory["cpu_ms"] = memory["cpu_s"] * 1000 / max(figures["requests"], 1)
    return {**figures, **memory}


def write_bodies(path, bodies):
    with open(path, "wb") as stream:
        for body in bodies:
            stream.write(b"%d\n" % len(body) + body)


class Measurement:
    """One case on one server: ``prepare`` warms it up and counts its queries once; each
    ``run`` is one measured wrk run with RSS sampling. ``result`` is the run with the median
    requests/s (all its figures together), with the spread of the runs beside it."""

    def __init__(self, target, side, case, args, master, tmp):
        self.target, self.side, self.case = target, side, case
        self.args, self.master, self.tmp = args, master, tmp
        self.runs = []
        self.body_file = None
        self.count = 0

    def prepare(self):
        target, args = self.target, self.args
        log(f"{self.case} {self.side}: {target.method} {target.path}")
        if target.bodies:  # a fresh body per request (the melding's proof of work)
            warm = self.tmp / f"{self.case}-{self.side}-warm.bin"
            write_bodies(warm, target.bodies(args.warmup_posts))
            warmup = wrk(target, args.warmup, args, bodies_file=warm)
            rate = warmup["requests"] / max(warmup["duration_us"] / 1e6, 0.001)
            # Enough for 1.5 times the warm-up's rate, and never fewer than 12 a second (a
            # cold warm-up may finish next to nothing): a used body would be refused.
            self.count = max(int(math.ceil(rate * args.duration * 1.5)) + 40, 12 * args.duration)
            log(f"{self.case} {self.side}: warm-up {rate:.1f} req/s")
            status, queries, size = once(target, target.bodies(1)[0])
        else:
            if target.body is not None:
                self.body_file = self.tmp / f"{self.case}-{self.side}-body.bin"
                self.body_file.write_bytes(target.body)
            wrk(target, args.warmup, args, body_file=self.body_file)
            status, queries, size = once(target)
        if status != 200:
            raise SystemExit(f"bench: {self.case} {self.side} answered {status} on {target.url}")
        self.static = {"status": status, "queries": int(queries) if queries else None}
        self.static["bytes"] = size

    def run(self):
        target, args = self.target, self.args
        extra = {}
        if target.bodies:
            started = time.monotonic()
            bodies_file = self.tmp / f"{self.case}-{self.side}-{len(self.runs)}.bin"
            write_bodies(bodies_file, target.bodies(self.count))
            extra = {"bodies": self.count, "solving_s": round(time.monotonic() - started, 1)}
            figures = wrk(
                target, args.duration, args, bodies_file=bodies_file, rss_master=self.master
            )
            if figures["requests"] >= self.count:
                log(f"{self.case} {self.side}: the run used all {self.count} bodies early")
                extra["ran_out"] = True
        else:
            figures = wrk(
                target, args.duration, args, body_file=self.body_file, rss_master=self.master
            )
        figures.update(extra)
        self.runs.append(figures)
        log(
            f"{self.case} {self.side}: {figures['rps']:.1f} req/s, "
            f"p50 {figures['p50_us'] / 1000:.1f} ms, p95 {figures['p95_us'] / 1000:.1f} ms, "
            f"server CPU {figures['cpu_ms']:.1f} ms per request, "
            f"{figures['peak_rss_mib']:.0f} MiB, non-2xx {figures['status_errors']:.0f}"
        )

    def one_at_a_time(self):
        """Latency with one connection (one VP at a time): p50 and p95 of a -t1 -c1 run."""
        figures = wrk(
            self.target,
            max(self.args.duration // 2, 2),
            self.args,
            body_file=self.body_file,
            threads=1,
            connections=1,
        )
        self.single = {"single_p50_us": figures["p50_us"], "single_p95_us": figures["p95_us"]}
        log(
            f"{self.case} {self.side}, one connection: p50 {figures['p50_us'] / 1000:.1f} ms, "
            f"p95 {figures['p95_us'] / 1000:.1f} ms"
        )

    def result(self):
        ordered = sorted(self.runs, key=lambda figures: figures["rps"])
        median = ordered[(len(ordered) - 1) // 2]
        return {
            **median,
            **self.static,
            **getattr(self, "single", {}),
            "runs_rps": [round(figures["rps"], 1) for figures in self.runs],
            "runs": self.runs,
            "cpu_ms_median": statistics.median(figures["cpu_ms"] for figures in self.runs),
            "status_errors_all": sum(figures["status_errors"] for figures in self.runs),
        }


def measure_case(case, targets, args, masters, tmp):
    """Every side of one case (``targets``: side -> Target): each warmed up and counted, then
    ``--repeat`` measured runs alternating the sides, so that a change in the machine's other
    load falls on all of them."""
    measurements = [
        Measurement(target, side, case, args, masters[side], tmp)
        for side, target in targets.items()
    ]
    for measurement in measurements:
        measurement.prepare()
    for _ in range(args.repeat):
        for measurement in measurements:
            measurement.run()
    if case.startswith("e"):
        for measurement in measurements:
            measurement.one_at_a_time()
    return {m.side: m.result() for m in measurements}


# Setting up both projects ------------------------------------------------------------------


def package_env(args, tmp, redis_url):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "example_site.settings.bench",
        "DATABASE_URL": f"{POSTGRES}/{DATABASES['package']}",
        "BENCH_REDIS_URL": redis_url,
        "BENCH_VAR_DIR": str(tmp / "package-var"),
        "BENCH_PAGE_CACHE": "1" if args.full_page_cache else "0",
        "PYTHONPATH": str(ROOT),
    }


def plain_env(tmp):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "PYTHONPATH"}
    }
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "plainsite.settings",
        "DATABASE_URL": f"{POSTGRES}/{DATABASES['plain']}",
        "PLAIN_MEDIA_ROOT": str(tmp / "plain-media"),
    }


def gunicorn(processes, name, cwd, app, env, port, tmp):
    """Both sides with the example site's gunicorn settings (loaded once, frozen before fork)."""
    command = [
        BIN / "gunicorn",
        "--config",
        GUNICORN_CONFIG,
        "--workers",
        "2",
        "--worker-class",
        "sync",
        "--bind",
        f"127.0.0.1:{port}",
        "--chdir",
        cwd,
        "--timeout",
        "120",
        app,
    ]
    return processes.start(
        name, [str(part) for part in command], log_path=tmp / f"{name}-gunicorn.log", env=env
    )


def csrf_for(url):
    """The form page's CSRF cookie and token, once, as a browser gets them."""
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
        html = response.read().decode()
        cookies = response.headers.get_all("Set-Cookie") or []
    cookie = next(c.split(";")[0] for c in cookies if c.startswith("csrftoken="))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return cookie, token


# The run -----------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of each measured run")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of wrk before each run")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="measured runs per case and side, alternating; the median run is reported",
    )
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--meldingen", type=int, default=10_000, help="inbox size of case (e)")
    parser.add_argument("--warmup-posts", type=int, default=40, help="bodies for (d)'s warm-up")
    parser.add_argument(
        "--full-page-cache",
        action="store_true",
        help="set WAGTAIL_VERTROUWEN_PAGE_CACHE = True in the package's settings",
    )
    parser.add_argument(
        "--cases", default=",".join(CASES), help=f"comma-separated subset of {','.join(CASES)}"
    )
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()
    wanted = [case for case in args.cases.split(",") if case]
    unknown = set(wanted) - set(CASES)
    if unknown:
        parser.error(f"unknown cases: {', '.join(sorted(unknown))}")
    for tool in (WRK, REDIS):
        if not tool.exists():
            raise SystemExit(f"bench: {tool} is missing (make wrk installs wrk)")

    tmp = Path(tempfile.mkdtemp(prefix="vertrouwen-http-bench-"))
    processes = Processes()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.monotonic()
    try:
        results, info = bench(args, wanted, tmp, processes)
    finally:
        processes.stop_all()
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    info["total_s"] = round(time.monotonic() - started)
    load = os.getloadavg()
    info["load_after"] = f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    report(results, info, args)
    if args.json:
        args.json.write_text(json.dumps({"info": info, "results": results}, indent=1))


def bench(args, wanted, tmp, processes):
    load = os.getloadavg()
    info = {
        "machine": f"{os.cpu_count()} cores, {platform.machine()}",
        "load_before": f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
        "python": platform.python_version(),
        "wrk": f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s --latency "
        f"after {args.warmup} s of warm-up; {args.repeat} measured run(s) per case and side, "
        "alternating package and plain; the median run by req/s is shown",
        "full_page_cache": args.full_page_cache,
    }
    if args.full_page_cache:
        known = any(
            "PAGE_CACHE" in path.read_text() for path in (ROOT / "wagtail_vertrouwen").rglob("*.py")
        )
        info["full_page_cache_note"] = "WAGTAIL_VERTROUWEN_PAGE_CACHE = True" + (
            "" if known else " (set, but the package does not read this setting yet)"
        )
    log(f"temporary directory {tmp}")
    info["postgresql"] = recreate_databases()

    redis_port = free_port()
    processes.start(
        "redis",
        [
            str(REDIS),
            "--port",
            str(redis_port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--daemonize",
            "no",
        ],
        log_path=tmp / "redis.log",
    )
    redis_url = f"redis://127.0.0.1:{redis_port}/0"
    penv = package_env(args, tmp, redis_url)

    log("package: migrate, demo, route-finder page, inbox session")
    package = run(
        [PYTHON, "-m", "bench.http_package", "setup", "--out", tmp],
        env=penv,
        cwd=ROOT,
        what="the package's setup",
    )
    content = json.loads((tmp / "content.json").read_text())
    info["setup_package_s"] = package["timings"]

    log("plain: write the project, makemigrations, migrate, load the same content")
    from bench.plain_project import write

    plain_dir = write(tmp / "plain", content)
    qenv = plain_env(tmp)
    manage = [PYTHON, plain_dir / "manage.py"]
    timings = {}
    for step, command in (
        ("makemigrations_s", [*manage, "makemigrations", "school", "--verbosity", "0"]),
        ("migrate_s", [*manage, "migrate", "--verbosity", "0"]),
    ):
        timings[step] = run(command, env=qenv, cwd=plain_dir, what=f"plain {step}")["seconds"]
    plain = run(
        [*manage, "load_bench", tmp / "content.json", tmp / "plain.json"],
        env=qenv,
        cwd=plain_dir,
        what="plain load_bench",
    )
    timings["load_s"] = plain["seconds"]
    info["setup_plain_s"] = timings
    info["people"] = {"package": package["people_on_index"], "plain": plain["people_on_index"]}

    sides = [*SIDES, CACHED] if args.full_page_cache else list(SIDES)
    ports = {side: free_port() for side in sides}
    servers = {
        "package": gunicorn(
            processes,
            "package",
            ROOT,
            "example_site.wsgi:application",
            penv,
            ports["package"],
            tmp,
        ),
        "plain": gunicorn(
            processes, "plain", plain_dir, "plainsite.wsgi:application", qenv, ports["plain"], tmp
        ),
    }
    if args.full_page_cache:
        cenv = {
            **qenv,
            "DJANGO_SETTINGS_MODULE": "plainsite.settings_cached",
            "PLAIN_REDIS_URL": f"redis://127.0.0.1:{redis_port}/1",
        }
        servers[CACHED] = gunicorn(
            processes, CACHED, plain_dir, "plainsite.wsgi:application", cenv, ports[CACHED], tmp
        )
    base = {side: f"http://127.0.0.1:{ports[side]}" for side in sides}
    for side in sides:
        wait_until_up(base[side] + "/bench/fixed/", servers[side])
    masters = {side: servers[side].pid for side in sides}
    info["servers"] = (
        f"gunicorn 2 sync workers each, {len(sides)} servers running side by side, measured "
        "one at a time (package first, then plain, case by case)"
    )

    def package_bodies(count):
        out = tmp / "solved.bin"
        run(
            [PYTHON, "-m", "bench.http_package", "bodies", "--count", count, "--out", out],
            env=penv,
            cwd=ROOT,
            what="solving proofs of work",
        )
        return read_bodies(out)

    csrf_cookie, csrf_token = csrf_for(base["plain"] + plain["form"])
    form_body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": csrf_token, **plain["form_post"]}
    ).encode()
    paths = {"a": ("routewijzer", "routes"), "b": ("api", "api"), "c": ("index", "index")}
    paths["f"] = ("fixed", "fixed")
    targets = {
        case: {
            "package": Target(base["package"], package[ours]),
            "plain": Target(base["plain"], plain[theirs]),
            **({CACHED: Target(base[CACHED], plain[theirs])} if args.full_page_cache else {}),
        }
        for case, (ours, theirs) in paths.items()
    }
    targets |= {
        "d": (
            Target(
                base["package"],
                package["submit"],
                method="POST",
                headers={"Content-Type": "multipart/form-data; boundary=BenchBoundaryVertrouwen"},
                bodies=package_bodies,
                expect=THANKS,
            ),
            Target(
                base["plain"],
                plain["form"],
                method="POST",
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": csrf_cookie,
                },
                body=form_body,
                expect=THANKS,
            ),
        ),
        "e100": (
            Target(base["package"], package["inbox"], headers={"Cookie": package["inbox_cookie"]}),
            Target(base["plain"], plain["submissions"], headers={"Cookie": plain["admin_cookie"]}),
        ),
    }
    for case in ("d", "e100"):
        targets[case] = dict(zip(SIDES, targets[case], strict=True))
    targets["e"] = targets["e100"]
    sizes = {"e100": 100, "e": args.meldingen}
    info["inbox_fill_s"] = {}

    results = {}
    # (d) adds meldingen to the inbox: the inbox cases run before it.
    order = [case for case in ("f", "a", "b", "c", "e100", "e", "d") if case in wanted]
    for case in order:
        if case in sizes:
            filled = run(
                [PYTHON, "-m", "bench.http_package", "meldingen", "--total", sizes[case]],
                env=penv,
                cwd=ROOT,
                what="making meldingen",
            )
            submitted = run(
                [*manage, "submissions", "--total", sizes[case]],
                env=qenv,
                cwd=plain_dir,
                what="making form submissions",
            )
            info["inbox_fill_s"][case] = {
                "package": filled["seconds"],
                "plain": submitted["seconds"],
                "meldingen": filled["total"],
                "submissions": submitted["total"],
            }
            log(
                f"{case}: {filled['created']} meldingen in {filled['seconds']} s, "
                f"{submitted['created']} form submissions in {submitted['seconds']} s"
            )
        results[case] = measure_case(case, targets[case], args, masters, tmp)
    return results, info


def read_bodies(path):
    bodies = []
    with open(path, "rb") as stream:
        while True:
            length = stream.readline()
            if not length:
                return bodies
            bodies.append(stream.read(int(length)))


# The report --------------------------------------------------------------------------------


def _ms(figures, key):
    return figures[key] / 1000


def _cpu(ours, theirs):
    """Server CPU per request, the median over the runs, with the ratio."""
    a, b = ours["cpu_ms_median"], theirs["cpu_ms_median"]
    return f"{a:.1f} / {b:.1f} ({a / b:.2f}x)" if b else f"{a:.1f} / {b:.1f}"


def report(results, info, args):
    print()
    print("make bench: HTTP, gunicorn on PostgreSQL, package vs plain Wagtail")
    for key in (
        "machine",
        "load_before",
        "load_after",
        "python",
        "postgresql",
        "servers",
        "wrk",
        "full_page_cache_note",
    ):
        if key in info:
            print(f"  {key.replace('_', ' ')}: {info[key]}")
    print(
        "  load generator: wrk runs on the same cores as both servers, PostgreSQL and Redis; "
        "its own CPU use lowers every figure"
    )
    print(
        "  (d): the package's melding form page POST (multipart, as the page's form and its "
        "proof-of-work script send it), a fresh solved proof of work per request; hourly limit "
        "lifted (WAGTAIL_VERTROUWEN_RATE_LIMIT_PER_HOUR = 10**9). Plain: POST to the form "
        "builder page with one CSRF cookie and token."
    )
    print(
        "  (e): package: the VP's inbox list (first page of 50); plain: Wagtail's form "
        "submissions list in the admin (superuser), 50 rows to a page on both sides. "
        "Filled in bulk (seconds): "
        f"{info.get('inbox_fill_s')}"
    )
    print(
        f"  people on the index: {info.get('people')}; setup (s): package "
        f"{info.get('setup_package_s')}, plain {info.get('setup_plain_s')}; "
        f"whole run {info.get('total_s')} s"
    )
    print()
    print(
        "| case | req/s package | req/s plain | package / plain | p50 ms pkg / plain "
        "| p95 ms pkg / plain | server CPU ms per request pkg / plain | queries pkg / plain "
        "| peak RSS MiB pkg / plain | req/s as share of pkg ceiling |"
    )
    print("|" + "---|" * 10)
    ceiling = results.get("f", {}).get("package", {}).get("rps")
    for case, title in CASES.items():
        if case not in results:
            continue
        ours, theirs = results[case]["package"], results[case]["plain"]
        ratio = ours["rps"] / theirs["rps"] if theirs["rps"] else float("nan")
        share = f"{ours['rps'] / ceiling:.1%}" if ceiling and case in CEILING_CASES else ""
        print(
            f"| {title} | {ours['rps']:.1f} | {theirs['rps']:.1f} | {ratio:.2f}x "
            f"| {_ms(ours, 'p50_us'):.1f} / {_ms(theirs, 'p50_us'):.1f} "
            f"| {_ms(ours, 'p95_us'):.1f} / {_ms(theirs, 'p95_us'):.1f} "
            f"| {_cpu(ours, theirs)} "
            f"| {ours['queries']} / {theirs['queries']} "
            f"| {ours['peak_rss_mib']:.0f} / {theirs['peak_rss_mib']:.0f} | {share} |"
        )
    cached = [case for case in CASES if CACHED in results.get(case, {})]
    if cached:
        print()
        print(
            "Extra rows, --full-page-cache: the package (its page cache on) against the plain "
            "project with Django's per-site cache middleware (UpdateCacheMiddleware first, "
            "FetchFromCacheMiddleware last, Redis, CACHE_MIDDLEWARE_SECONDS = 300):"
        )
        print()
        print(
            "| case | req/s package | req/s plain + cache | package / plain + cache "
            "| p50 ms pkg / plain + cache | p95 ms pkg / plain + cache "
            "| server CPU ms per request pkg / plain + cache "
            "| queries pkg / plain + cache | peak RSS MiB pkg / plain + cache |"
        )
        print("|" + "---|" * 9)
        for case in cached:
            ours, theirs = results[case]["package"], results[case][CACHED]
            print(
                f"| {CASES[case]} | {ours['rps']:.1f} | {theirs['rps']:.1f} "
                f"| {ours['rps'] / theirs['rps']:.2f}x "
                f"| {_ms(ours, 'p50_us'):.1f} / {_ms(theirs, 'p50_us'):.1f} "
                f"| {_ms(ours, 'p95_us'):.1f} / {_ms(theirs, 'p95_us'):.1f} "
                f"| {_cpu(ours, theirs)} "
                f"| {ours['queries']} / {theirs['queries']} "
                f"| {ours['peak_rss_mib']:.0f} / {theirs['peak_rss_mib']:.0f} |"
            )
    print()
    print("Details (the median run; req/s of every run in brackets):")
    for case in CASES:
        for side in (*SIDES, CACHED):
            figures = results.get(case, {}).get(side)
            if not figures:
                continue
            extra = ""
            if "bodies" in figures:
                extra = f", {figures['bodies']} bodies solved in {figures['solving_s']} s"
            if "single_p95_us" in figures:
                extra += (
                    f", one connection: p50 {_ms(figures, 'single_p50_us'):.1f} ms, "
                    f"p95 {_ms(figures, 'single_p95_us'):.1f} ms"
                )
            errors = sum(figures[f"{kind}_errors"] for kind in ("connect", "read", "write"))
            print(
                f"  {case} {side}: {figures['requests']:.0f} requests {figures['runs_rps']}, "
                f"non-2xx {figures['status_errors_all']:.0f}, errors {errors:.0f}, "
                f"timeouts {figures['timeouts']:.0f}, p99 {_ms(figures, 'p99_us'):.1f} ms, "
                f"{figures['bytes'] / 1024:.1f} KiB per answer, server CPU ms per request "
                f"{[round(run['cpu_ms'], 1) for run in figures['runs']]}, VmHWM sum "
                f"{figures['hwm_mib']:.0f} MiB{extra}"
            )
    inbox = results.get("e", {}).get("package")
    if inbox:
        small = results.get("e100", {}).get("package", {}).get("queries")
        print(
            f"Inbox at {args.meldingen} meldingen, target p95 < 150 ms: "
            f"p95 {_ms(inbox, 'p95_us'):.1f} ms with {args.connections} connections "
            f"({'met' if inbox['p95_us'] < 150_000 else 'NOT met'}), "
            f"{_ms(inbox, 'single_p95_us'):.1f} ms with one "
            f"({'met' if inbox['single_p95_us'] < 150_000 else 'NOT met'}); "
            f"queries {small} with 100 meldingen, {inbox['queries']} with {args.meldingen}"
        )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
