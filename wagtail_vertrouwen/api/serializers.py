"""Serializer fields for Wagtail's API (v2)."""

from django.utils import translation
from rest_framework import serializers
from wagtail.blocks import StreamBlock

#: What a StreamField's own blocks say for the API, unless a project's StreamBlock changes it.
_WAGTAIL_STREAM_REPRESENTATION = StreamBlock.get_api_representation


class InPageLanguageField(serializers.Field):
    """A read-only field serialised in the language of the page it belongs to.

    A page of the English locale gets English labels and English profile links whatever the
    client's Accept-Language, so one listing can mix locales consistently. Subclasses
    implement ``represent(value, page)``.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return super().get_attribute(instance), instance

    def to_representation(self, value_and_page):
        value, page = value_and_page
        locale = getattr(page, "locale", None)
        if locale is None:
            return self.represent(value, page)
        with translation.override(locale.language_code):
            return self.represent(value, page)

    def represent(self, value, page):  # pragma: no cover - abstract
        raise NotImplementedError


class ChoiceListSerializer(InPageLanguageField):
    """A list of choice keys as ``[{"key": ..., "label": ...}]``."""

    def __init__(self, choices, **kwargs):
        self.labels = dict(choices)
        super().__init__(**kwargs)

    def represent(self, value, page):
        return [{"key": key, "label": str(self.labels.get(key, key))} for key in value or []]


class LocalizedStreamField(InPageLanguageField):
    """A StreamField (with route-finders) in its page's language, as Wagtail's API shows it.

    Same output as ``wagtail.api.v2.serializers.StreamField``, which cannot be imported while
    models load. Blocks are given the page's school as ``context["site"]``: a client may ask
    for another school's page than the host's (``?site=``), and a route-finder names the people
    of the page's school. A block that keeps its representation (``kept_api_representation``,
    the route-finder's render cache) is answered from what it kept without converting its
    stored value; any other block, and a kept one on a miss, as Wagtail's ``StreamBlock`` does.
    """

    def represent(self, value, page):
        if value is None:
            return []
        context = {**self.context, "site": page_site(page, self.context.get("request"))}
        if type(value.stream_block).get_api_representation is not _WAGTAIL_STREAM_REPRESENTATION:
            return value.stream_block.get_api_representation(value, context)  # a project's own
        child_blocks = value.stream_block.child_blocks
        stored = value.raw_data
        items = []
        for index in range(len(value)):
            raw = stored[index]
            kept = getattr(child_blocks.get(raw.get("type")), "kept_api_representation", None)
            representation = kept(raw.get("value"), context) if kept else None
            if representation is not None:
                items.append({"type": raw["type"], "value": representation, "id": raw.get("id")})
                continue
            child = value[index]
            representation = child.block.get_api_representation(child.value, context=context)
            items.append({"type": child.block.name, "value": representation, "id": child.id})
        return items


def page_site(page, request):
    """The site (school) ``page`` belongs to: the request's own without a query when it is
    that one, None for a page outside every site."""
    from wagtail.models import Site

    parts = page.get_url_parts(request) if page is not None else None
    if parts is None:
        return None
    current = Site.find_for_request(request) if request is not None else None
    if current is not None and current.pk == parts[0]:
        return current
    if request is None:
        return Site.objects.filter(pk=parts[0]).first()
    found = request.__dict__.setdefault("_vertrouwen_sites", {})  # once per listing
    if parts[0] not in found:
        found[parts[0]] = Site.objects.filter(pk=parts[0]).first()
    return found[parts[0]]


class SitesSerializer(serializers.Field):
    """The schools (Wagtail sites) a profile serves."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance.schools.all()

    def to_representation(self, value):
        return [
            {"id": site.pk, "name": site.site_name or site.hostname, "root_url": site.root_url}
            for site in value
        ]
