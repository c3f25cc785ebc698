"""The melding form page and who receives what it sends."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from ...choices import Rol
from .. import conf

RICH_TEXT = ["bold", "italic", "link", "ul", "ol"]


def default_retention_days():
    return conf.get("RETENTION_DAYS")


class MeldingFormPage(Page):
    """The public form. Its recipients are not a page field: see ``Designation``."""

    #: Never read or filled from the render cache, also before ``forget_client`` (a password
    #: page of a restricted form): an entry would tell that someone opened it (``cache.py``).
    leave_no_trace = True

    introduction = RichTextField(
        _("introduction"),
        features=RICH_TEXT,
        blank=True,
        help_text=_(
            "Shown above the form. The form itself always explains what a melding is, that it "
            "is not a formal complaint, and when confidentiality ends."
        ),
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        features=RICH_TEXT,
        blank=True,
        help_text=_(
            "Shown after a melding was received. Say when the melder can expect an answer."
        ),
    )
    retention_days = models.PositiveIntegerField(
        _("retention period (days)"),
        default=default_retention_days,
        validators=[MinValueValidator(7), MaxValueValidator(3650)],
        help_text=_(
            "Closed meldingen and their attachments are deleted this many days after closing."
        ),
    )

    acknowledge_within_days = models.PositiveSmallIntegerField(
        _("acknowledge within (days)"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_(
            "The vertrouwenspersoon answers every melding within this many days; the form "
            "says so, and the inbox reminds her."
        ),
    )
    klokkenluidersregeling = models.BooleanField(
        _("klokkenluidersregeling applies"),
        default=False,
        help_text=_(
            "For an employer with 50 or more staff: every melding of this form is acknowledged "
            "within 7 days and gets feedback within 3 months, as the Wet bescherming "
            "klokkenluiders requires for reports by staff. The form says so."
        ),
    )

    organisation = models.CharField(
        _("organisation that holds the data"),
        max_length=255,
        blank=True,
        help_text=_(
            "The school board (bevoegd gezag) responsible for the meldingen of this form, as "
            "the privacy notice on the form names it. Leave empty to say “the school board of” "
            "the school's site name."
        ),
    )
    privacy_contact = models.CharField(
        _("privacy contact"),
        max_length=255,
        blank=True,
        help_text=_(
            "Optional: where a melder can ask about their data besides the vertrouwenspersoon, "
            "for example the board's data protection officer's e-mail address."
        ),
    )

    template = "wagtail_vertrouwen/pages/melding_form_page.html"
    content_panels = [
        *Page.content_panels,
        HelpPanel(
            content=_(
                "Who receives the meldingen of this form is not set here: a person with the "
                "permission to designate recipients does that under Settings › Melding recipients."
            )
        ),
        FieldPanel("introduction"),
        FieldPanel("thank_you_text"),
    ]
    settings_panels = [
        *Page.settings_panels,
        FieldPanel("retention_days"),
        FieldPanel("acknowledge_within_days"),
        FieldPanel("klokkenluidersregeling"),
        FieldPanel("organisation"),
        FieldPanel("privacy_contact"),
    ]
    search_fields = []  # nothing on this page is worth a search hit, and nothing leaks there

    class Meta:
        verbose_name = _("melding form")
        verbose_name_plural = _("melding forms")

    def get_sitemap_urls(self, request=None):
        return []

    def serve(self, request, *args, **kwargs):
        from ..views.form import serve_melding_form

        return serve_melding_form(self, request)

    def serve_preview(self, request, mode_name):
        from ..views.form import serve_melding_form

        return serve_melding_form(self, request, preview=True)

    def designations(self):
        return Designation.objects.current().filter(translation_key=self.translation_key)

    def recipients(self):
        """The users whose keys new meldingen of this form are sealed to: designated, allowed to
        receive (``policy.receiving``: active, with admin access) and with a key. Nobody for a
        version that stands outside the school the form is pinned to
        (``policy.receives_on_its_site``). Two queries and no writes; designations of accounts
        that lapsed are ended by ``services.designate.end_lapsed_designations`` (signals,
        hooks, tasks)."""
        from django.contrib.auth import get_user_model

        from ..policy import receives_on_its_site, receiving

        if not receives_on_its_site(self):
            return []
        model = get_user_model()
        users = model._default_manager.filter(
            pk__in=self.designations().values("user"), vertrouwen_key__isnull=False
        )
        role = Designation.objects.current().filter(
            translation_key=self.translation_key, user=models.OuterRef("pk")
        )
        return list(
            receiving(users)
            .select_related("vertrouwen_key")
            .annotate(vertrouwen_role=models.Subquery(role.values("role")[:1]))
            .order_by(model.USERNAME_FIELD)
        )

    def organisation_name(self, site=None) -> str:
        """Who holds the data, as the privacy notice names it: ``organisation``, else the
        school board of the site's school (its site name), else "the school board"."""
        if self.organisation:
            return self.organisation
        if site is None:
            site = self.get_site()
        if site is not None and site.site_name:
            return _("the school board of %(school)s") % {"school": site.site_name}
        return str(_("the school board"))

    def versions(self):
        """Every version (translation) of this form with where it stands, for the recipients
        page: its locale, its site, whether it is live and public, and whether it receives
        there (``policy.receives_at`` the form's school, ``policy.school_of``). Four queries
        for a pinned form, whatever the number of versions (one more for a version on another
        website; a few more for a form not pinned yet)."""
        from wagtail.models import PageViewRestriction, Site

        from ..policy import receives_at, school_of, site_id_of

        pages = list(
            MeldingFormPage.objects.filter(translation_key=self.translation_key)
            .select_related("locale")
            .order_by("pk")
        )
        school = school_of(self.translation_key)
        site_ids = {page.pk: site_id_of(page) for page in pages}
        sites = Site.objects.select_related("root_page").in_bulk(set(site_ids.values()) - {None})
        step = self.steplen
        paths = {p.path[:end] for p in pages for end in range(step, len(p.path) + 1, step)}
        covering = PageViewRestriction.objects.filter(page__path__in=paths)
        covering = set(covering.values_list("page__path", flat=True))
        restricted = {p.pk for p in pages if any(p.path.startswith(path) for path in covering)}
        result = []
        for page in pages:
            site = sites.get(site_ids[page.pk])
            home = site.root_page.translation_key if site is not None else None
            result.append(
                {
                    "page": page,
                    "language_code": page.locale.language_code,
                    "site": site,
                    "live": page.live,
                    "public": page.pk not in restricted,
                    "receives": receives_at(home, school),
                }
            )
        return result


