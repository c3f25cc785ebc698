"""A vertrouwenspersoon's key pair: the public key, and the private key only wrapped."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RecipientKey(models.Model):
    """Set up at the recipient's first visit to the inbox (see ``services.keys``).

    ``wrapped_by_secret`` opens with the recipient's key passphrase, which she chose herself and
    which is not her login password; ``wrapped_by_recovery_code`` with the recovery code shown
    once. Neither the server, nor a superuser, nor whoever resets her login password can open
    either.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vertrouwen_key"
    )
    public_key = models.BinaryField(_("public key"))
    wrapped_by_secret = models.TextField(editable=False)
    wrapped_by_recovery_code = models.TextField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    rewrapped_at = models.DateTimeField(null=True, blank=True)
    #: Times she locked her inbox ("Lock my inbox"): a key unlocked before the last lock
    #: opens nothing, in any session (``services.unlock``).
    locks = models.PositiveIntegerField(default=0, db_default=0, editable=False)

    class Meta:
        verbose_name = _("recipient key")
        verbose_name_plural = _("recipient keys")

    def __str__(self):
        return str(self.user)
