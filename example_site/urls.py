from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path, re_path
from django.views.i18n import set_language
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.images.api.v2.views import ImagesAPIViewSet

from wagtail_vertrouwen.api.views import PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("i18n/setlang/", set_language, name="set_language"),
    path("vertrouwen/", include("wagtail_vertrouwen.channel.urls")),
]

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()
if settings.DEBUG or getattr(settings, "SERVE_MEDIA_FILES", False):
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += i18n_patterns(
    path("vertrouwen/", include("wagtail_vertrouwen.urls")),  # the glossary, per language
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# What fails outside a view while the database is away: the same 503 page (unreachable.py).
handler500 = "wagtail_vertrouwen.unreachable.server_error"
