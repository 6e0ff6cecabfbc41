"""Shared fixtures. Prefect's environment is set before anything imports Prefect."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="addsup-prefect-")
atexit.register(shutil.rmtree, os.environ["PREFECT_HOME"], ignore_errors=True)
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.pop("PREFECT_API_URL", None)
# runs in tests read and write under the repository and the temp folder only
os.environ["ADDSUP_ALLOWED_ROOTS"] = os.pathsep.join(
    [str(Path(__file__).resolve().parent.parent), tempfile.gettempdir()]
)

import pytest  # noqa: E402

from addsup.warehouse import connect  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_ARTICLES = ROOT / "data" / "articles"
SAMPLE_TABLES = ROOT / "data" / "tables"
SAMPLE_REFERENCE = ROOT / "data" / "reference"
SEEDS = ROOT.parent / "shared" / "seeds"


def load_texts(con, *texts: str, published=None) -> None:
    """Load hand-written article texts (a0.txt, a1.txt, ...) into the warehouse ``con``."""
    from addsup import pipeline as steps
    from addsup.articles import Article, article_id

    articles = [
        Article(article_id(t), f"a{i}.txt", t, published_on=published) for i, t in enumerate(texts)
    ]
    steps.load(con, steps.Ingested(articles), steps.extract(articles), "r1")


def check_run(con, articles, run_id=None, tables=None, reference=None, reports=None, full=False):
    """One run of addsup (``addsup.run``) in this process on ``con``: articles from a folder,
    or a tuple of files and folders; what it did (``Done``)."""
    import uuid

    from addsup.run import Run, run

    plan = Run(
        run_id or str(uuid.uuid4()),
        articles,
        tables_dir=tables,
        reference_dir=reference,
        reports_dir=reports,
        full=full,
        connection=con,
    )
    return run(plan)


def planted() -> set[tuple[str, str, str]]:
    """The answer key of the sample corpus: (where, check, stated figure) per planted error."""
    import csv

    with open(ROOT / "data" / "planted.csv", newline="") as fh:
        return {(r["where"], r["check"], r["stated"]) for r in csv.DictReader(fh)}


@pytest.fixture
def con():
    """An empty in-memory warehouse with the full schema."""
    connection = connect(":memory:")
    yield connection
    connection.close()


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    """A writable copy of the bundled sample articles."""
    target = tmp_path / "articles"
    shutil.copytree(SAMPLE_ARTICLES, target)
    return target


@pytest.fixture
def tables_dir(tmp_path: Path) -> Path:
    """A writable copy of the bundled curated tables."""
    target = tmp_path / "tables"
    shutil.copytree(SAMPLE_TABLES, target)
    return target


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    return SEEDS


@pytest.fixture(scope="session")
def prefect_server():
    """A real, temporary Prefect server for the flow tests (about 12 s to start here)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def chromium():
    """Debian's Chromium driven by Playwright (never a downloaded browser build)."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must install Debian's chromium (see .ci/run)")
        pytest.skip("no /usr/bin/chromium on this machine (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def only_figure(text: str):
    """The one figure ``text`` states (fails, listing them, when there are more or none)."""
    from addsup.extract.figures import find_figures

    figures = find_figures(text)
    assert len(figures) == 1, [f.surface for f in figures]
    return figures[0]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A Prefect server and `addsup serve` (tests/serving.py), with the deployments' data in a
    temp folder: one per test module that asks for it."""
    from addsup.cli.server import SERVER_SETTINGS
    from tests.serving import _free_port, _start

    tmp = tmp_path_factory.mktemp("served")
    shutil.copytree(SAMPLE_ARTICLES, tmp / "articles")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env |= SERVER_SETTINGS | {
        "PREFECT_HOME": str(tmp / "prefect-home"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_API_HOST": "127.0.0.1",
        "PREFECT_SERVER_API_PORT": str(port),
        "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "2",
        "PREFECT_SERVER_LOG_RETRYABLE_ERRORS": "true",  # a 503's cause, in server.log
    }
    prefect = str(Path(sys.executable).with_name("prefect"))
    with open(tmp / "server.log", "w") as server_log, open(tmp / "serve.log", "w") as serve_log:
        yield from _start(tmp, port, url, env, prefect, server_log, serve_log)
