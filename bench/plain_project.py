"""The plain Wagtail project of the HTTP bench, written into a directory of its own.

What a competent Wagtail developer would build for the same school pages without this
package: the settings of ``wagtail start`` (plus the API, PostgreSQL and persistent
connections, as the package's bench settings have them), one app ``school`` with

* ``RoutesPage``: a StreamField holding the route-finder's content with Wagtail's own blocks
  (heading, paragraph, and per area a ``StructBlock`` with title, explanation, examples, one
  ``ListBlock`` of step ``StructBlock``\\ s per audience and the other procedures; a step has
  ``condition``, ``role`` (a ``ChoiceBlock`` with the package's role choices), ``person``
  (``PageChooserBlock``), ``action``, ``next_when``), rendered by block templates and exposed
  as ``body`` in API v2;
* ``PeopleIndexPage`` listing its ``PersonPage`` children (name, role, phone, languages,
  organisation, schools, photo) with a ``fill-160x160`` rendition of each photo, queried with
  ``select_related("photo")`` and the renditions prefetched, as Wagtail's performance docs
  advise;
* ``FormPage``: Wagtail's form builder (``AbstractEmailForm``) with the melding form's
  questions, storing ``FormSubmission`` rows (listed 50 to a page, as the package's inbox
  lists meldingen) and rendering its mail to ``to_address`` (mail
  goes to Django's dummy backend, as the package's notification goes to a queue nobody
  works off during the bench);
* ``/bench/fixed/``: a constant ``HttpResponse`` through the same middleware.

Nothing of ``wagtail_vertrouwen`` is installed or imported. Django's default cache (local
memory, per process) is left as it is: no caching added. The only foreign file is a verbatim
copy of ``bench/querycount.py``.

``write(directory, content)`` writes it; the texts come from ``content.json`` written by
``bench/http_package.py`` (choices as Python literals in ``school/choices.py``, pages filled by
``manage.py load_bench``).
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent

MANAGE = """#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plainsite.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
"""

SETTINGS = '''"""A plain Wagtail project as ``wagtail start`` makes it, for the bench
(production-like: DEBUG off, PostgreSQL from DATABASE_URL with persistent connections)."""

import os
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = False
SECRET_KEY = "plain-bench-only-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

INSTALLED_APPS = [
    "school",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "plainsite.querycount.QueryCountMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "plainsite.urls"
WSGI_APPLICATION = "plainsite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("PLAIN_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Plain school"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILADMIN_BASE_URL = "http://127.0.0.1"
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
DEFAULT_FROM_EMAIL = "website@school.example"
'''

SETTINGS_CACHED = '''"""The same project with Django's per-site cache in Redis: an extra, stated
row of the bench (``--full-page-cache``), never the plain figures themselves."""

import os

from .settings import *  # noqa: F403
from .settings import MIDDLEWARE

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["PLAIN_REDIS_URL"],
    }
}
MIDDLEWARE = [
    MIDDLEWARE[0],  # the query counter stays outermost
    "django.middleware.cache.UpdateCacheMiddleware",
    *MIDDLEWARE[1:],
    "django.middleware.cache.FetchFromCacheMiddleware",
]
CACHE_MIDDLEWARE_SECONDS = 300
'''

URLS = """from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents import urls as wagtaildocs_urls

from school.views import fixed_response

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("bench/fixed/", fixed_response),
    path("", include(wagtail_urls)),
]
"""

WSGI = """import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plainsite.settings")
application = get_wsgi_application()
"""

VIEWS = """from django.http import HttpResponse

FIXED_BODY = b"fixed response of the bench\\n"


def fixed_response(request):
    return HttpResponse(FIXED_BODY, content_type="text/plain; charset=utf-8")
"""

APPS = """from django.apps import AppConfig


class SchoolConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "school"
"""

BLOCKS = """from wagtail import blocks

from .choices import AUDIENCES, ROUTE_ROLES

ROLE_LABELS = dict(ROUTE_ROLES)


class StepBlock(blocks.StructBlock):
    condition = blocks.TextBlock(required=False)
    role = blocks.ChoiceBlock(choices=ROUTE_ROLES, required=False)
    person = blocks.PageChooserBlock(page_type="school.PersonPage", required=False)
    action = blocks.TextBlock()
    next_when = blocks.TextBlock(required=False)

    class Meta:
        template = "school/blocks/step.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["role_label"] = ROLE_LABELS.get(value["role"], "")
        return context


