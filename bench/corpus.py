"""A synthetic corpus in the style of the sample articles, deterministic from a seed, with
known planted inconsistencies (the answer key) and nothing else to flag.

Each article is about 3 KB: a few sentences whose figures agree (shares, growth with both
levels, percentage-point gaps, listed parts with their total), some with one figure planted
wrong, and filler sentences without relations.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

PROVINCES = ["Jilin", "Liaoning", "Heilongjiang", "Inner Mongolia", "Hunchun", "Dalian", "Yanbian"]
PARTNERS = ["Japan", "the Republic of Korea", "Russia", "Mongolia"]
FILLER = [
    "Officials said the figures reflected steady demand from neighbouring markets.",
    "Traders at the border crossings reported longer queues during the holiday week.",
    "The provincial government plans further investment in cold-chain logistics.",
    "Several delegations visited industrial parks on the outskirts of the city.",
    "Analysts expect the trend to continue into the coming season, barring new disruptions.",
    "Exporters of machinery and farm produce led the way, local media reported.",
    "New rail services have shortened delivery times for many shippers.",
    "Companies from the region signed agreements on logistics and processing.",
]


@dataclass(frozen=True)
class Planted:
    where: str
    check: str
    stated: str


def _share(rng: random.Random, wrong: bool) -> tuple[str, str, str]:
    whole = rng.randint(200, 9000)
    part = rng.randint(whole // 10, whole // 2)
    share = round(100 * part / whole)
    if wrong:
        share += rng.choice([-1, 1]) * rng.randint(4, 9)
    partner = rng.choice(PARTNERS)
    text = f"Of the {whole:,} exhibitors, {part:,} came from {partner}, or {share} percent."
    return text, "share_of", f"{share} percent"


def _growth(rng: random.Random, wrong: bool) -> tuple[str, str, str]:
    prev = rng.randint(20, 90) / 10
    g = rng.randint(3, 40)
    cur = round(prev * (1 + g / 100), 2)
    stated = g + (rng.randint(8, 15) if wrong else 0)
    place = rng.choice(PROVINCES)
    text = f"{place}'s seafood exports rose {stated} percent from {prev:.1f} billion yuan to {cur:.2f} billion yuan."
    return text, "growth", f"{stated} percent"


def _gap(rng: random.Random, wrong: bool) -> tuple[str, str, str]:
    b = rng.randint(20, 60) / 10
    gap = rng.randint(10, 90) / 10
    a = round(b + gap, 1)
    stated = round(gap + (rng.randint(15, 30) / 10 if wrong else 0), 1)
    place = rng.choice(PROVINCES)
    text = (
        f"{place}'s retail sales grew {a:.1f} percent, {stated:.1f} percentage points higher "
        f"than the {b:.1f} percent seen nationwide."
    )
    return text, "pp_difference", f"{stated:.1f} percentage points"


def _sum(rng: random.Random, wrong: bool) -> tuple[str, str, str]:
    parts = [rng.randint(10, 90) for _ in range(3)]
    total = sum(parts) + (rng.randint(7, 20) if wrong else 0)
    text = (
        f"Delegations came from three neighbours: {parts[0]} from Japan, {parts[1]} from the "
        f"Republic of Korea and {parts[2]} from Mongolia, a total of {total}."
    )
    return text, "sum_of", f"{total}"


MAKERS = [_share, _growth, _gap, _sum]
DENSE = 0.5  # share of sentences with figures: about 61 figures an article, a stress case
NEWS = 0.12  # about 16 figures an article, near the seed articles (8 in about 3 KB)


def article(
    rng: random.Random,
    name: str,
    published: date,
    error_rate: float,
    figure_share: float = DENSE,
) -> tuple[str, list[Planted]]:
    """One article of about 3 KB and the inconsistencies planted in it.

    ``figure_share`` of the sentences state figures: ``DENSE`` gives about 61 figures an
    article (a stress case), ``NEWS`` about 16, near the two seed articles (6 and 8 in about
    3 KB).
    """
    planted: list[Planted] = []
    paragraphs = []
    size = 0
    while size < 2900:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            if rng.random() < figure_share:
                maker = rng.choice(MAKERS)
                wrong = rng.random() < error_rate
                text, check, stated = maker(rng, wrong)
                if wrong:
                    planted.append(Planted(name, check, stated))
            else:
                text = rng.choice(FILLER)
            sentences.append(text)
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    title = f"{rng.choice(PROVINCES)} trade notes, number {name.split('.')[0][-6:]}"
    return f"date {published.isoformat()} {title}\n\n" + "\n\n".join(paragraphs) + "\n", planted


def generate(
    out: Path,
    n: int,
    seed: int = 1,
    error_rate: float = 0.05,
    figure_share: float = DENSE,
    first: int = 0,
) -> list[Planted]:
    """Write ``n`` articles to ``out``, numbered from ``first``; return the answer key."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    key: list[Planted] = []
    start = date(2023, 1, 1)
    for i in range(first, first + n):
        name = f"synthetic-{i:07d}.txt"
        published = start + timedelta(days=i % 700)
        text, planted = article(rng, name, published, error_rate, figure_share)
        (out / name).write_text(text, encoding="utf-8")
        key.extend(planted)
    return key
