"""In-process measurements against one bench database, run by the bench in a subprocess:

    python -m tests.benchmarks.probe targets|queries|pdf|profile --out result.json

The environment chooses the database (DATABASE_URL) and settings, as for gunicorn. Results go
to --out as JSON, never to stdout: the console email backend prints there.

- targets: the URLs, ids and people the bench uses, found the same way in the small demo and
  the bench dataset (the cohort with the most reports, its course, module, book and people).
- queries: the database queries each page runs (Django's test client), cold and warm.
- pdf: the first render of the book's default PDF, and WeasyPrint alone on the same HTML.
- profile: pyinstrument profiles of each page (text), into --profile-dir.

This is the one module outside courses/books/ that uses WeasyPrint (in a subprocess of its
own): to time it bare.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPEATS = 3  # a page's queries are counted on each of these requests; the last is "warm"
# WeasyPrint with nothing of ours around it: default URL fetcher, same HTML, same PDF/UA-1.
BARE_WEASYPRINT = """
import json, sys, time
from weasyprint import HTML
html, base_url = open(sys.argv[1]).read(), sys.argv[2]
started = time.perf_counter()
document = HTML(string=html, base_url=base_url).render(pdf_variant="pdf/ua-1")
pdf = document.write_pdf(pdf_variant="pdf/ua-1")
print(json.dumps({"seconds": time.perf_counter() - started, "pages": len(document.pages),
                  "bytes": len(pdf)}))
