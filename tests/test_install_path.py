"""The install path works from any starting point (issue 8): a project made with `wagtail
start` whose pages are in another locale than LANGUAGE_CODE, a forgotten URL include, and
production settings that `check --deploy` must question."""

import pytest
from django.contrib.auth.models import User
from django.core import checks
from django.core.checks import Error
from django.core.checks import Warning as CheckWarning
from django.test import Client, override_settings
from django.urls import include, path, reverse
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.models import Locale, Page, Site

from wagtail_vertrouwen.channel.models import Designation, Melding, MeldingFormPage
from wagtail_vertrouwen.models import RoutewijzerPage, VertrouwenspersoonPage

from .channel import send
from .factories import admin, make_form, make_profile, make_school, make_vp

#: A project's URLconf that forgot ``include("wagtail_vertrouwen.channel.urls")``: used as
#: ROOT_URLCONF by the tests below (this module is the URLconf).
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("", include(wagtail_urls)),
]
WITHOUT_CHANNEL_URLS = __name__


def ids(messages):
    return [message.id for message in messages]


def run(*, deploy=False):
    """Every registered check, as `manage.py check [--deploy]` runs them."""
    return checks.run_checks(include_deployment_checks=deploy)


@pytest.fixture
def english_project(db):
    """The reviewer's project: `wagtail start` made the first Locale `en` (from its
    LANGUAGE_CODE "en-us"), then LANGUAGE_CODE became "nl". Every page is in `en`, and there is
    no Locale for LANGUAGE_CODE."""
    Locale.objects.filter(language_code="nl").update(language_code="en")
    assert not Locale.objects.filter(language_code="nl").exists()
    assert Page.get_first_root_node().locale.language_code == "en"


@pytest.fixture(params=["localized", "wagtail start"])
def language_settings(request, settings):
    """Both the example's settings (wagtail-localize, three content languages) and those of a
    `wagtail start` project (no WAGTAIL_I18N_ENABLED, no WAGTAIL_CONTENT_LANGUAGES: Wagtail's
    one content language is then LANGUAGE_CODE's, and `en` is not even among them)."""
    if request.param == "wagtail start":
        settings.WAGTAIL_I18N_ENABLED = False
        del settings.WAGTAIL_CONTENT_LANGUAGES
    return request.param


# A default locale that is missing, or not the locale of the pages ----------------------------


def test_route_finder_and_profiles_serve_when_language_code_has_no_locale(
    english_project, language_settings
):
    """The 500 from `Locale.get_default()` is gone: the route-finder on the home page and the
    index list the people, whose pages are in `en` while LANGUAGE_CODE is `nl`."""
    home = make_school(language="en", page_class=RoutewijzerPage)
    profile = make_profile(home, "Noor Jansen", phone="024 123 45 67")
    client = Client(raise_request_exception=False)
    response = client.get("/", HTTP_HOST="school.test")
    assert response.status_code == 200
    assert "Noor Jansen" in response.content.decode()
    listing = client.get(profile.get_parent().url, HTTP_HOST="school.test")
    assert listing.status_code == 200
    assert "Noor Jansen" in listing.content.decode()
    assert client.get(profile.url, HTTP_HOST="school.test").status_code == 200


def test_without_a_default_locale_the_original_version_decides_who_is_current(english_project):
    """The one rule (wagtail_vertrouwen.locales): the version in the default locale decides,
    else the oldest version, the original the translations were made from. A person whose
    original is unpublished is not listed through a live translation; a person whose
    original is live is listed once, in the visitor's language where translated."""
    home = make_school(language="en")
    left = make_profile(home, "Piet Weg")
    stays = make_profile(left.get_parent(), "Noor Jansen")
    arabic = Locale.objects.create(language_code="ar")
    for original in (left, stays):
        translation = original.copy_for_translation(arabic, copy_parents=True)
        translation.save_revision().publish()
    left.unpublish()
    site = home.get_site()

    served = VertrouwenspersoonPage.objects.serving(site, language="ar")
    assert [(p.title, p.locale.language_code) for p in served] == [("Noor Jansen", "ar")]
    served = VertrouwenspersoonPage.objects.serving(site, language="nl")
    assert [(p.title, p.locale.language_code) for p in served] == [("Noor Jansen", "en")]


def test_with_a_default_locale_added_later_the_pages_original_still_decides(english_project):
    """LANGUAGE_CODE's Locale added by hand afterwards, with no version of the person in it:
    the original (`en`) keeps deciding, and is what a Dutch visitor sees."""
    home = make_school(language="en")
    left = make_profile(home, "Piet Weg")
    arabic = Locale.objects.create(language_code="ar")
    left.copy_for_translation(arabic, copy_parents=True).save_revision().publish()
    Locale.objects.create(language_code="nl")
    left.unpublish()
    assert VertrouwenspersoonPage.objects.serving(home.get_site(), language="ar") == []


