"""The example site's URLs plus one fixed response, for ``make bench`` only
(``example_site.settings.bench``): the ceiling a page can reach through the same middleware
stack and server, with no database, template or cache behind it."""

from django.http import HttpResponse
from django.urls import path

from .urls import urlpatterns as site_urlpatterns

FIXED_BODY = b"fixed response of the bench\n"


def fixed_response(request):
    return HttpResponse(FIXED_BODY, content_type="text/plain; charset=utf-8")


urlpatterns = [path("bench/fixed/", fixed_response), *site_urlpatterns]
