"""Which version of a translated page speaks for all of them: one rule for the whole package.

The versions of one page (wagtail-localize translations) share a ``translation_key``, one per
Locale. Where one version must decide for, or name, all of them (whether a person is still
current, which version a visitor sees when none is in her language, which title names a
melding form on the recipients page), the package takes the **reference version**:

1. the version in the default locale, the Locale of ``LANGUAGE_CODE``, if there is one;
2. otherwise the oldest version (the lowest id): the original the translations were made from.

So nothing depends on the default locale existing. A project made with ``wagtail start``
(whose first Locale is ``en``) that set ``LANGUAGE_CODE = "nl"`` afterwards keeps working, its
pages in ``en`` being their own reference, and the system check ``wagtail_vertrouwen.W001``
says how to put the pages in the site's language.
"""

from __future__ import annotations

from wagtail.models import Locale


def default_locale() -> Locale | None:
    """The Locale of ``LANGUAGE_CODE``, or None when the database has none (one query)."""
    try:
        return Locale.get_default()
    except (Locale.DoesNotExist, LookupError):
        return None


def reference_versions(versions, default: Locale | None) -> dict:
    """The reference version of each page among ``versions`` (objects with ``pk``,
    ``translation_key`` and ``locale_id``), by translation key. ``default``: the default
    locale, from :func:`default_locale`."""
    default_id = default.pk if default is not None else None
    chosen = {}
    for version in versions:
        rank = (version.locale_id != default_id, version.pk)
        current = chosen.get(version.translation_key)
        if current is None or rank < current[0]:
            chosen[version.translation_key] = (rank, version)
    return {key: version for key, (_rank, version) in chosen.items()}
