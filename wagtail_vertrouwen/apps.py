from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailVertrouwenConfig(AppConfig):
    name = "wagtail_vertrouwen"
    label = "wagtail_vertrouwen"
    verbose_name = _("Vertrouwenswerk")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth import get_user_model

        from . import checks, signals  # noqa: F401 - registers the system checks

        signals.connect(get_user_model())
