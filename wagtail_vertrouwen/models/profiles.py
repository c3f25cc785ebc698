"""Profile pages of the people in vertrouwenswerk, and the index that lists them.

Nothing here decides who receives meldingen: the confidential channel manages that itself.
"""

from __future__ import annotations

from collections import namedtuple

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q, prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page, PageManager, Site
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .. import cache as render_cache
from ..api.serializers import ChoiceListSerializer, SitesSerializer
from ..choices import Rol, Taal
from ..contacts import tel_href
from ..fields import ChoiceListField
from ..locales import default_locale, reference_versions

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ()\-]{1,28}[0-9]$",
    _("Enter a phone number of digits, spaces and hyphens, for example 024-1234567."),
)


class VertrouwenspersoonQuerySet(PageQuerySet):
    def current(self):
        """Live, public profiles whose appointment term has not ended."""
        today = timezone.localdate()
        return self.live().public().filter(Q(term_ends__isnull=True) | Q(term_ends__gte=today))

    def serving(self, site: Site, language: str | None = None):
        """Current profiles that serve ``site``, one per person, in ``language`` if translated.

        A profile serves a site when the site is among its schools, or when it has no schools
        and lives in that site's page tree. The schools of any translation count, so a
        translated profile need not repeat them; whether the person is current (live, public,
        term not ended) is decided by the reference version (``wagtail_vertrouwen.locales``:
        the version in the default locale, else the original).
        """
        model = self.model
        roots = site.root_page.get_translations(inclusive=True)
        in_tree = Q()
        for root in roots:
            in_tree |= Q(path__startswith=root.path)
        serving_keys = model.objects.filter(
            Q(schools=site) | (Q(schools__isnull=True) & in_tree)
        ).values("translation_key")
        # The reference version decides whether a person is current: a stale translation
        # must not keep someone listed whose term ended or who was unpublished.
        versions = [
            _Version(*row)
            for row in model.objects.filter(translation_key__in=serving_keys)
            .annotate(is_current=Exists(model.objects.current().filter(pk=OuterRef("pk"))))
            .values_list("pk", "translation_key", "locale_id", "is_current")
        ]
        reference = reference_versions(versions, default_locale())
        candidates = [
            profile
            for profile in self.current()
            .filter(translation_key__in=serving_keys)
            .select_related("locale")
            if reference[profile.translation_key].is_current
        ]
        return _one_per_person(candidates, language, reference)


_Version = namedtuple("_Version", "pk translation_key locale_id is_current")


def _one_per_person(profiles, language, reference):
    """Keep one version of each person: the visitor's language, else the reference one."""
    chosen = {}
    for profile in profiles:
        rank = (
            0
            if profile.locale.language_code == language
            else 1
            if profile.pk == reference[profile.translation_key].pk
            else 2
        )
        current = chosen.get(profile.translation_key)
        if current is None or rank < current[0]:
            chosen[profile.translation_key] = (rank, profile)
    return sorted(
        (profile for _rank, profile in chosen.values()), key=lambda p: (p.title.lower(), p.pk)
    )


VertrouwenspersoonManager = PageManager.from_queryset(VertrouwenspersoonQuerySet)


