"""The safe URL fetcher: everything a PDF render may read, and nothing else.

`SafeURLFetcher` serves only files under the static folders, the listed media files (real
paths, so no `..` or symlink escapes) and data: URIs. Every other URL (http, https, ftp, any
other file, an uploaded document or an image the book does not show included) is refused and
logged without being opened, and the render goes on without it.

It subclasses WeasyPrint's fetcher, so like courses.books.pdf it is imported only where renders
run (the render child); web and task workers never import it.
"""

import logging
import mimetypes
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import DataHandler, Request, url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

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
        self.allowed_files = {path for url in allowed_files if (path := real_path(url))}
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        """The response for an allowed URL; URLRefused (recorded in `refused`) for any other."""
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
        path = real_path(url)
        if path is None:
            return None
        allowed = path in self.allowed_files or any(
            path.is_relative_to(root) for root in self.allowed_roots
        )
        return path if allowed and path.is_file() else None


def real_path(url: str) -> Path | None:
    """The real path (symlinks resolved) a local file: URL names, or None for another host."""
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        return None
    return Path(os.path.realpath(url2pathname(unquote(parts.path))))