class DesignationQuerySet(models.QuerySet):
    def current(self):
        return self.filter(removed_at__isnull=True)


class Designation(models.Model):
    """A recipient of a melding form and all its translations (they share ``translation_key``).

    Changed in the recipients view, behind ``designate_recipients``, or ended when the account
    is deleted, deactivated or loses admin access (``services.designate``); every change is
    audited and notified to the recipients concerned (I4). Removing keeps the row.
    """

    translation_key = models.UUIDField(db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: What the person is at the school, as the public form names every reader ("Fatima El
    #: Amrani, interne vertrouwenspersoon"); chosen by whoever designates, audited with it.
    role = models.CharField(
        _("role"),
        max_length=40,
        blank=True,
        choices=Rol.choices,
        help_text=_("Shown on the form with the person's name. Empty: “vertrouwenspersoon”."),
    )

    objects = DesignationQuerySet.as_manager()

    class Meta:
        verbose_name = _("melding recipient")
        verbose_name_plural = _("melding recipients")
        default_permissions = ()
        permissions = [("designate_recipients", _("Can designate the recipients of melding forms"))]
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "user"],
                condition=models.Q(removed_at__isnull=True),
                name="one_current_designation",
            )
        ]

    def __str__(self):
        return str(self.user)


class FormSchool(models.Model):
    """The school a melding form (all its versions, sharing ``translation_key``) receives for:
    the ``translation_key`` of the home page (the Site's root page) of the school it was pinned
    to at its first designation (``services.designate``), taken from the Site of the form's
    reference version. A version receives only on a Site whose root page has this key
    (``policy.receives_on_its_site``): the school's Site, or one of its Sites per language,
    whose home pages are translations of each other. Renaming Locales, changing
    ``LANGUAGE_CODE``, deleting the original or adding a translation cannot move it; it is
    released when the form has no current designation left, and the next first designation
    pins it again."""

    form_key = models.UUIDField(unique=True)
    home_key = models.UUIDField()
    pinned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("school of a melding form")
        verbose_name_plural = _("schools of melding forms")
        default_permissions = ()

    def __str__(self):
        return f"{self.form_key} → {self.home_key}"
