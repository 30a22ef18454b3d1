"""HTML to PDF with WeasyPrint: the only module that imports it.

`render_pdf` runs WeasyPrint in a child process (multiprocessing "forkserver", WeasyPrint
preloaded) under an address-space cap and a wall-clock timeout, so a stuck or huge render
never takes a web worker or task worker down with it. The child needs no Django: it gets the
HTML, a base URL and the folders it may read.

`SafeURLFetcher` serves only files under the allowed folders (real paths, so no `..` or
symlink escapes) and data: URIs. Every other URL (http, https, ftp, other files) is refused
and logged without being opened, and the render goes on without it.
"""

import logging
import mimetypes
import multiprocessing
import os
import resource
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import DataHandler, Request, url2pathname

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from courses.exceptions import BookRenderError

__all__ = ["BookRenderError", "RenderedPDF", "SafeURLFetcher", "render_pdf"]
logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 120
DEFAULT_MEMORY_MB = 2048
PDF_VARIANT = "pdf/ua-1"
mimetypes.add_type("font/woff", ".woff")
mimetypes.add_type("font/woff2", ".woff2")
mimetypes.add_type("image/svg+xml", ".svg")


class URLRefused(ValueError):
    """The fetcher will not open this URL (WeasyPrint catches it and leaves the resource out)."""


@dataclass
class RenderedPDF:
    """A finished render: the PDF's bytes, its page count, and what was left out."""

    pdf: bytes
    pages: int
    tagged: bool
    refused: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class SafeURLFetcher(URLFetcher):
    """Opens files under `allowed_roots` and data: URIs; refuses and logs everything else."""

    def __init__(self, *, allowed_roots, **kwargs):
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False, **kwargs)
        self.allowed_roots = [Path(os.path.realpath(root)) for root in allowed_roots]
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
        """The real path of a file: URL if it is a regular file inside an allowed root."""
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return None
        path = Path(os.path.realpath(url2pathname(unquote(parts.path))))
        inside = any(path.is_relative_to(root) for root in self.allowed_roots)
        return path if inside and path.is_file() else None


def allowed_roots() -> list[str]:
    """The static folders (collected and source) and the local media folder."""
    from django.conf import settings
    from django.contrib.staticfiles import finders

    roots = [settings.STATIC_ROOT, settings.MEDIA_ROOT]
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            roots.append(storage.location)
    return [str(root) for root in dict.fromkeys(roots) if root and os.path.isdir(root)]


def render_pdf(html: str, *, base_url: str, timeout: float | None = None,
               memory_mb: int | None = None) -> RenderedPDF:
    """Render HTML to a PDF in a child process; raise BookRenderError if it cannot finish."""
    from django.conf import settings

    timeout = timeout or getattr(settings, "BOOK_RENDER_TIMEOUT", DEFAULT_TIMEOUT)
    memory_mb = memory_mb or getattr(settings, "BOOK_RENDER_MEMORY_MB", DEFAULT_MEMORY_MB)
    job = {"html": html, "base_url": base_url, "roots": allowed_roots(), "memory_mb": memory_mb}
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_render_in_child, args=(sender, job), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise BookRenderError(f"The render took longer than {timeout:g} seconds.")
        try:
            outcome = receiver.recv()
        except EOFError as error:
            process.join(5)
            raise BookRenderError(
                f"The renderer stopped unexpectedly (exit code {process.exitcode}); "
                "it probably ran out of memory."
            ) from error
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(5)
    if outcome[0] == "error":
        raise BookRenderError(outcome[1])
    result = outcome[1]
    for url in result.refused:
        logger.warning("Book render left out %s (refused)", url[:200])
    for message in result.warnings[:10]:
        logger.info("WeasyPrint: %s", message)
    if not result.tagged:
        logger.warning("Book render is not tagged: PDF/UA-1 was refused for this document")
    return result


def _render_in_child(sender, job: dict) -> None:
    """Child process: cap memory, render, send ("ok", RenderedPDF) or ("error", message)."""
    warnings = _capture_weasyprint_warnings()
    limit = job["memory_mb"] * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    fetcher = SafeURLFetcher(allowed_roots=job["roots"])
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
