"""Small builders for the core app's tests (profiles, route-finder, admin, API): a school site
with a route-finder homepage and a profiles index, the people a test needs, translations.

Schools and people are the demo's (example_site/demo.py: same names, hosts, contact details
and texts), so a test reads like the demo and screenshots look like it, but a test builds only
the schools, people and languages it looks at.
"""

from django.contrib.auth.models import User
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page, Site

from example_site import demo
from example_site.home.models import HomePage
from wagtail_vertrouwen.blocks.defaults import routewijzer_default
from wagtail_vertrouwen.models import VertrouwenspersonenIndexPage, VertrouwenspersoonPage

#: The demo's schools by key: De Regenboog answers on 127.0.0.1 (the default site), De
#: Vlinder on localhost.
SCHOOLS = {school["key"]: school for school in demo.SCHOOLS}

#: The demo's people by name: ``school`` is the school whose index holds the profile,
#: ``serves`` the schools served, texts are per language, ``colour`` means a portrait.
PEOPLE = {person["title"]: person for person in demo.PEOPLE}

#: Profile fields whose demo value is a text per language, and those that are not.
TRANSLATED = ("spreekuur", "location", "introduction")
SAME_IN_EVERY_LANGUAGE = ("phone", "email", "organisation", "term_ends")


def locale(language="nl") -> Locale:
    return Locale.objects.get_or_create(language_code=language)[0]


