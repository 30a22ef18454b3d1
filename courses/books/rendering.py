"""Running a PDF render in a child process: the web and task workers' side, without WeasyPrint.

`render_pdf` hands a `RenderJob` to a child forked from a "forkserver" process that has
WeasyPrint (courses.books.pdf) preloaded, under an address-space cap and a wall-clock timeout.
This module names the child's entry point by its dotted path and never imports it, so a worker
that asks for renders does not carry WeasyPrint's ~20 MB.
"""

import logging
import multiprocessing
import os

from django.conf import settings
from django.contrib.staticfiles import finders

from courses.books.job import ChildEntryPoint, RenderedPDF, RenderJob
from courses.exceptions import BookRenderError

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 120
DEFAULT_MEMORY_MB = 2048
RENDER_IN_CHILD = ChildEntryPoint("courses.books.pdf.render_in_child")


def static_roots() -> list[str]:
    """The static folders (collected and source): the only folders a render may read whole.

    The media folder is not one of them: it holds uploaded documents and images that are not
    the book's. A render reads only the media files its PrintDocument lists."""
    roots = [settings.STATIC_ROOT]
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            roots.append(storage.location)
    return [str(root) for root in dict.fromkeys(roots) if root and os.path.isdir(root)]


def render_pdf(html: str, *, base_url: str, media_files=(), timeout: float | None = None,
               memory_mb: int | None = None) -> RenderedPDF:
    """Render HTML to a PDF in a child process; raise BookRenderError if it cannot finish.

    The child may read the static folders and the `media_files` (file: URLs) and nothing else.
    """
    timeout = timeout or getattr(settings, "BOOK_RENDER_TIMEOUT", DEFAULT_TIMEOUT)
    memory_mb = memory_mb or getattr(settings, "BOOK_RENDER_MEMORY_MB", DEFAULT_MEMORY_MB)
    job = RenderJob(
        html=html,
        base_url=base_url,
        roots=tuple(static_roots()),
        files=tuple(media_files),  # travels to the child with the job: it has no database
        memory_mb=memory_mb,
    )
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([RENDER_IN_CHILD.module])
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=RENDER_IN_CHILD, args=(sender, job), daemon=True)
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
