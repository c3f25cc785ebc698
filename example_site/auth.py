"""Demo credentials only ever work with the demo settings."""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend

from .demo import DEMO_USERS
from .demo_channel import VP_PASSWORD

DEMO_PASSWORDS = frozenset({user.password for user in DEMO_USERS} | {VP_PASSWORD})


class RefuseDemoCredentialsBackend(ModelBackend):
    """The ordinary backend, except that a demo password never logs anyone in.

    Outside the demo settings a database that once held the demo (or a user who chose a demo
    password) cannot be entered with the published credentials.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not settings.DEMO and password in DEMO_PASSWORDS:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
