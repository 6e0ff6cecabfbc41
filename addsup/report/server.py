"""The reports folder over HTTP, read-only, for links a browser will open (a Prefect UI page
may not open ``file://`` links).

Only GET and HEAD, only files inside the folder (a path or link that leads outside is
refused), no folder listings. ``addsup serve`` runs it on the Prefect server's host and tells
the flow runs it starts where it is (``REPORTS_URL_ENV``); a run links its report there only
when the server answers and the report lies inside the folder it serves.
"""

from __future__ import annotations

import os
import threading
import urllib.error
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPORTS_URL_ENV = "ADDSUP_REPORTS_URL"  # http://host:port/ of the folder served
REPORTS_DIR_ENV = "ADDSUP_REPORTS_DIR"  # the folder it serves


class _ReadOnly(SimpleHTTPRequestHandler):
    """Files of one folder, nothing else."""

    def send_head(self):  # noqa: ANN201  (the base class's file object or None)
        root = Path(self.directory).resolve()
        target = Path(self.translate_path(self.path)).resolve()  # links followed
        if target != root and root not in target.parents:
            self.send_error(404, "Not found")
            return None
        return super().send_head()

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        self.send_error(404, "No listing")
        return None

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # quiet: no line per request
        pass


class ReportsServer:
    """``folder`` served on ``host:port`` in a background thread until ``close``."""

    def __init__(self, folder: Path, host: str, port: int) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder.resolve()
        handler = partial(_ReadOnly, directory=str(self.folder))
        self.httpd = ThreadingHTTPServer((host, port), handler)
        self.httpd.daemon_threads = True
        self.url = f"http://{host}:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def advertise(self) -> None:
        """Tell the runs this process starts where the reports are served."""
        os.environ[REPORTS_URL_ENV] = self.url
        os.environ[REPORTS_DIR_ENV] = str(self.folder)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def report_url(report: Path) -> str | None:
    """The HTTP address of ``report`` when a reports server advertised in this environment
    serves the folder it is in and answers now; None otherwise."""
    base, folder = os.environ.get(REPORTS_URL_ENV), os.environ.get(REPORTS_DIR_ENV)
    if not base or not folder:
        return None
    try:
        relative = report.resolve().relative_to(Path(folder).resolve())
    except ValueError:
        return None
    url = base.rstrip("/") + "/" + relative.as_posix()
    try:
        request = urllib.request.Request(url, method="HEAD")
        with urllib.request.urlopen(request, timeout=2) as response:
            return url if response.status == 200 else None
    except (urllib.error.URLError, OSError, ValueError):
        return None
