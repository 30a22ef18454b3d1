"""HTML to PDF with WeasyPrint: the only module that imports it, and only render processes do.

`render_in_child` is the render: it runs in a child forked from the "forkserver" process that
preloads this module (courses.rendering starts it and waits, under an address-space cap and a
wall-clock timeout). The child needs no Django: it gets the HTML, a base URL, the static
folders it may read and the media files (the book's own image renditions) it may read. Web and
task workers import courses.rendering, never this module.

`SafeURLFetcher` serves only files under the static folders, the listed media files (real
paths, so no `..` or symlink escapes) and data: URIs. Every other URL (http, https, ftp, any
other file, an uploaded document or an image the book does not show included) is refused and
logged without being opened, and the render goes on without it.
"""

import logging
import mimetypes
import os
import resource
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import DataHandler, Request, url2pathname

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from courses.rendering import RenderedPDF, render_pdf, static_roots  # the parent side, re-exported

__all__ = ["RenderedPDF", "SafeURLFetcher", "render_in_child", "render_pdf", "static_roots"]
logger = logging.getLogger(__name__)

PDF_VARIANT = "pdf/ua-1"
mimetypes.add_type("font/woff", ".woff")
mimetypes.add_type("font/woff2", ".woff2")
mimetypes.add_type("image/svg+xml", ".svg")


class URLRefused(ValueError):
    """The fetcher will not open this URL (WeasyPrint catches it and leaves the resource out)."""


class SafeURLFetcher(URLFetcher):
    """Opens files under `allowed_roots`, the `allowed_files` (file: URLs) and data: URIs;
    refuses and logs everything else."""

    def __init__(self, *, allowed_roots, allowed_files=(), **kwargs):
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False, **kwargs)
        self.allowed_roots = [Path(os.path.realpath(root)) for root in allowed_roots]
        self.allowed_files = {path for url in allowed_files if (path := _real_path(url))}
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":  # decoded in place: no handler but DataHandler ever sees the URL
            response = DataHandler().data_open(Request(url))  # noqa: S310
            kind = response.headers.get_content_type()
            return URLFetcherResponse(url, body=response.read(), headers={"Content-Type": kind})
        path = self.allowed_path(url) if scheme == "file" else None
        if path is None:
            self.refused.append(url)
            logger.warning("Book render refused to fetch %s", url[:200])
            raise URLRefused(f"Not a file Ripple serves: {url[:200]}")
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        body = path.read_bytes()
        return URLFetcherResponse(path.as_uri(), body=body, headers={"Content-Type": kind})

    def allowed_path(self, url: str) -> Path | None:
        """The real path of a file: URL if it is a regular file inside an allowed root or one
        of the allowed files."""
        path = _real_path(url)
        if path is None:
            return None
        allowed = path in self.allowed_files or any(
            path.is_relative_to(root) for root in self.allowed_roots
        )
        return path if allowed and path.is_file() else None


def _real_path(url: str) -> Path | None:
    """The real path (symlinks resolved) a local file: URL names, or None for another host."""
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        return None
    return Path(os.path.realpath(url2pathname(unquote(parts.path))))


def render_in_child(sender, job: dict) -> None:
    """Child process: cap memory, render, send ("ok", RenderedPDF) or ("error", message)."""
    warnings = _capture_weasyprint_warnings()
    limit = job["memory_mb"] * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    fetcher = SafeURLFetcher(allowed_roots=job["roots"], allowed_files=job["files"])
    try:
        try:
            pdf, pages = _write(job, fetcher, PDF_VARIANT)
            tagged = True
        except MemoryError:
            raise
        except Exception as error:  # PDF/UA refused this document: a plain PDF is still useful
            warnings.append(f"PDF/UA-1 failed ({error!r}); wrote an untagged PDF.")
            pdf, pages = _write(job, fetcher, None)
            tagged = False
        result = RenderedPDF(pdf, pages, tagged, fetcher.refused, warnings[:50])
        sender.send(("ok", result))
    except MemoryError:
        sender.send(("error", f"The render needed more than {job['memory_mb']} MB of memory."))
    except Exception as error:  # reported to the parent, which raises BookRenderError
        sender.send(("error", f"The render failed: {error!r}"))
    finally:
        sender.close()


def _write(job: dict, fetcher: SafeURLFetcher, pdf_variant: str | None) -> tuple[bytes, int]:
    options = {"pdf_variant": pdf_variant} if pdf_variant else {}
    document = HTML(string=job["html"], base_url=job["base_url"], url_fetcher=fetcher).render(
        **options
    )
    return document.write_pdf(**options), len(document.pages)


def _capture_weasyprint_warnings() -> list[str]:
    """Keep WeasyPrint's warnings for the parent instead of printing them in the child."""
    captured: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            captured.append(record.getMessage()[:300])

    weasyprint_logger = logging.getLogger("weasyprint")
    weasyprint_logger.handlers = [Collect(level=logging.WARNING)]
    weasyprint_logger.propagate = False
    logging.getLogger(__name__).handlers = [logging.NullHandler()]
    logging.getLogger(__name__).propagate = False
    return captured
