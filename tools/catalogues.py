"""Check and compile the translation catalogues: the `.po` files are the source of truth.

`make messages` runs Django's makemessages, which adds new msgids (empty), marks changed ones
fuzzy and keeps every translation, and then this script, which compiles each catalogue and
fails naming every entry that is still untranslated or fuzzy, so nothing ships half done.
Translators work in the `.po` files (by hand, with Poedit, or on a translation platform, as
Wagtail and wagtail-localize do); nothing here writes a translation.

    python tools/catalogues.py            # check and compile every shipped language
    python tools/catalogues.py --check    # check only (the test suite does the same)
"""

import argparse
import re
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
#: Every language the package ships, besides English (its msgids). Keep in step with the
#: Makefile's `messages` target and docs/contributing.md.
LANGUAGES = ("nl", "ar", "tr", "pl", "uk")
LOCALE_DIRS = (ROOT / "wagtail_vertrouwen" / "locale", ROOT / "example_site" / "locale")

_PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]+\}|</?[a-z]+[^>]*>")


def catalogues():
    for directory in LOCALE_DIRS:
        for language in LANGUAGES:
            yield language, directory / language / "LC_MESSAGES" / "django.po"


def _forms(entry):
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


def problems(path: Path, nplurals: int | None = None):
    """What is wrong with one catalogue: untranslated, fuzzy, or a translation whose
    placeholders and tags differ from its msgid's (which would break at run time)."""
    po = polib.pofile(str(path))
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    found = []
    for entry in po:
        if entry.obsolete:
            continue
        label = f"{where}: {entry.msgctxt + ' | ' if entry.msgctxt else ''}{entry.msgid!r}"
        if "fuzzy" in entry.flags:
            found.append(f"fuzzy {label}")
        elif not all(_forms(entry)) or (
            entry.msgid_plural and nplurals and len(_forms(entry)) < nplurals
        ):
            found.append(f"untranslated {label}")
        else:
            expected = sorted(_PLACEHOLDER.findall(entry.msgid))
            for form in _forms(entry):
                if sorted(_PLACEHOLDER.findall(form)) != expected and not entry.msgid_plural:
                    found.append(f"placeholders differ {label}")
                    break
    return found


def nplurals_of(po) -> int | None:
    match = re.search(r"nplurals=(\d+)", po.metadata.get("Plural-Forms", ""))
    return int(match.group(1)) if match else None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check only, do not compile")
    args = parser.parse_args(argv)
    failures = []
    for _language, path in catalogues():
        if not path.exists():
            failures.append(f"{path.relative_to(ROOT)}: missing (run `make messages`)")
            continue
        po = polib.pofile(str(path))
        failures += problems(path, nplurals_of(po))
        if not args.check:
            po.save_as_mofile(str(path.with_suffix(".mo")))
    for failure in failures:
        print(failure)
    if failures:
        print(f"{len(failures)} entries need a translator (see docs/contributing.md).")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
