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
