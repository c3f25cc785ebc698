from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailVertrouwenConfig(AppConfig):
    """Public content: profiles, the route-finder, the directory and their API fields. Works
    without the confidential channel (``wagtail_vertrouwen.channel``) installed."""

    name = "wagtail_vertrouwen"
    label = "wagtail_vertrouwen"
    verbose_name = _("Vertrouwenswerk")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401 - registers the system checks
        from .cache import connect_signals

        connect_signals()  # invalidates the route-finder's render cache (cache.py)
