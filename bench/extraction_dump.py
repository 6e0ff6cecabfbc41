"""Every field of every extraction of a fixed set of texts, to compare two commits byte for
byte (a change meant to make extraction faster must not change a byte of it).

    python -m bench.extraction_dump > /tmp/a.txt       # on one commit
    python -m bench.extraction_dump > /tmp/b.txt       # on the other
    cmp /tmp/a.txt /tmp/b.txt

The texts: the bench's 500 news-density articles (``bench.run._news_density_texts``, seed 7)
and 100 dense ones, then every article file of ../shared/seeds, ../shared/realnews,
data/articles, tests/gold and the rest of tests/, each read as the loader reads it (headline,
date) and as raw text.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import Path

from addsup.articles import Article, read_article_file
from addsup.extract import extract
from bench.corpus import DENSE, generate
from bench.run import _news_density_texts

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [
    ROOT.parent / "shared" / "seeds",
    ROOT.parent / "shared" / "realnews",
    ROOT / "data" / "articles",
    ROOT / "tests" / "gold",
    ROOT / "tests",
]
SUFFIXES = frozenset({".txt", ".md", ".jsonl", ".html", ".htm"})


def _dump(x: object) -> str:
    if is_dataclass(x):
        inner = ", ".join(f"{f.name}={_dump(getattr(x, f.name))}" for f in fields(x))
        return f"{type(x).__name__}({inner})"
    if isinstance(x, list | tuple):
        return "[" + ", ".join(_dump(y) for y in x) + "]"
    return repr(x)


def texts(tmp: Path) -> list[tuple[str, str, date | None, str | None]]:
    """(name, text, published, headline) of every text, in a fixed order."""
    out = [
        (f"news {i}", t, d, None) for i, (t, d) in enumerate(_news_density_texts(tmp / "news", 7))
    ]
    generate(tmp / "dense", 100, 7, figure_share=DENSE)
    out += [
        (f"dense {p.name}", p.read_text(encoding="utf-8"), date(2023, 1, 1), None)
        for p in sorted((tmp / "dense").glob("*.txt"))
    ]
    files = [
        p
        for folder in FOLDERS
        if folder.is_dir()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix in SUFFIXES
    ]
    for p in files:
        name = str(p.relative_to(ROOT.parent))
        for item in read_article_file(p, name):
            if isinstance(item, Article):
                out.append((name, item.text, item.published_on, item.title))
        raw = p.read_text(encoding="utf-8", errors="replace")
        out.append((f"{name} raw", raw, date(2023, 1, 1), None))
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        found = texts(Path(tmp))
    for name, text, published, headline in found:
        sys.stdout.write(f"== {name}\n{_dump(extract(text, published, headline))}\n")
    print(f"{len(found)} texts", file=sys.stderr)


if __name__ == "__main__":
    main()
