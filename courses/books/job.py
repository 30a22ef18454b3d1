"""What crosses the process boundary of a PDF render: plain data, light to import.

The web or task worker (courses.books.rendering) sends a `RenderJob` to the render child
(courses.books.pdf), which sends back a `RenderedPDF` or an error message. Both sides import
this module and neither imports the other (the parent names the child's entry point by its
dotted path, a `ChildEntryPoint`), so it must stay free of Django and WeasyPrint.
"""

import importlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RenderJob:
    """One render: the HTML, its base URL, and everything the child may read (it has no database).

    `roots` are folders it may read whole (the static folders); `files` are the single media
    files (file: URLs) it may also read, the renditions of the book's own images.
    """

    html: str
    base_url: str
    roots: tuple[str, ...]
    files: tuple[str, ...]
    memory_mb: int


@dataclass
class RenderedPDF:
    """A finished render: the PDF's bytes, its page count, and what was left out."""

    pdf: bytes
    pages: int
    tagged: bool
    refused: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ChildEntryPoint:
    """A function named by its dotted path, called in the child process.

    It travels to the child as this small object (its module is imported there, where the
    forkserver has already preloaded it), so the parent never imports the child's module.
    """

    path: str

    @property
    def module(self) -> str:
        """The dotted module the function lives in (what the forkserver preloads)."""
        return self.path.rpartition(".")[0]

    def __call__(self, *args):
        module, _, name = self.path.rpartition(".")
        return getattr(importlib.import_module(module), name)(*args)