def make_home(key="regenboog", *, port=80, routewijzer=True) -> HomePage:
    """One of the demo's schools: a site whose homepage carries the default route-finder
    (unless ``routewijzer`` is false) and links to a profiles index,
    ``home.vertrouwenspersonen_page``. De Regenboog is the default site.

    Also works after a live-server test's flush has removed Wagtail's root page and locales.
    """
    school = SCHOOLS[key]
    nl = locale("nl")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root", locale=nl)
    home = HomePage(title=school["title"], slug=key, locale=nl, introduction=school["intro"]["nl"])
    root.add_child(instance=home)
    index = VertrouwenspersonenIndexPage(
        title=demo.INDEX["title"]["nl"],
        slug=demo.INDEX["slug"]["nl"],
        introduction=demo.INDEX["intro"]["nl"],
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    home.vertrouwenspersonen_page = index
    if routewijzer:
        home.body = [("routewijzer", routewijzer_default("nl"))]
    home.save_revision().publish()
    default_site = key == "regenboog"
    # Wagtail's own "welcome" site answers on localhost:80 and is the default: make room.
    taken = Site.objects.filter(hostname=school["hostname"], port=port)
    if default_site:
        taken |= Site.objects.filter(is_default_site=True)
    taken.delete()
    Site.objects.create(
        hostname=school["hostname"],
        port=port,
        root_page=home,
        site_name=school["title"],
        is_default_site=default_site,
    )
    home.refresh_from_db()
    return home


def make_regenboog(**options) -> HomePage:
    return make_home("regenboog", **options)


def make_vlinder(**options) -> HomePage:
    return make_home("vlinder", **options)


def make_image(title, colour=(0, 87, 122), description="") -> Image:
    """A 400x400 PNG portrait with the initials of ``title`` (the demo's), in Wagtail's image
    library."""
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    return Image.objects.create(
        title=title, file=demo._avatar(title, colour), description=description
    )


def make_person(home, name, *, schools=(), **overrides) -> VertrouwenspersoonPage:
    """A live profile of one of the demo's ``PEOPLE``, in Dutch, in ``home``'s profiles index.

    ``schools``: the sites served (none: only the school of ``home``). ``overrides`` replace
    the demo's fields. A person with a ``colour`` gets a portrait described as "Portret van
    <name>", as in the demo.
    """
    person = PEOPLE[name]
    fields = {
        "roles": list(person["roles"]),
        "languages": list(person["languages"]),
        **{
            key: person[key]
            for key in ("phone", "email", "organisation", "term_ends")
            if key in person
        },
        **{key: person[key]["nl"] for key in TRANSLATED if key in person},
    }
    if person.get("colour"):
        fields["photo"] = make_image(name, person["colour"], description=f"Portret van {name}")
    fields.update(overrides)
    index = home.specific.vertrouwenspersonen_page
    profile = VertrouwenspersoonPage(
        title=name, slug=name.lower().replace(" ", "-"), locale=index.locale, **fields
    )
    index.add_child(instance=profile)
    if schools:
        profile.schools.set(schools)
    profile.save_revision().publish()
    profile.refresh_from_db()
    return profile


def translate(page, language, **fields):
    """Translate ``page`` into ``language`` (its parents too, if not yet translated), with the
    demo's texts in that language for a homepage, index or profile, then ``fields``; publish.
    A homepage gets the route-finder in that language."""
    page = page.specific
    translation = page.get_translation_or_none(locale(language))
    if translation is None:
        translation = page.copy_for_translation(locale(language), copy_parents=True)
    translation = translation.specific
    texts = {}
    if isinstance(page, HomePage):
        texts["introduction"] = SCHOOLS[page.slug]["intro"][language]
        if page.body:
            texts["body"] = [("routewijzer", routewijzer_default(language))]
    elif isinstance(page, VertrouwenspersonenIndexPage):
        texts = {field: demo.INDEX[field][language] for field in ("title", "slug")}
        texts["introduction"] = demo.INDEX["intro"][language]
    elif isinstance(page, VertrouwenspersoonPage) and page.title in PEOPLE:
        person = PEOPLE[page.title]
        texts = {key: person.get(key, {}).get(language, "") for key in TRANSLATED}
    for name, value in {**texts, **fields}.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def translate_school(home, language, profiles=()):
    """``home`` with its route-finder, its profiles index and ``profiles`` in ``language``."""
    translated = translate(home, language)
    translate(home.specific.vertrouwenspersonen_page, language)
    for profile in profiles:
        translate(profile, language)
    return translated


def make_editor(*homes, username="redacteur") -> User:
    """The school's web editor: admin access, and may add, change and publish the pages of
    ``homes``, as in the demo."""
    editors = demo.editors_group(homes)
    user = User.objects.create_user(username, f"{username}@school.test", "x-editor-pw")
    user.groups.add(editors)
    return user


def make_board(*names, schools=("regenboog", "vlinder"), port=80):
    """The demo's board in small: the ``schools`` (De Regenboog the default site, on
    127.0.0.1; De Vlinder on localhost) and, of the demo's ``PEOPLE``, only ``names``, each in
    their own school's index and serving the schools the demo says, of those built. Returns a
    dict shaped like ``build_demo``'s: ``homes``, ``sites``, ``indexes``, ``profiles``."""
    homes = {key: make_home(key, port=port) for key in schools}
    sites = {key: home.get_site() for key, home in homes.items()}
    profiles = {}
    for name in names:
        person = PEOPLE[name]
        served = [sites[key] for key in person.get("serves", ()) if key in sites]
        profiles[name] = make_person(homes[person["school"]], name, schools=served)
    return {
        "homes": homes,
        "sites": sites,
        "indexes": {key: home.vertrouwenspersonen_page for key, home in homes.items()},
        "profiles": profiles,
    }


def make_school_form(home, languages=()):
    """The demo's melding form of ``home`` ("Melding maken", with the demo's texts), without
    recipients, translated into ``languages`` as in the demo."""
    from example_site.demo_channel import FORM
    from tests.factories import make_form

    def texts(language):
        return {
            "title": FORM["title"][language],
            "slug": FORM["slug"][language],
            "introduction": FORM["intro"][language],
            "thank_you_text": FORM["thanks"][language],
        }

    form = make_form(home, **texts("nl"))
    for language in languages:
        translate(form, language, **texts(language))
    return form


#: The six probleemgebieden as the Dutch editor and visitor see them, in the Leidraad's order.
AREA_TITLES = [
    "Schoolorganisatie",
    "Onderwijs en begeleiding",
    "Huiselijk geweld en kindermishandeling",
    "Persoonlijke problemen en thuissituatie",
    "Seksueel grensoverschrijdend gedrag",
    "Pesten, discriminatie en agressie",
]


def dicts_in(value):
    """Every dict in a JSON-shaped value (an API response, a stored StreamField), depth first
    in document order."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from dicts_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from dicts_in(item)
