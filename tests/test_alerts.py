"""Alerts: the message (addsup/alerts.py) and its post by the pipeline flow (flows/alerting.py)
to a local HTTP receiver: one post for a run with new errors, none when nothing is new, and a
receiver that answers 500 is retried and does not fail the run."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from addsup import alerts, reviews, warehouse
from tests.conftest import SAMPLE_REFERENCE
from tests.looping import SALES, STAFF, STANDS, VANS, failure_in, run, write_article


@pytest.fixture
def receiver():
    """A local webhook receiver: records each POST's JSON body, answers ``status[0]``."""
    posts: list[dict] = []
    status = [200]

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802  (the name http.server calls)
            body = self.rfile.read(int(self.headers["Content-Length"]))
            posts.append(json.loads(body))
            self.send_response(status[0])
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {
        "url": f"http://127.0.0.1:{server.server_address[1]}/hook",
        "posts": posts,
        "status": status,
    }
    server.shutdown()
    server.server_close()


def _message(db, run_id, counts=None):
    with warehouse.warehouse(db) as con:
        return alerts.message(con, run_id, counts or {"errors": 2}, "http://reports/latest.html")


def test_the_message_names_what_is_new_and_nothing_when_nothing_is(tmp_path):
    db, articles, reports = tmp_path / "w.duckdb", tmp_path / "articles", tmp_path / "reports"
    write_article(articles, SALES, STAFF, STANDS, VANS)
    first = run(db, articles, reports)
    said = _message(db, first["run"]["run_id"])
    text = said["text"]
    assert text.startswith("addsup: 2 new error(s)")
    for sentence in (SALES, VANS):
        f = failure_in(first, sentence)
        assert f["key"] in text and sentence in text and f["message"] in text
    assert "Acme's car sales" in text and "http://reports/latest.html" in text
    assert [b["type"] for b in said["blocks"]] == ["section", "section", "section", "context"]
    assert _message(db, run(db, articles, reports)["run"]["run_id"]) is None  # nothing new

    # a new error, and a new one reviewed as a false alarm (not worth an alert)
    edited = VANS.replace("35 percent", "37 percent")
    write_article(articles, SALES, STAFF, STANDS, edited)
    third = run(db, articles, reports)
    assert _message(db, third["run"]["run_id"])["text"].startswith("addsup: 1 new error(s)")
    with warehouse.warehouse(db) as con:
        reviews.record(con, failure_in(third, edited)["key"], "false-alarm")
    assert _message(db, third["run"]["run_id"]) is None


def test_five_newest_of_many(tmp_path):
    db, articles, reports = tmp_path / "w.duckdb", tmp_path / "articles", tmp_path / "reports"
    for i in range(7):
        sentence = f"Dealers sold 480 of the 1,200 cars, or {41 + i} percent, the firm said."
        write_article(articles, sentence, name=f"a{i}.txt")
    first = run(db, articles, reports)
    text = _message(db, first["run"]["run_id"])["text"]
    assert text.startswith("addsup: 7 new error(s)") and "The 5 newest:" in text
    assert text.count("• ") == 5


def test_the_flow_posts_once_per_run_with_new_errors(prefect_server, receiver, tmp_path):
    from addsup_flows.pipeline import pipeline

    articles = tmp_path / "articles"
    (tmp_path / "no-tables").mkdir()
    write_article(articles, SALES, STAFF, STANDS)
    params = {
        "articles_dir": str(articles),
        "tables_dir": str(tmp_path / "no-tables"),
        "reference_dir": str(SAMPLE_REFERENCE),
        "warehouse_path": str(tmp_path / "w.duckdb"),
        "reports_dir": str(tmp_path / "reports"),
        "alert_url": receiver["url"],
    }
    first = pipeline(**params)
    assert first["errors"] == 1 and len(receiver["posts"]) == 1
    body = receiver["posts"][0]
    assert body["text"].startswith("addsup: 1 new error(s)") and SALES in body["text"]
    assert str(tmp_path / "reports") in body["text"]  # the report (a path: no reports server)

    second = pipeline(**params)  # nothing new: no post
    assert second["errors"] == 1 and len(receiver["posts"]) == 1

    receiver["status"][0] = 500
    write_article(articles, SALES, STAFF, STANDS, VANS)
    state = pipeline(**params, fail_on="never", return_state=True)
    assert state.is_completed(), state.message
    assert len(receiver["posts"]) == 1 + 3  # tried three times, then the run went on
    assert VANS in receiver["posts"][-1]["text"]
    results = json.loads(
        (tmp_path / "reports" / "runs" / state.result()["run_id"] / "results.json").read_text()
    )
    assert "alert_url" not in results["run"]["params"]  # the webhook address is not kept
