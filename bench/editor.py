"""How heavy the page editor is with a route-finder in it, measured in Chromium.

    .venv/bin/python bench/editor.py [--runs 3] [--port 8766]

Builds the demo in a throw-away SQLite database, serves it with ``runserver`` (test settings,
a bench superuser with a random password), logs in with Debian's Chromium through Playwright
and opens the edit view of the demo homepage of De Regenboog, which holds the six-area
route-finder. One warm-up load, then ``--runs`` measured loads in the same logged-in browser
context (a warm cache, as for an editor who works in the admin every day); the table shows
each run and the median.

Method, per load (all times from the navigation start, ``performance.now()``):

* ``html_kib``: size of the edit view's HTML (the StreamField's value and definition travel
  inside it as JSON).
* ``dcl_ms`` / ``load_ms``: DOMContentLoaded and the load event (Navigation Timing).
* ``sf_ms``: the StreamField has initialised: Wagtail's ``w-block`` Stimulus controller has
  connected and rendered the blocks (a MutationObserver, installed before any page script
  runs, notes the first moment a block header, ``.c-sf-block__type``, exists; the blocks of
  a StreamField are rendered in one go, so this is the end of that script's work).
* ``ready_ms``: interactive: the later of ``sf_ms`` and the end of the last long task
  (PerformanceObserver ``longtask``, tasks of 50 ms or more) that is followed by 1 s without
  any long task, the idea of Time to Interactive.
* ``long_ms``: the summed duration of all long tasks until then (the main thread busy in
  pieces the editor can feel).
* ``nodes``: ``document.getElementsByTagName('*').length``; ``fields``:
  ``document.querySelectorAll('input,select,textarea').length``, after ``ready_ms``.

Other load on the machine shows in the times, not in the counts.
"""

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "example_site.settings.test"
_tmp = tempfile.mkdtemp(prefix="vertrouwen-editor-bench-")
os.environ["DATABASE_URL"] = f"sqlite:///{_tmp}/bench.sqlite3"
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
QUIET_MS = 1000

#: Installed before any script of the page runs.
OBSERVE = """
window.__bench = {longtasks: [], sf: null};
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    window.__bench.longtasks.push([entry.startTime, entry.duration]);
  }
}).observe({type: "longtask", buffered: true});
const __benchObserver = new MutationObserver(() => {
  if (document.querySelector('.c-sf-block__type')) {
    window.__bench.sf = performance.now();
    __benchObserver.disconnect();
  }
});
__benchObserver.observe(document, {childList: true, subtree: true});
"""

COLLECT = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  return {
    now: performance.now(),
    sf: window.__bench.sf,
    longtasks: window.__bench.longtasks,
    dcl: nav.domContentLoadedEventEnd,
    load: nav.loadEventEnd,
    html: nav.decodedBodySize,
    nodes: document.getElementsByTagName("*").length,
    fields: document.querySelectorAll("input,select,textarea").length,
  };
}"""


def setup(username, password):
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from example_site.demo import build_demo

    demo = build_demo(port=0)
    get_user_model().objects.create_superuser(username, f"{username}@example.org", password)
    return demo["homes"]["regenboog"].pk


def serve(port):
    """runserver in a child process on the same database; returns the process."""
    process = subprocess.Popen(  # noqa: S603 (our own manage.py)
        [
            sys.executable,
            str(ROOT / "example_site" / "manage.py"),
            "runserver",
            f"127.0.0.1:{port}",
            "--noreload",
            "--insecure",
        ],
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/admin/login/", timeout=2)
            return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit("runserver did not start")


def measure_load(page, url):
    page.goto(url, wait_until="load")
    page.wait_for_function("window.__bench && window.__bench.sf !== null", timeout=60000)
    while True:
        data = page.evaluate(COLLECT)
        last_end = max([start + duration for start, duration in data["longtasks"]] or [0])
        settled = max(data["sf"], last_end)
        if data["now"] - settled >= QUIET_MS:
            break
        page.wait_for_timeout(100)
    return {
        "html_kib": data["html"] / 1024,
        "dcl_ms": data["dcl"],
        "load_ms": data["load"],
        "sf_ms": data["sf"],
        "ready_ms": settled,
        "long_ms": sum(duration for start, duration in data["longtasks"] if start < settled),
        "nodes": data["nodes"],
        "fields": data["fields"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=8766)
    args = parser.parse_args()
    username, password = "bench", secrets.token_urlsafe(16)
    page_id = setup(username, password)
    server = serve(args.port)
    base = f"http://127.0.0.1:{args.port}"
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
            )
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
            context.add_init_script(OBSERVE)
            page = context.new_page()
            page.goto(base + "/admin/login/")
            page.fill("input[name=username]", username)
            page.fill("input[name=password]", password)
            page.locator("form button[type=submit]").first.click()
            page.wait_for_url(base + "/admin/")
            url = f"{base}/admin/pages/{page_id}/edit/"
            measure_load(page, url)  # warm-up
            runs = [measure_load(page, url) for _ in range(args.runs)]
            browser.close()
    finally:
        server.terminate()
        server.wait()

    metrics = list(runs[0])
    header = f"{'metric':<10}" + "".join(f"{f'run {n + 1}':>10}" for n in range(len(runs)))
    header += f"{'median':>10}"
    print(f"Editor of the demo homepage ({url.removeprefix(base)}), Chromium, {len(runs)} runs")
    print(header)
    print("-" * len(header))
    for metric in metrics:
        values = [run[metric] for run in runs]
        row = "".join(f"{value:>10.0f}" for value in values)
        print(f"{metric:<10}{row}{statistics.median(values):>10.0f}")


if __name__ == "__main__":
    main()
