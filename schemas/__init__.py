"""pandera schemas (polars backend): tables, check views and reusable checks."""

from schemas import checks  # noqa: F401  (registers reusable checks first)
from schemas.agreement import AgreementCheck, ReferenceCheck
from schemas.amounts import ConvertsToCheck, SharesOfOneWholeCheck, SumOfCheck
from schemas.change import GrowthCheck, GrowthStated, PpDifferenceCheck
from schemas.figures import FigureSchema
from schemas.magnitude import MagnitudeCheck
from schemas.reference import FxMonthly, OfficialStats
from schemas.share import ShareOfCheck
from schemas.tables import ExpoEditions, TradeByPartner

# curated CSV tables under data/tables/: file stem -> schema
TABLE_SCHEMAS = {
    "trade_by_partner": TradeByPartner,
    "expo_editions": ExpoEditions,
}

# reference data under data/reference/: file stem -> schema
REFERENCE_SCHEMAS = {
    "fx_monthly": FxMonthly,
    "official_stats": OfficialStats,
}

__all__ = [
    "REFERENCE_SCHEMAS",
    "TABLE_SCHEMAS",
    "AgreementCheck",
    "ConvertsToCheck",
    "ExpoEditions",
    "FigureSchema",
    "FxMonthly",
    "GrowthCheck",
    "GrowthStated",
    "MagnitudeCheck",
    "OfficialStats",
    "PpDifferenceCheck",
    "ReferenceCheck",
    "ShareOfCheck",
    "SharesOfOneWholeCheck",
    "SumOfCheck",
    "TradeByPartner",
]
