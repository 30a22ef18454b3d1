"""HTML to PDF with WeasyPrint, in the render child: with courses.books.fetcher, the only
modules that import WeasyPrint, and only render processes import them.

`render_in_child` is the render: it runs in a child forked from the "forkserver" process that
preloads this module (courses.books.rendering starts it by this module's dotted name and waits,
under an address-space cap and a wall-clock timeout). The child needs no Django: its
`RenderJob` carries the HTML, a base URL, the static folders it may read and the media files
(the book's own image renditions) it may read. Web and task workers import
courses.books.rendering, never this module.
"""

import logging
import resource

from weasyprint import HTML

from courses.books.fetcher import SafeURLFetcher
from courses.books.job import RenderedPDF, RenderJob

PDF_VARIANT = "pdf/ua-1"
# The loggers this child silences: what it has to say travels back in the RenderedPDF.
OWN_LOGGERS = "courses.books"


def render_in_child(sender, job: RenderJob) -> None:
    """Child process: cap memory, render, send ("ok", RenderedPDF) or ("error", message)."""
    warnings = _capture_weasyprint_warnings()
    limit = job.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    fetcher = SafeURLFetcher(allowed_roots=job.roots, allowed_files=job.files)
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
        sender.send(("error", f"The render needed more than {job.memory_mb} MB of memory."))
    except Exception as error:  # reported to the parent, which raises BookRenderError
        sender.send(("error", f"The render failed: {error!r}"))
    finally:
        sender.close()


def _write(job: RenderJob, fetcher: SafeURLFetcher, pdf_variant: str | None) -> tuple[bytes, int]:
    options = {"pdf_variant": pdf_variant} if pdf_variant else {}
    document = HTML(string=job.html, base_url=job.base_url, url_fetcher=fetcher).render(
        **options
    )
    return document.write_pdf(finisher=_open_with_bookmarks, **options), len(document.pages)


def _open_with_bookmarks(document, pdf) -> None:
    """A PDF viewer opens the bookmarks pane beside the book (the catalog's /PageMode), set
    while WeasyPrint writes the file, so its tags and metadata are written as they are."""
    if "Outlines" in pdf.catalog:
        pdf.catalog["PageMode"] = "/UseOutlines"


def _capture_weasyprint_warnings() -> list[str]:
    """Keep WeasyPrint's warnings for the parent instead of printing them in the child."""
    captured: list[str] = []

    class Collect(logging.Handler):
        """Keeps each record's message (cut short) in `captured`."""

        def emit(self, record):
            captured.append(record.getMessage()[:300])

    weasyprint_logger = logging.getLogger("weasyprint")
    weasyprint_logger.handlers = [Collect(level=logging.WARNING)]
    weasyprint_logger.propagate = False
    logging.getLogger(OWN_LOGGERS).handlers = [logging.NullHandler()]
    logging.getLogger(OWN_LOGGERS).propagate = False
    return captured
