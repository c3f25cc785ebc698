"""Helpers for the mailbox's tests: send a melding and read its code off the thank-you page,
log in with it as a browser does (proof of work included), and use the mailbox's forms."""

import html
import json
import re

from django.test import Client
from django.urls import reverse

from .channel import send, solve

CODE_BOX = re.compile(r'<p class="vw-code"[^>]*>(.*?)</p>', re.DOTALL)


def browser(form) -> Client:
    """A client that talks to the school's own host."""
    return Client(HTTP_HOST=form.get_site().hostname)


def code_on(response) -> str:
    """The code shown on the thank-you page, as four groups."""
    found = CODE_BOX.search(response.content.decode())
    assert found, response.content.decode()[:3000]
    return " ".join(re.findall(r"<span>(\d{4})</span>", found.group(1)))


def send_melding(form, client=None, **overrides) -> str:
    """Send a melding through the form page; returns the code it shows."""
    response = send(client or Client(), form, **overrides)
    assert response.status_code == 200, response.content.decode()[:3000]
    return code_on(response)


def mailbox_url(form, name="mailbox", *args):
    return reverse(f"wagtail_vertrouwen:{name}", args=[form.pk, *args])


def challenges(page_html: str) -> list[dict]:
    return [
        json.loads(html.unescape(value))
        for value in re.findall(r'data-challenge="([^"]+)"', page_html)
    ]


def form_token(page_html: str) -> str:
    return re.search(r'name="form_token" value="([^"]+)"', page_html).group(1)


def log_in(client, form, code, *, expect=303, **extra):
    """Open the login page, solve its challenge and log in with ``code``."""
    page = client.get(mailbox_url(form))
    assert page.status_code == 200, page.content.decode()[:2000]
    data = {"code": code, "challenge": solve(challenges(page.content.decode())[0]), **extra}
    response = client.post(mailbox_url(form), data)
    assert response.status_code == expect, response.content.decode()[:3000]
    return response


def open_mailbox(client, form) -> str:
    response = client.get(mailbox_url(form))
    assert response.status_code == 200
    return response.content.decode()


def reply(client, form, text="", files=(), page_html=None, **extra):
    """Send a message as the mailbox page does (its own challenge and form token)."""
    page_html = page_html or open_mailbox(client, form)
    data = {
        "text": text,
        "challenge": solve(challenges(page_html)[0]),
        "form_token": form_token(page_html),
        **extra,
    }
    if files:
        data["bijlagen"] = list(files)
    return client.post(mailbox_url(form, "mailbox_reply"), data)
