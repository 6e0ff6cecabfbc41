"""The frames a load takes: articles and extractions as polars frames with fixed schemas,
built where the extraction ran (a worker process, a Dask task) and loaded by
``warehouse.load_frames``."""

from __future__ import annotations

from typing import Any

import polars as pl

from addsup.articles import Article
from addsup.extract import Extraction

ARTICLE_SCHEMA = {
    "article_id": pl.String,
    "source": pl.String,
    "external_id": pl.String,
    "title": pl.String,
    "published_on": pl.Date,
    "url": pl.String,
    "body_offset": pl.Int32,
    "text": pl.String,
}
FIGURE_SCHEMA = {
    "figure_id": pl.String,
    "article_id": pl.String,
    "sentence_no": pl.Int32,
    "start_char": pl.Int32,
    "end_char": pl.Int32,
    "surface": pl.String,
    "value": pl.Float64,
    "decimals": pl.Int32,
    "scale": pl.Float64,
    "unit": pl.String,
    "currency": pl.String,
    "currency_assumed": pl.Boolean,
    "qualifier": pl.String,
    "noun": pl.String,
    "lo": pl.Float64,
    "hi": pl.Float64,
    "period_start": pl.Date,
    "period_end": pl.Date,
    "period_label": pl.String,
    "metric": pl.String,
    "value_upper": pl.Float64,
}
RELATION_SCHEMA = {
    "relation_id": pl.String,
    "article_id": pl.String,
    "kind": pl.String,
    "sentence_no": pl.Int32,
    "stated_id": pl.String,
    "a_id": pl.String,
    "b_id": pl.String,
    "direction": pl.Int32,
    "phrase": pl.String,
    "members": pl.List(pl.String),
    "metric": pl.String,
    "signs": pl.List(pl.Int32),
    "readings": pl.Int32,
    "cues": pl.String,
}
SENTENCE_SCHEMA = {
    "article_id": pl.String,
    "sentence_no": pl.Int32,
    "start_char": pl.Int32,
    "end_char": pl.Int32,
}
QUARANTINE_SCHEMA = {
    "source": pl.String,
    "reason": pl.String,
    "content_hash": pl.String,
    "detail": pl.String,
    "loaded": pl.Boolean,
}


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
            figures.append(
                (
                    fid,
                    aid,
                    f.sentence_no,
                    f.start,
                    f.end,
                    f.surface,
                    f.value,
                    f.decimals,
                    f.scale,
                    f.unit,
                    f.currency,
                    f.currency_assumed,
                    f.qualifier,
                    f.noun,
                    f.lo,
                    f.hi,
                    f.period_start,
                    f.period_end,
                    f.period_label,
                    f.metric,
                    f.upper,
                )
            )
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
                    list(r.signs) or None,
                    r.readings,
                    r.cues,
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
