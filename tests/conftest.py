import pytest
from django.utils import translation


@pytest.fixture
def demo(db):
    """The demo content of the example site (two schools, their people, three locales).

    Regenboog answers on host 127.0.0.1 (the default site), Vlinder on host localhost.
    """
    from example_site.demo import build_demo

    return build_demo(port=80)


@pytest.fixture(autouse=True)
def _dutch_by_default():
    """Every test starts in Dutch, the site's default language."""
    with translation.override("nl"):
        yield


@pytest.fixture(autouse=True)
def _no_request_outlives_its_test():
    """A streamed response the test never read keeps its request open (Django's test client
    sends ``request_finished`` once the content is read): end it, so the render cache's
    content version, read once per request, is never carried into the next test."""
    yield
    from wagtail_vertrouwen.cache import _request_finished

    _request_finished()


# The confidential channel -----------------------------------------------------------------


@pytest.fixture
def vp(form):
    """The vertrouwenspersoon (login ``vertrouwenspersoon``): key set up, TOTP enrolled, the
    recipient of ``melding_form``. Built with tests/factories.py, not the demo."""
    from tests.factories import make_vp

    return make_vp("vertrouwenspersoon", form, first_name="Fatima", last_name="El Amrani")


@pytest.fixture
def melding_form(form, vp):
    """A live melding form of a school at ``school.test`` with ``vp`` as its recipient (the
    same page as ``form``)."""
    return form


@pytest.fixture
def make_recipient(db):
    """A further vertrouwenspersoon with key and TOTP (address ``<username>@school.test``),
    designated to the given form."""
    from example_site.demo_channel import VP_PASSPHRASE, VP_PASSWORD
    from tests.factories import make_vp

    def make(username, form=None, password=VP_PASSWORD, passphrase=VP_PASSPHRASE):
        """``password`` logs in; ``passphrase`` (distinct by default) unlocks the key."""
        return make_vp(username, form, password, passphrase=passphrase)

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
