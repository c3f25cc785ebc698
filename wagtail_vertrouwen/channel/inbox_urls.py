from django.urls import path

from .views import handover as handover_views
from .views import inbox as views
from .views import keys, otp
from .views.audit import AuditLogView
from .views.gate import recipient_required

app_name = "wagtail_vertrouwen_inbox"


def listing(view_class, **initkwargs):
    """A Wagtail listing view behind the same gate as every other view of the inbox."""
    return recipient_required(view_class.as_view(**initkwargs))


urlpatterns = [
    path("", listing(views.InboxView), name="index"),
    path("results/", listing(views.InboxView, results_only=True), name="index_results"),
    path("log/", listing(AuditLogView), name="audit_log"),
    path("log/results/", listing(AuditLogView, results_only=True), name="audit_log_results"),
    path("melding/<uuid:pk>/", views.detail, name="detail"),
    path("melding/<uuid:pk>/export/", views.export, name="export"),
    path("melding/<uuid:pk>/status/", views.set_status, name="status"),
    path("melding/<uuid:pk>/note/", views.save_note, name="note"),
    path("melding/<uuid:pk>/delete/", views.delete, name="delete"),
    path("melding/<uuid:pk>/bijlage/<uuid:bijlage_pk>/", views.download, name="download"),
    path("melding/<uuid:pk>/reply/", views.reply, name="reply"),
    path("melding/<uuid:pk>/melder-status/", views.set_melder_status, name="melder_status"),
    path("melding/<uuid:pk>/next-contact/", views.set_next_contact, name="next_contact"),
    path("melding/<uuid:pk>/access/", handover_views.grant, name="grant"),
    path("handover/", handover_views.hand_over_all, name="handover"),
    path("unreadable/", handover_views.unreadable, name="unreadable"),
    path("otp/", otp.otp_verify, name="otp_verify"),
    path("key/", keys.key_setup, name="key_setup"),
    path("unlock/", keys.unlock_view, name="unlock"),
    path("lock/", keys.lock_view, name="lock"),
    path("passphrase/", keys.change_passphrase, name="change_passphrase"),
    path("restore/", keys.restore, name="restore"),
]
