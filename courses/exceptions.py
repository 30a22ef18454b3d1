"""Why a community book could not be printed, or a translation not submitted. Light to import
(no WeasyPrint)."""


class EmptyBook(LookupError):
    """The book has no live modules to print."""


class UnknownModule(LookupError):
    """A handout was asked for a module that is not in the book."""


class BookRenderError(RuntimeError):
    """The PDF could not be made: the render timed out, ran out of memory or failed."""


class TranslationNotReady(ValueError):
    """A translation cannot go to review yet; the message says why, for the person."""
