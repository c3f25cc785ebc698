"""Headless access through Wagtail's API (v2): serializer fields, and the pages endpoint that
writes kept route-finders from their JSON."""
