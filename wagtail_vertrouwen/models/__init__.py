from .profiles import VertrouwenspersonenIndexPage, VertrouwenspersoonPage
from .routewijzer_page import RoutewijzerPage

__all__ = ["RoutewijzerPage", "VertrouwenspersonenIndexPage", "VertrouwenspersoonPage"]
