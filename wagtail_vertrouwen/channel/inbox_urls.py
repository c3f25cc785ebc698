from django.urls import path

from .views import inbox as views
from .views import keys, otp

app_name = "wagtail_vertrouwen_inbox"

urlpatterns = [
    path("", views.index, name="index"),
    path("log/", views.audit_log, name="audit_log"),
    path("melding/<uuid:pk>/", views.detail, name="detail"),
    path("melding/<uuid:pk>/export/", views.export, name="export"),
    path("melding/<uuid:pk>/status/", views.set_status, name="status"),
    path("melding/<uuid:pk>/note/", views.save_note, name="note"),
    path("melding/<uuid:pk>/delete/", views.delete, name="delete"),
    path("melding/<uuid:pk>/bijlage/<uuid:bijlage_pk>/", views.download, name="download"),
    path("otp/", otp.otp_verify, name="otp_verify"),
    path("key/", keys.key_setup, name="key_setup"),
    path("unlock/", keys.unlock_view, name="unlock"),
    path("lock/", keys.lock_view, name="lock"),
    path("password/", keys.change_password, name="change_password"),
    path("restore/", keys.restore, name="restore"),
]
