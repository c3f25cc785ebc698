"""Demo content: a school board with two schools, their vertrouwenspersonen and route-finders.

``build_demo()`` is used by ``manage.py load_demo`` and by the test suite, so the demo and
the tests look at the same content.
"""

from __future__ import annotations

import copy
import io
import re
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import Group, Permission, User
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image
from wagtail.models import Collection, GroupPagePermission, Locale, Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize.models import (
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue

from wagtail_vertrouwen.choices import SHIPPED_LANGUAGES
from wagtail_vertrouwen.models import VertrouwenspersonenIndexPage, VertrouwenspersoonPage

from .home.models import HomePage


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    description: str
    superuser: bool = False


#: Published in the README. They log in only under the demo settings (example_site.auth).
DEMO_USERS = (
    DemoUser("redacteur", "demo-redacteur", "web editor of both schools"),
    DemoUser("beheerder", "demo-beheerder", "superuser", superuser=True),
)

#: The languages the demo translates every page into: every language the package ships
#: (Dutch is the original); each demo text below has them all.
TRANSLATED = tuple(code for code in SHIPPED_LANGUAGES if code != "nl")

SCHOOLS = (
    {
        "key": "regenboog",
        "title": "OBS De Regenboog",
        "hostname": "127.0.0.1",
        "intro": {
            "nl": "<p>Welkom bij openbare basisschool De Regenboog in Druten.</p>",
            "en": "<p>Welcome to De Regenboog, a public primary school in Druten.</p>",
            "ar": "<p>مرحبًا بكم في De Regenboog، مدرسة ابتدائية عامة في Druten.</p>",
            "tr": "<p>Druten'deki devlet ilkokulu De Regenboog'a hoş geldiniz.</p>",
            "pl": "<p>Witamy w De Regenboog, publicznej szkole podstawowej w Druten.</p>",
            "uk": "<p>Ласкаво просимо до De Regenboog, державної початкової школи в Druten.</p>",
        },
    },
    {
        "key": "vlinder",
        "title": "CBS De Vlinder",
        "hostname": "localhost",
        "intro": {
            "nl": "<p>Welkom bij christelijke basisschool De Vlinder in Beneden-Leeuwen.</p>",
            "en": "<p>Welcome to De Vlinder, a Christian primary school in Beneden-Leeuwen.</p>",
            "ar": "<p>مرحبًا بكم في De Vlinder، مدرسة ابتدائية مسيحية في Beneden-Leeuwen.</p>",
            "tr": "<p>Beneden-Leeuwen'deki Hristiyan ilkokulu De Vlinder'e hoş geldiniz.</p>",
            "pl": "<p>Witamy w De Vlinder, chrześcijańskiej szkole podstawowej w "
            "Beneden-Leeuwen.</p>",
            "uk": "<p>Ласкаво просимо до De Vlinder, християнської початкової школи в "
            "Beneden-Leeuwen.</p>",
        },
    },
)

INDEX = {
    "title": {
        "nl": "Vertrouwenspersonen",
        "en": "Confidential advisers",
        "ar": "أشخاص الثقة",
        "tr": "Güven danışmanları",
        "pl": "Osoby zaufania",
        "uk": "Довірені особи",
    },
    "slug": {
        "nl": "vertrouwenspersonen",
        "en": "confidential-advisers",
        "ar": "vertrouwenspersonen",
        "tr": "guven-danismanlari",
        "pl": "osoby-zaufania",
        "uk": "vertrouwenspersonen",
    },
    "intro": {
        "nl": "<p>Met wie kun je praten als er iets is? Hier staan de contactpersonen en "
        "vertrouwenspersonen van onze school.</p>",
        "en": "<p>Who can you talk to when something is wrong? These are the contact persons "
        "and confidential advisers of our school.</p>",
        "ar": "<p>مع من يمكنك أن تتكلم عندما يكون هناك أمر يزعجك؟ هنا تجد أشخاص الاتصال "
        "وأشخاص الثقة في مدرستنا.</p>",
        "tr": "<p>Bir sorun olduğunda kiminle konuşabilirsin? Okulumuzun irtibat kişileri ve "
        "güven danışmanları burada.</p>",
        "pl": "<p>Z kim możesz porozmawiać, gdy coś się dzieje? Tutaj są osoby kontaktowe i "
        "osoby zaufania naszej szkoły.</p>",
        "uk": "<p>З ким можна поговорити, коли щось не так? Тут є контактні особи та довірені "
        "особи нашої школи.</p>",
    },
}

PEOPLE = (
    {
        "school": "regenboog",
        "title": "Fatima El Amrani",
        "roles": ["interne_vertrouwenspersoon", "aanspreekpunt_pesten"],
        "languages": ["nl", "ar", "en"],
        "phone": "0487-123456",
        "email": "f.elamrani@regenboog.example",
        "spreekuur": {
            "nl": "dinsdag en donderdag 12.00-13.00 uur",
            "en": "Tuesdays and Thursdays 12.00-13.00",
            "ar": "الثلاثاء والخميس 12.00-13.00",
            "tr": "salı ve perşembe 12.00-13.00",
            "pl": "wtorki i czwartki 12.00-13.00",
            "uk": "вівторок і четвер 12.00-13.00",
        },
        "location": {
            "nl": "kamer 1.12, naast de teamkamer",
            "en": "room 1.12, next to the staff room",
            "ar": "الغرفة 1.12، بجانب غرفة المعلمين",
            "tr": "1.12 numaralı oda, öğretmenler odasının yanında",
            "pl": "sala 1.12, obok pokoju nauczycielskiego",
            "uk": "кімната 1.12, поруч з учительською",
        },
        "introduction": {
            "nl": "<p>Ik ben groepsleerkracht van groep 6 en interne vertrouwenspersoon. Je "
            "kunt bij mij terecht als je ergens mee zit, ook als het over pesten gaat.</p>",
            "en": "<p>I teach group 6 (pupils of about 9 and 10) and I am the internal "
            "confidential adviser. Come to me when something is bothering you, bullying "
            "too.</p>",
            "ar": (
                "<p>أنا معلمة groep 6 (تلاميذ بعمر 9 و10 سنوات تقريبًا)، وأنا شخص الثقة في "
                "المدرسة. تعال إليّ عندما يزعجك شيء، والتنمر أيضًا.</p>"
            ),
            "tr": "<p>Groep 6'nın (yaklaşık 9-10 yaşındaki öğrenciler) öğretmeniyim ve okulun "
            "güven danışmanıyım. Seni üzen bir şey olursa, zorbalık da olsa, bana gel.</p>",
            "pl": "<p>Uczę w groep 6 (dzieci w wieku około 9–10 lat) i jestem wewnętrzną osobą "
            "zaufania. Przyjdź do mnie, gdy coś cię martwi, także gdy chodzi o nękanie.</p>",
            "uk": "<p>Я вчителька groep 6 (діти приблизно 9–10 років) і внутрішня довірена "
            "особа. Приходь до мене, коли тебе щось турбує, зокрема булінг.</p>",
        },
        "colour": (0, 87, 122),
    },
    {
        "school": "regenboog",
        "title": "Joost de Vries",
        "roles": ["interne_contactpersoon"],
        "languages": ["nl", "en"],
        "email": "j.devries@regenboog.example",
        "introduction": {
            "nl": "<p>Ik vertel je hoe de klachtenregeling werkt en bij wie je terechtkunt.</p>",
            "en": "<p>I explain how the complaints procedure works and whom to turn to.</p>",
            "ar": "<p>أشرح لك كيف تُقدَّم الشكوى وإلى من تتوجه.</p>",
            "tr": "<p>Şikâyet yönetmeliğinin nasıl işlediğini ve kime gidebileceğini "
            "anlatırım.</p>",
            "pl": "<p>Wyjaśniam, jak działa procedura skargowa i do kogo możesz się zwrócić.</p>",
            "uk": "<p>Я пояснюю, як працює порядок подання скарг і до кого можна звернутися.</p>",
        },
        "colour": (122, 62, 0),
    },
    {
        "school": "regenboog",
        "title": "Marieke Jansen",
        "roles": ["aandachtsfunctionaris", "intern_begeleider"],
        "languages": ["nl"],
        "phone": "0487-123457",
        "introduction": {
            "nl": "<p>Als intern begeleider en aandachtsfunctionaris zorg ik dat kinderen de "
            "hulp krijgen die ze nodig hebben.</p>",
            "en": "<p>As pupil support coordinator and child protection officer I make sure "
            "children get the help they need.</p>",
            "ar": (
                "<p>أنا منسقة دعم التلاميذ ومسؤولة حماية الطفل. أتأكد من أن الأطفال يحصلون على "
                "المساعدة التي يحتاجونها.</p>"
            ),
            "tr": "<p>Öğrenci destek koordinatörü ve çocuk koruma sorumlusu olarak çocukların "
            "ihtiyaç duydukları yardımı almasını sağlarım.</p>",
            "pl": "<p>Jako koordynatorka wsparcia uczniów i osoba ds. ochrony dzieci dbam o to, "
            "by dzieci dostały potrzebną pomoc.</p>",
            "uk": "<p>Як координаторка підтримки учнів і відповідальна за захист дітей я "
            "дбаю, щоб діти отримували потрібну допомогу.</p>",
        },
        "colour": (70, 90, 30),
    },
    {
        "school": "regenboog",
        "title": "Hanneke Bosman",
        "roles": ["externe_vertrouwenspersoon"],
        "languages": ["nl", "de", "en"],
        "phone": "06-12345678",
        "email": "hanneke.bosman@vertrouwenswerk.example",
        "organisation": "Vertrouwenswerk Rivierenland (demo)",
        "serves": ["regenboog", "vlinder"],
        "term_ends": date(2029, 7, 31),
        "introduction": {
            "nl": "<p>Ik ben de onafhankelijke externe vertrouwenspersoon van alle scholen van "
            "de stichting. Ik luister, geef advies en help bij een klacht.</p>",
            "en": "<p>I am the independent external confidential adviser for all schools of "
            "the board. I listen, advise and help with a complaint.</p>",
            "ar": (
                "<p>أنا شخص الثقة الخارجي المستقل لكل مدارس المؤسسة. أستمع إليك وأنصحك وأساعدك "
                "في تقديم الشكوى.</p>"
            ),
            "tr": "<p>Vakfın tüm okulları için bağımsız, okul dışı güven danışmanıyım. Dinlerim, "
            "tavsiye veririm ve şikâyette yardım ederim.</p>",
            "pl": "<p>Jestem niezależną zewnętrzną osobą zaufania wszystkich szkół fundacji. "
            "Słucham, doradzam i pomagam przy skardze.</p>",
            "uk": "<p>Я незалежна зовнішня довірена особа всіх шкіл фонду. Я слухаю, раджу і "
            "допомагаю зі скаргою.</p>",
        },
        "colour": (90, 40, 110),
    },
    {
        "school": "vlinder",
        "title": "Yusuf Demir",
        "roles": ["interne_vertrouwenspersoon"],
        "languages": ["nl", "tr"],
        "phone": "0487-654321",
        "email": "y.demir@vlinder.example",
        "spreekuur": {
            "nl": "maandag 8.15-8.45 uur",
            "en": "Mondays 8.15-8.45",
            "ar": "الاثنين 8.15-8.45",
            "tr": "pazartesi 8.15-8.45",
            "pl": "poniedziałki 8.15-8.45",
            "uk": "понеділок 8.15-8.45",
        },
        "introduction": {
            "nl": "<p>Ik ben leerkracht van groep 8 en interne vertrouwenspersoon.</p>",
            "en": "<p>I teach group 8 (pupils of about 11 and 12) and I am the internal "
            "confidential adviser.</p>",
            "ar": "<p>أنا معلم groep 8 (تلاميذ بعمر 11 و12 سنة تقريبًا)، وأنا شخص الثقة في "
            "المدرسة.</p>",
            "tr": "<p>Groep 8'in (yaklaşık 11-12 yaşındaki öğrenciler) öğretmeniyim ve okulun "
            "güven danışmanıyım.</p>",
            "pl": "<p>Uczę w groep 8 (dzieci w wieku około 11–12 lat) i jestem wewnętrzną "
            "osobą zaufania.</p>",
            "uk": "<p>Я вчитель groep 8 (діти приблизно 11–12 років) і внутрішня довірена "
            "особа.</p>",
        },
        "colour": (0, 100, 70),
    },
    {
        "school": "vlinder",
        "title": "Anna Kowalska",
        "roles": ["interne_contactpersoon", "aanspreekpunt_pesten"],
        "languages": ["nl", "pl", "uk"],
        "email": "a.kowalska@vlinder.example",
        "introduction": {
            "nl": "<p>Ik ben contactpersoon en aanspreekpunt pesten.</p>",
            "en": "<p>I am the contact person and the anti-bullying contact.</p>",
            "ar": "<p>أنا شخص الاتصال في المدرسة، وإليّ تتوجه إذا كان هناك تنمر.</p>",
            "tr": "<p>Okulun irtibat kişisiyim; zorbalık olduğunda da bana gelebilirsin.</p>",
            "pl": "<p>Jestem osobą kontaktową i osobą kontaktową ds. nękania.</p>",
            "uk": "<p>Я контактна особа школи і контактна особа з питань булінгу.</p>",
        },
        "colour": (150, 30, 60),
    },
    {
        # Deliberately without photo or contact details: the page must still read well.
        "school": "vlinder",
        "title": "Piet Smit",
        "roles": ["intern_begeleider"],
        "languages": [],
    },
)


def _avatar(name, colour):
    initials = "".join(part[0] for part in name.split() if part[0].isupper())[:2]
    image = PILImage.new("RGB", (400, 400), colour)
    draw = ImageDraw.Draw(image)
    draw.ellipse((60, 60, 340, 340), outline=(255, 255, 255), width=12)
    draw.text((200, 200), initials, fill=(255, 255, 255), anchor="mm", font_size=120)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ImageFile(buffer, name=f"{name.lower().replace(' ', '-')}.png")


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _translate(page, locale, **fields):
    """Translate ``page`` into ``locale`` through wagtail-localize and publish the translation.

    This is what "Vertaal deze pagina" (Translate this page) in the admin does: a
    ``TranslationSource`` of the page and a ``Translation`` per locale, so that editors get
    "Synchroniseer vertaalde pagina's" (Sync translated pages) afterwards. The demo's own texts
    in ``fields`` are saved as the translated strings of the source's segments, as a translator
    would enter them in the translation editor; synchronised fields (phone, email, languages
    spoken, ...) are copied from the Dutch page and stay in step with it on every sync.
    """
    page = page.specific
    source, _created = TranslationSource.update_or_create_from_instance(page)
    _save_string_translations(source, page, locale, fields)
    translation, _created = Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    # Saved as a draft, then published here: with publish=True wagtail-localize publishes
    # only when the outer transaction commits, which never happens inside a test.
    translation.save_target(publish=False)
    translated = source.get_translated_instance(locale).specific
    translated.get_latest_revision().publish()
    translated.refresh_from_db()
    return translated


def _save_string_translations(source, page, locale, fields):
    """Store ``fields`` (the demo's texts in ``locale``) as translations of the source's strings.

    The texts are put on an unsaved copy of the source ``page`` and its segments are extracted
    the same way wagtail-localize extracts the source's; both lists then match one to one, by
    position and by path (stream block ids aside, which differ between the two copies).
    """
    shadow = copy.copy(page)
    for name, value in fields.items():
        setattr(shadow, name, value)
    targets = [s for s in extract_segments(shadow) if isinstance(s, StringSegmentValue)]
    originals = list(source.stringsegment_set.select_related("string", "context").order_by("order"))
    if len(targets) != len(originals):
        raise ValueError(
            f"{source.object_repr}: {len(targets)} translated strings for "
            f"{len(originals)} source strings in {locale.language_code}"
        )
    translations = {}
    for original, target in zip(originals, targets, strict=True):
        if _UUID.sub("*", original.context.path) != _UUID.sub("*", target.path):
            raise ValueError(
                f"{source.object_repr}: {target.path} does not match {original.context.path}"
            )
        translations[(original.string_id, original.context_id)] = StringTranslation(
            translation_of_id=original.string_id,
            context_id=original.context_id,
            locale=locale,
            data=target.string.data,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        )
    StringTranslation.objects.filter(locale=locale, context__object_id=source.object_id).delete()
    StringTranslation.objects.bulk_create(translations.values())


#: Where a formal complaint goes, as the demo's editor filled it in (the same in every
#: language). The board is made up; the national complaints committee is real.
FORMAL_COMPLAINT = {
    "bevoegd_gezag": {
        "name": "Stichting Voorbeeldscholen Maas en Waal (demo)",
        "address": "Postbus 100\n6650 AA Druten",
        "phone": "0487-100100",
        "email": "bestuur@voorbeeldscholen.example",
        "website": "https://voorbeeldscholen.example",
    },
    "klachtencommissie": {
        "name": "Landelijke Klachtencommissie Onderwijs (LKC)",
        "website": "https://www.onderwijsgeschillen.nl",
    },
}

#: The block type of the demo's route-finders: both schools are primary schools.
ROUTEWIJZER_TYPE = "routewijzer_basisonderwijs"


def _routewijzer(language):
    """A homepage body with the default route-finder for a primary school in ``language``,
    with the board's and the complaints committee's details, as the admin stores it: every
    block with its id (wagtail-localize finds the translations by them)."""
    field = HomePage._meta.get_field("body")
    block = field.stream_block.child_blocks[ROUTEWIJZER_TYPE]
    raw = block.get_prep_value(block.default_value(language))
    raw["formal_complaint"] = FORMAL_COMPLAINT
    value = field.to_python([(ROUTEWIJZER_TYPE, block.to_python(raw))])
    return field.to_python(field.get_prep_value(value))


def editors_group(homes):
    """The group "Editors": the admin, images, translations, and adding, changing and
    publishing pages under each of ``homes``."""
    editors, _created = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        # "Vertaal deze pagina" and "Synchroniseer vertaalde pagina's" (wagtail-localize).
        _localize_permission(),
        *Permission.objects.filter(
            content_type__app_label="wagtailimages",
            codename__in=["add_image", "change_image", "choose_image"],
        ),
    )
    for home in homes:
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.get_or_create(
                group=editors,
                page=home,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    return editors


def _localize_permission():
    """wagtail-localize's "submit_translation", which only its migration creates: a flush
    (after each live-server test) removes it, and a rebuilt demo must bring it back."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail_localize.models import Translation

    permission, _created = Permission.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(Translation),
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    return permission


def _publish(page):
    page.save_revision().publish()
    return page


@transaction.atomic
def build_demo(port=8000):
    """Create the demo content from scratch. Returns a dict of the main objects."""
    # Every save would update Wagtail's reference index ("Usage" in the admin) at once; the
    # demo saves each page several times, so it builds the index once, at the end.
    with disable_reference_index_auto_update():
        demo = _build_demo(port)
    call_command("rebuild_references_index", verbosity=0)
    return demo


def _build_demo(port):
    nl = Locale.objects.get_or_create(language_code="nl")[0]
    for language in TRANSLATED:
        Locale.objects.get_or_create(language_code=language)

    Site.objects.all().delete()
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root", locale=nl)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    for child in root.get_children():
        child.delete()

    sites, homes, indexes = {}, {}, {}
    for number, school in enumerate(SCHOOLS):
        home = HomePage(
            title=school["title"],
            slug=school["key"],
            locale=nl,
            introduction=school["intro"]["nl"],
        )
        root.add_child(instance=home)
        index = VertrouwenspersonenIndexPage(
            title=INDEX["title"]["nl"], slug=INDEX["slug"]["nl"], introduction=INDEX["intro"]["nl"]
        )
        home.add_child(instance=index)
        _publish(index)
        home.vertrouwenspersonen_page = index
        home.body = _routewijzer("nl")
        _publish(home)
        sites[school["key"]] = Site.objects.create(
            hostname=school["hostname"],
            port=port,
            root_page=home,
            site_name=school["title"],
            is_default_site=number == 0,
        )
        homes[school["key"]], indexes[school["key"]] = home, index

    # Photos of an earlier run of the demo would otherwise pile up in the image library.
    Image.objects.filter(title__in=[person["title"] for person in PEOPLE]).delete()
    profiles = {}
    for person in PEOPLE:
        photo = None
        if person.get("colour"):
            photo = Image.objects.create(
                title=person["title"],
                file=_avatar(person["title"], person["colour"]),
                description=f"Portret van {person['title']}",
            )
        profile = VertrouwenspersoonPage(
            title=person["title"],
            roles=person["roles"],
            languages=person["languages"],
            phone=person.get("phone", ""),
            email=person.get("email", ""),
            organisation=person.get("organisation", ""),
            term_ends=person.get("term_ends"),
            spreekuur=person.get("spreekuur", {}).get("nl", ""),
            location=person.get("location", {}).get("nl", ""),
            introduction=person.get("introduction", {}).get("nl", ""),
            photo=photo,
        )
        indexes[person["school"]].add_child(instance=profile)
        profile.schools.set([sites[key] for key in person.get("serves", [])])
        _publish(profile)
        profiles[person["title"]] = profile

    # Translations of everything, made with wagtail-localize as an editor makes them with
    # "Vertaal deze pagina" (Translate this page); see _translate().
    for language in TRANSLATED:
        locale = Locale.objects.get(language_code=language)
        for school in SCHOOLS:
            key = school["key"]
            _translate(
                homes[key],
                locale,
                slug=f"{key}-{language}",
                introduction=school["intro"][language],
                body=_routewijzer(language),
            )
            _translate(
                indexes[key],
                locale,
                title=INDEX["title"][language],
                slug=INDEX["slug"][language],
                introduction=INDEX["intro"][language],
            )
        for person in PEOPLE:
            _translate(
                profiles[person["title"]],
                locale,
                **{
                    field: person.get(field, {}).get(language, "")
                    for field in ("spreekuur", "location", "introduction")
                },
            )

    # The school's web editor edits and publishes the pages of both schools.
    editors = editors_group(homes.values())
    for demo_user in DEMO_USERS:
        user, _created = User.objects.get_or_create(username=demo_user.username)
        user.set_password(demo_user.password)
        user.is_superuser = user.is_staff = demo_user.superuser
        user.email = f"{demo_user.username}@demo.example"
        user.save()
        if not demo_user.superuser:
            user.groups.add(editors)

    from .demo_channel import build_channel

    channel = build_channel(
        homes, _translate, _publish, actor=User.objects.get(username="beheerder")
    )
    return {
        "sites": sites,
        "homes": homes,
        "indexes": indexes,
        "profiles": profiles,
        "channel": channel,
    }
