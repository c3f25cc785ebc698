from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.telepath import register

from ..choices import URGENT_AREAS, Audience, Probleemgebied, SchoolSoort
from .defaults import area_default
from .editor import LazyStructBlockAdapter, LazyStructMixin
from .steps import RouteStepBlock


class RouteBlock(blocks.ListBlock):
    """The ordered steps of one audience's route."""

    def __init__(self, audience, **kwargs):
        kwargs.setdefault("label", Audience(audience).label)
        super().__init__(RouteStepBlock(), **kwargs)


class ProbleemgebiedBlock(LazyStructMixin, blocks.StructBlock):
    """One probleemgebied of the Leidraad with a route for each audience.

    Each area is its own subclass (see ``AREA_BLOCKS``), so the stream knows which area a
    block is and a newly added area is prefilled with that area's default route, in the
    words of the school's kind (``school_soort``, from the route-finder). In the editor an
    area's form is built when the area is first opened (see ``editor.py``).
    """

    title = blocks.CharBlock(max_length=120, label=_("Title"))
    explanation = blocks.TextBlock(
        max_length=1000,
        label=_("Short explanation"),
        rows=2,
    )
    examples = blocks.ListBlock(
        blocks.CharBlock(max_length=200, label=_("Example")),
        label=_("Examples"),
        default=[],
        collapsed=True,
    )
    leerling = RouteBlock(Audience.LEERLING, default=[])
    ouder = RouteBlock(Audience.OUDER, default=[])
    medewerker = RouteBlock(Audience.MEDEWERKER, default=[])
    other_routes = blocks.TextBlock(
        required=False,
        max_length=1500,
        label=_("Other procedures"),
        help_text=_("When another procedure applies instead, for example exam appeals."),
        rows=3,
    )

    class Meta:
        icon = "help"
        form_classname = "vw-probleemgebied-block"
        area = None
        school_soort = SchoolSoort.VOORTGEZET_ONDERWIJS.value

    @property
    def area(self):
        return Probleemgebied(self.meta.area)

    @property
    def urgent(self):
        return self.area in URGENT_AREAS

    def get_default(self):
        return self.to_python(area_default(self.meta.area, school_soort=self.meta.school_soort))


register(LazyStructBlockAdapter(), ProbleemgebiedBlock)


def _area_block_class(area):
    """A ProbleemgebiedBlock subclass for one area."""
    name = "".join(part.capitalize() for part in area.value.split("_")) + "Block"
    meta = type("Meta", (), {"area": area.value, "label": area.label})
    cls = type(name, (ProbleemgebiedBlock,), {"Meta": meta, "__module__": __name__})
    cls.__qualname__ = name
    return cls


AREA_BLOCKS = {area.value: _area_block_class(area) for area in Probleemgebied}


class ProbleemgebiedenBlock(blocks.StreamBlock):
    """The areas of a route-finder: each of the six at most once, in the editor's order."""

    def __init__(self, school_soort=None, **kwargs):
        # Only a variant other than the default is passed on, so the secondary-school
        # definition (and its migrations) stays as it was.
        variant = {"school_soort": school_soort} if school_soort else {}
        child_blocks = [(key, cls(**variant)) for key, cls in AREA_BLOCKS.items()]
        kwargs.update(variant)
        kwargs.setdefault("block_counts", {key: {"max_num": 1} for key in AREA_BLOCKS})
        super().__init__(child_blocks, **kwargs)

    class Meta:
        label = _("Probleemgebieden")
        required = False
        # Six collapsed areas give the editor an overview; each opens with one click, and
        # only then is its form built (see editor.py). A StreamBlock's ``collapsed`` is what
        # collapses its children when the editor opens.
        collapsed = True
        school_soort = SchoolSoort.VOORTGEZET_ONDERWIJS.value

    def get_default(self):
        from .defaults import routewijzer_default

        return self.to_python(routewijzer_default(school_soort=self.meta.school_soort)["areas"])
