"""Public pages of the core app that are not Wagtail pages: the glossary ("woordenlijst").

Include them inside the project's ``i18n_patterns``, before Wagtail's catch-all, so that each
language has its own URL (``/vertrouwen/woordenlijst/``, ``/en/vertrouwen/woordenlijst/``,
``/ar/vertrouwen/woordenlijst/`` with ``prefix_default_language=False``)::

    urlpatterns += i18n_patterns(
        path("vertrouwen/", include("wagtail_vertrouwen.urls")),
        path("", include(wagtail_urls)),
        prefix_default_language=False,
    )

Any prefix works; the same ``vertrouwen/`` as the channel's URLs outside ``i18n_patterns`` is
fine, as neither has a path of the other. Pages link to it by name
(``vertrouwen_glossary``), and a page that links to it shows no link when it is not included.
"""

from django.urls import path

from .glossary import GLOSSARY_URL_NAME, glossary_view

urlpatterns = [
    path("woordenlijst/", glossary_view, name=GLOSSARY_URL_NAME),
]
