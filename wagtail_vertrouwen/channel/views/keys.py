"""The recipient's key: set-up, unlock, lock, change of its passphrase, restore with the
recovery code. The key operations are ``services.keys``; the login password plays no part.
Too many wrong passphrases lock the passphrase for a while (``services.keys``): the form then
says for how long, with status 429. When this process's Argon2id slots all stay taken
(``keys.Busy``), the form says to try again in a moment, with 503 and ``Retry-After``."""

import logging

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ...unreachable import MESSAGE as TRY_AGAIN
from ...unreachable import retry_later
from ..forms.inbox import ChangePassphraseForm, KeySetupForm, RestoreForm, UnlockForm
from ..services import keys, unlock
from .gate import recipient_key, recipient_required
from .gate import render as _render

logger = logging.getLogger(__name__)


def _status(request):
    return 200 if request.method == "GET" else 400


def _busy(form) -> int:
    """Every Argon2id slot stayed taken: nothing happened; say "try again" on ``form``."""
    logger.warning("a recipient's key operation waited too long for a key-derivation slot")
    form.add_error(None, TRY_AGAIN)
    return 503


def _render_form(request, template, context, status):
    response = _render(request, template, context, status=status)
    return retry_later(response) if status == 503 else response


def _locked_message(locked: keys.PassphraseLocked) -> str:
    return ngettext(
        "Too many wrong key passphrases were entered. To protect your key, no key passphrase "
        "is accepted for the next %(minutes)d minute. This is noted in your log. If it was "
        "not you, someone is using your login and second factor: tell the web agency.",
        "Too many wrong key passphrases were entered. To protect your key, no key passphrase "
        "is accepted for the next %(minutes)d minutes. This is noted in your log. If it was "
        "not you, someone is using your login and second factor: tell the web agency.",
        locked.minutes,
    ) % {"minutes": locked.minutes}


@recipient_required(unlocked=False)
def key_setup(request):
    """Create the recipient's key pair, wrapped with a passphrase of her own; show the recovery
    code once."""
    if recipient_key(request.user) is not None:
        return redirect("wagtail_vertrouwen_inbox:unlock")
    form = KeySetupForm(request.user, request.POST or None)
    status = _status(request)
    if request.method == "POST" and form.is_valid():
        try:
            opened = keys.set_up(request.user, form.cleaned_data["new_passphrase1"])
        except keys.Busy:
            status = _busy(form)
        except keys.KeyAlreadySetUp:  # a second click while the first was deriving the key
            messages.warning(
                request,
                _(
                    "Your key was already set up in another window or by a double click. "
                    "Unlock it with the key passphrase you chose there, and keep the recovery "
                    "code that was shown there."
                ),
            )
            return redirect("wagtail_vertrouwen_inbox:unlock")
        else:
            response = _render(request, "recovery_code", {"code": opened.recovery_code})
            unlock.remember(request, response, opened.private_key)
            return response
    return _render_form(request, "key_setup", {"form": form}, status)


@recipient_required(unlocked=False)
def unlock_view(request):
    """Open the key with the key passphrase. Never re-wraps: the stored key does not change."""
    key = recipient_key(request.user)
    if key is None:
        return redirect("wagtail_vertrouwen_inbox:key_setup")
    form = UnlockForm(request.POST or None)
    status = _status(request)
    if request.method == "POST" and form.is_valid():
        try:
            private_key = keys.unlock(key, form.cleaned_data["passphrase"])
        except keys.Busy:
            status = _busy(form)
        except keys.PassphraseLocked as locked:
            form.add_error(None, _locked_message(locked))
            status = 429
        except keys.WrongSecret:
            form.add_error(
                "passphrase",
                _(
                    "That key passphrase does not open your key. It is the passphrase you chose "
                    "when you set up your key, not your login password."
                ),
            )
        else:
            if keys.is_login_password(request.user, form.cleaned_data["passphrase"]):
                # A key from before key passphrases, still wrapped with the login password,
                # which others may know or have set: it must get a secret of her own first.
                messages.warning(
                    request,
                    _(
                        "Your key still opens with your login password, which an administrator "
                        "can reset. Choose a key passphrase of your own now; until then the "
                        "inbox stays locked."
                    ),
                )
                return redirect("wagtail_vertrouwen_inbox:change_passphrase")
            response = redirect(_safe_next(request))
            unlock.remember(request, response, private_key)
            return response
    return _render_form(request, "unlock", {"form": form}, status)


def _safe_next(request):
    target = request.GET.get("next", "")
    inbox = reverse("wagtail_vertrouwen_inbox:index")
    if target.startswith(inbox) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return inbox


@require_POST
@recipient_required(unlocked=False)
def lock_view(request):
    response = redirect("wagtailadmin_home")
    unlock.forget(request, response)
    messages.success(request, _("Your inbox is locked."))
    return response


@recipient_required(unlocked=False)
def change_passphrase(request):
    """Old key passphrase, new one twice. The login password is Wagtail's account page's."""
    key = recipient_key(request.user)
    if key is None:
        return redirect("wagtail_vertrouwen_inbox:key_setup")
    form = ChangePassphraseForm(request.user, request.POST or None)
    status = _status(request)
    if request.method == "POST" and form.is_valid():
        try:
            private_key = keys.change_passphrase(
                key, form.cleaned_data["old_passphrase"], form.cleaned_data["new_passphrase1"]
            )
        except keys.Busy:
            status = _busy(form)
        except keys.PassphraseLocked as locked:
            form.add_error(None, _locked_message(locked))
            status = 429
        except keys.WrongSecret:
            form.add_error(
                "old_passphrase",
                _(
                    "That is not your current key passphrase. Forgot it? Restore your key with "
                    "your recovery code."
                ),
            )
        else:
            messages.success(
                request, _("Your key passphrase was changed. Use the new one from now on.")
            )
            response = redirect("wagtail_vertrouwen_inbox:index")
            unlock.remember(request, response, private_key, lock_elsewhere=True)
            return response
    return _render_form(request, "change_passphrase", {"form": form}, status)


@recipient_required(unlocked=False)
def restore(request):
    """Forgotten key passphrase: the recovery code opens the key; a new passphrase and a new
    recovery code follow."""
    key = recipient_key(request.user)
    if key is None:
        return redirect("wagtail_vertrouwen_inbox:key_setup")
    form = RestoreForm(request.user, request.POST or None)
    status = _status(request)
    if request.method == "POST" and form.is_valid():
        try:
            opened = keys.restore(
                key, form.cleaned_data["recovery_code"], form.cleaned_data["new_passphrase1"]
            )
        except keys.Busy:
            status = _busy(form)
        except keys.InvalidRecoveryCode:
            form.add_error(
                "recovery_code",
                _("That is not a recovery code: it has 32 letters and digits in groups of four."),
            )
        except keys.WrongSecret:
            form.add_error("recovery_code", _("This recovery code does not open your key."))
        else:
            response = _render(
                request, "recovery_code", {"code": opened.recovery_code, "restored": True}
            )
            unlock.remember(request, response, opened.private_key, lock_elsewhere=True)
            return response
    return _render_form(request, "restore", {"form": form}, status)
