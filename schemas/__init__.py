"""pandera schemas (polars backend): the checks, one module each (``registry``), the tables,
the reference data and the reusable checks.

The check modules are imported by ``registry``, not here: they import the check machinery of
``addsup.checks``, which imports this package's ``checks``.
"""

from addsup_schemas import checks  # noqa: F401  (registers reusable checks first)
from addsup_schemas.figures import FigureSchema
from addsup_schemas.reference_data import FxMonthly, OfficialStats
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
    "ExpoEditions",
    "FigureSchema",
    "FxMonthly",
    "OfficialStats",
    "TableArithmetic",
]
