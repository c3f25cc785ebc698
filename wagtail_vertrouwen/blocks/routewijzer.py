"""The route-finder: "who are you → what is it about → your route"."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..choices import Audience, Probleemgebied, RouteRol
from ..contacts import URGENT_CONTACT_KEYS
from ..directory import Directory, national_contact
from .defaults import routewijzer_default
from .probleemgebied import ProbleemgebiedenBlock
from .values import load_all

#: Query string parameters of the route-finder. They are part of the public URL a visitor may
#: bookmark or share, so they are short Dutch words.
AUDIENCE_PARAM = "wie"
AREA_PARAM = "gebied"


@dataclass
class Step:
    position: int
    role: str
    role_label: str
    person_name: str
    action: str
    next_when: str
    contacts: list

    def as_api(self):
        return {
            "position": self.position,
            "role": self.role or None,
            "role_label": self.role_label,
            "person": self.person_name or None,
            "action": self.action,
            "next_when": self.next_when or None,
            "contacts": [contact.as_api() for contact in self.contacts],
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

    def route_list(self):
        """(audience, steps) pairs in the fixed audience order, for templates."""
        return [(Audience(key), steps) for key, steps in self.routes.items()]


def build_areas(value, directory):
    """Resolve a route-finder value into areas with their steps and contacts."""
    areas = []
    for child in value["areas"]:
        block = child.block
        area_value = child.value
        routes = {}
        for audience in Audience:
            steps = []
            for position, step in enumerate(area_value[audience.value], start=1):
                role = step.get("role") or ""
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


class RoutewijzerBlock(blocks.StructBlock):
    """A complete route-finder, prefilled with the six areas of the Leidraad."""

    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    intro = blocks.TextBlock(required=False, max_length=1000, label=_("Introduction"), rows=2)
    areas = ProbleemgebiedenBlock()
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

    def get_default(self):
        return self.default_value()

    def default_value(self, language=None):
        """The default route-finder in ``language`` (the site's by default), shaped as the
        editor's form stores it: every block and list item has its id now. Stored without
        ids, list items get new ids on every load, and wagtail-localize, which finds the
        translation of each text by its block's id, would never find them again."""
        return self.to_python(
            self.get_prep_value(load_all(self.to_python(routewijzer_default(language))))
        )

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
                "urgent_contacts": [national_contact(key) for key in URGENT_CONTACT_KEYS],
                "always_available": (
                    directory.always_available() if value.get("show_always_available") else []
                ),
            }
        )
        return context

    def get_api_representation(self, value, context=None):
        request = (context or {}).get("request")
        directory = Directory.for_request(request)
        areas = build_areas(value, directory)
        urgent = [national_contact(key).as_api() for key in URGENT_CONTACT_KEYS]
        return {
            "heading": value["heading"],
            "intro": value["intro"],
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
                    "urgent_contacts": urgent if area.urgent else [],
                    "routes": {
                        audience: [step.as_api() for step in steps]
                        for audience, steps in area.routes.items()
                    },
                }
                for area in areas
            ],
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
