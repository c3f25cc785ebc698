"""Who a route step points to: live profiles serving the current school, or a national line.

A route step names a role ("the internal confidential adviser") or a particular profile page.
The directory looks these up once per request for the school (Wagtail site) being viewed, in
the visitor's language, so rendering a route-finder costs a fixed number of queries however
many steps it has.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import translation

from .choices import PROFILE_ROLES_FOR_ROUTE_ROLE, RouteRol
from .contacts import NATIONAL_CONTACTS, tel_href

_REQUEST_CACHE_ATTR = "_wagtail_vertrouwen_directory"


@dataclass(frozen=True)
class Contact:
    """A person or line to contact, as shown in a route step and in the API."""

    kind: str  # "profile" or "national"
    name: str
    role: str = ""
    role_label: str = ""
    phone: str = ""
    alt_phone: str = ""  # a second number of a national line (113's free 0800 number)
    hours: str = ""  # when a national line answers, if not always
    email: str = ""
    url: str = ""
    full_url: str = ""
    description: str = ""
    page_id: int | None = None
    roles: tuple[str, ...] = field(default=())
    languages: tuple[str, ...] = field(default=())  # codes of the languages the person speaks

    @property
    def tel_href(self) -> str:
        return tel_href(self.phone)

    @property
    def alt_tel_href(self) -> str:
        return tel_href(self.alt_phone)

    def as_api(self) -> dict:
        return {
            "kind": self.kind,
            "name": self.name,
            "role": self.role,
            "role_label": self.role_label,
            "phone": self.phone,
            "alt_phone": self.alt_phone or None,
            "hours": self.hours or None,
            "email": self.email,
            "url": self.full_url or self.url,
            "description": self.description,
            "page_id": self.page_id,
            "languages": list(self.languages),
        }


def national_contact(key: str) -> Contact:
    line = NATIONAL_CONTACTS[key]
    return Contact(
        kind="national",
        name=str(line.name),
        role=key,
        role_label=str(RouteRol(key).label),
        phone=line.phone,
        alt_phone=line.alt_phone,
        hours=str(line.hours),
        url=line.url,
        description=str(line.description),
    )


class Directory:
    """The current profiles serving one site, in the active language."""

    def __init__(self, site, request=None):
        from .models import VertrouwenspersoonPage

        self.site = site
        self.request = request
        language = translation.get_language()
        profiles = (
            VertrouwenspersoonPage.objects.serving(site, language=language)
            if site is not None
            else VertrouwenspersoonPage.objects.none()
        )
        self.profiles = list(profiles)
        self._by_key = {profile.translation_key: profile for profile in self.profiles}
        self._contacts = {}

    @classmethod
    def for_request(cls, request, site=None):
        """One directory per request, school and language, shared by every block on the page.
        The school is ``site``, by default the site the request is for (the API passes the
        site of the page it answers, which ``?site=`` may make another)."""
        from wagtail.models import Site

        if request is None:
            return cls(site)
        if site is None:
            site = Site.find_for_request(request)
        cache = request.__dict__.setdefault(_REQUEST_CACHE_ATTR, {})
        key = (translation.get_language(), getattr(site, "pk", None))
        if key not in cache:
            cache[key] = cls(site, request)
        return cache[key]

    def _contact(self, profile, role: str = "") -> Contact:
        key = (profile.pk, role)
        if key not in self._contacts:
            self._contacts[key] = self._make_contact(profile, role)
        return self._contacts[key]

    def _make_contact(self, profile, role: str) -> Contact:
        shown_role = role if role in profile.roles else (profile.roles[0] if profile.roles else "")
        return Contact(
            kind="profile",
            name=profile.title,
            role=shown_role,
            role_label=str(RouteRol(shown_role).label) if shown_role else "",
            phone=profile.phone,
            email=profile.email,
            url=profile.get_url(request=self.request) or "",
            full_url=profile.get_full_url(request=self.request) or "",
            page_id=profile.pk,
            roles=tuple(profile.roles),
            languages=tuple(profile.languages),
        )

    def with_roles(self, route_role: str) -> list[Contact]:
        wanted = PROFILE_ROLES_FOR_ROUTE_ROLE.get(route_role, ())
        return [
            self._contact(profile, route_role)
            for profile in self.profiles
            if any(role in wanted for role in profile.roles)
        ]

    def for_step(self, role: str, person=None) -> list[Contact]:
        """The contacts of a route step: the chosen person, else whoever holds the role."""
        if person is not None:
            profile = self._by_key.get(getattr(person, "translation_key", None))
            if profile is not None:
                return [self._contact(profile, role)]
        if role in NATIONAL_CONTACTS:
            return [national_contact(role)]
        if role:
            return self.with_roles(role)
        return []

    def always_available(self) -> list[tuple[str, list[Contact]]]:
        """The contacts that are always possible (model klachtenregeling, Bijlage II)."""
        return [
            (RouteRol.INTERNE_CONTACTPERSOON, self.with_roles(RouteRol.INTERNE_CONTACTPERSOON)),
            (RouteRol.VERTROUWENSPERSOON, self.with_roles(RouteRol.VERTROUWENSPERSOON)),
            (RouteRol.VERTROUWENSINSPECTEUR, [national_contact(RouteRol.VERTROUWENSINSPECTEUR)]),
            (RouteRol.VEILIG_THUIS, [national_contact(RouteRol.VEILIG_THUIS)]),
            (RouteRol.ALARMNUMMER, [national_contact(RouteRol.ALARMNUMMER)]),
        ]
