"""The frames a load takes: articles and extractions as polars frames with fixed schemas,
built where the extraction ran (a worker process, a Dask task) and loaded by
``warehouse.load_frames``."""

from __future__ import annotations

from operator import attrgetter
from typing import Any

import polars as pl

from addsup.articles import Article
from addsup.columns import frame_schema
from addsup.extract import Extraction

# the columns of each frame are those of its table (addsup/sql/tables/, read by
# addsup.columns); the load's SQL fills in the ones left out
ARTICLE_SCHEMA = frame_schema("articles", ("extractor_version", "ingested_at", "first_run_id"))
FIGURE_SCHEMA = frame_schema("figures")
RELATION_SCHEMA = frame_schema("relations")
SENTENCE_SCHEMA = frame_schema("sentences")
QUARANTINE_SCHEMA = frame_schema("quarantine", ("first_run_id", "last_run_id"))

# a figure's row: its id and article's, then each column from the attribute of the same name
# on addsup.extract.Figure, or the one named here
FIGURE_ATTRIBUTES = {"start_char": "start", "end_char": "end", "value_upper": "upper"}
if tuple(FIGURE_SCHEMA)[:2] != ("figure_id", "article_id"):
    raise RuntimeError("sql/tables/figures.sql: a figure's row starts with its ids")
_figure_values = attrgetter(*(FIGURE_ATTRIBUTES.get(c, c) for c in list(FIGURE_SCHEMA)[2:]))


def figure_id(article_id: str, start: int) -> str:
    return f"{article_id}:{start}"


def extraction_frames(extractions: dict[str, Extraction]) -> dict[str, pl.DataFrame]:
    """The rows of ``figures``, ``relations`` and ``sentences`` for extracted articles."""
    figures: list[tuple[Any, ...]] = []
    relations: list[tuple[Any, ...]] = []
    sentences: list[tuple[Any, ...]] = []
    for aid, x in extractions.items():
        ids = [figure_id(aid, f.start) for f in x.figures]
        for fid, f in zip(ids, x.figures, strict=True):
            figures.append((fid, aid) + _figure_values(f))
        for r in x.relations:
            relations.append(
                (
                    f"{ids[r.stated]}:{r.kind}",
                    aid,
                    r.kind,
                    r.sentence_no,
                    ids[r.stated],
                    ids[r.a] if r.a is not None else None,
                    ids[r.b] if r.b is not None else None,
                    r.direction,
                    r.phrase,
                    [ids[m] for m in r.members] or None,
                    r.metric,
                    r.cues,
                    list(r.signs) or None,
                    r.readings,
                )
            )
        sentences.extend((aid, i, s, e) for i, s, e in x.numbered_sentences())
    return {
        "batch_figures": pl.DataFrame(figures, schema=FIGURE_SCHEMA, orient="row"),
        "batch_relations": pl.DataFrame(relations, schema=RELATION_SCHEMA, orient="row"),
        "batch_sentences": pl.DataFrame(sentences, schema=SENTENCE_SCHEMA, orient="row"),
        "batch_extracted": pl.DataFrame(
            {"article_id": list(extractions)}, schema={"article_id": pl.String}
        ),
    }


def article_frames(articles: list[Article]) -> dict[str, pl.DataFrame]:
    """The ``batch_articles`` frame of a load."""
    batch_articles = pl.DataFrame(
        [
            (
                a.article_id,
                a.source,
                a.external_id,
                a.title,
                a.published_on,
                a.url,
                a.body_offset,
                a.text,
            )
            for a in articles
        ],
        schema=ARTICLE_SCHEMA,
        orient="row",
    )
    return {"batch_articles": batch_articles}


def concat_frames(parts: list[dict[str, pl.DataFrame]]) -> dict[str, pl.DataFrame]:
    """The frames of several batches as one load (``extraction_frames`` of each)."""
    if not parts:
        return extraction_frames({})
    return {name: pl.concat([p[name] for p in parts]) for name in parts[0]}
