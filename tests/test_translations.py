"""Dutch first: complete catalogues, compiled, and nothing left untranslated."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from tests.factories_core import make_board, make_regenboog, translate
from wagtail_vertrouwen.blocks import defaults

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = [
    ROOT / "wagtail_vertrouwen" / "locale" / language / "LC_MESSAGES" / "django.po"
    for language in ("nl", "ar")
] + [
    ROOT / "example_site" / "locale" / language / "LC_MESSAGES" / "django.po"
    for language in ("nl", "ar")
]


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_catalogue_is_complete(path):
    po = polib.pofile(str(path))
    assert len(po) > 0
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_compiled_catalogue_matches_its_source(path):
    po = polib.pofile(str(path))
    mo = polib.mofile(str(path.with_suffix(".mo")))
    expected = {
        (entry.msgid, entry.msgstr or tuple(sorted(entry.msgstr_plural.items())))
        for entry in po.translated_entries()
    }
    compiled = {
        (entry.msgid, entry.msgstr or tuple(sorted(entry.msgstr_plural.items())))
        for entry in mo
        if entry.msgid
    }
    assert compiled == expected


def test_every_ui_string_in_the_code_is_in_the_dutch_catalogue(tmp_path):
    """Run makemessages on a copy of the package: no msgid may be missing from nl."""
    copy = tmp_path / "wagtail_vertrouwen"
    shutil.copytree(ROOT / "wagtail_vertrouwen", copy, ignore=shutil.ignore_patterns("*.mo"))
    subprocess.run(  # noqa: S603 - our own interpreter and Django's command
        [
            sys.executable,
            "-m",
            "django",
            "makemessages",
            "--locale",
            "nl",
            "--no-obsolete",
            "--no-location",
            "--settings",
            "example_site.settings.test",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    extracted = {e.msgid for e in polib.pofile(str(copy / "locale/nl/LC_MESSAGES/django.po"))}
    committed = {
        e.msgid for e in polib.pofile(str(CATALOGUES[0])) if e.translated() and not e.obsolete
    }
    assert extracted - committed == set()


def _texts(value):
    if isinstance(value, defaults.T):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


def test_default_content_exists_in_dutch_english_and_arabic():
    texts = list(_texts(defaults.AREAS)) + list(_texts(defaults.ROUTEWIJZER))
    assert len(texts) > 100
    for text in texts:
        assert text["nl"].strip() and text["en"].strip()
        assert text["nl"] != text["en"]
        arabic = text.pick("ar")
        assert arabic != text["en"], f"no Arabic for {text['en']!r}"
        assert any("\u0600" <= ch <= "\u06ff" for ch in arabic)


def test_an_unknown_language_falls_back_to_english():
    assert defaults.ROUTEWIJZER["heading"].pick("tr") == "Who can I turn to?"


@pytest.mark.django_db
def test_the_site_speaks_dutch(client):
    make_regenboog()
    html = client.get("/").content.decode()
    assert '<html lang="nl" dir="ltr">' in html
    for dutch in (
        "Wie ben je?",
        "Waar gaat het over?",
        "Toon mijn route",
        "Ouder of verzorger",
        "Je kunt altijd terecht bij",
        "Naar de inhoud",
    ):
        assert dutch in html
    for english in ("Who are you?", "Show my route", "Parent or carer"):
        assert english not in html


@pytest.mark.django_db
def test_profile_page_speaks_dutch(client):
    make_board("Fatima El Amrani", schools=["regenboog"])
    html = client.get("/vertrouwenspersonen/fatima-el-amrani/").content.decode()
    assert "Zo bereik je mij" in html
    assert "Interne vertrouwenspersoon, Aanspreekpunt pesten" in html
    assert "Nederlands, Arabisch, Engels" in html


@pytest.mark.django_db
def test_arabic_pages_are_right_to_left(client):
    translate(make_regenboog(), "ar")
    html = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "من أنت؟" in html  # interface
    assert "إلى من يمكنني التوجه؟" in html  # content of the Arabic translation
    assert "Waar kan ik terecht?" not in html


def test_translation_functions_keep_names_that_makemessages_knows():
    """``gettext_lazy as _l`` hides every string from makemessages (it happened to the inbox's
    column labels): only ``_`` or the function's own name may be used."""
    import re

    alias = re.compile(r"import (?:gettext|gettext_lazy|ngettext|pgettext)\w* as (?!_\b)\w+")
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "wagtail_vertrouwen").rglob("*.py")
        if alias.search(path.read_text())
    ]
    assert offenders == []
