"""End-to-end tests in Debian's Chromium, driven by Playwright for Python.

Playwright may not download browsers here, so it launches /usr/bin/chromium. Every page
context records requests to any host but the test server; a test fails if there was one.
"""

import os
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.signals import request_finished, request_started

# Playwright's sync API runs an event loop in the test thread; Django's ORM would refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
PHONE = {"width": 360, "height": 740}
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live_demo(live_server, transactional_db):
    """The demo content served by the live server; base URLs of both schools.

    Each live-server test ends with a flush, which also removes what Wagtail's migrations
    created; build_demo() recreates what it needs of that.
    """
    from example_site.demo import build_demo

    port = urlsplit(live_server.url).port
    demo = build_demo(port=port)
    demo["regenboog_url"] = f"http://127.0.0.1:{port}"
    demo["vlinder_url"] = f"http://localhost:{port}"
    return demo


@pytest.fixture
def live_board(live_server, transactional_db):
    """Build a small set-up for the live server instead of the whole demo.

    ``live_board(*people, schools=("regenboog", "vlinder"), languages=())`` makes the demo's
    schools with their route-finders and only these of the demo's people
    (tests/factories_core.py); De Regenboog is translated into ``languages`` with its people.
    Returns the board (``homes``, ``sites``, ``indexes``, ``profiles``) with the base URLs
    ``regenboog_url`` (127.0.0.1) and ``vlinder_url`` (localhost).
    """
    from tests.factories_core import PEOPLE, make_board, translate_school

    port = urlsplit(live_server.url).port

    def build(*people, schools=("regenboog", "vlinder"), languages=()):
        board = make_board(*people, schools=schools, port=port)
        own = [p for name, p in board["profiles"].items() if PEOPLE[name]["school"] == "regenboog"]
        for language in languages:
            translate_school(board["homes"]["regenboog"], language, own)
        board["regenboog_url"] = f"http://127.0.0.1:{port}"
        board["vlinder_url"] = f"http://localhost:{port}"
        return board

    return build


@pytest.fixture
def new_context(browser):
    """Make browser contexts (phone-sized, Dutch) that refuse to talk to other hosts."""
    contexts, foreign = [], []

    def make(**options):
        settings = {"viewport": PHONE, "locale": "nl-NL", **options}
        context = browser.new_context(**settings)

        def record(request):
            host = urlsplit(request.url).hostname
            if request.url.startswith(("http:", "https:")) and host not in LOCAL_HOSTS:
                foreign.append(request.url)

        context.on("request", record)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    # A request the page sent just before (the admin's editing-session ping, say) may still be
    # served: the live server's flush after the test would find its table locked (SQLite).
    _wait_until_served()
    assert foreign == [], f"requests to other hosts: {foreign}"


#: Requests the live server (a thread of this process) is serving now.
_serving = {"count": 0}
_serving_lock = threading.Lock()


def _started(**kwargs):
    with _serving_lock:
        _serving["count"] += 1


def _finished(**kwargs):
    with _serving_lock:
        _serving["count"] -= 1


request_started.connect(_started, dispatch_uid="browser-tests-serving")
request_finished.connect(_finished, dispatch_uid="browser-tests-serving")


def _wait_until_served(timeout=10.0):
    deadline = time.monotonic() + timeout
    while _serving["count"] > 0 and time.monotonic() < deadline:
        time.sleep(0.05)


@pytest.fixture
def phone(new_context):
    return new_context().new_page()


@pytest.fixture
def axe_phone(new_context):
    """A phone page that lets the test inject axe-core despite the strict CSP."""
    return new_context(bypass_csp=True).new_page()


def axe_violations(page, impacts=("serious", "critical")):
    """Run the vendored axe-core on the page: violations of WCAG 2.1 A/AA of these impacts."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
        })"""
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
        if violation["impact"] in impacts
    ]


def screenshot(page, name, locator=None):
    """Save a PNG for the docs: of one element if given, else of the whole page."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = str(SCREENSHOTS / name)
    if locator is not None:
        locator.screenshot(path=path, animations="disabled")
    else:
        page.screenshot(path=path, full_page=True, animations="disabled")
