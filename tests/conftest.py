import pytest
from django.utils import translation


@pytest.fixture
def demo(db):
    """The demo content of the example site (two schools, their people, three locales).

    Regenboog answers on host 127.0.0.1 (the default site), Vlinder on host localhost.
    """
    from example_site.demo import build_demo

    return build_demo(port=80)


@pytest.fixture
def regenboog(demo):
    return demo["sites"]["regenboog"]


@pytest.fixture
def vlinder(demo):
    return demo["sites"]["vlinder"]


@pytest.fixture
def editor(demo):
    from django.contrib.auth.models import User

    return User.objects.get(username="redacteur")


@pytest.fixture
def superuser(demo):
    from django.contrib.auth.models import User

    return User.objects.get(username="beheerder")


@pytest.fixture(autouse=True)
def _dutch_by_default():
    """Every test starts in Dutch, the site's default language."""
    with translation.override("nl"):
        yield


# The confidential channel -----------------------------------------------------------------


@pytest.fixture
def vp(demo):
    """The demo vertrouwenspersoon: key set up, TOTP enrolled, recipient of both forms."""
    return demo["channel"]["vp"]


@pytest.fixture
def melding_form(demo):
    """The melding form of De Regenboog (host 127.0.0.1)."""
    return demo["channel"]["forms"]["regenboog"]


@pytest.fixture
def make_recipient(demo):
    """A further vertrouwenspersoon with key and TOTP, designated to the given form."""
    from django.contrib.auth.models import Group, User
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from example_site.demo_channel import VP_PASSPHRASE, VP_PASSWORD
    from wagtail_vertrouwen.channel import crypto
    from wagtail_vertrouwen.channel.models import RecipientKey
    from wagtail_vertrouwen.channel.services import designate as recipients

    def make(username, form=None, password=VP_PASSWORD, passphrase=VP_PASSPHRASE):
        """``password`` logs in; ``passphrase`` (distinct by default) unlocks the key."""
        user = User.objects.create_user(username, f"{username}@demo.example", password)
        user.groups.add(Group.objects.get(name="Vertrouwenspersonen"))
        TOTPDevice.objects.create(user=user, name="app", confirmed=True)
        keys = crypto.generate_recipient_keys(passphrase, crypto.FAST_KDF)
        RecipientKey.objects.create(
            user=user,
            public_key=keys.public_key,
            wrapped_by_secret=keys.wrapped_by_secret,
            wrapped_by_recovery_code=keys.wrapped_by_recovery_code,
        )
        user.recovery_code = keys.recovery_code
        if form is not None:
            recipients.designate(form, user, User.objects.get(username="beheerder"))
        return user

    return make


# Small set-ups: one school, one form, one vertrouwenspersoon; no demo -----------------------


@pytest.fixture
def form(db):
    """A live melding form of a school at ``school.test``, without recipients."""
    from tests.factories import make_form

    return make_form()


@pytest.fixture
def recipient(form):
    """A vertrouwenspersoon with TOTP and key, the one recipient of ``form``."""
    from tests.factories import make_vp

    return make_vp("vp1", form, first_name="Vera", last_name="Peters")
