"""Public URLs of the package: include them in the project, e.g. at ``vertrouwen/``."""

from django.urls import path

from .views import api as melding_views
from .views.form import submit_view

app_name = "wagtail_vertrouwen"

urlpatterns = [
    path("melding/<int:page_id>/", submit_view, name="melding_submit"),
    path("api/meldingen/<int:page_id>/", melding_views.submit_melding, name="api_melding_submit"),
    path("api/openapi.json", melding_views.openapi, name="api_openapi"),
]
