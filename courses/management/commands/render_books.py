"""`manage.py render_books`: render every live community book again (run after a deploy)."""

from django.core.management.base import BaseCommand, CommandError

from courses.books import services, tasks
from courses.books.selectors import book_modules, rendered_variant_keys
from courses.books.variants import SIZES, BookVariant
from courses.exceptions import BookRenderError, EmptyBook, UnknownModule
from courses.models import CourseBookPage


def standard_variants(book, modules) -> list[BookVariant]:
    """Every whole-book variant and booklet, a handout per module, and any variant rendered
    before."""
    variants = [
        BookVariant(size=size, large_print=large) for size in SIZES for large in (False, True)
    ]
    variants += [BookVariant(size=size, booklet=True) for size in SIZES]
    variants += [BookVariant(size=book.paper_size, module_slug=m.slug) for m in modules]
    variants += [BookVariant.from_key(key) for key in sorted(rendered_variant_keys(book))]
    return list(dict.fromkeys(variants))


class Command(BaseCommand):
    """Renders (or queues) every live book's standard variants; fails if any render failed."""

    help = (
        "Render the PDFs of every live community book whose stored files are out of date: "
        "each paper size in standard and large print, and a handout of each module. Run it "
        "after a deploy so that downloads stay instant."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--default-only", action="store_true",
            help="Only each book's default variant (its own paper size, standard print).",
        )
        parser.add_argument(
            "--queue", action="store_true",
            help="Queue the renders for the task worker instead of rendering here.",
        )

    def handle(self, *args, default_only=False, queue=False, **options):
        failures = 0
        for book in CourseBookPage.objects.live().order_by("path"):
            modules = book_modules(book)
            variants = (
                [BookVariant(size=book.paper_size)] if default_only
                else standard_variants(book, modules)
            )
            if queue:
                tasks.enqueue_book_renders(books=[book], variant_keys=[v.key for v in variants])
                self.stdout.write(f"{book.title}: {len(variants)} renders queued")
                continue
            for variant in variants:
                try:
                    rendition = services.render_book_pdf(book=book, variant=variant)
                except EmptyBook:
                    self.stdout.write(f"{book.title}: no live modules, nothing to print")
                    break
                except UnknownModule:
                    continue  # a handout of a module that has left the book
                except BookRenderError as error:
                    failures += 1
                    self.stderr.write(f"{book.title} ({variant.key}): {error}")
                    continue
                self.stdout.write(f"{book.title} ({variant.key}): {rendition.pages} pages")
        if failures:
            raise CommandError(f"{failures} render(s) failed.")

