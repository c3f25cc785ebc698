"""Route-finder StreamField blocks: one block per probleemgebied, routes per audience."""

from .probleemgebied import AREA_BLOCKS, ProbleemgebiedBlock, ProbleemgebiedenBlock
from .routewijzer import RoutewijzerBlock, routewijzer_blocks
from .steps import RouteStepBlock

__all__ = [
    "AREA_BLOCKS",
    "ProbleemgebiedBlock",
    "ProbleemgebiedenBlock",
    "RouteStepBlock",
    "RoutewijzerBlock",
    "routewijzer_blocks",
]
