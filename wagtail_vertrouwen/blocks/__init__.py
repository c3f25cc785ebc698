"""Route-finder StreamField blocks: one block per probleemgebied, routes per audience."""

from .probleemgebied import AREA_BLOCKS, ProbleemgebiedBlock, ProbleemgebiedenBlock
from .routewijzer import RoutewijzerBlock
from .steps import RouteStepBlock

__all__ = [
    "AREA_BLOCKS",
    "ProbleemgebiedBlock",
    "ProbleemgebiedenBlock",
    "RouteStepBlock",
    "RoutewijzerBlock",
]
