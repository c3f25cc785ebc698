"""The recipient's key: set-up, unlock, lock, change of its secret, restore with the recovery
code."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import conf, crypto
from ..forms.inbox import ChangePasswordForm, PasswordForm, RestoreForm
from ..models import AuditAction, AuditEntry, RecipientKey
from ..services import unlock
from .gate import recipient_key, recipient_required
from .gate import render as _render


@recipient_required(unlocked=False)
def key_setup(request):
    """Create the recipient's key pair, wrapped with their password; show the recovery code once."""
    if recipient_key(request.user) is not None:
        return redirect("wagtail_vertrouwen_inbox:unlock")
    form = PasswordForm(request.POST or None)
    form.fields.pop("previous_password")
    if request.method == "POST" and form.is_valid():
        password = form.cleaned_data["password"]
        if request.user.check_password(password):
            keys = crypto.generate_recipient_keys(password, conf.kdf_limits())
            try:
                with transaction.atomic():
                    RecipientKey.objects.create(
                        user=request.user,
                        public_key=keys.public_key,
                        wrapped_by_secret=keys.wrapped_by_secret,
                        wrapped_by_recovery_code=keys.wrapped_by_recovery_code,
                    )
                    AuditEntry.record(AuditAction.KEY_CREATED, request.user)
            except IntegrityError:  # a second click while the first was deriving the key
                messages.warning(
                    request,
                    _(
                        "Your key was already set up in another window or by a double click. "
                        "Use the recovery code shown there; if you did not see it, restore "
                        "access with your password and make a note of the new code."
                    ),
                )
                return redirect("wagtail_vertrouwen_inbox:unlock")
            response = _render(request, "recovery_code", {"code": keys.recovery_code})
            unlock.remember(
                request, response, crypto.unwrap_with_secret(keys.wrapped_by_secret, password)
            )
            return response
        form.add_error("password", _("That is not your password."))
    return _render(request, "key_setup", {"form": form})


@recipient_required(unlocked=False)
def unlock_view(request):
    key = recipient_key(request.user)
    if key is None:
        return redirect("wagtail_vertrouwen_inbox:key_setup")
    form = PasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        password = form.cleaned_data["password"]
        previous = form.cleaned_data["previous_password"]
        if not request.user.check_password(password):
            form.add_error("password", _("That is not your password."))
        else:
            try:
                private_key = crypto.unwrap_with_secret(key.wrapped_by_secret, password)
            except crypto.WrongSecret:
                private_key = _rewrap_from_previous(request, form, key, previous, password)
            if private_key is not None:
                response = redirect(_safe_next(request))
                unlock.remember(request, response, private_key)
                return response
    return _render(
        request, "unlock", {"form": form}, status=200 if request.method == "GET" else 400
    )


def _safe_next(request):
    target = request.GET.get("next", "")
    inbox = reverse("wagtail_vertrouwen_inbox:index")
    if target.startswith(inbox) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return inbox


def _rewrap_from_previous(request, form, key, previous, password):
    """The password changed outside the inbox: open with the previous one, wrap anew."""
    if not previous:
        form.add_error(
            "previous_password",
            _(
                "Your password changed since your key was protected. Enter your previous "
                "password once, or use your recovery code."
            ),
        )
        return None
    try:
        private_key = crypto.unwrap_with_secret(key.wrapped_by_secret, previous)
    except crypto.WrongSecret:
        form.add_error("previous_password", _("That previous password does not open your key."))
        return None
    _store_wrapped(
        key, request.user, crypto.wrap_with_secret(private_key, password, conf.kdf_limits())
    )
    return private_key


def _store_wrapped(key, user, wrapped, action=AuditAction.KEY_REWRAPPED):
    with transaction.atomic():
        key.wrapped_by_secret = wrapped
        key.rewrapped_at = timezone.now()
        key.save(update_fields=["wrapped_by_secret", "rewrapped_at"])
        AuditEntry.record(action, user)


@require_POST
@recipient_required(unlocked=False)
def lock_view(request):
    response = redirect("wagtailadmin_home")
    unlock.forget(request, response)
    messages.success(request, _("Your inbox is locked."))
    return response


@recipient_required(unlocked=False)
def change_password(request):
    """Change the login password and re-wrap the key with it, in one step."""
    key = recipient_key(request.user)
    form = ChangePasswordForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        old, new = form.cleaned_data["old_password"], form.cleaned_data["new_password2"]
        try:
            wrapped = (
                crypto.change_secret(key.wrapped_by_secret, old, new, conf.kdf_limits())
                if key
                else None
            )
        except crypto.WrongSecret:
            form.add_error(
                None,
                _(
                    "Your key is protected with another password. Unlock the inbox first, "
                    "then change your password here."
                ),
            )
        else:
            with transaction.atomic():
                request.user.set_password(new)
                request.user.save(update_fields=["password"])
                if key:
                    _store_wrapped(key, request.user, wrapped)
            update_session_auth_hash(request, request.user)
            messages.success(
                request, _("Your password was changed and your key is protected with it.")
            )
            return redirect("wagtail_vertrouwen_inbox:index")
    return _render(
        request, "change_password", {"form": form}, status=200 if request.method == "GET" else 400
    )


@recipient_required(unlocked=False)
def restore(request):
    """Lost password: the recovery code opens the key; a new password and recovery code follow."""
    key = recipient_key(request.user)
    if key is None:
        return redirect("wagtail_vertrouwen_inbox:key_setup")
    form = RestoreForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        new = form.cleaned_data["new_password2"]
        try:
            keys = crypto.restore_with_recovery_code(
                key.wrapped_by_recovery_code,
                form.cleaned_data["recovery_code"],
                new,
                conf.kdf_limits(),
            )
        except crypto.InvalidRecoveryCode:
            form.add_error(
                "recovery_code",
                _("That is not a recovery code: it has 32 letters and digits in groups of four."),
            )
        except crypto.WrongSecret:
            form.add_error("recovery_code", _("This recovery code does not open your key."))
        else:
            with transaction.atomic():
                request.user.set_password(new)
                request.user.save(update_fields=["password"])
                key.wrapped_by_secret = keys.wrapped_by_secret
                key.wrapped_by_recovery_code = keys.wrapped_by_recovery_code
                key.rewrapped_at = timezone.now()
                key.save()
                AuditEntry.record(AuditAction.KEY_RESTORED, request.user)
            update_session_auth_hash(request, request.user)
            response = _render(
                request, "recovery_code", {"code": keys.recovery_code, "restored": True}
            )
            unlock.remember(
                request, response, crypto.unwrap_with_secret(keys.wrapped_by_secret, new)
            )
            return response
    return _render(
        request, "restore", {"form": form}, status=200 if request.method == "GET" else 400
    )
