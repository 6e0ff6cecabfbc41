"""The extractor against a folder of real news with gold figures (``figures.jsonl``), scored
by that folder's own rules (its ``score.py``): a found figure matches a gold one when their
spans overlap, and is right when value times scale, unit and currency agree. Predictions on
the title line and predictions with no digit are not scored, as the gold leaves them out.

The folder is read where it is (``../shared/realnews`` by default), never copied; its
passages are referred to by file name and offset only.
"""

from __future__ import annotations

import importlib.util
import json
import math
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from addsup.articles import Article, read_article_file
from addsup.evaluation import Score, score_table
from addsup.extract import Figure, extract

FIELDS = ("span", "value", "scale", "unit", "currency", "qualifier")
# our unit and qualifier names where the folder's gold names them otherwise
_UNITS = {"percentage_point": "percentage_points"}
_QUALIFIERS = {"nearly": "under"}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def found_figures(path: Path) -> list[tuple[int, int, Figure]]:
    """(start, end, figure) of every figure found in a file, offsets into the whole file."""
    out: list[tuple[int, int, Figure]] = []
    for item in read_article_file(path, str(path)):
        if isinstance(item, Article):
            for f in extract(item.text, item.published_on).figures:
                out.append((f.start + item.body_offset, f.end + item.body_offset, f))
    return out


def _fields_ok(g: dict, f: Figure) -> dict[str, bool]:
    ok = {
        "span": True,
        "value": math.isclose(abs(f.value), g["value"], rel_tol=1e-6),
        "scale": math.isclose(f.scale, g["scale"], rel_tol=1e-6),
        "unit": _UNITS.get(f.unit, f.unit) == g["unit"],
        "currency": (f.currency or None) == (g.get("currency") or None),
        "qualifier": _QUALIFIERS.get(f.qualifier, f.qualifier) == g["qualifier"],
    }
    amount = math.isclose(abs(f.value) * f.scale, g["value"] * g["scale"], rel_tol=1e-6)
    ok["figure (all)"] = amount and ok["unit"] and ok["currency"]
    return ok


def evaluate_folder(folder: Path) -> tuple[dict[str, Score], list[str]]:
    """Scores per field (and "figure (all)", as score.py counts it) and every miss, in words."""
    gold = [json.loads(x) for x in (folder / "figures.jsonl").read_text("utf-8").splitlines() if x]
    scores = {name: Score() for name in (*FIELDS, "figure (all)")}
    errors: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        title_end = path.read_text(encoding="utf-8").index("\n")
        found = [
            x
            for x in found_figures(path)
            if x[0] >= title_end and any(c.isdigit() for c in x[2].surface)
        ]
        golds = [g for g in gold if g["file"] == path.name]
        for s in scores.values():
            s.predicted += len(found)
            s.gold += len(golds)
        used: set[int] = set()
        for g in golds:
            hit = next(
                (
                    i
                    for i, (s, e, _) in enumerate(found)
                    if i not in used and _overlap((g["start"], g["end"]), (s, e))
                ),
                None,
            )
            if hit is None:
                errors.append(f"{path.name}: missed {g['surface']!r} at {g['start']}")
                continue
            used.add(hit)
            f = found[hit][2]
            ok = _fields_ok(g, f)
            for name, right in ok.items():
                scores[name].tp += right
            wrong = [n for n, right in ok.items() if not right and n != "figure (all)"]
            if wrong:
                errors.append(
                    f"{path.name}: {f.surface!r} at {g['start']} wrong {', '.join(wrong)}: got "
                    f"{abs(f.value):g} x {f.scale:g} {f.unit} {f.currency} {f.qualifier}"
                )
        errors.extend(
            f"{path.name}: spurious {f.surface!r} at {s}"
            for i, (s, _, f) in enumerate(found)
            if i not in used
        )
    return scores, errors


def table(scores: dict[str, Score]) -> str:
    return score_table(list(scores.items()))


def relations_line(folder: Path, check_json: Callable[[Path], str]) -> str:
    """The folder's own ``score.py`` relations line, with ``addsup check`` run in-process by
    ``check_json`` (a file's findings as ``addsup check --format json`` prints them)."""
    score = _score_module(folder)
    files = sorted(p.name for p in folder.glob("*.txt"))

    def run(cmd: list[str]) -> str:
        return check_json(Path(cmd[2]))

    original, score.run = score.run, run
    lines: list[str] = []
    try:
        score.print = lambda *a, **k: lines.append(" ".join(map(str, a)))
        score.score_relations("addsup", folder, files, False)
    finally:
        score.run = original
        del score.print
    return lines[-1] if lines else ""


def _score_module(folder: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("realnews_score", folder / "score.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(folder / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
