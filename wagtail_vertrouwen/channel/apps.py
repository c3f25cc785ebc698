from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChannelConfig(AppConfig):
    name = "wagtail_vertrouwen.channel"
    label = "wagtail_vertrouwen_channel"
    verbose_name = _("Confidential meldingen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth import get_user_model

        from . import checks, signals  # noqa: F401 - registers the system checks

        signals.connect(get_user_model())
