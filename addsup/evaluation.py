"""The extractor against hand-annotated gold articles: precision, recall and F1 per field.

A gold article is plain text with each figure marked where it stands::

    date 2023-08-30

    Jilin's exports reached [[28.14 billion yuan|28.14 bn CNY @2023-H1 #x]] in the first
    half of this year, a rise of [[25.3 percent|25.3 % @2023-H1 #g]].
    ---
    growth g x -

Inside ``[[surface|fields]]``, fields are separated by spaces, in any order after the value:

| field      | written as                                              | default  |
|------------|---------------------------------------------------------|----------|
| value      | first, as stated without separators: ``1200``, ``-3.2``, ``5..7`` (a range) | |
| scale      | ``k`` ``mn`` ``bn`` ``tn``                               | 1        |
| unit       | ``%`` ``pp`` ``bp`` ``ord`` ``x`` (a multiple: "3 times"), ``n`` (a count), ``other`` (a quantity that counts no things: "30 years"), or a currency code (``USD``; ``USD?`` when the currency is assumed) | ``n`` |
| qualifier  | ``~about`` ``~nearly`` ``~over`` ``~at_least`` ``~up_to`` ``~under`` | exact (``range`` for ``a..b``) |
| period     | ``@2016`` ``@2023-H1`` ``@2023-Q3`` ``@2023-Q1-Q3`` ``@2023-M01-M10`` ``@2023-08-27`` | none |
| id         | ``#name``, for relations                                 |          |

After a line ``---``, one relation a line: ``kind stated a b [direction] [members]``, with ids
and ``-`` for none (``share_of s part whole``, ``growth g current previous +1``,
``pp_difference d a b -1``, ``converts_to y x y``, ``sum_of t - - 1 p1,p2,p3``).

Seed gold (``seeds/<file>.gold``) has no text of its own: one figure a line, ``surface |
fields``, in order, found in the seed file read from ``../shared/seeds``; the line ``date
YYYY-MM-DD`` is the article date its text implies.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from addsup.articles import parse_text_article
from addsup.extract import Extraction, extract

FIELDS = ("span", "value", "scale", "unit", "currency", "qualifier", "period")
_MARK = re.compile(r"\[\[(?P<surface>[^|\]]+)\|(?P<fields>[^\]]*)\]\]")
_SCALES = {"k": 1e3, "mn": 1e6, "bn": 1e9, "tn": 1e12}
_UNITS = {
    "%": "percent",
    "pp": "percentage_point",
    "bp": "basis_point",
    "ord": "ordinal",
    "n": "count",
    "x": "multiple",
    "other": "other",
}


@dataclass(frozen=True)
class GoldFigure:
    start: int
    end: int
    value: float
    upper: float | None
    scale: float
    unit: str
    currency: str | None
    assumed: bool
    qualifier: str
    period: str | None
    name: str | None = None


@dataclass(frozen=True)
class GoldRelation:
    kind: str
    stated: tuple[int, int]
    a: tuple[int, int] | None
    b: tuple[int, int] | None
    direction: int
    members: frozenset[tuple[int, int]]


@dataclass
class GoldArticle:
    name: str
    text: str
    published_on: date | None
    figures: list[GoldFigure]
    relations: list[GoldRelation] = field(default_factory=list)
    expected_date: date | None = None  # seeds: the date the text implies


class GoldError(ValueError):
    """A gold file that does not parse: the message names the file and the mark."""


def parse_fields(name: str, start: int, end: int, spec: str) -> GoldFigure:
    tokens = spec.split()
    if not tokens:
        raise GoldError(f"{name}: a mark at {start} has no value")
    head, rest = tokens[0], tokens[1:]
    try:
        low, _, high = head.partition("..")
        value, upper = float(low), (float(high) if high else None)
    except ValueError as exc:
        raise GoldError(f"{name}: bad value {head!r} at {start}") from exc
    scale, unit, currency, assumed = 1.0, "count", None, False
    qualifier = "range" if upper is not None else "exact"
    period = ident = None
    for t in rest:
        if t in _SCALES:
            scale = _SCALES[t]
        elif t in _UNITS:
            unit = _UNITS[t]
        elif re.fullmatch(r"[A-Z]{3}\??", t):
            unit, currency, assumed = "currency", t[:3], t.endswith("?")
        elif t.startswith("~"):
            qualifier = t[1:]
        elif t.startswith("@"):
            period = t[1:]
        elif t.startswith("#"):
            ident = t[1:]
        else:
            raise GoldError(f"{name}: unknown field {t!r} at {start}")
    return GoldFigure(
        start, end, value, upper, scale, unit, currency, assumed, qualifier, period, ident
    )


def _relations(name: str, lines: list[str], ids: dict[str, GoldFigure]) -> list[GoldRelation]:
    def span(ref: str) -> tuple[int, int] | None:
        if ref == "-":
            return None
        if ref not in ids:
            raise GoldError(f"{name}: relation names unknown figure #{ref}")
        return ids[ref].start, ids[ref].end

    out = []
    for line in lines:
        parts = line.split()
        if not parts or line.startswith("#"):
            continue
        kind, stated, a, b = (parts + ["-", "-", "-"])[:4]
        direction = int(parts[4]) if len(parts) > 4 else 0
        members = frozenset(span(m) for m in parts[5].split(",")) if len(parts) > 5 else frozenset()
        out.append(GoldRelation(kind, span(stated), span(a), span(b), direction, members))
    return out


def parse_gold(name: str, annotated: str) -> GoldArticle:
    """The plain article, its gold figures and relations from an annotated gold file."""
    body, _, relation_block = annotated.partition("\n---\n")
    pieces: list[str] = []
    figures: list[GoldFigure] = []
    pos = out = 0
    for m in _MARK.finditer(body):
        pieces.append(body[pos : m.start()])
        out += m.start() - pos
        surface = m.group("surface")
        figures.append(parse_fields(name, out, out + len(surface), m.group("fields")))
        pieces.append(surface)
        out += len(surface)
        pos = m.end()
    pieces.append(body[pos:])
    raw = "".join(pieces)
    if "[[" in raw or "]]" in raw:
        raise GoldError(f"{name}: an unclosed mark")
    article, rejected = parse_text_article(raw, name)
    if article is None:
        raise GoldError(f"{name}: not an article: {rejected}")
    shift = article.body_offset
    if any(f.start < shift for f in figures):
        raise GoldError(f"{name}: a mark in the header")
    figures = [
        GoldFigure(**{**f.__dict__, "start": f.start - shift, "end": f.end - shift})
        for f in figures
    ]
    ids = {f.name: f for f in figures if f.name}
    relations = _relations(name, relation_block.splitlines(), ids)
    return GoldArticle(name, article.text, article.published_on, figures, relations)


def parse_seed_gold(name: str, gold: str, raw: str) -> GoldArticle:
    """Gold figures for a seed article: surfaces found in order in the seed's own text.

    The seed is read as ingest reads it (date line, else the date its text implies)."""
    article, rejected = parse_text_article(raw, name)
    if article is None:
        raise GoldError(f"{name}: the seed is not an article: {rejected}")
    text = article.text
    figures: list[GoldFigure] = []
    expected: date | None = None
    pos = 0
    for line in gold.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("date "):
            expected = date.fromisoformat(line.split()[1])
            continue
        surface, _, spec = (s.strip() for s in line.partition("|"))
        at = text.find(surface, pos)
        if at < 0:
            raise GoldError(f"{name}: {surface!r} not found after offset {pos}")
        figures.append(parse_fields(name, at, at + len(surface), spec))
        pos = at + len(surface)
    return GoldArticle(name, text, article.published_on, figures, [], expected)


def load_gold(folder: Path, seeds: Path | None = None) -> list[GoldArticle]:
    """Every gold article of ``folder`` (``*.txt``), and seed gold whose seed file exists."""
    articles = [
        parse_gold(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))
    ]
    if seeds is not None and (folder / "seeds").is_dir():
        for g in sorted((folder / "seeds").glob("*.gold")):
            seed = seeds / g.name.removesuffix(".gold")
            if seed.is_file():
                text = seed.read_text(encoding="utf-8")
                articles.append(parse_seed_gold(g.name, g.read_text(encoding="utf-8"), text))
    return articles


def _close(x: float | None, y: float | None) -> bool:
    if x is None or y is None:
        return x is y
    return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)


def _field_ok(name: str, g: GoldFigure, f) -> bool:
    if name == "span":
        return True
    if name == "value":
        return _close(g.value, f.value) and _close(g.upper, f.upper)
    if name == "scale":
        return _close(g.scale, f.scale)
    if name == "unit":
        return g.unit == f.unit
    if name == "currency":
        return (g.currency, g.assumed) == (f.currency, bool(f.currency_assumed))
    if name == "qualifier":
        return g.qualifier == f.qualifier
    return g.period == f.period_label


@dataclass
class Score:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    fields: dict[str, Score]
    figure: Score  # every field right
    relation: Score
    errors: list[str]
    articles: int


GOLD_KINDS = frozenset({"share_of", "growth", "pp_difference", "sum_of", "converts_to"})


def _relation_key(x: Extraction, r) -> tuple:
    def span(i: int | None) -> tuple[int, int] | None:
        return None if i is None else (x.figures[i].start, x.figures[i].end)

    return (
        r.kind,
        span(r.stated),
        span(r.a),
        span(r.b),
        r.direction,
        frozenset(span(m) for m in r.members),
    )


def evaluate(articles: list[GoldArticle]) -> Evaluation:
    """Score the extractor on gold articles; ``errors`` lists every miss, in words."""
    fields = {name: Score() for name in FIELDS}
    figure, relation = Score(), Score()
    errors: list[str] = []
    for art in articles:
        if art.expected_date and art.published_on != art.expected_date:
            errors.append(f"{art.name}: article date {art.published_on}, gold {art.expected_date}")
        x = extract(art.text, art.published_on)
        found = {(f.start, f.end): f for f in x.figures}
        gold = {(g.start, g.end): g for g in art.figures}
        for s in (*fields.values(), figure):
            s.predicted += len(found)
            s.gold += len(gold)
        for span, g in gold.items():
            f = found.get(span)
            if f is None:
                errors.append(f"{art.name}: missed {art.text[span[0] : span[1]]!r} at {span[0]}")
                continue
            wrong = [n for n in FIELDS if not _field_ok(n, g, f)]
            for n in FIELDS:
                fields[n].tp += n not in wrong
            figure.tp += not wrong
            if wrong:
                errors.append(
                    f"{art.name}: {f.surface!r} wrong {', '.join(wrong)}: {_diff(g, f, wrong)}"
                )
        for span, f in found.items():
            if span not in gold:
                errors.append(f"{art.name}: spurious {f.surface!r} at {span[0]}")
        if art.expected_date is not None and not art.relations:
            continue  # seed gold has figures only
        # the kinds the gold files annotate (``magnitude`` came after them)
        keys = {_relation_key(x, r) for r in x.relations if r.kind in GOLD_KINDS}
        want = {(r.kind, r.stated, r.a, r.b, r.direction, r.members) for r in art.relations}
        relation.predicted += len(keys)
        relation.gold += len(want)
        relation.tp += len(keys & want)
        errors.extend(f"{art.name}: missed relation {_show(art.text, k)}" for k in want - keys)
        errors.extend(f"{art.name}: spurious relation {_show(art.text, k)}" for k in keys - want)
    return Evaluation(fields, figure, relation, errors, len(articles))


def _shown(value, upper, scale, unit, currency, assumed, qualifier, period) -> dict[str, Any]:
    return {
        "value": (value, upper),
        "scale": scale,
        "unit": unit,
        "currency": (currency, assumed),
        "qualifier": qualifier,
        "period": period,
    }


def _diff(g: GoldFigure, f, wrong: list[str]) -> str:
    got = _shown(
        f.value,
        f.upper,
        f.scale,
        f.unit,
        f.currency,
        f.currency_assumed,
        f.qualifier,
        f.period_label,
    )
    want = _shown(g.value, g.upper, g.scale, g.unit, g.currency, g.assumed, g.qualifier, g.period)
    return "; ".join(f"{n} {got[n]} (gold {want[n]})" for n in wrong)


def _show(text: str, key: tuple) -> str:
    kind, stated, a, b, direction, members = key

    def s(span: tuple[int, int] | None) -> str:
        return "-" if span is None else repr(text[span[0] : span[1]])

    parts = [kind, s(stated), s(a), s(b), str(direction)]
    if members:
        parts.append("[" + ", ".join(s(m) for m in sorted(members)) + "]")
    return " ".join(parts)


def table(result: Evaluation) -> str:
    """The scores as a plain-text table."""
    return score_table(
        [*result.fields.items(), ("figure (all)", result.figure), ("relation", result.relation)]
    )


def score_table(scores: list[tuple[str, Score]]) -> str:
    """Named scores as a plain-text table, one row each."""
    rows = [("field", "precision", "recall", "F1", "right", "found", "gold")]
    for name, s in scores:
        rows.append(
            (
                name,
                f"{s.precision:.3f}",
                f"{s.recall:.3f}",
                f"{s.f1:.3f}",
                str(s.tp),
                str(s.predicted),
                str(s.gold),
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows)
