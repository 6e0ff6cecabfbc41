"""The consistency checks: each reads its SQL view, validates it with its pandera schema,
and says for every row whether the numbers as printed can all be true."""

from addsup.checks.agreement import validate_agreement, validate_reference
from addsup.checks.amounts import (
    SUM_OF,
    validate_converts_to,
    validate_shares_of_one_whole,
    validate_sum_of,
)
from addsup.checks.balance import (
    BALANCE,
    GROWTH_OF_TOTAL,
    validate_balance,
    validate_growth_of_total,
)
from addsup.checks.change import (
    GROWTH,
    PP_DIFFERENCE,
    validate_growth,
    validate_pp_difference,
)
from addsup.checks.magnitude import validate_magnitude
from addsup.checks.share import SHARE_OF, validate_share_of

ALL_CHECKS = (
    validate_share_of,
    validate_shares_of_one_whole,
    validate_pp_difference,
    validate_growth,
    validate_sum_of,
    validate_converts_to,
    validate_balance,
    validate_growth_of_total,
    validate_magnitude,
    validate_agreement,
    validate_reference,
)

# the checks with one finding per relation, whose passes are stored as numbers
ROW_CHECKS = (SHARE_OF, GROWTH, PP_DIFFERENCE, SUM_OF, BALANCE, GROWTH_OF_TOTAL)

# their decision step alone (views read through Arrow, pandera in one pass, no message
# built): what bench/hand_checks.sql writes by hand and make bench compares
DECISIONS = {check.name: check.decide for check in ROW_CHECKS}

__all__ = ["ALL_CHECKS", "DECISIONS", "ROW_CHECKS"]
