"""The audit log of a recipient (I5): every line stays reachable, a page at a time, filtered by
what, which melding, when and who, so no line can be buried under hundreds of others."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import BaseListingView
from wagtail.admin.widgets.button import HeaderButton

from ..models import AuditAction, AuditEntry
from ..policy import audit_lines_visible_to, identity


def entries_visible_to(user):
    """The lines of ``user``'s audit log; the rule is ``policy.audit_lines_visible_to``."""
    return audit_lines_visible_to(user)


class ActorField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return identity(obj)


class ActorFilter(django_filters.ModelChoiceFilter):
    field_class = ActorField


def _actors(request):
    User = get_user_model()
    actors = entries_visible_to(request.user).exclude(actor=None).values("actor")
    return User.objects.filter(pk__in=actors).order_by(User.USERNAME_FIELD)


class AuditFilterSet(WagtailFilterSet):
    action = django_filters.MultipleChoiceFilter(
        label=gettext_lazy("What"), choices=AuditAction.choices, widget=forms.CheckboxSelectMultiple
    )
    melding = django_filters.UUIDFilter(field_name="melding_id", label=gettext_lazy("Melding"))
    at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Date"), widget=DateRangePickerWidget
    )
    actor = ActorFilter(label=gettext_lazy("Who"), queryset=_actors)

    class Meta:
        model = AuditEntry
        fields = []


class WhenColumn(Column):
    cell_template_name = "wagtail_vertrouwen/inbox/cells/when.html"


class WhatColumn(Column):
    cell_template_name = "wagtail_vertrouwen/inbox/cells/what.html"


class AboutColumn(Column):
    cell_template_name = "wagtail_vertrouwen/inbox/cells/about.html"


def _who(entry):
    """As the person was named at the time (an account may since be renamed or deleted)."""
    return getattr(entry, "actor_identity", "") or entry.actor_name or "—"


class AuditLogView(BaseListingView):
    template_name = "wagtail_vertrouwen/inbox/audit_log.html"
    page_title = gettext_lazy("Audit log")
    header_icon = "history"
    paginate_by = 50
    index_url_name = "wagtail_vertrouwen_inbox:audit_log"
    index_results_url_name = "wagtail_vertrouwen_inbox:audit_log_results"
    filterset_class = AuditFilterSet
    default_ordering = "-at"
    columns = [
        WhenColumn("at", label=gettext_lazy("When"), sort_key="at"),
        Column("who", label=gettext_lazy("Who"), accessor=_who),
        WhatColumn("action", label=gettext_lazy("What")),
        AboutColumn("about", label=gettext_lazy("About")),
    ]

    def get_base_queryset(self):
        return entries_visible_to(self.request.user).select_related("subject", "form")

    def order_queryset(self, queryset):
        tie = "pk" if self.ordering == "at" else "-pk"  # same time: still one stable order
        return queryset.order_by(self.ordering, tie)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtail_vertrouwen_inbox:index"), "label": _("Meldingen")},
            {"url": "", "label": self.get_page_title()},
        ]

    @cached_property
    def no_results_message(self):
        if self.is_filtering:
            return _("No lines match these filters.")
        return _("Nothing has been logged yet.")

    def get_header_buttons(self):
        if not self.is_filtering:
            return []
        return [HeaderButton(_("Show all lines"), self.index_url, icon_name="list-ul")]
