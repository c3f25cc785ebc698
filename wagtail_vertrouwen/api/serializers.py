from rest_framework import serializers


class ChoiceListSerializer(serializers.Field):
    """A list of choice keys as ``[{"key": ..., "label": ...}]`` in the active language."""

    def __init__(self, choices, **kwargs):
        self.labels = dict(choices)
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return [{"key": key, "label": str(self.labels.get(key, key))} for key in value or []]


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
