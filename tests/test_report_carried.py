"""results.json of an incremental run (addsup/report/carried.py): made from the results of
the findings that stood before and the run's own rows, it is the file a full write makes."""

import orjson
import pytest

from addsup.report import carried, render
from addsup.report.publish import publish
from addsup.report.render import report_data, write_results
from tests.test_scope import _grow, _run, copied_inputs


@pytest.fixture
def inputs(tmp_path):
    return copied_inputs(tmp_path)


def _findings(path):
    return orjson.loads(path.read_bytes())["findings"]


@pytest.mark.parametrize("listed", [1, 10_000])
def test_the_results_of_an_incremental_run_are_those_a_full_write_makes(
    con,
    inputs,
    tmp_path,
    monkeypatch,
    listed,
):
    articles, reference, _ = inputs
    monkeypatch.setattr(render, "PASSES_LISTED", listed)
    merges = []
    real = carried.merged
    monkeypatch.setattr(carried, "merged", lambda *a: merges.append(out := real(*a)) or out)
    reports = tmp_path / "reports"
    for step, change in _grow(*inputs):
        change()
        run_id = _run(con, articles, reference)
        paths = publish(con, run_id, reports).paths
        whole = tmp_path / f"{step}.json"
        write_results(con, run_id, report_data(con, run_id), whole)
        assert _findings(paths.json) == _findings(whole), step
        assert paths.latest_json.read_bytes() == paths.json.read_bytes()
    # the page is rendered once for the run's folder and for latest.html: only links differ
    page, latest = paths.html.read_text(), paths.latest_html.read_text()
    assert '<a href="../../index.html">' in page and '<a href="index.html">' in latest
    assert page.replace('href="../../', 'href="') == latest and "<ROOT>" not in page
    assert len(merges) == 4  # every run after the first read what stood before
