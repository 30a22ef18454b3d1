"""The release whose code drew a cached fragment, so that a deploy never serves the last one's.

Generations (caching.generations) keep fragments right when data changes; they cannot know
when code or templates change. With a cache shared by every web process (CACHE_URL=redis://),
fragments drawn by the previous release would otherwise be served for up to a day after a
deploy, with its markup, wording and hashed static file names. So the keys of cached fragments
(Django's {% cache %} tag and caching.generations.cached) carry the release: RIPPLE_RELEASE
when the deploy sets it (a commit or version), else a digest of the code, templates, static
files and message catalogues, the same on every server that runs the same files. Other keys
(allauth's rate limits, for one) are left alone, so a deploy does not reset them.
"""

import functools
import hashlib
import os
from pathlib import Path

from django.conf import settings

FRAGMENT_KEY_STARTS = ("template.cache.", "ripple:")
CODE_SUFFIXES = {".py", ".html", ".txt", ".css", ".js", ".po", ".svg", ".yaml"}
SKIPPED_DIRECTORIES = {"tests", "media", "staticfiles", "node_modules", "bench-results",
                       "__pycache__"}


def make_key(key: str, key_prefix: str, version: int) -> str:
    """Django's cache key (KEY_FUNCTION), with the release in front of fragment keys."""
    if key.startswith(FRAGMENT_KEY_STARTS):
        key = f"{release()}:{key}"
    return f"{key_prefix}:{version}:{key}"


def release() -> str:
    """RIPPLE_RELEASE if set, else the digest of the files this release runs."""
    return settings.RIPPLE_RELEASE or code_digest(Path(settings.BASE_DIR))


@functools.cache
def code_digest(root: Path) -> str:
    """A short digest of every code, template, static and catalogue file under `root`
    (names and contents; hidden folders, tests and uploads left out). About 20 ms, once."""
    digest = hashlib.blake2b(digest_size=8)
    for directory, folders, files in os.walk(root):
        folders[:] = sorted(
            name for name in folders
            if not name.startswith(".") and name not in SKIPPED_DIRECTORIES
        )
        for name in sorted(files):
            path = Path(directory, name)
            if path.suffix in CODE_SUFFIXES:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()
