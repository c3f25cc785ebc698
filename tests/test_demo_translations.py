"""The demo's translations are wagtail-localize translations: "Synchroniseer vertaalde
pagina's" (Sync translated pages) carries a changed Dutch phone number to /en/ and /ar/ and
keeps the English and Arabic texts."""

import pytest
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from example_site.demo import PEOPLE, TRANSLATED
from wagtail_vertrouwen.templatetags.vertrouwen_tags import isolate_numbers_html

pytestmark = pytest.mark.django_db

OLD_PHONE = "0487-123456"
NEW_PHONE = "0487-765432"


def fatima_in(demo, language):
    dutch = demo["profiles"]["Fatima El Amrani"]
    return dutch.get_translation(Locale.objects.get(language_code=language)).specific


def test_every_translated_demo_page_has_a_translation_source(demo):
    from wagtail.models import Page

    dutch = Page.objects.filter(locale__language_code="nl").exclude(depth=1)
    for page in dutch.specific():
        source = TranslationSource.objects.get_for_instance(page)
        targets = {t.target_locale.language_code for t in source.translations.filter(enabled=True)}
        assert targets == set(TRANSLATED), page


def test_the_editor_is_offered_sync_translated_pages(demo, client):
    from django.contrib.auth.models import User

    client.force_login(User.objects.get(username="redacteur"))
    index = demo["indexes"]["regenboog"]
    fatima = demo["profiles"]["Fatima El Amrani"]
    source = TranslationSource.objects.get_for_instance(fatima)
    html = client.get(reverse("wagtailadmin_explore", args=[index.pk])).content.decode()
    assert reverse("wagtail_localize:update_translations", args=[source.pk]) in html
    assert "Synchroniseer vertaalde pagina&#x27;s" in html


def test_sync_translated_pages_carries_a_new_phone_number_and_keeps_the_translations(
    demo, client, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import User

    dutch = demo["profiles"]["Fatima El Amrani"]
    english, arabic = fatima_in(demo, "en"), fatima_in(demo, "ar")
    assert OLD_PHONE in client.get(english.get_url()).content.decode()

    dutch.phone = NEW_PHONE
    dutch.save_revision().publish()
    # Publishing the Dutch page alone does not touch the translations.
    assert NEW_PHONE not in client.get(english.get_url()).content.decode()

    client.force_login(User.objects.get(username="redacteur"))
    source = TranslationSource.objects.get_for_instance(dutch)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302

    fatima = next(person for person in PEOPLE if person["title"] == "Fatima El Amrani")
    for page, language in ((english, "en"), (arabic, "ar")):
        texts = [
            # The times in the consultation hours stay left-to-right in every language.
            isolate_numbers_html(fatima["spreekuur"][language]),
            strip_tags(fatima["introduction"][language])[:30],
        ]
        html = client.get(page.get_url()).content.decode()
        assert NEW_PHONE in html, page.locale
        assert OLD_PHONE not in html, page.locale
        for text in texts:  # the translated texts survive the sync
            assert text in html, (page.locale, text)


def test_synced_route_finder_stays_translated(demo, client, django_capture_on_commit_callbacks):
    """The homepage's route-finder (a StreamField) keeps its English after a sync."""
    from django.contrib.auth.models import User

    home = demo["homes"]["regenboog"]
    client.force_login(User.objects.get(username="redacteur"))
    source = TranslationSource.objects.get_for_instance(home)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )
    html = client.get("/en/").content.decode()
    assert "Who can I turn to?" in html
    assert "holidays and days off" in html
    # The demo schools are primary schools: their route-finders have the primary variant.
    assert "Talk to your teacher." in html
    assert "Praat met je juf" not in html
