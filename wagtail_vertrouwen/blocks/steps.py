from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.telepath import register
from wagtail.blocks.struct_block import StructBlockValidationError

from ..choices import RouteRol
from .choosers import PageChooserBlock
from .editor import RouteStepBlockAdapter


class RoleChoiceBlock(blocks.ChoiceBlock):
    """Wagtail's choice block for a step's role, reading a stored role without walking the
    choices (``normalize_choice`` rebuilds and scans them for every step of every route).
    Deconstructs as a plain ``ChoiceBlock``, as every subclass of it does."""

    def to_python(self, value):
        if isinstance(value, str) and value in _ROLE_VALUES:
            return value
        return super().to_python(value)


_ROLE_VALUES = frozenset(["", *RouteRol.values])


class RouteStepBlock(blocks.StructBlock):
    """One step of a route: only when (optional), who to go to, what to do, and when to go
    on. ``condition`` lets a route branch in plain words ("Is it someone who works at the
    school?"); it is shown before the action. Empty texts are stored as "" (wagtail-localize
    cannot extract a text block whose value is None)."""

    condition = blocks.TextBlock(
        required=False,
        default="",
        max_length=300,
        label=_("Only when (optional)"),
        help_text=_(
            "Shown before the step, for a route that branches. Write a question; the step is "
            'for the answer yes. For example: "Is it someone who works at the school?"'
        ),
        rows=1,
    )
    role = RoleChoiceBlock(
        choices=RouteRol.choices,
        required=False,
        label=_("Who (role)"),
        help_text=_(
            "The role to go to. The route-finder shows the people with this role at the school."
        ),
    )
    person = PageChooserBlock(
        page_type="wagtail_vertrouwen.VertrouwenspersoonPage",
        required=False,
        label=_("Who (a particular person)"),
        help_text=_("Optional: point to one profile instead of everyone with the role."),
    )
    action = blocks.TextBlock(
        max_length=1000,
        label=_("What to do"),
        rows=2,
    )
    next_when = blocks.TextBlock(
        required=False,
        default="",
        max_length=500,
        label=_("When to go on to the next step"),
        rows=2,
    )

    class Meta:
        icon = "arrow-right"
        label = _("Step")
        # Titles a step in the editor by whom it goes to. routewijzer-editor.js puts the
        # chosen person before the role when there is one; this is the format without it.
        label_format = "{role}: {action}"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("role") and not value.get("person"):
            raise StructBlockValidationError(
                block_errors={
                    "role": ValidationError(
                        _("Choose a role or a particular person for this step."),
                        code="no_one",
                    )
                }
            )
        return value


register(RouteStepBlockAdapter(), RouteStepBlock)