class VertrouwenspersoonPage(Page):
    """One person: who they are, how and when to reach them, and which schools they serve."""

    roles = ChoiceListField(
        item_choices=Rol.choices,
        verbose_name=_("roles"),
        help_text=_("Everything this person is at the school; choose at least one."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
    )
    photo_alt = models.CharField(
        _("photo description"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the photo shows, for people who cannot see it. Leave empty to use the "
            "image's own description."
        ),
    )
    introduction = RichTextField(
        _("introduction"),
        features=["bold", "italic", "link", "ul"],
        blank=True,
        max_length=2000,
        help_text=_("A few friendly sentences: who you are and what you can help with."),
    )
    languages = ChoiceListField(
        item_choices=Taal.choices,
        blank=True,
        verbose_name=_("languages spoken"),
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[phone_validator])
    email = models.EmailField(_("email"), blank=True)
    spreekuur = models.CharField(
        _("consultation hours"),
        max_length=255,
        blank=True,
        help_text=_("When you can be reached, for example: Tuesdays 12:00-13:00."),
    )
    location = models.CharField(
        _("where to find me"),
        max_length=255,
        blank=True,
        help_text=_("For example: room 1.12, next to the staff room."),
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=255,
        blank=True,
        help_text=_("For an external confidential adviser: the organisation they work for."),
    )
    schools = ParentalManyToManyField(
        "wagtailcore.Site",
        blank=True,
        related_name="+",
        verbose_name=_("schools served"),
        help_text=_(
            "The schools (sites) this person serves. Leave empty for only the school whose "
            "pages this profile is part of."
        ),
    )
    term_ends = models.DateField(
        _("end of appointment term"),
        null=True,
        blank=True,
        help_text=_(
            "After this date the profile is no longer listed or shown in the route-finder."
        ),
    )

    objects = VertrouwenspersoonManager()

    parent_page_types = ["wagtail_vertrouwen.VertrouwenspersonenIndexPage"]
    subpage_types = []
    template = "wagtail_vertrouwen/pages/vertrouwenspersoon_page.html"

    content_panels = [
        TitleFieldPanel("title", heading=_("Name"), placeholder=_("Full name")),
        FieldPanel("roles"),
        MultiFieldPanel(
            [FieldPanel("photo"), FieldPanel("photo_alt")],
            heading=_("Photo"),
        ),
        FieldPanel("introduction"),
        FieldPanel("languages"),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("spreekuur"),
                FieldPanel("location"),
            ],
            heading=_("How and when to reach me"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("schools", widget=forms.CheckboxSelectMultiple),
                FieldPanel("term_ends"),
            ],
            heading=_("Appointment"),
        ),
    ]

    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    api_fields = [
        APIField("roles", serializer=ChoiceListSerializer(Rol.choices)),
        APIField("photo", serializer=ImageRenditionField("fill-400x400")),
        APIField("photo_alt_text"),
        APIField("introduction"),
        APIField("languages", serializer=ChoiceListSerializer(Taal.choices)),
        APIField("phone"),
        APIField("email"),
        APIField("spreekuur"),
        APIField("location"),
        APIField("organisation"),
        APIField("schools", serializer=SitesSerializer()),
        APIField("term_ends"),
    ]

    # wagtail-localize: contact details and appointments are the same in every language;
    # only the words about the person are translated.
    override_translatable_fields = [
        SynchronizedField("roles"),
        SynchronizedField("photo"),
        TranslatableField("photo_alt"),
        TranslatableField("introduction"),
        SynchronizedField("languages"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        TranslatableField("spreekuur"),
        TranslatableField("location"),
        SynchronizedField("organisation"),
        SynchronizedField("schools"),
        SynchronizedField("term_ends"),
    ]

    class Meta:
        verbose_name = _("vertrouwenspersoon profile")
        verbose_name_plural = _("vertrouwenspersoon profiles")

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_alt and not self.photo.description:
            raise ValidationError(
                {
                    "photo_alt": _(
                        "Describe the photo for people who cannot see it, or give the image "
                        "a description in the image library."
                    )
                }
            )

    @property
    def photo_alt_text(self):
        if not self.photo_id:
            return ""
        return self.photo_alt or self.photo.description or ""

    @property
    def role_labels(self):
        labels = dict(Rol.choices)
        return [labels[key] for key in self.roles if key in labels]

    @property
    def language_labels(self):
        labels = dict(Taal.choices)
        return [labels[key] for key in self.languages if key in labels]

    @property
    def term_has_ended(self):
        return self.term_ends is not None and self.term_ends < timezone.localdate()

    @property
    def has_contact_details(self):
        return any([self.phone, self.email, self.spreekuur, self.location])

    @property
    def tel_href(self):
        return tel_href(self.phone)


class ProfileFilterForm(forms.Form):
    """The visitor's filter on the index: school and language. Bad values are reported."""

    school = forms.TypedChoiceField(label=_("School"), required=False, coerce=int, empty_value=None)
    language = forms.ChoiceField(label=_("Speaks"), required=False)

    def __init__(self, *args, schools=(), languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].choices = [("", _("All schools"))] + [
            (site.pk, site.site_name or site.hostname) for site in schools
        ]
        self.fields["language"].choices = [("", _("Any language"))] + list(languages)


class VertrouwenspersonenIndexPage(Page):
    """Lists the people serving this school, grouped by role, filterable by school and language.

    Profiles are created as children of an index; an index lists everyone serving its school,
    including people from another school's tree whose "schools served" include this one.
    """

    introduction = RichTextField(
        _("introduction"), features=["bold", "italic", "link", "ul"], blank=True
    )

    subpage_types = ["wagtail_vertrouwen.VertrouwenspersoonPage"]
    template = "wagtail_vertrouwen/pages/vertrouwenspersonen_index_page.html"

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    api_fields = [APIField("introduction")]

    class Meta:
        verbose_name = _("vertrouwenspersonen index")
        verbose_name_plural = _("vertrouwenspersonen indexes")

    def get_profiles(self, language=None):
        """The people serving this page's school: the same rule as the route-finder uses."""
        site = self.get_site()
        if site is None:  # not (yet) part of a site: just this page's own profiles
            return list(
                VertrouwenspersoonPage.objects.child_of(self).current().filter(locale=self.locale)
            )
        return VertrouwenspersoonPage.objects.serving(
            site, language=language or self.locale.language_code
        )

    def listed_profiles(self, request):
        """``get_profiles()``, with the answer to "who serves this school" from the render
        cache (``cache.py``: per school, language, date and content version, so a publish,
        an unpublish, a changed school or an ended term shows at once): a hit fetches the
        listed profiles by key in one query instead of working out the whole rule again."""
        if not render_cache.cacheable(request):
            return list(self.get_profiles())
        cache_key = render_cache.key("profile-index", self.get_site(), self.pk)
        keys = render_cache.get_or_build(
            cache_key, lambda: [profile.pk for profile in self.get_profiles()]
        )
        found = VertrouwenspersoonPage.objects.live().select_related("locale").in_bulk(keys)
        return [found[key] for key in keys if key in found]

    #: The rendition the index shows of each profile's photo (the template's ``image`` tag).
    CARD_PHOTO_FILTER = "fill-160x160"

    #: The filter and the people by role (rendered apart, so that it can be kept rendered).
    LISTING_TEMPLATE = "wagtail_vertrouwen/includes/profile_listing.html"

    def get_context(self, request, *args, **kwargs):
        """Without a filter chosen (the index as most visitors see it), the listing comes
        rendered from the render cache (``cache.py``: per school, language, date and content
        version, so a publish, a changed photo or an ended term shows at once); with one, it is
        worked out for the request."""
        context = super().get_context(request, *args, **kwargs)
        if self.filter_chosen(request) or not render_cache.cacheable(request):
            context.update(self.listing_context(request))
            return context
        # The people depend on this page (its school), the links on the site asked for.
        cache_key = render_cache.key("profile-index-html", Site.find_for_request(request), self.pk)
        html = render_cache.get_or_build(
            cache_key,
            lambda: str(
                render_to_string(self.LISTING_TEMPLATE, self.listing_context(request), request)
            ),
        )
        context["listing_html"] = mark_safe(html)  # noqa: S308 - our own template's output
        return context

    @staticmethod
    def filter_chosen(request) -> bool:
        """Whether the address names a filter field (chosen, emptied or typed wrong); other
        parameters (a campaign's ``utm_source``, a cache buster) leave the listing as is."""
        return not request.GET.keys().isdisjoint(ProfileFilterForm.base_fields)

    def listing_context(self, request):
        """The filter form and the listed people, grouped by role."""
        profiles = self.listed_profiles(request)
        # A fixed number of queries however many people: every profile's schools, photo and
        # its card rendition in one query each.
        prefetch_related_objects(
            profiles,
            "schools",
            "photo",
            Prefetch(
                "photo__renditions",
                queryset=get_image_model()
                .get_rendition_model()
                .objects.filter(filter_spec=self.CARD_PHOTO_FILTER),
            ),
        )
        schools = sorted(
            {site.pk: site for profile in profiles for site in profile.schools.all()}.values(),
            key=lambda site: (site.site_name, site.hostname),
        )
        spoken = {code for profile in profiles for code in profile.languages}
        languages = [(code, label) for code, label in Taal.choices if code in spoken]
        data = request.GET if self.filter_chosen(request) else None
        form = ProfileFilterForm(data, schools=schools, languages=languages)
        if form.is_bound and form.is_valid():
            school = form.cleaned_data["school"]
            language = form.cleaned_data["language"]
            if school:
                profiles = [p for p in profiles if school in {site.pk for site in p.schools.all()}]
            if language:
                profiles = [p for p in profiles if language in p.languages]
        groups = []
        for role, label in Rol.choices:
            members = [p for p in profiles if role in p.roles]
            if members:
                groups.append({"role": role, "label": label, "profiles": members})
        return {
            "filter_form": form,
            "role_groups": groups,
            "profile_count": len(profiles),
            "show_filter": len(schools) > 1 or len(languages) > 1,
        }
