"""Alerts: one message per run that has new error findings, for a chat webhook.

The message is a Slack-compatible JSON body (``text``, and the same in ``blocks``) a person
can act on: the counts, the five newest new errors (article title, the sentence, the
arithmetic, the key) and the report link. Nothing is sent when nothing is new: ``message``
returns None. Posting it is the flow's (``flows/alerting.py``: a Prefect Webhook block,
retried, never failing the run); this module only says what to send.
"""

from __future__ import annotations

from typing import Any

import duckdb

from addsup.report.history import previous_run
from addsup.warehouse import sql

NEWEST = 5
ALERT_URL_ENV = "ADDSUP_ALERT_URL"  # the setting for scheduled runs (addsup serve)


def new_errors(
    con: duckdb.DuckDBPyConnection, run_id: str, limit: int = NEWEST
) -> tuple[int, list[dict[str, Any]]]:
    """How many error findings of the run are new since the previous run (false alarms left
    out), and the first ``limit`` of them, newest articles first."""
    cursor = con.execute(sql("select_new_errors"), [run_id, previous_run(con, run_id), limit])
    cols = [d[0] for d in cursor.description]
    rows = [dict(zip(cols, row, strict=True)) for row in cursor.fetchall()]
    return (rows[0]["total"] if rows else 0), rows


def _line(f: dict[str, Any]) -> str:
    where = f["title"] or f["source"] or "a table"
    sentence = f" — “{f['sentence']}”" if f["sentence"] else ""
    return f"• *{where}*{sentence}\n  {f['message']} (`{f['key']}`, {f['check_name']})"


def message(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    counts: dict[str, Any],
    report: str,
    limit: int = NEWEST,
) -> dict[str, Any] | None:
    """The alert for ``run_id`` (``counts`` as the run finished with them; ``report`` its
    link or path), or None when it has no new error finding."""
    total, newest = new_errors(con, run_id, limit)
    if not total:
        return None
    head = (
        f"addsup: {total} new error(s) that do not add up — {counts.get('errors', 0)} error(s), "
        f"{counts.get('warnings', 0)} warning(s) in {counts.get('checks_run', 0)} checks"
        + (f", {counts['reviewed']} reviewed false alarm(s)" if counts.get("reviewed") else "")
    )
    shown = f"The {len(newest)} newest:" if total > len(newest) else "New:"
    lines = [head, shown, *(_line(f) for f in newest), f"Report: {report}"]
    text = "\n".join(lines)
    blocks = [
        {"type": "section", "text": {"type": "mrkdwn", "text": head}},
        *({"type": "section", "text": {"type": "mrkdwn", "text": _line(f)}} for f in newest),
        {"type": "context", "elements": [{"type": "mrkdwn", "text": f"Report: {report}"}]},
    ]
    return {"text": text, "blocks": blocks}
