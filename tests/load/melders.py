"""Melders as HTTP clients (``requests``, one session each, in threads): each sends a melding
through the melding API (or the form page, as a browser without JavaScript errors would), with
a freshly solved proof of work per attempt, and some then log in to their mailbox with the code
and write a message. Whatever goes wrong is retried, as a person would: after the
``Retry-After`` the server asked for, with a new proof of work.

Every exchange is recorded, so the test can hold each answer against what was stored: a
confirmation means stored, an error response means nothing stored, no response at all (a
killed worker) means either.
"""

import hashlib
import html
import io
import json
import re
import threading
import time
from dataclasses import dataclass, field

import requests
from PIL import Image, PngImagePlugin

from ..proof_of_work import solve

MAX_ATTEMPTS = 10
TIMEOUT = 60
CODE_BOX = re.compile(r'<p class="vw-code"[^>]*>(.*?)</p>', re.DOTALL)


def png(text: str, side: int = 48) -> bytes:
    """A real PNG; ``text`` in a tEXt chunk makes each file's bytes (and hash) its own."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", text)
    buffer = io.BytesIO()
    Image.effect_noise((side, side), 40).convert("RGB").save(buffer, format="PNG", pnginfo=info)
    return buffer.getvalue()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Exchange:
    """One request and what came back."""

    melder: int
    purpose: str  # "challenge", "melding", "login", "read", "message"
    via: str  # "api" or "form"
    marker: str = ""
    status: int | None = None  # None: no response (the connection died)
    error: str = ""  # the client's exception, without a response
    messages: list = field(default_factory=list)  # the error messages of an error response
    kept_input: bool | None = None  # the form page: the typed text came back
    retry_after: str | None = None
    content_type: str = ""
    body: str = ""  # the start of an error response's body
    at: float = 0.0  # seconds into the run when it was sent
    done: float = 0.0  # ... and when its answer (or its failure) came


@dataclass
class Stored:
    """Something the server confirmed: a melding (with its code) or a message."""

    melder: int
    kind: str  # "melding" or "message"
    marker: str
    files: list  # [(name, sha256)]
    code: str = ""
    via: str = "api"


class Melders:
    def __init__(self, base_url, data, *, run_id, started):
        self.base = base_url
        self.data = data
        self.page_id = data["page_id"]
        self.host = data["host"]
        self.run_id = run_id
        self.started = started
        self.lock = threading.Lock()
        self.exchanges: list[Exchange] = []
        self.stored: list[Stored] = []
        self.gave_up: list[str] = []

    # Recording -----------------------------------------------------------------------------

    def _send(self, session, method, url, exchange, **kwargs) -> requests.Response | None:
        exchange.at = time.monotonic() - self.started
        try:
            response = session.request(method, url, timeout=TIMEOUT, **kwargs)
        except requests.RequestException as error:
            exchange.error = f"{type(error).__name__}: {error}"[:300]
            response = None
        exchange.done = time.monotonic() - self.started
        if response is not None:
            exchange.status = response.status_code
            exchange.retry_after = response.headers.get("Retry-After")
            exchange.content_type = response.headers.get("Content-Type", "")
            if response.status_code >= 400:
                exchange.body = response.text[:2000]
                exchange.messages = _messages(response)
        with self.lock:
            self.exchanges.append(exchange)
        return response

    def _confirmed(self, stored):
        with self.lock:
            self.stored.append(stored)

    @staticmethod
    def _wait(response):
        """As long as the server asked (``Retry-After``), else a second."""
        try:
            return min(float(response.headers.get("Retry-After", "1")), 10.0)
        except (AttributeError, ValueError):
            return 1.0

    def session(self):
        session = requests.Session()
        session.headers["Accept-Language"] = "nl"
        return session

    # The melding ---------------------------------------------------------------------------

    def api_url(self, path=""):
        return f"{self.base}/vertrouwen/api/{path}"

    def send_melding_api(self, melder, session, with_file) -> Stored | None:
        url = self.api_url(f"meldingen/{self.page_id}/")
        for attempt in range(MAX_ATTEMPTS):
            marker = f"LOAD-{self.run_id}-M{melder}-A{attempt}"
            got = self._send(
                session, "GET", url, Exchange(melder, "challenge", "api", marker=marker)
            )
            if got is None or got.status_code != 200:
                time.sleep(self._wait(got))
                continue
            answers = _answers(marker)
            answers["challenge"] = solve(got.json()["challenge"])
            exchange = Exchange(melder, "melding", "api", marker=marker)
            files = []
            if with_file:
                data = png(marker)
                files = [("foto.png", sha(data))]
                response = self._send(
                    session,
                    "POST",
                    url,
                    exchange,
                    data=answers,
                    files=[("bijlagen", ("foto.png", data, "image/png"))],
                )
            else:
                response = self._send(session, "POST", url, exchange, json=answers)
            if response is not None and response.status_code == 201:
                stored = Stored(melder, "melding", marker, files, code=response.json()["code"])
                self._confirmed(stored)
                return stored
            time.sleep(self._wait(response))
        self.gave_up.append(f"melder {melder}: no melding after {MAX_ATTEMPTS} attempts")
        return None

    def send_melding_form(self, melder, session, with_file) -> Stored | None:
        """As the page's own form does (``multipart/form-data`` to the submit URL)."""
        headers = {"Host": self.host}
        url = f"{self.base}/vertrouwen/melding/{self.page_id}/"
        page_html = None
        for attempt in range(MAX_ATTEMPTS):
            marker = f"LOAD-{self.run_id}-M{melder}-A{attempt}"
            if page_html is None or "data-challenge" not in page_html:
                got = self._send(
                    session,
                    "GET",
                    f"{self.base}{self.data['page_path']}",
                    Exchange(melder, "challenge", "form", marker=marker),
                    headers=headers,
                )
                if got is None or got.status_code != 200:
                    time.sleep(self._wait(got))
                    continue
                page_html = got.text
            found = re.search(r'data-challenge="([^"]+)"', page_html)
            answers = _answers(marker)
            answers["challenge"] = solve(json.loads(html.unescape(found.group(1))))
            files = []
            upload = []
            if with_file:
                data = png(marker)
                files = [("foto.png", sha(data))]
                upload = [("bijlagen", ("foto.png", data, "image/png"))]
            else:  # an empty file field, as a browser sends it
                upload = [("bijlagen", ("", b"", "application/octet-stream"))]
            exchange = Exchange(melder, "melding", "form", marker=marker)
            response = self._send(
                session, "POST", url, exchange, headers=headers, data=answers, files=upload
            )
            if response is not None and response.status_code == 200:
                found = CODE_BOX.search(response.text)
                if found:
                    code = " ".join(re.findall(r"<span>(\d{4})</span>", found.group(1)))
                    stored = Stored(melder, "melding", marker, files, code=code, via="form")
                    self._confirmed(stored)
                    return stored
            if response is not None and response.status_code >= 400:
                exchange.kept_input = marker in html.unescape(response.text)
            # The page that came back (with the text kept) carries a new challenge.
            page_html = response.text if response is not None else None
            time.sleep(self._wait(response))
        self.gave_up.append(f"melder {melder}: no melding (form) after {MAX_ATTEMPTS} attempts")
        return None

    # The mailbox ---------------------------------------------------------------------------

    def write_message(self, melder, session, code, with_file) -> Stored | None:
        """Log in with ``code`` and write one message (again after any failure)."""
        login = self.api_url(f"postvak/{self.page_id}/login")
        token = None
        for attempt in range(MAX_ATTEMPTS):
            marker = f"LOAD-{self.run_id}-B{melder}-A{attempt}"
            if token is None:
                got = self._send(session, "GET", login, Exchange(melder, "challenge", "api"))
                if got is None or got.status_code != 200:
                    time.sleep(self._wait(got))
                    continue
                body = {"code": code, "challenge": solve(got.json()["challenge"])}
                response = self._send(
                    session, "POST", login, Exchange(melder, "login", "api"), json=body
                )
                if response is None or response.status_code != 201:
                    time.sleep(self._wait(response))
                    continue
                token = response.json()["token"]
            auth = {"Authorization": f"Bearer {token}"}
            got = self._send(
                session,
                "GET",
                self.api_url(f"postvak/{self.page_id}/"),
                Exchange(melder, "read", "api"),
                headers=auth,
            )
            if got is None or got.status_code != 200:
                if got is not None and got.status_code == 401:
                    token = None
                time.sleep(self._wait(got))
                continue
            solved = solve(got.json()["challenge"])
            url = self.api_url(f"postvak/{self.page_id}/berichten/")
            exchange = Exchange(melder, "message", "api", marker=marker)
            files = []
            if with_file:
                data = png(marker, side=32)
                files = [("bericht.png", sha(data))]
                response = self._send(
                    session,
                    "POST",
                    url,
                    exchange,
                    headers=auth,
                    data={"text": marker, "challenge": solved},
                    files=[("bijlagen", ("bericht.png", data, "image/png"))],
                )
            else:
                response = self._send(
                    session,
                    "POST",
                    url,
                    exchange,
                    headers=auth,
                    json={"text": marker, "challenge": solved},
                )
            if response is not None and response.status_code == 201:
                stored = Stored(melder, "message", marker, files)
                self._confirmed(stored)
                return stored
            if response is not None and response.status_code == 401:
                token = None
            time.sleep(self._wait(response))
        self.gave_up.append(f"melder {melder}: no message after {MAX_ATTEMPTS} attempts")
        return None

    # Everyone ------------------------------------------------------------------------------

    def melder(self, number, *, start_at, via_form, with_file, writes, message_file):
        delay = start_at - (time.monotonic() - self.started)
        if delay > 0:
            time.sleep(delay)
        session = self.session()
        send = self.send_melding_form if via_form else self.send_melding_api
        stored = send(number, session, with_file)
        if stored is not None and writes:
            time.sleep(0.5 + (number % 4) * 0.5)  # reads the code, then writes
            self.write_message(number, session, stored.code, message_file)


def _answers(marker: str) -> dict:
    return {
        "probleemgebied": "ongewenst_gedrag",
        "wie": "ouder",
        "wat": f"{marker} Mijn zoon wordt gepest in de pauze.",
        "contact": "geen",
        "taal": "nl",
    }


def _messages(response) -> list[str]:
    """The error messages in an error response: the API's ``errors`` (JSON), or the items of
    the form page's error list."""
    if response.headers.get("Content-Type", "").startswith("application/json"):
        try:
            errors = response.json().get("errors") or {}
        except (ValueError, AttributeError):
            return []
        return [str(m) for messages in errors.values() for m in messages]
    found = re.search(r'class="vw-errors".*?</div>', response.text, re.DOTALL)
    if not found:
        return []
    items = re.findall(r"<li>(.*?)</li>", found.group(0), re.DOTALL)
    return [html.unescape(re.sub(r"<[^>]+>", "", item)).strip() for item in items]