def test_the_fallback_costs_no_extra_query(english_project, django_assert_num_queries):
    """serving() asks the same number of queries whether or not the default locale exists
    (measured: 7, as before the fallback: the site's root page and its translations included)."""
    home = make_school(language="en")
    make_profile(home, "Noor Jansen")

    def serve():
        site = Site.objects.get(hostname="school.test")
        with django_assert_num_queries(7):
            return VertrouwenspersoonPage.objects.serving(site, language="nl")

    assert [p.title for p in serve()] == ["Noor Jansen"]
    Locale.objects.create(language_code="nl")
    assert [p.title for p in serve()] == ["Noor Jansen"]


# Melding forms in any locale -------------------------------------------------------------------


def test_recipients_page_lists_and_designates_a_form_in_another_locale(
    english_project, language_settings, django_capture_on_commit_callbacks
):
    """No `nl` Locale, the form in `en`: the recipients page lists it, designating through
    the view works, and the form's page then takes a melding that reaches the recipient."""
    form = make_form(make_school(language="en"), title="Report something", slug="report")
    vp = make_vp("vp1")
    client = Client(raise_request_exception=False)
    client.force_login(admin())
    index = client.get(reverse("wagtail_vertrouwen_recipients:index"))
    assert index.status_code == 200
    assert [row["page"] for row in index.context["rows"]] == [form]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_vertrouwen_recipients:add", args=[form.pk]), {f"{form.pk}-user": vp.pk}
        )
    assert response.status_code == 302
    assert list(Designation.objects.current().values_list("user", flat=True)) == [vp.pk]
    assert form.recipients() == [vp]

    page = Client(raise_request_exception=False)
    shown = page.get(form.url, HTTP_HOST="school.test")
    assert shown.status_code == 200 and shown.context["available"]
    sent = send(page, form)
    assert sent.status_code == 200, sent.content.decode()[:2000]
    assert Melding.objects.get().form_id == form.pk


def test_translations_of_a_form_are_one_form_named_by_its_original(english_project):
    """Without a default locale, the oldest version names the form on the recipients page,
    and a designation made on either version covers both (they share a translation key)."""
    form = make_form(make_school(language="en"), title="Report something", slug="report")
    arabic = Locale.objects.create(language_code="ar")
    copy = form.copy_for_translation(arabic, copy_parents=True)
    copy.save_revision().publish()
    client = Client()
    client.force_login(admin())
    index = client.get(reverse("wagtail_vertrouwen_recipients:index"))
    assert [row["page"] for row in index.context["rows"]] == [form]
    vp = make_vp("vp1")
    client.post(
        reverse("wagtail_vertrouwen_recipients:add", args=[copy.pk]), {f"{copy.pk}-user": vp.pk}
    )
    assert MeldingFormPage.objects.get(pk=copy.pk).recipients() == [vp] == form.recipients()


# The channel's URLs not included --------------------------------------------------------------


def test_check_e002_fires_when_the_channel_urls_are_not_included(db, settings):
    assert "wagtail_vertrouwen_channel.E002" not in ids(run())
    settings.ROOT_URLCONF = WITHOUT_CHANNEL_URLS
    [problem] = [m for m in run() if m.id == "wagtail_vertrouwen_channel.E002"]
    assert isinstance(problem, Error)
    assert 'include("wagtail_vertrouwen.channel.urls")' in problem.hint


def test_the_melding_page_without_the_channel_urls_says_it_cannot_receive(form, recipient):
    with override_settings(ROOT_URLCONF=WITHOUT_CHANNEL_URLS):
        response = Client(raise_request_exception=False).get(form.url, HTTP_HOST="school.test")
        assert response.status_code == 200
        assert not response.context["available"]
        html = response.content.decode()
        assert '<form class="vw-form"' not in html
        assert "cannot receive meldingen" in html or "kan nog geen meldingen" in html


# The language check ---------------------------------------------------------------------------


def test_check_w001_fires_when_language_code_has_no_locale(english_project):
    [problem] = [m for m in run() if m.id == "wagtail_vertrouwen.W001"]
    assert isinstance(problem, CheckWarning)
    assert "'nl'" in problem.msg and "en" in problem.msg
    assert "Locale" in problem.hint


def test_check_w001_is_silent_when_language_code_has_a_locale(db):
    assert Locale.objects.filter(language_code="nl").exists()
    assert "wagtail_vertrouwen.W001" not in ids(run())


# Deploy checks --------------------------------------------------------------------------------


def deploy_ids():
    return ids(run(deploy=True))


def test_check_w002_fires_for_a_default_wagtail_start_project(db, settings):
    del settings.WAGTAIL_GRAVATAR_PROVIDER_URL  # `wagtail start` does not set it
    assert "wagtail_vertrouwen_channel.W002" in ids(run())
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None
    assert "wagtail_vertrouwen_channel.W002" not in ids(run())


