"""The reports folder over HTTP (addsup/report/server.py): read-only, that folder only."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from addsup.report.server import REPORTS_DIR_ENV, REPORTS_URL_ENV, ReportsServer, report_url


@pytest.fixture
def served(tmp_path, monkeypatch):
    reports = tmp_path / "reports"
    (reports / "runs" / "r1").mkdir(parents=True)
    (reports / "runs" / "r1" / "report.html").write_text("<p>the report</p>")
    (tmp_path / "secret.txt").write_text("not for the web")
    (reports / "leak.txt").symlink_to(tmp_path / "secret.txt")
    server = ReportsServer(reports, "127.0.0.1", 0)
    monkeypatch.delenv(REPORTS_URL_ENV, raising=False)
    monkeypatch.delenv(REPORTS_DIR_ENV, raising=False)
    yield server
    server.close()


def _get(url: str, method: str = "GET") -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method=method), timeout=5) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as err:
        return err.code, b""


def test_a_report_is_served(served):
    assert _get(served.url + "runs/r1/report.html") == (200, b"<p>the report</p>")


@pytest.mark.parametrize(
    ("path", "method", "status"),
    [
        ("../secret.txt", "GET", 404),
        ("%2e%2e/secret.txt", "GET", 404),
        ("leak.txt", "GET", 404),  # a link that leads outside the folder
        ("runs/", "GET", 404),  # no listings
        ("", "GET", 404),
        ("runs/r1/report.html", "POST", 501),
        ("runs/r1/report.html", "PUT", 501),
        ("runs/r1/report.html", "DELETE", 501),
    ],
)
def test_nothing_else_is_served_or_changed(served, path, method, status):
    assert _get(served.url + path, method)[0] == status
    assert _get(served.url + "runs/r1/report.html") == (200, b"<p>the report</p>")


def test_report_url_only_while_served_and_inside_the_folder(served, tmp_path):
    report = served.folder / "runs" / "r1" / "report.html"
    assert report_url(report) is None  # not advertised
    served.advertise()
    assert report_url(report) == served.url + "runs/r1/report.html"
    assert report_url(tmp_path / "secret.txt") is None  # outside the folder served
    assert report_url(served.folder / "runs" / "r2" / "report.html") is None  # no such file
    served.close()
    assert report_url(report) is None  # the server is gone
