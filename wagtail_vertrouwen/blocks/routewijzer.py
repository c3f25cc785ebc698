"""The route-finder: "who are you → what is it about → your route"."""

from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator, validate_email
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .. import cache as render_cache
from ..api.fragments import Encoded
from ..choices import Audience, Probleemgebied, RouteRol, SchoolSoort
from ..contacts import URGENT_CONTACT_KEYS, prominent_line_keys, tel_href
from ..directory import Directory, national_contact
from .choosers import PageChooserBlock, document_chooser_block
from .defaults import routewijzer_default
from .probleemgebied import ProbleemgebiedenBlock
from .values import load_all

#: Query string parameters of the route-finder. They are part of the public URL a visitor may
#: bookmark or share, so they are short Dutch words.
AUDIENCE_PARAM = "wie"
AREA_PARAM = "gebied"


#: The same pattern as a profile's phone number (models/profiles.py).
phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ()\-]{1,28}[0-9]$",
    _("Enter a phone number of digits, spaces and hyphens, for example 024-1234567."),
)

#: Route roles whose steps show the body's contact details, and the field that holds them.
#: The link to the klachtenregeling goes only under the klachtencommissie's steps: a step to the
#: board may be about something else (a bezwaar, the meldplicht), where the klachtenregeling
#: does not apply.
COMPLAINT_ROLES = {
    RouteRol.BEVOEGD_GEZAG.value: "bevoegd_gezag",
    RouteRol.KLACHTENCOMMISSIE.value: "klachtencommissie",
}


@dataclass(frozen=True)
class ComplaintDetails:
    """Where a formal complaint goes: the board or the klachtencommissie, as the editor filled
    it in, and the link to the school's klachtenregeling. Every field may be empty."""

    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    klachtenregeling_url: str = ""

    @property
    def address_lines(self):
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    @property
    def tel_href(self):
        return tel_href(self.phone)

    @property
    def has_contact(self):
        return any((self.name, self.address, self.phone, self.email, self.website))

    def __bool__(self):
        return self.has_contact or bool(self.klachtenregeling_url)

    def as_api(self):
        return {
            "name": self.name or None,
            "address": self.address or None,
            "phone": self.phone or None,
            "email": self.email or None,
            "website": self.website or None,
            "klachtenregeling_url": self.klachtenregeling_url or None,
        }


@dataclass
class Step:
    position: int
    role: str
    role_label: str
    person_name: str
    action: str
    next_when: str
    contacts: list
    condition: str = ""
    complaint: ComplaintDetails | None = None

    def as_api(self):
        return {
            "position": self.position,
            "condition": self.condition or None,
            "role": self.role or None,
            "role_label": self.role_label,
            "person": self.person_name or None,
            "action": self.action,
            "next_when": self.next_when or None,
            "contacts": [contact.as_api() for contact in self.contacts],
            "complaint_details": self.complaint.as_api() if self.complaint else None,
        }


@dataclass
class Area:
    key: str
    title: str
    explanation: str
    examples: list
    other_routes: str
    urgent: bool
    routes: dict  # audience key -> list[Step]
    prominent: dict = field(default_factory=dict)  # audience key -> national lines up front

    def route_list(self):
        """(audience, steps, prominent lines) in the fixed audience order, for templates."""
        return [
            (Audience(key), steps, self.prominent.get(key, []))
            for key, steps in self.routes.items()
        ]


def web_url(url) -> str:
    """``url`` if it is a web address (http, https) or a path on this site, else "". Editors'
    URL fields are validated in the page editor only; a translation override in
    wagtail-localize, an import or a migration can store anything, and a ``javascript:`` link
    in a public page would run in the visitor's (or an admin's) session."""
    url = (url or "").strip()
    if url.startswith("/") and not url.startswith("//"):
        return url
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return ""
    return url


def mail_address(address) -> str:
    """``address`` if it is an e-mail address (for a ``mailto:`` link), else ""."""
    address = (address or "").strip()
    try:
        validate_email(address)
    except ValidationError:
        return ""
    return address


def _link_url(link, request=None, absolute=False):
    """The URL of a page, document or web address chosen in a ``ComplaintLinkBlock``; a page's
    with its host when ``absolute`` (the API's answer is kept for every host that asks)."""
    if not link:
        return ""
    page = link.get("page")
    if page is not None:
        if absolute:
            return page.localized.get_full_url(request=request) or ""
        return page.localized.get_url(request=request) or ""
    document = link.get("document")
    if document is not None:
        return document.url
    return web_url(link.get("url"))