@pytest.mark.parametrize(
    ("backend", "warned"),
    [
        ("django_tasks.backends.immediate.ImmediateBackend", True),
        ("django_tasks.backends.dummy.DummyBackend", True),
        ("django_tasks_db.DatabaseBackend", False),
    ],
)
def test_check_w004_the_task_backend_must_run_in_the_background(db, settings, backend, warned):
    settings.TASKS = {"default": {"BACKEND": backend}}
    assert ("wagtail_vertrouwen_channel.W004" in deploy_ids()) is warned
    assert "wagtail_vertrouwen_channel.W004" not in ids(run())  # only with --deploy


def test_check_w004_fires_without_tasks_setting(db, settings):
    del settings.TASKS  # django-tasks then runs everything at once, in the request
    assert "wagtail_vertrouwen_channel.W004" in deploy_ids()


@pytest.mark.parametrize(
    ("backend", "warned"),
    [
        ("django.core.cache.backends.locmem.LocMemCache", True),
        ("django.core.cache.backends.dummy.DummyCache", True),
        ("django.core.cache.backends.filebased.FileBasedCache", True),
        ("django.core.cache.backends.db.DatabaseCache", False),
        ("django.core.cache.backends.redis.RedisCache", False),
    ],
)
def test_check_w005_the_cache_must_be_shared(db, settings, tmp_path, backend, warned):
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": str(tmp_path)}}
    assert ("wagtail_vertrouwen_channel.W005" in deploy_ids()) is warned


def test_check_w006_attachments_must_not_live_in_served_media(db, settings, tmp_path):
    media = tmp_path / "media"
    settings.MEDIA_ROOT = str(media)
    filesystem = "django.core.files.storage.FileSystemStorage"
    settings.STORAGES = {
        "default": {"BACKEND": filesystem},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        "inside": {"BACKEND": filesystem, "OPTIONS": {"location": str(media / "private")}},
        "vertrouwen": {"BACKEND": filesystem, "OPTIONS": {"location": str(tmp_path / "private")}},
    }
    assert "wagtail_vertrouwen_channel.W006" in deploy_ids()  # "default": MEDIA_ROOT itself
    settings.WAGTAIL_VERTROUWEN_ATTACHMENT_STORAGE = "inside"
    assert "wagtail_vertrouwen_channel.W006" in deploy_ids()
    settings.WAGTAIL_VERTROUWEN_ATTACHMENT_STORAGE = "vertrouwen"
    assert "wagtail_vertrouwen_channel.W006" not in deploy_ids()


def test_check_w007_the_fast_kdf_is_for_tests_only(db, settings):
    settings.WAGTAIL_VERTROUWEN_KDF = "fast"
    assert "wagtail_vertrouwen_channel.W007" in deploy_ids()
    assert "wagtail_vertrouwen_channel.W007" not in ids(run())
    settings.WAGTAIL_VERTROUWEN_KDF = "default"
    assert "wagtail_vertrouwen_channel.W007" not in deploy_ids()


@pytest.mark.parametrize(
    ("timeout", "lease", "warned"),
    [
        (None, 900, True),
        (30, 900, False),
        (45, 900, False),
        (60, 900, True),  # ten socket operations of a minute each outlast the lease
        (30, 40, True),
        ("30", 900, True),  # a string from the environment: no crash, a warning
        (0, 900, True),
    ],
)
def test_check_w013_a_mail_server_must_not_outlast_the_task_lease(
    db, settings, timeout, lease, warned
):
    settings.EMAIL_TIMEOUT = timeout
    settings.WAGTAIL_VERTROUWEN_TASK_LEASE_SECONDS = lease
    assert ("wagtail_vertrouwen_channel.W013" in deploy_ids()) is warned
    assert "wagtail_vertrouwen_channel.W013" not in ids(run())  # only with --deploy


def test_production_like_settings_silence_the_deploy_checks(db, settings, tmp_path):
    """What docs/configuration.md recommends makes every deploy check of the package silent."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "c"}
    }
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "vertrouwen": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "vertrouwen")},
        },
    }
    settings.WAGTAIL_VERTROUWEN_ATTACHMENT_STORAGE = "vertrouwen"
    settings.WAGTAIL_VERTROUWEN_KDF = "default"
    settings.ADMINS = [("Webbureau", "alarm@bureau.test")]
    settings.AXES_ENABLED = True  # W011; the test settings switch django-axes off
    settings.EMAIL_TIMEOUT = 30  # W013
    ours = [i for i in deploy_ids() if i and i.startswith("wagtail_vertrouwen")]
    assert ours == []
    assert User.objects.count() == 0  # the checks wrote nothing
