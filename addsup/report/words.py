"""Times, dates and run ids as a reader says them: "1 Dec 2026, 02:36 UTC", "28 Aug 2023",
"run 3f2a9c1e"."""

from __future__ import annotations

from datetime import UTC, date, datetime

RUN_ID_SHOWN = 8  # characters of a run id shown to people (the full id is in the link/title)


def when(value: datetime | str | None) -> str:
    """A run's time (stored in UTC) as "1 Dec 2026, 02:36 UTC"; "" when unknown."""
    if not value:
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return f"{moment.day} {moment:%b %Y, %H:%M} UTC"


def day(value: date | str | None) -> str:
    """A publication date as "28 Aug 2023"; "" when unknown."""
    if not value:
        return ""
    d = date.fromisoformat(value[:10]) if isinstance(value, str) else value
    return f"{d.day} {d:%b %Y}"


def run_label(run_id: str | None) -> str:
    """The first characters of a run id: enough to tell runs apart on a page."""
    return (run_id or "")[:RUN_ID_SHOWN]


def date_scope(params: dict | None) -> str | None:
    """What a run's ``published_from`` / ``published_to`` did, in a sentence (None without)."""
    params = params or {}
    start, end = params.get("published_from"), params.get("published_to")
    if not start and not end:
        return None
    if start and end:
        span = f"published from {day(start)} to {day(end)}"
    elif start:
        span = f"published on or after {day(start)}"
    else:
        span = f"published on or before {day(end)}"
    return (
        f"This run read only the articles {span}; files outside that range were left unread "
        "(a later run without the range reads them). The checks and this report cover every "
        "article in the warehouse, including those read by earlier runs."
    )
