"""The disk fills during a load (docs/reliability.md): a clear error that names the path, a
warehouse that opens afterwards with no partial batch, and a next run that completes once there
is space again. The test mounts a small tmpfs, so it runs as root (as CI does) or is skipped."""

from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

import pytest

from addsup import warehouse
from addsup.stream import load_articles
from tests.conftest import SAMPLE_ARTICLES

BATCH = 300


@pytest.fixture
def small_disk(tmp_path):
    """An 8 MB tmpfs at tmp_path/disk, grown to 128 MB by calling the fixture's value."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(disk)], check=False
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")

    def grow() -> None:
        subprocess.run(["mount", "-o", "remount,size=128m", str(disk)], check=True)

    yield disk, grow
    subprocess.run(["umount", "-l", str(disk)], check=False)


def _corpus(folder: Path, copies: int) -> int:
    folder.mkdir()
    n = 0
    for i in range(copies):
        for path in sorted(SAMPLE_ARTICLES.glob("*.txt")):
            text = path.read_text(encoding="utf-8").replace(
                "\n\n", f"\n\nCopy {i} of the story.\n", 1
            )
            (folder / f"{i:03d}-{path.name}").write_text(text, encoding="utf-8")
            n += 1
    return n


def test_a_full_disk_stops_the_load_clearly_and_loses_no_committed_batch(small_disk, tmp_path):
    disk, grow = small_disk
    articles = tmp_path / "articles"
    files = _corpus(articles, 300)
    db = disk / "warehouse.duckdb"
    with pytest.raises(warehouse.WarehouseFull, match=str(db)), warehouse.warehouse(db) as con:
        load_articles(con, articles, str(uuid.uuid4()), batch_files=BATCH)
    grow()
    with warehouse.warehouse(db) as con:
        loaded = con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
        whole = con.execute(
            "SELECT count(*) FROM articles a WHERE EXISTS "
            "(SELECT 1 FROM sentences s WHERE s.article_id = a.article_id)"
        ).fetchall()[0][0]
        recorded = con.execute("SELECT count(*) FROM source_files").fetchall()[0][0]
    assert loaded < files  # the disk filled before the end
    assert whole == loaded  # every article there came with its extraction: no half batch
    assert recorded % BATCH == 0 and recorded <= loaded  # files recorded by whole batches
    with warehouse.warehouse(db) as con:
        out = load_articles(con, articles, str(uuid.uuid4()), batch_files=BATCH)
        assert con.execute("SELECT count(*) FROM source_files").fetchall()[0][0] == files
    assert out.articles_seen == files - recorded  # the next run goes on where it stopped
