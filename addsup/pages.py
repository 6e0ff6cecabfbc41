"""Web pages (``.html`` / ``.htm``, in the articles folder or fetched) as articles.

The main text, title, publication date and canonical URL are taken out of the page with
trafilatura (docs/inputs.md says why it was chosen): menus, related-story lists, captions and
footers stay out of the text, so a figure printed only there is never read. The page's own
charset is honoured (the bytes go to trafilatura, which reads the ``<meta charset>`` and falls
back to detection). Offsets of figures refer to the extracted text, which is what the
warehouse keeps as the article's text.
"""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from addsup.articles import Article, Rejected

HTML_SUFFIXES = frozenset({".html", ".htm"})
# the last line the fetch step adds to a page it stores (addsup.fetch.TRAILER)
_FETCHED_FROM = re.compile(rb"\n<!-- addsup: fetched from (\S+) -->\n\Z")

# trafilatura logs each page it finds too short at WARNING; the quarantine says it instead
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def page_text(data: bytes | str, url: str | None = None) -> dict[str, str | None] | None:
    """``text``, ``title``, ``date`` (YYYY-MM-DD) and ``url`` of a page; None when it holds
    no article text (only navigation or boilerplate)."""
    import trafilatura  # imported here: only runs that read pages pay for it

    doc = trafilatura.bare_extraction(
        data,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_precision=True,  # a page of links alone gives no text (not its menu)
    )
    doc = doc.as_dict() if doc is not None else None
    if not doc or not (doc.get("text") or "").strip():
        return None
    return {
        "text": doc["text"].strip() + "\n",
        "title": doc.get("title"),
        "date": doc.get("date"),
        "url": doc.get("url") or url,
    }


def parse_html(
    data: bytes, source: str, url: str | None = None
) -> tuple[Article | None, list[Rejected]]:
    """One article from a page's bytes, with the notes of how it was read (as
    ``articles.parse_text_article`` gives them for a text file)."""
    from addsup.articles import Article, Rejected, article_id, date_from_text

    fetched = _FETCHED_FROM.search(data)
    if fetched:
        data, url = data[: fetched.start()], url or fetched.group(1).decode("utf-8", "replace")
    page = page_text(data, url)
    if page is None:
        detail = (
            "no article text found in the page (only navigation, lists of links or boilerplate)"
        )
        digest = hashlib.sha256(data).hexdigest()[:16]
        return None, [Rejected(source, "no_text", detail, content_hash=digest)]
    notes = []
    published = _day(page["date"])
    if published is None:
        published, note = date_from_text(page["text"], source)
        notes.append(note)
    text = page["text"]
    return Article(article_id(text), source, text, 0, page["title"], published, page["url"]), notes
