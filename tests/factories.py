"""Small builders for the channel's tests: only what a test needs, not the whole demo."""

from django.contrib.auth.models import Group, Permission, User
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Locale, Page, Site

from example_site.demo_channel import VP_PASSPHRASE, VP_PASSWORD
from wagtail_vertrouwen.channel import crypto
from wagtail_vertrouwen.channel.models import MeldingFormPage, RecipientKey
from wagtail_vertrouwen.channel.services import designate

HOSTNAME = "school.test"


def vp_group() -> Group:
    group, created = Group.objects.get_or_create(name="Vertrouwenspersonen")
    if created:
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    return group


def admin() -> User:
    user = User.objects.filter(username="beheerder").first()
    return user or User.objects.create_superuser("beheerder", "beheer@school.test", "x-admin-pw")


def make_vp(
    username,
    form=None,
    password=VP_PASSWORD,
    *,
    passphrase=VP_PASSPHRASE,
    key=True,
    totp=True,
    **fields,
):
    """An active vertrouwenspersoon with admin access, TOTP and a key; designated to ``form``.
    ``password`` is the login password, ``passphrase`` the key passphrase (distinct by default,
    as the inbox requires). ``user.recovery_code`` holds the key's recovery code."""
    fields.setdefault("email", f"{username}@school.test")
    user = User.objects.create_user(username, password=password, **fields)
    user.groups.add(vp_group())
    if totp:
        TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    if key:
        keys = crypto.generate_recipient_keys(passphrase, crypto.FAST_KDF)
        RecipientKey.objects.create(
            user=user,
            public_key=keys.public_key,
            wrapped_by_secret=keys.wrapped_by_secret,
            wrapped_by_recovery_code=keys.wrapped_by_recovery_code,
        )
        user.recovery_code = keys.recovery_code
    if form is not None:
        designate.designate(form, user, admin())
    return user


def make_school(hostname=HOSTNAME, title="OBS Test", *, language="nl", page_class=Page):
    """A site with a home page (a ``page_class``, in the Locale of ``language``); returns the
    home page."""
    locale = Locale.objects.get_or_create(language_code=language)[0]
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root", locale=locale)
    home = page_class(title=title, slug=hostname.replace(".", "-"), locale=locale)
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.create(hostname=hostname, port=80, root_page=home, site_name=title)
    return home


def make_form(home=None, **fields) -> MeldingFormPage:
    """A live, public melding form under ``home`` (a new school when omitted)."""
    home = home or make_school()
    fields.setdefault("title", "Melding maken")
    fields.setdefault("slug", "melding-maken")
    page = MeldingFormPage(**fields)
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_profile(parent, title="Noor Jansen", *, roles=("interne_vertrouwenspersoon",), **fields):
    """A live vertrouwenspersoon profile under a new index page below ``parent`` (or under
    ``parent`` itself when it is an index), in ``parent``'s locale."""
    from wagtail_vertrouwen.models import VertrouwenspersonenIndexPage, VertrouwenspersoonPage

    index = parent.specific
    if not isinstance(index, VertrouwenspersonenIndexPage):
        index = VertrouwenspersonenIndexPage(
            title="Vertrouwenspersonen", slug="vertrouwenspersonen"
        )
        parent.add_child(instance=index)
        index.save_revision().publish()
    profile = VertrouwenspersoonPage(
        title=title,
        slug=fields.pop("slug", title.lower().replace(" ", "-")),
        roles=list(roles),
        **fields,
    )
    index.add_child(instance=profile)
    profile.save_revision().publish()
    profile.refresh_from_db()
    return profile
