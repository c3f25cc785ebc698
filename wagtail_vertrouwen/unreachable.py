"""When the database cannot be reached: a page that needs nothing of it.

Any page of the site (Wagtail's pages included) that fails because the database is away for a
moment (a restart, a fail-over, too many connections) answers ``503`` with ``Retry-After`` and a
short, translated page: try again in a moment, and meanwhile the national lines that are always
available (``contacts.py``), which are in the code, not in the database. Never the site's bare
error page: a pupil who opened the site to ask for help must still see where to turn.

``UnreachableMiddleware`` does this for every view (add it to ``MIDDLEWARE``) and
``server_error`` for what fails outside a view (set it as ``handler500``); the channel's own
views and APIs answer such faults themselves, keeping what the melder typed.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.views import defaults

from .choices import RouteRol
from .contacts import URGENT_CONTACT_KEYS
from .directory import national_contact

logger = logging.getLogger(__name__)

#: Errors that mean "the database cannot be reached just now".
DATABASE_UNREACHABLE = (OperationalError, InterfaceError)
#: What a 503 asks for in ``Retry-After``: a database failing over or a storage endpoint
#: restarting is back within seconds.
RETRY_AFTER_SECONDS = 5
TEMPLATE = "wagtail_vertrouwen/unreachable.html"
MESSAGE = _("Part of the website is not working for a moment. Please try again in a minute.")
#: The lines the page shows: the urgent ones, then the lines for children and for despair.
LINES = (*URGENT_CONTACT_KEYS, RouteRol.KINDERTELEFOON.value, RouteRol.ZELFMOORDPREVENTIE.value)


#: SQLSTATEs that mean "the server cannot be reached or will not take us now": connection
#: exceptions (class 08), the server shutting down or starting (57P01-57P03), and too many
#: connections (53300). Other ``OperationalError``s (a statement timeout, a deadlock, a missing
#: column after a broken deploy) are faults to be reported, not outages to wait out.
UNREACHABLE_SQLSTATES = ("57P01", "57P02", "57P03", "53300")
#: SQLite's words for a database it cannot open or that another process holds.
UNREACHABLE_SQLITE = ("unable to open database", "database is locked")


def database_unreachable(error: BaseException) -> bool:
    """Whether ``error`` means that the database cannot be reached just now (and trying again
    in a moment may work), rather than a fault in the code or the data."""
    if isinstance(error, InterfaceError):
        return True
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    sqlstate = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)
    if sqlstate is not None:
        return sqlstate.startswith("08") or sqlstate in UNREACHABLE_SQLSTATES
    if type(cause).__module__.startswith("sqlite3"):
        return any(words in str(cause) for words in UNREACHABLE_SQLITE)
    # psycopg gives no SQLSTATE when it could not connect or the connection was cut.
    return True


def retry_later(response):
    """``response`` (a 503) with ``Retry-After``: when to try again (``RETRY_AFTER_SECONDS``)."""
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def wants_json(request) -> bool:
    """Whether the client asked for JSON rather than a page (an app reading Wagtail's API
    with ``Accept: application/json``); a browser's ``*/*`` or ``text/html`` gets the page."""
    if request is None:
        return False
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def unreachable_response(request=None) -> HttpResponse:
    """The 503 page, or for a client that asked for JSON (``wants_json``) its message as
    ``{"message": …}``. Rendered without the request, so that no context processor can ask the
    database for anything (the user, the site's settings)."""
    if wants_json(request):
        response = JsonResponse({"message": str(MESSAGE)}, status=503)
    else:
        html = render_to_string(
            TEMPLATE,
            {
                "message": MESSAGE,
                "urgent": True,
                "prominent_contacts": [national_contact(key) for key in LINES],
            },
        )
        response = HttpResponse(html, status=503)
    retry_later(response)
    patch_vary_headers(response, ["Accept"])
    add_never_cache_headers(response)
    return response


class UnreachableMiddleware:
    """Answers ``unreachable_response()`` for a view that failed because the database could
    not be reached; every other error goes on to Django's handling."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not database_unreachable(exception):
            return None
        logger.warning(
            "%s could not be answered: the database is unreachable", request.path, exc_info=True
        )
        return unreachable_response(request)


def server_error(request, template_name="500.html"):
    """``handler500``: the unreachable page when the error that got this far (from another
    middleware, or from rendering a 404 page that asks the database) is the database being
    away; else Django's own."""
    error = sys.exc_info()[1]
    if error is not None and database_unreachable(error):
        return unreachable_response(request)
    return defaults.server_error(request, template_name)
