"""Admin print previews: a draft book, or a draft module's community edition, rendered as it
will print and shown inline (never stored). Called by the pages' `serve_preview`."""

from courses.books import language, services
from courses.books.responses import inline_pdf_response, status_response
from courses.books.variants import BookVariant
from courses.exceptions import BookRenderError, EmptyBook


def book_print_preview(request, book):
    """The "Print (PDF)" preview of a CourseBookPage: its draft in its default variant."""
    variant = BookVariant(size=book.paper_size)
    try:
        document = services.print_book_html(book=book, variant=variant)
        result = services.render_print_pdf(document)
    except EmptyBook:
        return status_response(request, book, 200, "empty")
    except BookRenderError as error:
        return status_response(request, book, 200, "failed", str(error))
    return inline_pdf_response(result, variant.filename(language.file_stem(book)))


def module_print_preview(request, module):
    """The "Community edition (print)" preview of a ModulePage: its draft as a one-module
    handout (courses.books.services.module_preview_document)."""
    book, document = services.module_preview_document(module=module)
    try:
        result = services.render_print_pdf(document)
    except BookRenderError as error:
        return status_response(request, book, 200, "failed", str(error))
    return inline_pdf_response(result, f"{module.slug}-preview.pdf")
