"""Community book views (routed from CourseBookPage and ModulePage): the web edition's context,
the PDF download, and the admin's print previews."""

from csp.decorators import csp_exempt
from django.http import FileResponse, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from courses import services
from courses.exceptions import BookRenderError, EmptyBook, UnknownModule
from courses.models import CourseBookPage, ModulePage
from courses.selectors import book_chapters, book_course, book_modules
from courses.variants import SIZES, BookVariant, InvalidVariant

STATUS_TEMPLATE = "courses/book_pdf_status.html"


def download_options(book: CourseBookPage, modules: list) -> dict:
    """The PDF variants a reader can download, each with its link and what it is for."""
    base = _pdf_url(book)
    default = book.paper_size
    other = next(size for size in SIZES if size != default)
    books = [
        (BookVariant(size=default), "The whole book."),
        (BookVariant(size=other), "The whole book on the other paper size."),
        (BookVariant(size=default, large_print=True), "Bigger type for easier reading."),
        (BookVariant(size=other, large_print=True), "Bigger type, other paper size."),
    ]
    return {
        "downloads": [
            {"url": base + v.query_string(default_size=default), "label": v.label, "help": text,
             "primary": n == 0}
            for n, (v, text) in enumerate(books)
        ],
        "handouts": [
            {"url": base + BookVariant(size=default, module_slug=m.slug).query_string(
                default_size=default), "module": m}
            for m in modules
        ],
        "pdf_url": base,
        "default_size": SIZES[default],
    }


def web_edition_context(request, book: CourseBookPage) -> dict:
    """The web edition: each module's community edition, and the PDF download choices."""
    course = book_course(book)
    modules = book_modules(book, course=course)
    return {
        "course": course,
        "chapters": book_chapters(modules),
        **download_options(book, modules),
    }


def _pdf_url(book) -> str:
    return (book.url or "") + "pdf/"  # an unsaved book (a preview) has no URL yet


def _status(request, book, status: int, state: str, message: str = ""):
    context = {"page": book, "state": state, "message": message, "pdf_url": _pdf_url(book)}
    response = TemplateResponse(request, STATUS_TEMPLATE, context, status=status)
    patch_cache_control(response, no_store=True)
    return response


@require_safe
def book_pdf_view(request, book: CourseBookPage):
    """GET `<book>/pdf/`: the stored PDF (ETag / 304), or a page saying why there is none yet."""
    try:
        variant = BookVariant.from_query(request.GET, default_size=book.paper_size)
        return _pdf_response(request, book, variant)
    except InvalidVariant as error:
        return _status(request, book, 400, "invalid", str(error))
    except UnknownModule:
        return _status(request, book, 400, "invalid", "This book has no module by that name.")
    except EmptyBook:
        return _status(request, book, 404, "empty")


def _pdf_response(request, book, variant, *, retry: bool = True):
    download = services.book_pdf_for_download(book=book, variant=variant)
    if download.failed:
        return _status(request, book, 503, "failed", download.failed)
    if download.preparing:
        response = _status(request, book, 202, "preparing")
        response["Retry-After"] = "5"
        return response
    try:
        return _file_response(request, book, variant, download.rendition)
    except FileNotFoundError:
        if not retry:
            raise
        # The stored file went missing (storage was cleaned): forget it and make it again.
        services.forget_rendition(rendition=download.rendition)
        return _pdf_response(request, book, variant, retry=False)


# A PDF runs no script and loads nothing: a Content-Security-Policy only gets in the way of
# the browser's PDF viewer.
@csp_exempt()
def _file_response(request, book, variant, rendition):
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
        as_attachment=True,
        filename=variant.filename(book.slug),
        content_type="application/pdf",
    )
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, no_cache=True, private=True)
    return response


@csp_exempt()
def _inline_pdf(result, filename: str) -> HttpResponse:
    response = HttpResponse(result.pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    patch_cache_control(response, no_store=True, private=True)
    return response


def book_print_preview(request, book: CourseBookPage):
    """Admin preview: the draft book rendered as it will print (not stored)."""
    variant = BookVariant(size=book.paper_size)
    try:
        document = services.print_book_html(book=book, variant=variant)
        result = services.render_print_pdf(document)
    except EmptyBook:
        return _status(request, book, 200, "empty")
    except BookRenderError as error:
        return _status(request, book, 200, "failed", str(error))
    return _inline_pdf(result, variant.filename(book.slug or "preview"))


def module_print_preview(request, module: ModulePage):
    """Admin preview: a draft module as its community edition prints, as a one-module handout
    of the course's first book (or of a stand-in book when the course has none yet)."""
    course = module.get_parent()
    book = CourseBookPage.objects.live().child_of(course).first() or CourseBookPage(
        title=f"{course.title}: community edition", slug="book",
        path=course.path + "0000", depth=course.depth + 1,
    )
    module.slug = module.slug or "module"
    live = book_modules(book, course=course)
    modules = [module if m.pk == module.pk else m for m in live]
    if module not in modules:
        modules.append(module)
    variant = BookVariant(size=book.paper_size, module_slug=module.slug)
    document = services.print_book_html(
        book=book, variant=variant, modules=modules, course=course
    )
    try:
        result = services.render_print_pdf(document)
    except BookRenderError as error:
        return _status(request, book, 200, "failed", str(error))
    return _inline_pdf(result, f"{module.slug}-preview.pdf")
