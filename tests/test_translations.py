"""Dutch first: complete catalogues, compiled, and nothing left untranslated."""

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from tests.factories_core import make_board, make_regenboog, translate

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("catalogues", ROOT / "tools" / "catalogues.py")
catalogues = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(catalogues)
CATALOGUES = [path for _language, path in catalogues.catalogues()]


def test_every_shipped_language_has_both_catalogues():
    assert set(catalogues.LANGUAGES) == {"nl", "ar", "tr", "pl", "uk"}
    assert len(CATALOGUES) == 2 * len(catalogues.LANGUAGES)


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_catalogue_is_complete(path):
    po = polib.pofile(str(path))
    assert len(po) > 0
    assert catalogues.problems(path, catalogues.nplurals_of(po)) == []
    assert po.metadata["Language"] == path.parent.parent.name


def test_the_check_finds_untranslated_fuzzy_and_broken_placeholders(tmp_path):
    po = polib.POFile()
    po.metadata = {"Plural-Forms": "nplurals=2; plural=(n != 1);"}
    po.append(polib.POEntry(msgid="Untranslated", msgstr=""))
    po.append(polib.POEntry(msgid="Fuzzy", msgstr="Wazig", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="Hello %(name)s", msgstr="Hallo %(naam)s"))
    po.append(polib.POEntry(msgid="<a>Link</a>", msgstr="Link"))
    po.append(polib.POEntry(msgid="Fine %(name)s", msgstr="Goed %(name)s"))
    path = tmp_path / "django.po"
    po.save(str(path))
    found = catalogues.problems(path, 2)
    assert [line.split(" ")[0] for line in found] == [
        "untranslated",
        "fuzzy",
        "placeholders",
        "placeholders",
    ]


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_compiled_catalogue_matches_its_source(path):
    po = polib.pofile(str(path))
    mo = polib.mofile(str(path.with_suffix(".mo")))
    expected = {
        (entry.msgctxt, entry.msgid, entry.msgstr or tuple(sorted(entry.msgstr_plural.items())))
        for entry in po.translated_entries()
    }
    compiled = {
        (entry.msgctxt, entry.msgid, entry.msgstr or tuple(sorted(entry.msgstr_plural.items())))
        for entry in mo
        if entry.msgid
    }
    assert compiled == expected


def _translations(path):
    return {
        (entry.msgctxt, entry.msgid): entry.msgstr or tuple(sorted(entry.msgstr_plural.items()))
        for entry in polib.pofile(str(path))
        if not entry.obsolete
    }


def committed(language):
    """The package's committed catalogue of ``language``: (context, msgid) -> translation."""
    return _translations(ROOT / "wagtail_vertrouwen/locale" / language / "LC_MESSAGES/django.po")


@pytest.mark.parametrize("app", ["wagtail_vertrouwen", "example_site"])
def test_makemessages_finds_nothing_new_and_rewrites_no_translation(tmp_path, app):
    """`make messages` on the committed code: every msgid in the code is in every catalogue
    already, and no translation changes (the catalogues, not a script, hold them)."""
    copy = tmp_path / app
    shutil.copytree(ROOT / app, copy, ignore=shutil.ignore_patterns("*.mo", "__pycache__"))
    locales = [arg for language in catalogues.LANGUAGES for arg in ("--locale", language)]
    extra = ["--ignore", "home/migrations/*"] if app == "example_site" else []
    subprocess.run(  # noqa: S603 - our own interpreter and Django's command
        [sys.executable, "-m", "django", "makemessages", *locales, "--no-obsolete", *extra]
        + ["--add-location", "file", "--settings", "example_site.settings.test"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    for language in catalogues.LANGUAGES:
        relative = Path("locale", language, "LC_MESSAGES", "django.po")
        assert _translations(copy / relative) == _translations(ROOT / app / relative), language


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
