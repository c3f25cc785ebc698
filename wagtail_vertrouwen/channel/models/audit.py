"""The audit log of the confidential channel (I5): who did what, when; never an IP address."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    RECEIVED = "received", _("Melding received")
    DECRYPTED = "decrypted", _("Melding opened")
    LISTED = "listed", _("Meldingen listed (area and sender decrypted)")
    EXPORTED = "exported", _("Melding exported")
    DOWNLOADED = "downloaded", _("Attachment downloaded")
    STATUS_CHANGED = "status_changed", _("Status changed")
    NOTE_SAVED = "note_saved", _("Private note saved")
    DELETED = "deleted", _("Melding deleted")
    PURGED = "purged", _("Melding purged after the retention period")
    RECIPIENT_ADDED = "recipient_added", _("Recipient added")
    RECIPIENT_REMOVED = "recipient_removed", _("Recipient removed")
    RECIPIENT_ROLE_CHANGED = "recipient_role_changed", _("Recipient's role changed")
    RECIPIENT_CONTACT_CHANGED = (
        "recipient_contact_changed",
        _("Recipient's name, login name or e-mail address changed"),
    )
    KEY_CREATED = "key_created", _("Key set up")
    KEY_REWRAPPED = "key_rewrapped", _("Key passphrase changed")
    KEY_RESTORED = "key_restored", _("Key restored with the recovery code")
    KEY_PASSPHRASE_LOCKED = (
        "key_passphrase_locked",
        _("Key passphrase locked for a while after too many wrong attempts"),
    )
    SECOND_FACTOR_ENROLLED = "second_factor_enrolled", _("Authenticator app set up")
    LOGIN_PASSWORD_CHANGED = "login_password_changed", _("Login password changed")
    FORM_CLOSED = "form_closed", _("Melding form went offline")
    FORM_REOPENED = "form_reopened", _("Melding form public again")
    FORM_MOVED = "form_moved", _("Melding form moved to another website")
    FORM_PINNED = "form_pinned", _("Melding form pinned to its school")
    MAILBOX_OPENED = "mailbox_opened", _("Melder logged in to the mailbox")
    MAILBOX_CODE_FAILED = "mailbox_code_failed", _("Wrong codes entered at the mailbox")
    MESSAGE_SENT = "message_sent", _("Message to the melder sent")
    MELDER_MESSAGE = "melder_message", _("Message from the melder received")
    MELDER_IDENTITY = "melder_identity", _("Melder shared name or contact details")
    MELDER_STATUS_CHANGED = "melder_status_changed", _("Status shown to the melder changed")
    DEADLINE_SET = "deadline_set", _("Next contact date set")
    FEEDBACK_GIVEN = "feedback_given", _("Feedback given to the melder")
    ACCESS_GRANTED = "access_granted", _("Access to a melding given to a colleague")
    ACCESS_GIVEN_UP = "access_given_up", _("Own access to a melding given up")


#: Lines about who receives a form, and where and whether it can receive: the form's
#: recipients see them (``policy.audit_lines_visible_to``), so does the recipients page.
RECIPIENT_CHANGES = (
    AuditAction.RECIPIENT_ADDED,
    AuditAction.RECIPIENT_REMOVED,
    AuditAction.RECIPIENT_ROLE_CHANGED,
    AuditAction.RECIPIENT_CONTACT_CHANGED,
)
FORM_EVENTS = (
    AuditAction.FORM_CLOSED,
    AuditAction.FORM_REOPENED,
    AuditAction.FORM_MOVED,
    AuditAction.FORM_PINNED,
    AuditAction.MAILBOX_CODE_FAILED,
)


class AuditEntry(models.Model):
    """One line of the log. It outlives the melding it is about (``melding_id`` is no key)."""

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(max_length=150, blank=True)
    #: Who acted and whom a recipient change was about, as they were named at the time
    #: (``policy.identity``): the log keeps them when the account is renamed or deleted.
    actor_identity = models.CharField(_("who (at the time)"), max_length=400, blank=True)
    subject_identity = models.CharField(_("about whom (at the time)"), max_length=400, blank=True)
    action = models.CharField(_("what"), max_length=32, choices=AuditAction.choices)
    melding_id = models.UUIDField(null=True, blank=True, db_index=True)
    form = models.ForeignKey(
        "wagtail_vertrouwen_channel.MeldingFormPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    #: The form a line is about, kept when the page (one translation) is deleted: all its
    #: translations share this key, and so do its designations.
    translation_key = models.UUIDField(null=True, blank=True, db_index=True)
    form_title = models.CharField(_("form (at the time)"), max_length=255, blank=True)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The recipient a recipient change is about."),
    )
    detail = models.CharField(max_length=300, blank=True)
    readers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        help_text=_(
            "The recipients of the melding at the time: they keep seeing this line, also after "
            "the melding is deleted."
        ),
    )

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.get_action_display()}"

    @classmethod
    def record(
        cls,
        action,
        actor=None,
        *,
        melding=None,
        form=None,
        subject=None,
        detail="",
        readers=None,
        subject_identity=None,
        translation_key=None,
        form_title="",
    ):
        """``form``: the page it is about; for a page being deleted (which a line cannot point
        to), pass its ``translation_key`` and ``form_title`` instead."""
        from ..policy import identity

        if subject_identity is None:
            subject_identity = identity(subject)
        if form is None and melding is not None:
            form = melding.form
            # Its version deleted: the line is still about the melding's form.
            translation_key = translation_key or melding.form_key
        if form is not None:
            translation_key = form.translation_key
            form_title = form_title or form.title
        entry = cls.objects.create(
            action=action,
            actor=actor,
            actor_name=actor.get_username() if actor else "",
            actor_identity=identity(actor)[:400],
            subject_identity=str(subject_identity)[:400],
            melding_id=melding.pk if melding else None,
            form=form,
            translation_key=translation_key,
            form_title=str(form_title)[:255],
            subject=subject,
            detail=str(detail)[:300],
        )
        if readers is None and melding is not None:
            readers = melding.accesses.values_list("recipient", flat=True)
        if readers is not None:
            # A new line has no readers yet: one INSERT (``set`` would first ask which it has).
            Reader = cls.readers.through
            # Users or their ids (as set() takes them: "7" and 7 are one reader).
            user_ids = {
                int(getattr(reader, "pk", reader)) for reader in readers if reader is not None
            }
            Reader.objects.bulk_create(
                Reader(auditentry_id=entry.pk, user_id=user_id) for user_id in user_ids
            )
        return entry
