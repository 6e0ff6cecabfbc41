"""The consistency checks: each reads its SQL view, validates it with its pandera schema,
and says for every row whether the numbers as printed can all be true."""

from addsup.checks.agreement import validate_agreement, validate_reference
from addsup.checks.amounts import (
    SUM_OF,
    decide_sum_of,
    validate_converts_to,
    validate_shares_of_one_whole,
    validate_sum_of,
)
from addsup.checks.change import (
    GROWTH,
    PP_DIFFERENCE,
    decide_growth,
    decide_pp_difference,
    validate_growth,
    validate_pp_difference,
)
from addsup.checks.share import SHARE_OF, decide_share_of, validate_share_of

ALL_CHECKS = (
    validate_share_of,
    validate_shares_of_one_whole,
    validate_pp_difference,
    validate_growth,
    validate_sum_of,
    validate_converts_to,
    validate_agreement,
    validate_reference,
)

# the decision step alone (views read through Arrow, pandera in one pass, no message built)
# of the four checks that bench/hand_checks.sql writes by hand: what make bench compares
DECISIONS = {
    "share_of": decide_share_of,
    "growth": decide_growth,
    "pp_difference": decide_pp_difference,
    "sum_of": decide_sum_of,
}

# the checks with one finding per relation, whose passes are stored as numbers
ROW_CHECKS = {
    validate_share_of: SHARE_OF,
    validate_growth: GROWTH,
    validate_pp_difference: PP_DIFFERENCE,
    validate_sum_of: SUM_OF,
}

__all__ = ["ALL_CHECKS", "DECISIONS", "ROW_CHECKS"]
