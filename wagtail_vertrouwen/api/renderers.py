"""REST framework's JSON renderer, writing kept fragments as they were kept."""

import re
import secrets

from rest_framework import renderers

from .fragments import Encoded, encoding


class JSONRenderer(renderers.JSONRenderer):
    """Writes each ``fragments.Encoded`` in the answer from its kept JSON instead of encoding
    it again: the same bytes as REST framework's renderer, without the pure-Python encoding of
    the route-finder on every request. A fragment kept in another encoding (another indent
    asked for in ``Accept``, other settings) is encoded as usual."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        renderer_context = renderer_context or {}
        how = encoding(self, self.get_indent(accepted_media_type, renderer_context))
        if how[0] is None:  # compact: the C encoder is fast enough
            return super().render(data, accepted_media_type, renderer_context)
        marker = f"vw-fragment-{secrets.token_hex(8)}-"
        fragments = []
        data = _stand_ins(data, how, marker, fragments)
        content = super().render(data, accepted_media_type, renderer_context)
        return _spliced(content, marker, fragments)


def _stand_ins(value, how, marker, fragments):
    """``value`` with each fragment in encoding ``how`` replaced by a string naming it."""
    if isinstance(value, Encoded) and value.how == how:
        fragments.append(value.content)
        return f"{marker}{len(fragments) - 1}"
    if isinstance(value, dict):
        return {key: _stand_ins(item, how, marker, fragments) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_stand_ins(item, how, marker, fragments) for item in value]
    return value


def _spliced(content: bytes, marker: str, fragments) -> bytes:
    """``content`` with each stand-in string replaced by its fragment, indented as deep as
    the line it stands on (the fragment was written at the top level). One pass: the parts
    are joined once, however many fragments there are."""
    stand_in = re.compile(b'"' + re.escape(marker.encode()) + rb'(\d+)"')
    parts, done = [], 0
    for found in stand_in.finditer(content):
        line = content[content.rfind(b"\n", 0, found.start()) + 1 : found.start()]
        depth = len(line) - len(line.lstrip(b" "))
        fragment = fragments[int(found.group(1))]
        if depth:
            fragment = fragment.replace(b"\n", b"\n" + b" " * depth)
        parts += [content[done : found.start()], fragment]
        done = found.end()
    parts.append(content[done:])
    return b"".join(parts)
