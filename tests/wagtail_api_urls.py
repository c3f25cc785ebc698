"""The example site's URLs plus Wagtail's own pages endpoint at /api/wagtail/, to compare the
package's endpoint with it (tests/test_api_renderer.py)."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from example_site.urls import urlpatterns as site_urlpatterns

wagtail_router = WagtailAPIRouter("wagtailapi_plain")
wagtail_router.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [path("api/wagtail/", wagtail_router.urls), *site_urlpatterns]
