"""Run in a fresh interpreter: the core app alone, with the channel and its dependencies
unimportable. Prints one line per check and exits non-zero on the first failure."""

import importlib.abc
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

#: What a project without the channel does not have.
ABSENT = ("wagtail_vertrouwen.channel", "django_otp", "nacl", "altcha", "qrcode", "storages")


class Absent(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if any(name == absent or name.startswith(absent + ".") for absent in ABSENT):
            raise ModuleNotFoundError(f"No module named {name!r} (absent in this project)")
        return None


sys.meta_path.insert(0, Absent())
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.core_only.settings"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

from wagtail_vertrouwen.models import (  # noqa: E402
    RoutewijzerPage,
    VertrouwenspersonenIndexPage,
    VertrouwenspersoonPage,
)

call_command("check", fail_level="WARNING")
print("check: ok")
call_command("migrate", verbosity=0)
print("migrate: ok")

locale = Locale.objects.get_or_create(language_code="nl")[0]
Locale.objects.exclude(pk=locale.pk).delete()
root = Page.get_first_root_node()
for child in root.get_children():
    child.delete()
home = RoutewijzerPage(title="Routewijzer", slug="home", locale=locale)
root.add_child(instance=home)
home.save_revision().publish()
Site.objects.all().delete()
Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
index = VertrouwenspersonenIndexPage(title="Vertrouwenspersonen", slug="vertrouwenspersonen")
home.add_child(instance=index)
index.save_revision().publish()
person = VertrouwenspersoonPage(
    title="Noor Jansen",
    slug="noor-jansen",
    roles=["interne_vertrouwenspersoon"],
    languages=["nl"],
    phone="024 123 45 67",
)
index.add_child(instance=person)
person.save_revision().publish()
person.schools.add(Site.objects.get())
person.save_revision().publish()

client = Client()
for url, expected in (
    ("/", "Veilig Thuis"),
    ("/vertrouwenspersonen/", "Noor Jansen"),
    ("/vertrouwenspersonen/noor-jansen/", "024 123 45 67"),
):
    response = client.get(url)
    body = response.content.decode()
    assert response.status_code == 200, (url, response.status_code)
    assert expected in body, (url, expected)
    print(f"GET {url}: 200, shows {expected!r}")
assert "wagtail_vertrouwen.channel" not in sys.modules
assert not any(name.startswith(("django_otp", "nacl")) for name in sys.modules)
print("channel and its dependencies never imported: ok")
