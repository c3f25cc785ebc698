"""System checks of the core app (ids ``wagtail_vertrouwen.*``; the channel has its own).

``W001`` reads the database, although it is not tagged ``database`` (Django runs those only
with ``check --database`` and ``migrate``): a project whose ``LANGUAGE_CODE`` has no Locale
should hear it at ``manage.py check`` and at ``runserver``'s start, where the mistake is made.
It costs one query, and stays silent when the database cannot be reached or is not migrated
yet, so ``check`` still works in a build without a database.
"""

from django.conf import settings
from django.core.checks import Warning, register
from django.db import connections, router


@register()
def default_locale(app_configs, databases=None, **kwargs):
    from wagtail.models import Locale

    alias = router.db_for_read(Locale)
    if databases is not None and alias not in databases:
        return []
    try:
        connection = connections[alias]
        if Locale._meta.db_table not in connection.introspection.table_names():
            return []  # not migrated yet: Wagtail's migration creates the first Locale
        codes = list(Locale.objects.using(alias).values_list("language_code", flat=True))
    except Exception:  # noqa: BLE001 - no database (DatabaseError), or none allowed here
        return []
    from .locales import default_locale as find_default

    if find_default() is not None:
        return []
    existing = ", ".join(codes) or "none"
    source = codes[0] if len(codes) == 1 else "<code>"
    return [
        Warning(
            f"LANGUAGE_CODE {settings.LANGUAGE_CODE!r} has no Wagtail Locale in the database "
            f"(it has: {existing}). Pages and profiles stay in the locale they were made in; "
            "wagtail_vertrouwen then takes each page's original version as the reference "
            "(docs: configuration, 'Languages').",
            hint=(
                "If your pages are in fact in the language of LANGUAGE_CODE (a project made "
                "with `wagtail start` starts with an 'en' Locale), change their Locale's "
                "language to it under Settings › Locales (needs WAGTAIL_I18N_ENABLED = True "
                "and 'wagtail.locales' or 'wagtail_localize.locales' in INSTALLED_APPS), or in "
                f"`manage.py shell`: Locale.objects.filter(language_code={source!r})"
                f".update(language_code={settings.LANGUAGE_CODE!r}); every page moves with it. "
                "Otherwise add a Locale for LANGUAGE_CODE, or set LANGUAGE_CODE to the "
                "language of your pages."
            ),
            id="wagtail_vertrouwen.W001",
        )
    ]