"""


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def find_targets() -> dict:
    """The pages and people to measure, from whatever data this database holds."""
    from django.db.models import Count

    from accounts.models import User
    from cohorts.models import Cohort, Membership, Role
    from courses.models import CourseBookPage
    from reports.models import TeachBackReport

    cohort = (
        Cohort.objects.annotate(n=Count("memberships__reports")).order_by("-n", "pk").first()
    )
    course = cohort.course
    modules = list(course.modules().prefetch_related("principles"))
    module = modules[len(modules) // 2]
    book = CourseBookPage.objects.live().child_of(course).order_by("path").first()
    members = Membership.objects.filter(cohort=cohort).order_by("user__email")
    learners = list(members.filter(role=Role.LEARNER).values_list("user__email", flat=True))
    trainer = members.filter(role=Role.TRAINER).values_list("user__email", flat=True).first()
    admin = (
        User.objects.filter(is_superuser=True).order_by("pk").values_list("email", flat=True)
        .first()
    )
    principle = module.principles.all()[0]
    return {
        "cohort_id": cohort.pk,
        "cohort_name": cohort.name,
        "cohort_learners": len(learners),
        "cohort_reports": TeachBackReport.objects.filter(author__cohort=cohort).count(),
        "course_url": course.url,
        "module_url": module.url,
        "module_id": module.pk,
        "principle_id": principle.pk,
        "module_slugs": [m.slug for m in modules],
        "book_id": book.pk,
        "book_url": book.url,
        "pdf_url": book.url + "pdf/",
        "trainer": trainer,
        "admin": admin,
        "organisation_id": cohort.organisation_id,
        "organisation_cohorts": Cohort.objects.filter(organisation=cohort.organisation).count(),
        "learners": learners,
        "starts_on": cohort.starts_on.isoformat(),
    }


def report_form(targets: dict) -> dict:
    """A valid teach-back report, submitted, with a fresh form token (one report per post)."""
    from django.utils import timezone

    return {
        "form_token": str(uuid.uuid4()),
        "taught_on": timezone.localdate().isoformat(),
        "setting": "home",
        "language": "en",
        "audience_size": "4",
        "audience_description": "my neighbours",
        "modules": str(targets["module_id"]),
        "principles": str(targets["principle_id"]),
        "what_happened": "We talked about the helpers in our street over tea.",
        "what_resonated": "Naming the quiet helpers.",
        "visibility": "cohort",
        "action": "submit",
    }


def pages(targets: dict) -> list[dict]:
    """Each measured page: name, method, path, who asks, and the statuses that mean success."""
    learner, trainer = targets["learners"][0], targets["trainer"]
    cohort = targets["cohort_id"]
    return [
        {"name": "healthz", "path": "/healthz", "user": None, "ok": [200]},
        {"name": "course page", "path": targets["course_url"], "user": learner, "ok": [200]},
        {"name": "module page", "path": targets["module_url"], "user": learner, "ok": [200]},
        {"name": "my home", "path": "/my/", "user": learner, "ok": [200]},
        {"name": "cohort page (trainer)", "path": f"/cohorts/{cohort}/", "user": trainer,
         "ok": [200]},
        {"name": "report feed", "path": f"/cohorts/{cohort}/reports/", "user": learner,
         "ok": [200]},
        {"name": "impact page (trainer)", "path": f"/cohorts/{cohort}/impact/",
         "user": trainer, "ok": [200]},
        {"name": "organisation impact (admin)",
         "path": f"/admin/impact/organisations/{targets['organisation_id']}/",
         "user": targets["admin"], "ok": [200]},
        {"name": "cached PDF", "path": targets["pdf_url"], "user": None, "ok": [200]},
        {"name": "report POST", "path": f"/cohorts/{cohort}/reports/new/", "user": learner,
         "ok": [302], "method": "POST"},
    ]


def _request(client, page: dict, targets: dict):
    if page.get("method") == "POST":
        return client.post(page["path"], report_form(targets))
    return client.get(page["path"])


def count_queries(targets: dict) -> dict:
    """Queries per page on REPEATS requests each (test client, signed in as the page's user)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User

    results = {}
    for page in pages(targets):
        client = Client()
        if page["user"]:
            client.force_login(User.objects.get(email=page["user"]))
        counts, statuses = [], []
        for _ in range(REPEATS):
            with CaptureQueriesContext(connection) as queries:
                response = _request(client, page, targets)
                if getattr(response, "streaming", False):
                    b"".join(response.streaming_content)
                response.close()
            counts.append(len(queries))
            statuses.append(response.status_code)
        results[page["name"]] = {
            "path": page["path"], "counts": counts, "statuses": statuses,
            "ok": all(status in page["ok"] for status in statuses),
            "sql": [q["sql"][:300] for q in queries.captured_queries],
        }
    return results


def profile_pages(targets: dict, directory: Path, repeats: int = 20) -> dict:
    """pyinstrument text profiles of `repeats` warm requests to each page."""
    from django.test import Client
    from pyinstrument import Profiler

    from accounts.models import User

    directory.mkdir(parents=True, exist_ok=True)
    written = {}
    for page in pages(targets):
        client = Client()
        if page["user"]:
            client.force_login(User.objects.get(email=page["user"]))
        _request(client, page, targets).close()
        profiler = Profiler(interval=0.0005)
        started = time.perf_counter()
        with profiler:
            for _ in range(repeats):
                response = _request(client, page, targets)
                if getattr(response, "streaming", False):
                    b"".join(response.streaming_content)
                response.close()
        per_request = (time.perf_counter() - started) / repeats
        name = page["name"].split(" (")[0].replace(" ", "-")
        path = directory / f"{name}.txt"
        path.write_text(profiler.output_text(unicode=True, show_all=False))
        written[page["name"]] = {"file": str(path), "ms_per_request": per_request * 1000}
    return written


def measure_pdf(targets: dict) -> dict:
    """The book's default PDF: our first render (cold process, then with the render process
    already up), and WeasyPrint alone on the same final HTML in a fresh process."""
    from django.core.files.storage import default_storage

    from courses.books import services
    from courses.books.printing import site_url
    from courses.books.variants import BookVariant
    from courses.models import BookRendition, CourseBookPage

    book = CourseBookPage.objects.get(pk=targets["book_id"])
    variant = BookVariant(size=book.paper_size)

    def forget():
        for rendition in BookRendition.objects.filter(book=book, variant_key=variant.key):
            if rendition.file:
                default_storage.delete(rendition.file.name)
            rendition.delete()

    def ours() -> tuple[float, object]:
        forget()
        started = time.perf_counter()
        rendition = services.render_book_pdf(book=book, variant=variant)
        return time.perf_counter() - started, rendition

    cold, rendition = ours()  # includes starting the render process and importing WeasyPrint

    started = time.perf_counter()
    html = services.print_book_html(book=book, variant=variant).html
    html_seconds = time.perf_counter() - started

    base_url = site_url() + "/"
    folder = tempfile.TemporaryDirectory()
    html_file = Path(folder.name) / "book.html"
    html_file.write_text(html)

    def bare() -> dict:
        """WeasyPrint alone in a fresh process (imported before the clock starts), as our
        render process is fresh for each render: no font or style caches carried over."""
        done = subprocess.run(  # noqa: S603 -- this interpreter, our own script
            [sys.executable, "-c", BARE_WEASYPRINT, str(html_file), base_url],
            capture_output=True, text=True, check=True,
        )
        return json.loads(done.stdout.strip().splitlines()[-1])

    # Best of two, alternating, for both: one run on a busy machine can be off by a quarter.
    bare_runs = [bare()]
    warm, rendition = ours()  # the render process is up: what a worker's next render pays
    bare_runs.append(bare())
    warm = min(warm, ours()[0])
    rendition = BookRendition.objects.get(book=book, variant_key=variant.key)
    booklet = _booklet_imposition(book)
    best = min(bare_runs, key=lambda run: run["seconds"])
    bare_seconds = best["seconds"]
    folder.cleanup()
    return {
        "book": book.title,
        "modules": len(targets["module_slugs"]),
        "pages": rendition.pages,
        "bytes": rendition.size,
        "tagged": rendition.tagged,
        "first_render_cold_s": cold,
        "first_render_s": warm,
        "html_build_s": html_seconds,
        "bare_weasyprint_s": bare_seconds,
        "bare_pages": best["pages"],
        "bare_bytes": best["bytes"],
        "pages_per_second": rendition.pages / warm,
        "ratio_to_bare": warm / bare_seconds,
        "cold_ratio_to_bare": cold / bare_seconds,
        **booklet,
    }


def _booklet_imposition(book) -> dict:
    """The booklet: its half-size pages rendered, then imposed two to a sheet; what the
    imposition (courses.books.booklet) adds to the render, best of two."""
    from courses.books import services
    from courses.books.booklet import impose_booklet
    from courses.books.variants import BookVariant

    variant = BookVariant(size=book.paper_size, booklet=True)
    document = services.print_book_html(book=book, variant=variant)
    renders, impositions = [], []
    for _ in range(2):
        started = time.perf_counter()
        pages = services.render_print_pdf(document)
        renders.append(time.perf_counter() - started)
        started = time.perf_counter()
        impose_booklet(pages.pdf, paper=variant.size)
        impositions.append(time.perf_counter() - started)
    return {
        "booklet_pages": pages.pages,
        "booklet_render_s": min(renders),
        "booklet_impose_s": min(impositions),
        "booklet_impose_share": min(impositions) / min(renders),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["targets", "queries", "pdf", "profile"])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--profile-dir", type=Path)
    args = parser.parse_args(argv)
    setup_django()
    targets = find_targets()
    if args.command == "targets":
        result = targets
    elif args.command == "queries":
        result = count_queries(targets)
    elif args.command == "pdf":
        result = measure_pdf(targets)
    else:
        result = profile_pages(targets, args.profile_dir or args.out.parent / "profiles")
    args.out.write_text(json.dumps(result, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
