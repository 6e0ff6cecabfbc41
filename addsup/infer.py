"""A contract proposed for a table (``addsup tables infer FILE.csv``, docs/tables.md).

From the file alone: each column's type and nullability, ``min = 0`` for number columns with
no negative value, a key (the fewest text, whole-number or date columns, up to two, that no two
rows share), and the arithmetic that holds **within the rounding of the printed digits on at
least 90 % of the rows**: sums of up to four parts, shares, growth rates, differences (a
``balance`` when the names say exports and imports, else ``pp_difference``) and shares of one
whole per group. The next run then flags the rows where a proposed relation does not hold.

Candidates are screened on a sample of rows first (numpy, every combination at once) and
only those that pass it are tried on every row; a sum keeps its fewest parts (``s = t + u`` is
proposed, not also ``s = a + b + u`` when ``t = a + b``).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl

from addsup.table_checks import printed_half_units

SHARE_OF_ROWS = 0.9
SAMPLE_ROWS = 48
MAX_PARTS = 4
_INT = r"^[-+]?\d+$"
_FLOAT = r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$"
_DATE = r"^\d{4}-\d{2}-\d{2}$"


@dataclass
class Numbers:
    """The number columns as interval ends: ``lo``/``hi`` arrays of shape (rows, columns)."""

    names: list[str]
    value: np.ndarray
    lo: np.ndarray
    hi: np.ndarray


def _column_type(text: pl.Series) -> str:
    cells = text.str.strip_chars().str.replace_all(",", "")
    cells = cells.filter(cells.is_not_null() & (cells != ""))
    if cells.is_empty():
        return "str"
    for kind, pattern in (("int", _INT), ("float", _FLOAT), ("date", _DATE)):
        if cells.str.contains(pattern).all():
            return kind
    if cells.str.to_lowercase().is_in(["true", "false"]).all():
        return "bool"
    return "str"


def _numbers(raw: pl.DataFrame, types: dict[str, str]) -> Numbers:
    names = [c for c, t in types.items() if t in ("int", "float")]
    cleaned = [pl.col(c).str.strip_chars().str.replace_all(",", "") for c in names]
    value = raw.select([e.cast(pl.Float64, strict=False) for e in cleaned]).to_numpy()
    half = raw.select([printed_half_units(pl.col(c)).alias(c) for c in names]).to_numpy()
    return Numbers(names, value, value - half, value + half)


def _holds(
    implied_lo: np.ndarray, implied_hi: np.ndarray, lo: np.ndarray, hi: np.ndarray
) -> np.ndarray:
    """The share of rows (axis 0) whose intervals overlap; rows with a NaN do not count."""
    ok = (implied_lo <= hi) & (lo <= implied_hi)
    known = ~(np.isnan(implied_lo) | np.isnan(implied_hi) | np.isnan(lo) | np.isnan(hi))
    counted = known.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(counted > 0, (ok & known).sum(axis=0) / np.maximum(counted, 1), 0.0)


def _sums(n: Numbers, rows: np.ndarray) -> list[tuple[str, tuple[str, ...]]]:
    found: dict[int, list[tuple[int, ...]]] = {}
    cols = range(len(n.names))
    for size in range(2, MAX_PARTS + 1):
        for total in cols:
            if any(len(p) < size for p in found.get(total, [])):
                continue  # a sum with fewer parts was found for this total
            others = [c for c in cols if c != total]
            combos = np.array(list(itertools.combinations(others, size)), dtype=np.int64)
            if combos.size == 0:
                continue
            kept = combos
            for sample in (rows, slice(None)):
                lo = n.lo[sample][:, kept].sum(axis=2)
                hi = n.hi[sample][:, kept].sum(axis=2)
                t_lo, t_hi = n.lo[sample][:, [total]], n.hi[sample][:, [total]]
                kept = kept[_holds(lo, hi, t_lo, t_hi) >= SHARE_OF_ROWS]
                if kept.size == 0:
                    break
            for parts in map(tuple, kept):
                if not any(set(p) <= set(parts) for p in found.get(total, [])):
                    found.setdefault(total, []).append(parts)
    return [
        (n.names[t], tuple(n.names[p] for p in parts)) for t, ps in found.items() for parts in ps
    ]


def _triples(n: Numbers, rows: np.ndarray, formula) -> list[tuple[str, str, str]]:
    """(x, y, z) where z agrees with formula(x, y) on enough rows: z is the stated column."""
    out = []
    cols = range(len(n.names))
    triples = np.array([t for t in itertools.permutations(cols, 3)], dtype=np.int64)
    kept = triples
    for sample in (rows, slice(None)):
        lo, hi = (a[sample] for a in (n.lo, n.hi))
        with np.errstate(divide="ignore", invalid="ignore"):
            i_lo, i_hi = formula(
                lo[:, kept[:, 0]], hi[:, kept[:, 0]], lo[:, kept[:, 1]], hi[:, kept[:, 1]]
            )
        kept = kept[_holds(i_lo, i_hi, lo[:, kept[:, 2]], hi[:, kept[:, 2]]) >= SHARE_OF_ROWS]
        if kept.size == 0:
            return out
    return [tuple(n.names[i] for i in t) for t in kept]


def _share(a_lo, a_hi, b_lo, b_hi):
    bad = b_lo <= 0
    return np.where(bad, np.nan, 100 * a_lo / b_hi), np.where(bad, np.nan, 100 * a_hi / b_lo)


def _growth(a_lo, a_hi, b_lo, b_hi):
    bad = b_lo <= 0
    return np.where(bad, np.nan, 100 * (a_lo / b_hi - 1)), np.where(
        bad, np.nan, 100 * (a_hi / b_lo - 1)
    )


def _difference(a_lo, a_hi, b_lo, b_hi):
    return a_lo - b_hi, a_hi - b_lo


def _key(raw: pl.DataFrame, types: dict[str, str]) -> list[str]:
    """The fewest key-like columns (text, whole numbers, dates), up to two, unique per row."""
    candidates = [c for c, t in types.items() if t in ("str", "int", "date")]
    for size in (1, 2):
        for cols in itertools.combinations(candidates, size):
            frame = raw.select(cols)
            if frame.null_count().sum_horizontal().item() == 0 and not frame.is_duplicated().any():
                return list(cols)
    return []


def _shares_of_one_whole(
    raw: pl.DataFrame, n: Numbers, key: list[str]
) -> list[tuple[str, list[str]]]:
    """(share column, group columns): the column adds up to 100 within each group."""
    if len(key) != 2:
        return []
    out = []
    for i, name in enumerate(n.names):
        values = n.value[:, i]
        if np.isnan(values).any() or values.min() < 0 or values.max() > 100:
            continue
        for group in key:
            frame = pl.DataFrame({"g": raw[group], "lo": n.lo[:, i], "hi": n.hi[:, i]})
            sums = frame.group_by("g").agg(pl.col("lo").sum(), pl.col("hi").sum(), pl.len())
            if sums["len"].mean() < 2:
                continue
            ok = ((sums["lo"] <= 100) & (sums["hi"] >= 100)).mean()
            if ok >= SHARE_OF_ROWS:
                out.append((name, [group]))
    return out


def _toml_value(value: object) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return str(value).lower() if isinstance(value, bool) else str(value)


def _more_like_a_share(n: Numbers, one: str, other: str) -> bool:
    """Whether column ``one`` reads more like a percentage share than ``other``."""
    top = {c: np.nanmax(n.value[:, n.names.index(c)]) for c in (one, other)}
    within = {c: top[c] <= 100 for c in top}
    return (
        within[one]
        and not within[other]
        or (within[one] == within[other] and top[one] < top[other])
    )


def _balance_like(a: str, b: str, c: str) -> bool:
    names = " ".join((a, b, c)).lower()
    return any(w in names for w in ("export", "import", "balance", "surplus", "deficit"))


def infer_contract(path: Path) -> tuple[str, list[dict[str, object]]]:
    """The TOML of a proposed contract for the CSV at ``path``, and its checks as dicts."""
    raw = pl.read_csv(path, infer_schema=False)
    types = {c: _column_type(raw[c]) for c in raw.columns}
    n = _numbers(raw, types)
    rng = np.random.default_rng(0)
    rows = rng.choice(raw.height, size=min(SAMPLE_ROWS, raw.height), replace=False)
    checks: list[dict[str, object]] = []
    low = {name: np.nanmin(n.value[:, i]) for i, name in enumerate(n.names)}
    differences: list[tuple[str, str, str]] = []
    for total, parts in _sums(n, rows) if n.names else []:
        negative = [p for p in parts if low[p] < 0]
        if len(parts) == 2 and negative:  # t = a + c with c < 0 is c = t − a: a difference
            c = negative[0]
            differences.append((total, next(p for p in parts if p != c), c))
        else:
            checks.append({"kind": "sum", "parts": list(parts), "total": total})
    if len(n.names) >= 3:
        shares: dict[tuple[str, frozenset[str]], tuple[str, str, str]] = {}
        for part, whole, share in _triples(n, rows, _share):
            # share = 100 part / whole and whole = 100 part / share are one relation: the
            # share is the column that stays within 0 to 100 (else the smaller one)
            seen = shares.get((part, frozenset((whole, share))))
            if seen is None or _more_like_a_share(n, share, seen[2]):
                shares[(part, frozenset((whole, share)))] = (part, whole, share)
        for part, whole, share in shares.values():
            checks.append({"kind": "share", "part": part, "whole": whole, "share": share})
        for current, previous, rate in _triples(n, rows, _growth):
            checks.append(
                {"kind": "growth", "current": current, "previous": previous, "rate": rate}
            )
        differences += [t for t in _triples(n, rows, _difference) if low[t[2]] < 0]
    done: set[frozenset[str]] = set()
    for a, b, c in differences:
        if frozenset((a, b, c)) in done:
            continue
        done.add(frozenset((a, b, c)))
        if _balance_like(a, b, c):
            checks.append({"kind": "balance", "exports": a, "imports": b, "balance": c})
        else:
            checks.append({"kind": "pp_difference", "a": a, "b": b, "difference": c})
    key = _key(raw, types)
    for share, group in _shares_of_one_whole(raw, n, key):
        checks.append({"kind": "shares_of_one_whole", "share": share, "group_by": group})
    lines = [f"# proposed by addsup tables infer from {path.name} ({raw.height} rows)", "[table]"]
    lines.append(f"description = {_toml_value(path.stem)}")
    if key:
        lines.append(f"unique = {_toml_value(key)}")
    for column, kind in types.items():
        lines += ["", f"[columns.{column}]", f"type = {_toml_value(kind)}"]
        if raw[column].str.strip_chars().fill_null("").eq("").any():
            lines.append("nullable = true")
        if kind in ("int", "float") and np.nanmin(n.value[:, n.names.index(column)]) >= 0:
            lines.append("min = 0")
    for check in checks:
        lines += ["", "[[checks]]"] + [f"{k} = {_toml_value(v)}" for k, v in check.items()]
    return "\n".join(lines) + "\n", checks