class AreaBlock(blocks.StructBlock):
    title = blocks.CharBlock()
    explanation = blocks.TextBlock()
    examples = blocks.ListBlock(blocks.CharBlock())
    leerling = blocks.ListBlock(StepBlock())
    ouder = blocks.ListBlock(StepBlock())
    medewerker = blocks.ListBlock(StepBlock())
    other_routes = blocks.TextBlock(required=False)

    class Meta:
        template = "school/blocks/area.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["routes"] = [(label, value[key]) for key, label in AUDIENCES]
        return context
"""

MODELS = """import functools

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .blocks import AreaBlock
from .choices import PROFILE_ROLES


class RoutesPage(Page):
    body = StreamField(
        [
            ("heading", blocks.CharBlock(template="school/blocks/heading.html")),
            ("paragraph", blocks.TextBlock(template="school/blocks/paragraph.html")),
            ("area", AreaBlock()),
        ],
        blank=True,
    )

    content_panels = Page.content_panels + [FieldPanel("body")]
    api_fields = [APIField("body")]


class PeopleIndexPage(Page):
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["school.PersonPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["people"] = (
            PersonPage.objects.child_of(self)
            .live()
            .select_related("photo")
            .prefetch_related("photo__renditions")
        )
        return context


class PersonPage(Page):
    role = models.CharField(max_length=40, choices=PROFILE_ROLES)
    phone = models.CharField(max_length=40, blank=True)
    languages = models.CharField(max_length=200, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    schools = models.CharField(max_length=400, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = Page.content_panels + [
        FieldPanel("role"),
        FieldPanel("phone"),
        FieldPanel("languages"),
        FieldPanel("organisation"),
        FieldPanel("schools"),
        FieldPanel("photo"),
    ]
    parent_page_types = ["school.PeopleIndexPage"]


class FormField(AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")


@functools.cache
def fifty_per_page():
    from wagtail.contrib.forms.views import SubmissionsListView

    return type("FiftyPerPage", (SubmissionsListView,), {"paginate_by": 50})


class FormPage(AbstractEmailForm):
    intro = RichTextField(blank=True)
    thank_you_text = RichTextField(blank=True)

    def get_submissions_list_view_class(self):
        # As many rows to a page as the package's inbox (Wagtail's own default is 20); the
        # view is imported here, as Wagtail 8's views need the models loaded.
        return fifty_per_page()

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Form fields"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            "Email",
        ),
    ]
"""

TEMPLATES = {
    "plainsite/templates/base.html": """{% load static wagtailcore_tags wagtailuserbar %}
<!DOCTYPE html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <title>
    {% block title %}{{ page.seo_title|default:page.title }}{% endblock %} - Plain school
  </title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="{% static 'css/site.css' %}">
</head>
<body>
  {% wagtailuserbar %}
  <main>{% block content %}{% endblock %}</main>
</body>
</html>
""",
    "school/templates/school/routes_page.html": """{% extends "base.html" %}
{% load wagtailcore_tags %}
{% block content %}
<h1>{{ page.title }}</h1>
{% for block in page.body %}{% include_block block %}{% endfor %}
{% endblock %}
""",
    "school/templates/school/blocks/heading.html": "<h2>{{ value }}</h2>\n",
    "school/templates/school/blocks/paragraph.html": "<p>{{ value|linebreaksbr }}</p>\n",
    "school/templates/school/blocks/area.html": """{% load wagtailcore_tags %}
<section class="area">
  <h2>{{ value.title }}</h2>
  <p>{{ value.explanation }}</p>
  {% if value.examples %}
    <ul class="examples">
      {% for example in value.examples %}<li>{{ example }}</li>{% endfor %}
    </ul>
  {% endif %}
  {% for label, steps in routes %}
    <h3>{{ label }}</h3>
    <ol class="route">{% for step in steps %}{% include_block step %}{% endfor %}</ol>
  {% endfor %}
  {% if value.other_routes %}<p>{{ value.other_routes }}</p>{% endif %}
</section>
""",
    "school/templates/school/blocks/step.html": """{% load wagtailcore_tags %}<li>
  {% if value.condition %}<p class="condition">{{ value.condition }}</p>{% endif %}
  <p><strong>{% if value.person %}
    <a href="{% pageurl value.person %}">{{ value.person.title }}</a>
  {% else %}{{ role_label }}{% endif %}</strong>: {{ value.action }}</p>
  {% if value.next_when %}<p class="next">{{ value.next_when }}</p>{% endif %}
</li>
""",
    "school/templates/school/people_index_page.html": """{% extends "base.html" %}
{% load wagtailcore_tags wagtailimages_tags %}
{% block content %}
<h1>{{ page.title }}</h1>
{{ page.intro|richtext }}
<ul class="people">
  {% for person in people %}
    <li>
      {% if person.photo %}{% image person.photo fill-160x160 alt="" %}{% endif %}
      <h2><a href="{% pageurl person %}">{{ person.title }}</a></h2>
      <p>{{ person.get_role_display }}</p>
      {% if person.organisation %}<p>{{ person.organisation }}</p>{% endif %}
      {% if person.phone %}<p><a href="tel:{{ person.phone }}">{{ person.phone }}</a></p>{% endif %}
      {% if person.languages %}<p>Spreekt: {{ person.languages }}</p>{% endif %}
      {% if person.schools %}<p>{{ person.schools }}</p>{% endif %}
    </li>
  {% endfor %}
</ul>
{% endblock %}
""",
    "school/templates/school/person_page.html": """{% extends "base.html" %}
{% load wagtailimages_tags %}
{% block content %}
<h1>{{ page.title }}</h1>
{% if page.photo %}{% image page.photo fill-320x320 alt="" %}{% endif %}
<p>{{ page.get_role_display }}</p>
{% if page.phone %}<p>{{ page.phone }}</p>{% endif %}
{% endblock %}
""",
    "school/templates/school/form_page.html": """{% extends "base.html" %}
{% load wagtailcore_tags %}
{% block content %}
<h1>{{ page.title }}</h1>
{{ page.intro|richtext }}
<form action="{% pageurl page %}" method="POST">
  {% csrf_token %}
  {{ form.as_div }}
  <button type="submit">Versturen</button>
</form>
{% endblock %}
""",
    "school/templates/school/form_page_landing.html": """{% extends "base.html" %}
{% load wagtailcore_tags %}
{% block content %}
<h1>{{ page.title }}</h1>
{{ page.thank_you_text|richtext }}
{% endblock %}
""",
}

LOAD_BENCH = '''"""Fill the plain project from the package's content.json; write plain.json."""

import json
from pathlib import Path

from django.contrib.auth.models import User
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.test import Client
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.models import Page, Site

from school.models import FormField, FormPage, PeopleIndexPage, PersonPage, RoutesPage


def publish(page):
    page.save_revision().publish()
    return page


class Command(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("content")
        parser.add_argument("out")

    def handle(self, content, out, **options):
        content = json.loads(Path(content).read_text())
        site = Site.objects.get(is_default_site=True)
        home = site.root_page

        raw = content["routewijzer"]
        body = [
            {"type": "heading", "value": raw["heading"]},
            {"type": "paragraph", "value": raw["intro"]},
            *[{"type": "area", "value": area["value"], "id": area["id"]} for area in raw["areas"]],
        ]
        routes = home.add_child(
            instance=RoutesPage(title="Route-finder", slug="routes", body=json.dumps(body))
        )
        publish(routes)

        index = home.add_child(instance=PeopleIndexPage(title="Vertrouwenspersonen", slug="people"))
        publish(index)
        for person in content["people"]:
            photo = None
            if person["photo"]:
                with open(person["photo"], "rb") as stream:
                    photo = Image.objects.create(
                        title=person["photo_title"],
                        file=ImageFile(stream, name=Path(person["photo"]).name),
                    )
            page = index.add_child(
                instance=PersonPage(
                    title=person["name"],
                    role=person["role"],
                    phone=person["phone"],
                    languages=person["languages"],
                    organisation=person["organisation"],
                    schools=person["schools"],
                    photo=photo,
                )
            )
            publish(page)

        form = home.add_child(
            instance=FormPage(
                title="Melding maken",
                slug="melding",
                to_address="vertrouwenspersoon@school.example",
                from_address="website@school.example",
                subject="Nieuwe melding",
                thank_you_text="<p>Dank je wel dat je het vertelt.</p>",
            )
        )
        answers = content["answers"]
        post = {}
        for number, question in enumerate(content["questions"]):
            labels = dict(question["choices"])
            default = ""
            if question["name"] == "contact":
                default = labels.get("geen", "")
            field = FormField.objects.create(
                page=form,
                sort_order=number,
                label=question["label"],
                help_text=question["help_text"],
                field_type=question["type"],
                required=question["required"],
                choices="\\n".join(labels.values()),
                default_value=default,
            )
            value = answers.get(question["name"], "")
            post[field.clean_name] = labels.get(value, value) if labels else value
        publish(form)

        Site.clear_site_root_paths_cache()
        manifest = {
            "routes": routes.url,
            "api": f"/api/v2/pages/{routes.pk}/",
            "index": index.url,
            "people_on_index": PersonPage.objects.child_of(index).live().count(),
            "form": form.url,
            "form_page_id": form.pk,
            "form_post": post,
            "submissions": reverse("wagtailforms:list_submissions", args=[form.pk]),
            "fixed": "/bench/fixed/",
        }
        admin = User.objects.create_superuser("admin", "admin@school.example", None)
        client = Client()
        client.force_login(admin)
        assert client.get(manifest["submissions"]).status_code == 200
        manifest["admin_cookie"] = "; ".join(
            f"{name}={morsel.value}" for name, morsel in client.cookies.items()
        )
        Path(out).write_text(json.dumps(manifest, indent=1))
        self.stdout.write(json.dumps(manifest))
'''

SUBMISSIONS = '''"""Bring the form page to --total submissions, in bulk (the plain inbox)."""

import json
import time
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from school.models import FormPage


class Command(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("--total", type=int, required=True)

    def handle(self, total, **options):
        form = FormPage.objects.get()
        fields = form.form_fields.all()
        data = {field.clean_name: f"antwoord {field.clean_name}" for field in fields}
        started = time.monotonic()
        have = FormSubmission.objects.filter(page=form).count()
        now = timezone.now()
        rows = [
            FormSubmission(page=form, form_data=data, submit_time=now - timedelta(minutes=n))
            for n in range(max(0, total - have))
        ]
        FormSubmission.objects.bulk_create(rows, batch_size=2000)
        self.stdout.write(
            json.dumps(
                {
                    "created": len(rows),
                    "total": FormSubmission.objects.filter(page=form).count(),
                    "seconds": round(time.monotonic() - started, 2),
                }
            )
        )
'''


def _choices_module(content) -> str:
    audiences = [[key, label] for key, label in content["audiences"]]
    return (
        '"""Choices of the school\'s pages (the same as the package\'s)."""\n\n'
        f"ROUTE_ROLES = {content['route_roles']!r}\n"
        f"PROFILE_ROLES = {content['profile_roles']!r}\n"
        f"AUDIENCES = {audiences!r}\n"
    )


def write(directory: Path, content: dict) -> Path:
    """Write the project into ``directory`` (created); returns it."""
    files = {
        "manage.py": MANAGE,
        "plainsite/__init__.py": "",
        "plainsite/settings.py": SETTINGS,
        "plainsite/settings_cached.py": SETTINGS_CACHED,
        "plainsite/urls.py": URLS,
        "plainsite/wsgi.py": WSGI,
        "plainsite/querycount.py": (HERE / "querycount.py").read_text(),
        "plainsite/static/css/site.css": "body { font-family: sans-serif; }\n",
        "school/__init__.py": "",
        "school/apps.py": APPS,
        "school/choices.py": _choices_module(content),
        "school/blocks.py": BLOCKS,
        "school/models.py": MODELS,
        "school/views.py": VIEWS,
        "school/migrations/__init__.py": "",
        "school/management/__init__.py": "",
        "school/management/commands/__init__.py": "",
        "school/management/commands/load_bench.py": LOAD_BENCH,
        "school/management/commands/submissions.py": SUBMISSIONS,
        **TEMPLATES,
    }
    for name, text in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return directory
