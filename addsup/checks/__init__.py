"""The consistency checks: each reads its SQL view, validates it with its pandera schema,
and says for every row whether the numbers as printed can all be true."""

from addsup.checks.agreement import validate_agreement, validate_reference
from addsup.checks.amounts import (
    validate_converts_to,
    validate_shares_of_one_whole,
    validate_sum_of,
)
from addsup.checks.change import validate_growth, validate_pp_difference
from addsup.checks.share import validate_share_of

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

__all__ = ["ALL_CHECKS"]
