"""The community edition of a course: a public web book and print-ready PDFs. Edited in Pages.

A `CourseBookPage` sits under its `CoursePage`. Its PDFs are rendered by the book pipeline
(courses.books), stored in default storage and recorded as `BookRendition`s (one per variant
and fingerprint). The page's routes only parse, call and answer: the work is in courses.books,
imported when a route runs (courses.books imports these models, so not at the top).
"""

from django.db import models
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from caching import generations
from courses.books.variants import A4, LETTER, BookVariant, InvalidVariant
from courses.exceptions import EmptyBook, UnknownModule

BOOK_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3"]


class PaperSize(models.TextChoices):
    """The paper a book's PDF is set for by default (readers can ask for the other)."""

    A4 = A4, "A4"
    LETTER = LETTER, "US Letter"


class CourseBookForm(WagtailAdminPageForm):
    """Checks that a book's chosen modules are modules of its own course, each chosen once."""

    def clean(self):
        """Each chosen module must belong to the book's course and appear once."""
        cleaned_data = super().clean()
        parent = self.parent_page
        seen = set()
        for form in self.formsets["book_modules"].forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            module = form.cleaned_data.get("module")
            if module is None:
                continue
            if parent is not None and not module.path.startswith(parent.path):
                form.add_error("module", _("Choose a module of this book’s own course."))
            elif module.pk in seen:
                form.add_error("module", _("This module is already in the book."))
            seen.add(module.pk)
        return cleaned_data


class CourseBookPage(RoutablePageMixin, Page):
    """A course's community edition: the generalized course book learners teach from.

    Public by default (courses.permissions.book_view_restrictions): the people a learner
    teaches need no account, even when the course itself is for signed-in people. Privacy set
    on the book itself still applies. The PDF is at `<book URL>pdf/`, the EPUB at
    `<book URL>epub/`.
    """

    subtitle = models.CharField(max_length=255, blank=True)
    author = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Who the book is by, for the cover and the PDF’s details. Default: Ripple."),
    )
    foreword = RichTextField(blank=True, features=BOOK_TEXT_FEATURES)
    cover_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    credits = RichTextField(
        blank=True,
        features=BOOK_TEXT_FEATURES,
        verbose_name=_("credits and licence"),
        help_text=_("The sources of the stories, and the licence the book is shared under."),
    )
    paper_size = models.CharField(
        max_length=10,
        choices=PaperSize.choices,
        default=PaperSize.A4,
        help_text=_("The paper size the PDF is printed on unless the reader picks the other."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("subtitle"),
        FieldPanel("author"),
        FieldPanel("cover_image"),
        FieldPanel("foreword"),
        MultiFieldPanel(
            [InlinePanel("book_modules", label=_("Module"))],
            heading=_("Modules"),
            help_text=_("Leave empty to print every live module of the course, in course order."),
        ),
        FieldPanel("credits"),
        FieldPanel("paper_size"),
    ]
    base_form_class = CourseBookForm

    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("community book")

    @property
    def preview_modes(self):
        """The admin's previews: the web edition, and the PDF as it will print."""
        return [("", _("Web edition")), ("pdf", _("Print (PDF)"))]

    @property
    def author_name(self) -> str:
        """Who the book is by, as the cover and the PDF's details print it."""
        return self.author or "Ripple"

    def get_view_restrictions(self):
        from courses.permissions import book_view_restrictions

        return book_view_restrictions(self)

    def get_context(self, request, *args, **kwargs):
        """The page's context plus the web edition: chapters and PDF download choices."""
        from courses.books.web_edition import web_edition_context

        context = super().get_context(request, *args, **kwargs)
        context.update(web_edition_context(self))
        return context

    @path("")
    def web_edition(self, request):
        """`<book URL>`: the web edition."""
        return TemplateResponse(request, self.get_template(request), self.get_context(request))

    @path("pdf/")
    @method_decorator(require_safe)
    def pdf(self, request):
        """`<book URL>pdf/`: the stored PDF of the variant the query asks for (ETag / 304),
        or a page saying why there is none yet.

        The variant's fingerprint is cached per content generation and print design: a
        download of a current book then finds its stored PDF without reading the modules."""
        from courses.books import downloads, printing, responses, services
        from courses.books.selectors import in_book_order

        try:
            variant = BookVariant.from_query(request.GET, default_size=self.paper_size)
            variant = in_book_order(self, variant)
            fingerprint = generations.cached(
                f"book-fingerprint:{self.pk}:{self.locale_id}:{variant.key}:"
                f"{printing.design_version()}",
                generations.current(generations.CONTENT),
                lambda: services.print_fingerprint(book=self, variant=variant),
            )
            download = downloads.book_pdf_for_download(
                book=self, variant=variant, fingerprint=fingerprint
            )
        except (InvalidVariant, UnknownModule, EmptyBook) as error:
            return responses.refused_variant_response(request, self, error)
        return responses.download_response(request, self, variant, download)

    @path("epub/")
    @method_decorator(require_safe)
    def epub(self, request):
        """`<book URL>epub/`: the community edition as an EPUB 3 for phones and e-readers."""
        from courses.books import responses

        return responses.epub_download_response(request, self)

    def serve_preview(self, request, mode_name):
        """The admin's previews: the web edition, or the draft printed as a PDF ("pdf")."""
        if mode_name == "pdf":
            from courses.books.previews import book_print_preview

            return book_print_preview(request, self)
        return super().serve_preview(request, mode_name)


class BookModule(Orderable):
    """One module chosen for a book, in the book's order (the `Modules` panel)."""

    book = ParentalKey(CourseBookPage, on_delete=models.CASCADE, related_name="book_modules")
    module = models.ForeignKey("courses.ModulePage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("module")]


def rendition_upload_to(instance, filename):
    """Where a rendition's file is stored: under its book's id."""
    return f"books/{instance.book_id}/{filename}"


class BookRendition(models.Model):
    """A rendered PDF of one book variant, stored under the fingerprint of what shaped it.

    A row without `rendered_at` is a render that has been asked for (and is queued); `error`
    says why the last attempt failed. Rows for older fingerprints are removed with their files.
    """

    book = models.ForeignKey(CourseBookPage, on_delete=models.CASCADE, related_name="renditions")
    variant_key = models.CharField(max_length=300)
    fingerprint = models.CharField(max_length=64)
    file = models.FileField(upload_to=rendition_upload_to, max_length=400, blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    tagged = models.BooleanField(default=False, help_text=_("Saved as a tagged PDF/UA-1 file."))
    requested_at = models.DateTimeField(auto_now_add=True)
    rendered_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["book", "variant_key", "fingerprint"], name="one_rendition_per_print"
            )
        ]

    def __str__(self):
        return f"{self.book_id} {self.variant_key} {self.fingerprint[:12]}"

    @property
    def is_ready(self) -> bool:
        """True once the render has finished and its file is stored."""
        return self.rendered_at is not None and bool(self.file)
