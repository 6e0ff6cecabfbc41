"""Reference data: reproducible from its named source, and checked by its schemas."""

import subprocess
import sys

from addsup import pipeline as steps
from tests.conftest import ROOT, SAMPLE_REFERENCE


def test_fx_file_is_what_the_ecb_data_gives(tmp_path):
    out = tmp_path / "fx.csv"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_fx_reference.py"), str(out)], check=True
    )
    assert out.read_text() == (SAMPLE_REFERENCE / "fx_monthly.csv").read_text()


def test_bundled_reference_loads_clean(con):
    assert steps.load_reference(con, SAMPLE_REFERENCE, "r1") == []
    assert con.execute("SELECT count(*) FROM quarantine").fetchall() == [(0,)]
    currencies = {r[0] for r in con.execute("SELECT DISTINCT currency FROM fx_monthly").fetchall()}
    assert {"CNY", "JPY", "KRW", "RUB"} <= currencies
    (first,) = con.execute("SELECT min(month) FROM fx_monthly").fetchall()[0]
    assert first == "2010-01"
    sources = con.execute(
        "SELECT count(*) FROM official_stats WHERE length(source) > 20"
    ).fetchall()
    assert sources == [(2,)]


def test_bad_reference_rows_are_findings(con, tmp_path):
    folder = tmp_path / "reference"
    folder.mkdir()
    (folder / "fx_monthly.csv").write_text(
        "month,currency,base,low,mean,high,days,source\n"
        "2023-01,CNY,USD,6.9,6.8,6.7,20,somewhere\n"  # low above high
        "2023-13,XYZ,USD,1,1,1,20,somewhere\n"  # no such month or currency
    )
    findings = steps.load_reference(con, folder, "r1")
    checks = {f.check for f in findings}
    assert "fx_monthly.low_mean_high_in_order" in checks
    assert "fx_monthly.month:str_matches" in checks
    assert "fx_monthly.currency:isin" in checks