def complaint_details(value, request=None, absolute=False):
    """Role -> ``ComplaintDetails`` of a route-finder value (empty details for a route-finder
    stored before they existed); links to pages with their host when ``absolute``."""
    complaints = value.get("formal_complaint") or {}
    regeling = _link_url(complaints.get("klachtenregeling"), request, absolute)
    details = {}
    for role, name in COMPLAINT_ROLES.items():
        body = complaints.get(name) or {}
        details[role] = ComplaintDetails(
            name=(body.get("name") or "").strip(),
            address=(body.get("address") or "").strip(),
            phone=(body.get("phone") or "").strip(),
            email=mail_address(body.get("email")),
            website=web_url(body.get("website")),
            klachtenregeling_url=regeling if role == RouteRol.KLACHTENCOMMISSIE.value else "",
        )
    return details


def _prominent_lines(area):
    """Audience -> the national lines shown up front above that audience's route (the rule is
    ``contacts.prominent_line_keys``)."""
    return {
        audience.value: [national_contact(key) for key in prominent_line_keys(area, audience.value)]
        for audience in Audience
    }


def build_areas(value, directory, complaints=None):
    """Resolve a route-finder value into areas with their steps and contacts (and, under the
    steps to the board or the commissie, ``complaints``: see ``complaint_details``)."""
    if complaints is None:
        complaints = complaint_details(value, directory.request)
    areas = []
    for child in value["areas"]:
        block = child.block
        area_value = child.value
        routes = {}
        for audience in Audience:
            steps = []
            for position, step in enumerate(area_value[audience.value], start=1):
                role = step.get("role") or ""
                if role not in RouteRol.values:  # stored before a role was withdrawn
                    role = ""
                person = step.get("person")
                person = person.specific if person is not None else None
                contacts = directory.for_step(role, person)
                person_name = contacts[0].name if person is not None and contacts else ""
                steps.append(
                    Step(
                        position=position,
                        role=role,
                        role_label=str(RouteRol(role).label) if role else "",
                        person_name=person_name,
                        action=step.get("action") or "",
                        next_when=step.get("next_when") or "",
                        contacts=contacts,
                        condition=step.get("condition") or "",
                        complaint=complaints.get(role) or None,
                    )
                )
            routes[audience.value] = steps
        areas.append(
            Area(
                key=block.meta.area,
                title=area_value["title"],
                explanation=area_value["explanation"],
                examples=list(area_value["examples"]),
                other_routes=area_value.get("other_routes") or "",
                urgent=block.urgent,
                routes=routes,
                prominent=_prominent_lines(block.meta.area),
            )
        )
    return areas


def parse_selection(query, area_keys):
    """The visitor's choice from the query string; unknown values are dropped, never raised."""
    audience = query.get(AUDIENCE_PARAM, "") if query is not None else ""
    area = query.get(AREA_PARAM, "") if query is not None else ""
    invalid = bool(
        (audience and audience not in Audience.values) or (area and area not in area_keys)
    )
    return (
        audience if audience in Audience.values else "",
        area if area in area_keys else "",
        invalid,
    )


class ComplaintLinkBlock(blocks.StructBlock):
    """A link to the school's klachtenregeling: a page, a document or a web address."""

    page = PageChooserBlock(required=False, label=_("Page"))
    if apps.is_installed("wagtail.documents"):  # in every project made by "wagtail start"
        document = document_chooser_block(required=False, label=_("Document"))
    url = blocks.URLBlock(required=False, max_length=500, label=_("Web address"))

    class Meta:
        label = _("The school's complaints procedure (klachtenregeling)")
        help_text = _("Choose a page or a document, or enter a web address. One is enough.")
        collapsed = True

    def clean(self, value):
        value = super().clean(value)
        chosen = [name for name in ("page", "document", "url") if value.get(name)]
        if len(chosen) > 1:
            raise StructBlockValidationError(
                block_errors={
                    name: ValidationError(
                        _("Choose only one: a page, a document or a web address."),
                        code="more_than_one",
                    )
                    for name in chosen[1:]
                }
            )
        return value


class ComplaintAddresseeBlock(blocks.StructBlock):
    """Contact details of the school board or the klachtencommissie. All optional."""

    name = blocks.CharBlock(required=False, default="", max_length=200, label=_("Name"))
    address = blocks.TextBlock(
        required=False,
        default="",
        max_length=500,
        label=_("Postal address"),
        help_text=_("Street and number, postcode and town, each on its own line."),
        rows=3,
    )
    phone = blocks.CharBlock(
        required=False,
        default="",
        max_length=30,
        label=_("Phone"),
        validators=[phone_validator],
    )
    email = blocks.EmailBlock(required=False, label=_("Email address"))
    website = blocks.URLBlock(required=False, max_length=500, label=_("Website"))

    class Meta:
        collapsed = True


