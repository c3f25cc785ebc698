"""Block values as Wagtail stores them."""

from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.blocks.struct_block import StructValue


def load_all(value):
    """Load every child of a (lazy) block value, so ``get_prep_value`` gives each block and
    list item an id; unloaded children of a StreamValue are stored as they came."""
    if isinstance(value, StreamValue):
        for child in value:
            load_all(child.value)
    elif isinstance(value, ListValue):
        for child in value.bound_blocks:
            load_all(child.value)
    elif isinstance(value, StructValue):
        for child in value.values():
            load_all(child)
    return value
