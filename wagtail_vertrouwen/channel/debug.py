"""Error reports that cannot carry a melding (I1).

Django's error mails and debug pages show POST data, uploaded file names and every local
variable of every frame. For the channel that would be the melder's plaintext, or an unlocked
key. Set both::

    DEFAULT_EXCEPTION_REPORTER_FILTER = (
        "wagtail_vertrouwen.channel.debug.ConfidentialExceptionReporterFilter"
    )
    DEFAULT_EXCEPTION_REPORTER = "wagtail_vertrouwen.channel.debug.ConfidentialExceptionReporter"

On the package's URLs (its public URLs and the inbox) they hide the POST data, the uploaded
files' names and the local variables of every frame; elsewhere, the local variables of frames
in the package's own code. The package's system check warns when they are not set.
"""

import contextlib

from django.urls import NoReverseMatch, reverse
from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

PACKAGE = "wagtail_vertrouwen"
HIDDEN = "********************"


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
    return any(request.path.startswith(prefix) for prefix in _prefixes())


class ConfidentialExceptionReporterFilter(SafeExceptionReporterFilter):
    def is_active(self, request):
        return True  # also with DEBUG on: the demo must not show a melding in a debug page

    def get_post_parameters(self, request):
        if request is not None and confidential_path(request):
            return dict.fromkeys(request.POST, self.cleansed_substitute)
        return super().get_post_parameters(request)

    def get_traceback_frame_variables(self, request, tb_frame):
        if tb_frame.f_globals.get("__name__", "").startswith(PACKAGE):
            return [("(hidden)", self.cleansed_substitute)]
        if request is not None and confidential_path(request):
            return [("(hidden)", self.cleansed_substitute)]
        return super().get_traceback_frame_variables(request, tb_frame)


class ConfidentialExceptionReporter(ExceptionReporter):
    """Django lists uploaded files (with their names) without asking the filter."""

    def get_traceback_data(self):
        data = super().get_traceback_data()
        if self.request is not None and confidential_path(self.request):
            files = data.get("request_FILES_items") or []
            data["request_FILES_items"] = [(name, HIDDEN) for name, _file in files]
        return data
