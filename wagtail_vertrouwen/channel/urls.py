"""Public URLs of the package: include them in the project, e.g. at ``vertrouwen/``."""

from django.urls import path, re_path, register_converter
from django.urls.converters import IntConverter

from .views import api as melding_views
from .views import mailbox, mailbox_api
from .views.form import submit_view

app_name = "wagtail_vertrouwen"


class PageIdConverter(IntConverter):
    """A page id the database can hold: a longer number matches no URL (404), where the
    database would refuse to compare it (SQLite: a 500)."""

    regex = "[0-9]{1,10}"

    def to_python(self, value):
        number = int(value)
        if number >= 2**31:
            raise ValueError(value)
        return number


register_converter(PageIdConverter, "page_id")

urlpatterns = [
    path("melding/<page_id:page_id>/", submit_view, name="melding_submit"),
    # The melder's mailbox (log in with the code; no "remember me").
    path("postvak/<page_id:page_id>/", mailbox.mailbox_view_or_login, name="mailbox"),
    path("postvak/<page_id:page_id>/bericht/", mailbox.reply, name="mailbox_reply"),
    path("postvak/<page_id:page_id>/gegevens/", mailbox.identity, name="mailbox_identity"),
    path("postvak/<page_id:page_id>/melding-per-mail/", mailbox.notice, name="mailbox_notice"),
    path(
        "postvak/<page_id:page_id>/bijlage/<uuid:bijlage_id>/",
        mailbox.download,
        name="mailbox_download",
    ),
    path("postvak/<page_id:page_id>/uitloggen/", mailbox.log_out, name="mailbox_logout"),
    path(
        "api/meldingen/<page_id:page_id>/", melding_views.submit_melding, name="api_melding_submit"
    ),
    path("api/postvak/<page_id:page_id>/login", mailbox_api.log_in, name="api_mailbox_login"),
    path("api/postvak/<page_id:page_id>/logout", mailbox_api.log_out, name="api_mailbox_logout"),
    path("api/postvak/<page_id:page_id>/", mailbox_api.read, name="api_mailbox"),
    path("api/postvak/<page_id:page_id>/berichten/", mailbox_api.post, name="api_mailbox_messages"),
    path(
        "api/postvak/<page_id:page_id>/bijlagen/<uuid:bijlage_id>/",
        mailbox_api.download,
        name="api_mailbox_download",
    ),
    path("api/openapi.json", melding_views.openapi, name="api_openapi"),
    # Last: every other address under api/ answers in JSON.
    re_path(r"^api/(?P<path>.*)$", melding_views.not_found, name="api_not_found"),
]
