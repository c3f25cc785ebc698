"""The package in the Wagtail admin: the inbox (for recipients only) and recipient designation
(for those with its permission). Nothing about meldingen reaches dashboards, search or the
page explorer: meldingen are no pages, no snippets, and have no model admin."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import inbox_urls, recipients_urls
from .policy import can_designate, is_recipient


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("vertrouwen/inbox/", include(inbox_urls, namespace="wagtail_vertrouwen_inbox")),
        path(
            "vertrouwen/ontvangers/",
            include(recipients_urls, namespace="wagtail_vertrouwen_recipients"),
        ),
    ]


class InboxMenuItem(MenuItem):
    """Shown to recipients only, and without a count of (unread) meldingen."""

    def is_shown(self, request):
        return is_recipient(request.user)


class RecipientsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_designate(request.user)


@hooks.register("register_admin_menu_item")
def register_inbox_menu_item():
    return InboxMenuItem(
        _("Meldingen"), reverse("wagtail_vertrouwen_inbox:index"), icon_name="lock", order=250
    )


@hooks.register("register_settings_menu_item")
def register_recipients_menu_item():
    return RecipientsMenuItem(
        _("Melding recipients"),
        reverse("wagtail_vertrouwen_recipients:index"),
        icon_name="group",
        order=900,
    )


@hooks.register("register_permissions")
def register_designate_permission():
    """So the permission can be given to a group in Wagtail's group editor."""
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="wagtail_vertrouwen_channel", codename="designate_recipients"
    )
