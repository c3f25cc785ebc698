"""Headless access: serializers for Wagtail's API (v2)."""
