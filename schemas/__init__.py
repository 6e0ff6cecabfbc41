"""pandera schemas (polars backend): tables, check views and reusable checks."""

from addsup_schemas import checks  # noqa: F401  (registers reusable checks first)
from addsup_schemas.agreement import AgreementCheck, ReferenceCheck
from addsup_schemas.amounts import ConvertsToCheck, SharesOfOneWholeCheck, SumOfCheck
from addsup_schemas.balance import BalanceCheck, GrowthOfTotalCheck
from addsup_schemas.change import GrowthCheck, GrowthStated, PpDifferenceCheck
from addsup_schemas.figures import FigureSchema
from addsup_schemas.magnitude import MagnitudeCheck
from addsup_schemas.reference import FxMonthly, OfficialStats
from addsup_schemas.share import ShareOfCheck
from addsup_schemas.tables import ExpoEditions, TableArithmetic

# curated CSV tables under data/tables/ without a contract (<name>.toml, docs/tables.md),
# for checks a contract cannot say: file stem -> schema
TABLE_SCHEMAS = {
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
    "BalanceCheck",
    "ConvertsToCheck",
    "ExpoEditions",
    "FigureSchema",
    "FxMonthly",
    "GrowthCheck",
    "GrowthOfTotalCheck",
    "GrowthStated",
    "MagnitudeCheck",
    "OfficialStats",
    "PpDifferenceCheck",
    "ReferenceCheck",
    "ShareOfCheck",
    "SharesOfOneWholeCheck",
    "SumOfCheck",
    "TableArithmetic",
]