class FormalComplaintBlock(blocks.StructBlock):
    """Where a formal complaint goes, shown under the steps to the board or the commissie."""

    klachtenregeling = ComplaintLinkBlock()
    bevoegd_gezag = ComplaintAddresseeBlock(label=_("School board (bevoegd gezag)"))
    klachtencommissie = ComplaintAddresseeBlock(label=_("Complaints committee"))

    class Meta:
        label = _("Formal complaints")
        help_text = _(
            "Shown under every step that goes to the school board or the complaints committee. "
            "Leave empty what you do not know: nothing empty is shown."
        )
        collapsed = True


class RoutewijzerBlock(blocks.StructBlock):
    """A complete route-finder, prefilled with the six areas of the Leidraad.

    ``school_soort`` (a block option, default secondary) picks the words of the default
    routes: a primary school says juf or meester and intern begeleider, a secondary school
    mentor and zorgcoördinator. It only changes what a new route-finder or a newly added area
    is prefilled with; stored content is the editor's. See ``routewijzer_blocks()``.
    """

    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    intro = blocks.TextBlock(required=False, max_length=1000, label=_("Introduction"), rows=2)
    areas = ProbleemgebiedenBlock()
    formal_complaint = FormalComplaintBlock()
    show_always_available = blocks.BooleanBlock(
        required=False,
        default=True,
        label=_("Show the contacts that are always possible"),
        help_text=_(
            "The contact person, the confidential advisers, the confidential inspector, "
            "Veilig Thuis and 112."
        ),
    )

    class Meta:
        icon = "site"
        label = _("Route-finder")
        template = "wagtail_vertrouwen/blocks/routewijzer.html"
        school_soort = SchoolSoort.VOORTGEZET_ONDERWIJS.value

    def __init__(self, local_blocks=None, **kwargs):
        super().__init__(local_blocks, **kwargs)
        if self.meta.school_soort != SchoolSoort.VOORTGEZET_ONDERWIJS:
            areas = ProbleemgebiedenBlock(school_soort=self.meta.school_soort)
            areas.set_name("areas")
            self.child_blocks["areas"] = areas

    @property
    def school_soort(self):
        return SchoolSoort(self.meta.school_soort)

    def get_default(self):
        return self.default_value()

    def default_value(self, language=None):
        """The default route-finder in ``language`` (the site's by default), shaped as the
        editor's form stores it: every block and list item has its id now. Stored without
        ids, list items get new ids on every load, and wagtail-localize, which finds the
        translation of each text by its block's id, would never find them again."""
        raw = routewijzer_default(language, school_soort=self.meta.school_soort)
        return self.to_python(self.get_prep_value(load_all(self.to_python(raw))))

    def bulk_to_python(self, values):
        """Wagtail's conversion, with each value marked by a digest of its stored form, so a
        render cache hit does not convert the value back to hash it."""
        values = list(values)
        converted = super().bulk_to_python(values)
        for raw, value in zip(values, converted, strict=True):
            value.stored_digest = render_cache.stored_digest(raw)
        return converted

    def _cache_key(self, kind, value, request, *parts, site=None):
        """The render cache key of ``value`` for ``request``'s school (``cache.py``): a value
        loaded from the database is known by its stored digest (``bulk_to_python``), one built
        in code by a digest of what it would store. Code that changes a loaded value in place
        and then renders it with a request must delete ``stored_digest`` first."""
        digest = getattr(value, "stored_digest", None) or render_cache.value_digest(
            self.get_prep_value(value)
        )
        return self._digest_key(kind, digest, request, *parts, site=site)

    def _digest_key(self, kind, digest, request, *parts, site=None):
        from wagtail.models import Site

        return render_cache.key(
            kind, site or Site.find_for_request(request), self.meta.school_soort, digest, *parts
        )

    def render(self, value, context=None):
        """The rendered route-finder, from the render cache when it is safe (``cache.py``).

        Only the rendering without a visitor's choice is cached (the one every visitor gets
        first; the page's script switches routes without a new request). A rendering for a
        chosen route (the no-script path) is built for each request: a cached one would tell
        anyone who times the page whether someone chose that route today.

        The key holds the school, the language, the date, the content version and the stored
        value; a project's override of the block template must use nothing else (not the
        page, not the request, no ``{% csrf_token %}``)."""
        request = (context or {}).get("request")
        if not render_cache.cacheable(request):
            return super().render(value, context)
        area_keys = {child.block.meta.area for child in value["areas"]}
        if any(parse_selection(getattr(request, "GET", None), area_keys)):
            return super().render(value, context)
        html = render_cache.get_or_build(
            self._cache_key("html", value, request),
            lambda: str(super(RoutewijzerBlock, self).render(value, context)),
        )
        return mark_safe(html)  # noqa: S308 - our own template's output, escaped when rendered

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        directory = Directory.for_request(request)
        areas = build_areas(value, directory)
        audience, area, invalid = parse_selection(
            getattr(request, "GET", None), {a.key for a in areas}
        )
        context.update(
            {
                "areas": areas,
                "audiences": list(Audience),
                "selected_audience": audience,
                "selected_area": area,
                "invalid_selection": invalid,
                "audience_param": AUDIENCE_PARAM,
                "area_param": AREA_PARAM,
                "always_available": (
                    directory.always_available() if value.get("show_always_available") else []
                ),
            }
        )
        return context

    def get_api_representation(self, value, context=None):
        """The route-finder as structured JSON, for the school in ``context["site"]`` (the
        page's site: ``api.serializers.LocalizedStreamField``), else the request's."""
        request = (context or {}).get("request")
        site = (context or {}).get("site")
        if not render_cache.cacheable(request):
            return self._api_representation(value, request, site)
        cache_key = self._cache_key("api", value, request, site=site)
        kept = render_cache.get_or_build(
            cache_key, lambda: Encoded.of(self._api_representation(value, request, site))
        )
        # A subclass that changes the representation gets a plain dict: the renderer would
        # otherwise write the kept JSON, without its changes.
        return kept if self._answers_from_kept_json() else dict(kept)

    def _answers_from_kept_json(self) -> bool:
        """Whether the API may answer this block from its kept JSON: not when a subclass
        overrides ``get_api_representation``, whose changes it would skip."""
        return type(self).get_api_representation is RoutewijzerBlock.get_api_representation

    def kept_api_representation(self, stored, context=None):
        """The API representation kept in the render cache for the value stored as ``stored``
        (the JSON the database returned), or None: on a hit the API need not convert the
        stored value at all (``api.serializers.LocalizedStreamField``)."""
        request = (context or {}).get("request")
        if not (render_cache.cacheable(request) and self._answers_from_kept_json()):
            return None
        digest = render_cache.stored_digest(stored)  # as bulk_to_python marks a loaded value
        key = self._digest_key("api", digest, request, site=(context or {}).get("site"))
        return render_cache.cache_backend().get(key)

    def _api_representation(self, value, request, site=None):
        directory = Directory.for_request(request, site)
        complaints = complaint_details(value, request, absolute=True)
        areas = build_areas(value, directory, complaints)
        urgent = [national_contact(key).as_api() for key in URGENT_CONTACT_KEYS]
        return {
            "heading": value["heading"],
            "intro": value["intro"],
            "school_soort": self.meta.school_soort,
            "audiences": [{"key": a.value, "label": str(a.label)} for a in Audience],
            "areas": [
                {
                    "key": area.key,
                    "label": str(Probleemgebied(area.key).label),
                    "title": area.title,
                    "explanation": area.explanation,
                    "examples": area.examples,
                    "other_routes": area.other_routes or None,
                    "urgent": area.urgent,
                    # The lines for every audience of an urgent area (as before); the lines
                    # shown up front per audience, with the Kindertelefoon and 113 where they
                    # apply, are in ``prominent_contacts``.
                    "urgent_contacts": urgent if area.urgent else [],
                    "prominent_contacts": {
                        audience: [contact.as_api() for contact in lines]
                        for audience, lines in area.prominent.items()
                    },
                    "routes": {
                        audience: [step.as_api() for step in steps]
                        for audience, steps in area.routes.items()
                    },
                }
                for area in areas
            ],
            "formal_complaint": {
                role: details.as_api() if details else None for role, details in complaints.items()
            },
            "always_available": [
                {
                    "role": str(role),
                    "role_label": str(RouteRol(role).label),
                    "contacts": [contact.as_api() for contact in contacts],
                }
                for role, contacts in (
                    directory.always_available() if value.get("show_always_available") else []
                )
            ],
        }


#: Block type (the name in a StreamField) -> the kind of school its default routes are for.
#: "routewijzer" is the secondary-school variant, as it always was, so stored content keeps
#: its meaning.
BLOCK_TYPES = {
    "routewijzer": SchoolSoort.VOORTGEZET_ONDERWIJS,
    "routewijzer_basisonderwijs": SchoolSoort.BASISONDERWIJS,
}


def routewijzer_blocks():
    """The route-finder blocks for a StreamField, one per kind of school: the editor chooses
    the variant of the school by adding "Route-finder (primary school)" or "Route-finder
    (secondary school)". Both store the same structure."""
    labels = {
        SchoolSoort.VOORTGEZET_ONDERWIJS: _("Route-finder (secondary school)"),
        SchoolSoort.BASISONDERWIJS: _("Route-finder (primary school)"),
    }
    return [
        (
            name,
            RoutewijzerBlock(label=labels[soort])
            if soort == SchoolSoort.VOORTGEZET_ONDERWIJS
            else RoutewijzerBlock(school_soort=soort.value, label=labels[soort]),
        )
        for name, soort in BLOCK_TYPES.items()
    ]
