"""Error reports that cannot carry a melding (I1).

Django's error mails and debug pages show POST data and every local variable of every frame.
For the channel that would be the melder's plaintext, or an unlocked key. Set::

    DEFAULT_EXCEPTION_REPORTER_FILTER = (
        "wagtail_vertrouwen.debug.ConfidentialExceptionReporterFilter"
    )

It hides the POST data of the package's URLs and the local variables of every frame in the
package's own code, whatever the URL (the package's system check warns when it is not set).
"""

from django.urls import NoReverseMatch, reverse
from django.views.debug import SafeExceptionReporterFilter

PACKAGE = "wagtail_vertrouwen"


def confidential_path(request) -> bool:
    if request is None:
        return True
    prefixes = []
    for name in ("wagtail_vertrouwen:melding_submit", "wagtail_vertrouwen_inbox:index"):
        try:
            url = reverse(name, args=[0]) if "submit" in name else reverse(name)
        except NoReverseMatch:  # URLs not included: nothing of ours to hide there
            url = None
        if url:
            prefixes.append(url.rsplit("/", 2)[0] + "/")
    return any(request.path.startswith(prefix) for prefix in prefixes)


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
