"""Error reports that cannot carry a melding (I1) nor name the melder (I7).

Django's error mails and debug pages show POST data, uploaded file names, every local variable
of every frame, and the request's META: the client's address (``REMOTE_ADDR``,
``X-Forwarded-For``), its browser (``User-Agent``), its cookies, and the server time. For the
channel that would be the melder's plaintext, or an unlocked key, or who sent a melding when.
Two measures:

1. At the door. The public channel views call ``forget_client`` first: it removes from the
   request everything that identifies the client and that the channel never needs (the
   address, forwarding headers, the browser, the referrer, cookies). Nothing downstream (a
   log line, an error report, a mail, a third-party middleware's response hook) can show what
   the request no longer has.

2. In the report. Set both::

    DEFAULT_EXCEPTION_REPORTER_FILTER = (
        "wagtail_vertrouwen.channel.debug.ConfidentialExceptionReporterFilter"
    )
    DEFAULT_EXCEPTION_REPORTER = "wagtail_vertrouwen.channel.debug.ConfidentialExceptionReporter"

   On confidential requests (the package's URLs: its public URLs and the inbox, and every
   request ``forget_client`` has seen, such as the form page) a report names only the method
   and the path: no META, cookies, GET, POST, FILES, user or server time, and no local
   variables. Elsewhere it hides the local variables of frames in the package's own code. The
   package's system check warns when they are not set.

What stays outside the package's reach: the web server's and proxy's access logs, and the
``Date`` header of the error mail itself.
"""

import contextlib
import re

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

from .. import cache as render_cache

PACKAGE = "wagtail_vertrouwen"
HIDDEN = "********************"
MARK = "_wagtail_vertrouwen_confidential"

#: The request META a channel view keeps: how the request reached this server and what it
#: carries, never who or what sent it. Everything else (``REMOTE_ADDR``, ``REMOTE_HOST``,
#: ``HTTP_X_FORWARDED_FOR``, ``HTTP_X_REAL_IP``, ``HTTP_USER_AGENT``, ``HTTP_REFERER``,
#: ``HTTP_COOKIE``, client hints, TLS client certificates, …) is dropped.
KEPT_META = {
    "REQUEST_METHOD",
    "SCRIPT_NAME",
    "PATH_INFO",
    "QUERY_STRING",
    "CONTENT_TYPE",
    "CONTENT_LENGTH",
    "SERVER_NAME",
    "SERVER_PORT",
    "SERVER_PROTOCOL",
    "HTTPS",
    "HTTP_HOST",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_ACCEPT",
    "HTTP_ACCEPT_ENCODING",
}


def _kept(name: str) -> bool:
    proxy_ssl = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    return (
        name in KEPT_META
        or name.startswith("wsgi.")  # the body stream, the URL scheme
        or (proxy_ssl is not None and name == proxy_ssl[0])
    )


def forget_client(request) -> None:
    """Drop what identifies the client from ``request`` and mark it confidential.

    The channel's public views use no session, login or cookie (they grant nothing), so the
    request loses nothing they need. Call it first in the view, before anything may log."""
    for name in [name for name in request.META if not _kept(name)]:
        del request.META[name]
    request.COOKIES = {}
    request.__dict__.pop("headers", None)  # a cached view of META, rebuilt from what is left
    setattr(request, MARK, True)
    render_cache.leave_no_trace(request)  # no entry in the shared cache tells of this visit


def _prefixes():
    prefixes = []
    for name, suffix in (
        ("wagtail_vertrouwen:api_openapi", "api/openapi.json"),  # the package's public URLs
        ("wagtail_vertrouwen_inbox:index", ""),  # the inbox in the admin
    ):
        with contextlib.suppress(NoReverseMatch):  # not included: nothing of ours there
            prefixes.append(reverse(name).removesuffix(suffix))
    return prefixes


def confidential_path(request) -> bool:
    if request is None:
        return True
    if getattr(request, MARK, False):
        return True
    return any(request.path.startswith(prefix) for prefix in _prefixes())


def _confidential(request) -> bool:
    """A request of the channel (a report without a request keeps Django's default)."""
    return request is not None and confidential_path(request)


class ConfidentialExceptionReporterFilter(SafeExceptionReporterFilter):
    def is_active(self, request):
        return True  # also with DEBUG on: the demo must not show a melding in a debug page

    def get_post_parameters(self, request):
        if _confidential(request):
            return {}
        return super().get_post_parameters(request)

    def get_safe_request_meta(self, request):
        if _confidential(request):
            return {}
        return super().get_safe_request_meta(request)

    def get_safe_cookies(self, request):
        if _confidential(request):
            return {}
        return super().get_safe_cookies(request)

    def get_traceback_frame_variables(self, request, tb_frame):
        if tb_frame.f_globals.get("__name__", "").startswith(PACKAGE):
            return [("(hidden)", self.cleansed_substitute)]
        if _confidential(request):
            return [("(hidden)", self.cleansed_substitute)]
        return super().get_traceback_frame_variables(request, tb_frame)


class _Withheld:
    """What a report may say about a confidential request: its method and path."""

    def __init__(self, request):
        self.path = request.path
        self.path_info = request.path_info
        self.META = {"REQUEST_METHOD": request.method}
        self.GET = self.POST = self.FILES = self.COOKIES = {}


#: The report's "Server time" line, in the text and in the HTML version.
SERVER_TIME = (
    re.compile(r"^Server time:.*\n", re.MULTILINE),
    re.compile(r"\s*<tr>\s*<th[^>]*>Server time:</th>\s*<td>.*?</td>\s*</tr>", re.DOTALL),
)


class ConfidentialExceptionReporter(ExceptionReporter):
    """Django lists uploaded files, GET data, the user and the server time without asking
    the filter; on confidential requests this reporter leaves them out."""

    @property
    def confidential(self) -> bool:
        return _confidential(self.request)

    def get_traceback_data(self):
        data = super().get_traceback_data()
        if not self.confidential:
            return data
        data.update(
            request=_Withheld(self.request),
            request_insecure_uri=self._uri_without_query(),
            request_meta={},
            request_COOKIES_items=[],
            request_GET_items=[],
            filtered_POST_items=[],
            request_FILES_items=[],
            user_str=None,
            server_time=None,
            unicode_hint="",  # a slice of the text that failed to decode: the melder's
        )
        return data

    def _uri_without_query(self):
        try:
            return f"{self.request.scheme}://{self.request._get_raw_host()}{self.request.path}"
        except Exception:  # noqa: BLE001 - a report must not fail on a strange request
            return self.request.path

    def get_traceback_text(self):
        text = super().get_traceback_text()
        return SERVER_TIME[0].sub("", text) if self.confidential else text

    def get_traceback_html(self):
        html = super().get_traceback_html()
        return SERVER_TIME[1].sub("", html) if self.confidential else html
