from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    """A list of keys from a fixed set of choices, stored as a JSON array.

    Edited as checkboxes. Filter with ``field__icontains='"key"'``, which works on SQLite and
    PostgreSQL alike. The choices are validation only, so they are kept out of migrations.
    """

    def __init__(self, *args, item_choices=(), **kwargs):
        self.item_choices = item_choices
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, "django.db.models.JSONField", args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {key for key, _label in self.item_choices}
        if not isinstance(value, list) or any(item not in allowed for item in value):
            raise ValidationError(_("Choose only from the options offered."), code="invalid_choice")

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.MultipleChoiceField,
            "choices": self.item_choices,
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
        }
        defaults.update(kwargs)
        # Skip JSONField.formfield(): this field is edited as choices, not as JSON text.
        return models.Field.formfield(self, **defaults)
