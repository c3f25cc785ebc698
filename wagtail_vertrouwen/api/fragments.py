"""A block's API representation kept with its JSON.

Wagtail's API indents its answers, which rules out Python's C encoder: the route-finder's
representation (some 3,000 values) was encoded in pure Python on every request, the biggest
cost of its API detail. A representation kept in the render cache as ``Encoded`` carries the
bytes that Wagtail's API writes for it, and the package's renderer (``renderers.py``) writes
those bytes in its place. To any other renderer it is the plain dict it always was.
"""

import json

from rest_framework.renderers import JSONRenderer

#: How Wagtail's API writes JSON (``BaseAPIViewSet.get_renderer_context``): four spaces.
WAGTAIL_INDENT = 4


def encoding(renderer, indent):
    """What decides the bytes ``renderer`` writes: two encodings that are equal write the same."""
    return (
        indent,
        renderer.ensure_ascii,
        renderer.compact,
        renderer.strict,
        renderer.encoder_class,
    )


class Encoded(dict):
    """A representation (a dict) with ``content``, its JSON in encoding ``how``."""

    def __init__(self, value, content: bytes, how):
        super().__init__(value)
        self.content = content
        self.how = how

    def __reduce__(self):
        # Kept as its JSON alone: smaller in the cache and read back by the C decoder.
        return (_from_content, (self.content, self.how))

    @classmethod
    def of(cls, value):
        """``value`` with its JSON as Wagtail's API writes it with REST framework's settings."""
        renderer = JSONRenderer()
        content = renderer.render(value, renderer_context={"indent": WAGTAIL_INDENT})
        return cls(value, content, encoding(renderer, WAGTAIL_INDENT))


def _from_content(content, how):
    return Encoded(json.loads(content), content, how)
