"""pandera schemas (polars backend): tables, check views and reusable checks."""

from schemas import checks  # noqa: F401  (registers reusable checks first)
from schemas.figures import FigureSchema
from schemas.share import ShareOfCheck
from schemas.tables import ExpoEditions, TradeByPartner

# curated CSV tables under data/tables/: file stem -> schema
TABLE_SCHEMAS = {
    "trade_by_partner": TradeByPartner,
    "expo_editions": ExpoEditions,
}

__all__ = ["TABLE_SCHEMAS", "ExpoEditions", "FigureSchema", "ShareOfCheck", "TradeByPartner"]
