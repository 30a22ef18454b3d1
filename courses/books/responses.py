"""The HTTP side of a community book's PDF: the stored file (ETag / 304), an inline preview, and
a page saying why there is no PDF (yet); and its EPUB. CourseBookPage's `pdf/` and `epub/`
routes and the admin previews (courses.books.previews) answer with these.

A stored PDF opens in the browser (Content-Disposition: inline); `?download=1` asks to save it
(attachment). Both carry the readable file name, and the same ETag: the bytes are the same."""

from csp.decorators import csp_exempt
from django.http import FileResponse, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext

from courses.books import downloads, epub, language
from courses.books.variants import BookVariant, InvalidVariant
from courses.books.web_edition import pdf_url
from courses.exceptions import EmptyBook, UnknownModule

STATUS_TEMPLATE = "courses/book_pdf_status.html"
DOWNLOAD_PARAMETER = "download"  # `?download=1`: save the file instead of opening it


def status_response(request, book, status: int, state: str, message: str = ""):
    """The page that says why there is no PDF: preparing, empty, invalid or failed."""
    context = {"page": book, "state": state, "message": message, "pdf_url": pdf_url(book)}
    response = TemplateResponse(request, STATUS_TEMPLATE, context, status=status)
    patch_cache_control(response, no_store=True)
    return response


def refused_variant_response(request, book, error: LookupError | ValueError):
    """400 for a variant that does not exist, 404 for a book with nothing to print."""
    if isinstance(error, InvalidVariant):
        return status_response(request, book, 400, "invalid", str(error))
    if isinstance(error, UnknownModule):
        message = gettext("This book has no module by that name: “%(name)s”.") % {
            "name": error.args[0]
        }
        return status_response(request, book, 400, "invalid", message)
    if isinstance(error, EmptyBook):
        return status_response(request, book, 404, "empty")
    raise error


def download_response(request, book, variant: BookVariant, download, *, retry: bool = True):
    """The answer to a PDF download (a courses.books.downloads.BookDownload): the stored file,
    202 while it is prepared, or 503 when its render failed."""
    if download.failed:
        return status_response(request, book, 503, "failed", download.failed)
    if download.preparing:
        response = status_response(request, book, 202, "preparing")
        response["Retry-After"] = "5"
        return response
    try:
        return stored_pdf_response(
            request, download.rendition, variant.filename(language.file_stem(book)),
            as_attachment=wants_download(request),
        )
    except FileNotFoundError:
        if not retry:
            raise
        # The stored file went missing (storage was cleaned): forget it and make it again.
        downloads.forget_rendition(rendition=download.rendition)
        again = downloads.book_pdf_for_download(
            book=book, variant=variant, fingerprint=download.rendition.fingerprint
        )
        return download_response(request, book, variant, again, retry=False)


def wants_download(request) -> bool:
    """True when the reader asked to save the PDF (`?download=1`) rather than open it."""
    return request.GET.get(DOWNLOAD_PARAMETER, "").strip() in ("1", "true", "yes")


# A PDF runs no script and loads nothing: a Content-Security-Policy only gets in the way of
# the browser's PDF viewer.
@csp_exempt()
def stored_pdf_response(request, rendition, filename: str, *, as_attachment: bool = False):
    """A stored PDF, shown inline or as an attachment, with its fingerprint as ETag (304 when
    unchanged)."""
    etag = f'"{rendition.fingerprint}"'
    last_modified = int(rendition.rendered_at.timestamp())
    headers = HttpResponse()
    headers["ETag"] = etag
    headers["Last-Modified"] = http_date(last_modified)
    conditional = get_conditional_response(
        request, etag=etag, last_modified=last_modified, response=headers
    )
    if conditional is not headers:  # 304 Not Modified (or 412), with the same validators
        return conditional

    response = FileResponse(
        rendition.file.open("rb"),
        as_attachment=as_attachment,
        filename=filename,
        content_type="application/pdf",
    )
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, no_cache=True, private=True)
    return response


@csp_exempt()
def inline_pdf_response(result, filename: str) -> HttpResponse:
    """A PDF rendered for one look (an admin preview): shown inline, never stored or cached."""
    response = HttpResponse(result.pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    patch_cache_control(response, no_store=True, private=True)
    return response


@csp_exempt()
def epub_download_response(request, book):
    """The book's EPUB as an attachment, made now unless the reader's copy is current (its
    fingerprint is the ETag: 304); 404 with the usual page for a book with nothing to read."""
    try:
        etag = f'"{epub.epub_fingerprint(book)}"'
    except EmptyBook as error:
        return refused_variant_response(request, book, error)
    headers = HttpResponse()
    headers["ETag"] = etag
    conditional = get_conditional_response(request, etag=etag, response=headers)
    if conditional is not headers:
        return conditional
    response = HttpResponse(epub.build_book_epub(book=book), content_type=epub.MEDIA_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{epub.epub_filename(book)}"'
    response["ETag"] = etag
    patch_cache_control(response, no_cache=True, private=True)
    return response
