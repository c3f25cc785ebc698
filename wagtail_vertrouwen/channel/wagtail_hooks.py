"""The package in the Wagtail admin: the inbox (for recipients only) and recipient designation
(for those with its permission). Nothing about meldingen reaches dashboards, search or the
page explorer: meldingen are no pages, no snippets, and have no model admin.

Wagtail's user admin is watched too (I4): deleting a recipient there is refused with a message
(``policy.may_delete_in_admin``); editing, deactivating or changing the groups of a user, and
the bulk actions on users, end designations that lapse, with the acting user in the audit line
and the notices (``services.designate``)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import inbox_urls, recipients_urls
from .policy import can_designate, identity, may_delete_in_admin, request_is_recipient


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
        return request_is_recipient(request)


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


# Wagtail's user admin -------------------------------------------------------------------------


def _refuse_deletion(request, users, back):
    refused = [user for user in users if not may_delete_in_admin(user)]
    if not refused:
        return None
    messages.error(
        request,
        gettext(
            "%(users)s cannot be deleted here: designated to a melding form, or still holding "
            "meldingen, which nobody could read any more. Remove the designation under "
            "Settings › Melding recipients, or deactivate the account instead (both are "
            "announced to the recipients)."
        )
        % {"users": "; ".join(identity(user) for user in refused)},
    )
    return redirect(back)


@hooks.register("before_delete_user")
def refuse_deleting_a_recipient(request, user):
    return _refuse_deletion(request, [user], reverse("wagtailusers_users:edit", args=[user.pk]))


@hooks.register("before_edit_user")
def note_who_edits_a_user(request, user):
    """The signals that the save fires name this user as the one who acted."""
    from .services.designate import acting

    acting(user, request.user)


def _is_user_action(action):
    return getattr(action, "model", None) is get_user_model()


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_a_recipient(request, action_type, objects, action):
    if action_type == "delete" and _is_user_action(action):
        return _refuse_deletion(request, objects, action.next_url)
    return None


@hooks.register("after_bulk_action")
def end_designations_after_bulk_action(request, action_type, objects, action):
    """Wagtail's bulk "set active state" updates the table without save(): no signal fires."""
    from .services.designate import end_lapsed_designations

    if _is_user_action(action) and action_type != "delete":
        end_lapsed_designations(users=[user.pk for user in objects], actor=request.user)


@hooks.register("before_delete_page")
@hooks.register("before_unpublish_page")
def remember_who_closes_a_form(request, page):
    """So the audit line and the mail of a melding form going offline name who did it. Forms
    below the page (unpublished or deleted with it) and the group admin, which has no such
    hook, are named through Wagtail's ``LogContext`` instead (``signals._actor``)."""
    from .models import MeldingFormPage
    from .services.designate import acting

    if isinstance(page.specific, MeldingFormPage):
        acting(page.specific, request.user)
