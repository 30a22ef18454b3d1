"""The learner home, the cohort page and the CSV export."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.models import ModulePage, ModuleProgress
from tests import factories
from tests.querycount import queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    course = factories.course(modules=3)
    trainer = factories.trainer(email="tara@example.com", display_name="Tara Trainer")
    learners = [
        factories.learner(email=f"l{n}@example.com", display_name=f"Learner {n}") for n in range(3)
    ]
    cohort = factories.cohort(course=course, trainers=[trainer], learners=learners)
    modules = list(ModulePage.objects.order_by("path"))
    ModuleProgress.objects.create(user=learners[0], module=modules[0], completed_at=timezone.now())
    return {
        "course": course,
        "cohort": cohort,
        "trainer": trainer,
        "learners": learners,
        "modules": modules,
    }


def test_the_learner_home_shows_progress_the_next_module_and_the_due_date(client, world):
    world["cohort"].teach_back_due_on = "2026-12-14"
    world["cohort"].save()
    client.force_login(world["learners"][0])
    html = client.get("/my/").content.decode()
    assert "1 of 3 modules" in html
    assert "Continue: Module 2" in html
    assert "due 14 Dec 2026" in html
    assert "Not started" in html
    assert "Community book" not in html
    factories.book(course=world["course"])
    html = client.get("/my/").content.decode()
    assert f"Community book: {factories.BOOK_TITLE}" in html
    assert "/courses/service/community-book/" in html


def test_the_learner_home_leaves_out_archived_cohorts(client, world):
    world["cohort"].archived = True
    world["cohort"].save()
    client.force_login(world["learners"][0])
    assert "not in a cohort yet" in client.get("/my/").content.decode()


def test_a_trainer_sees_the_progress_matrix_with_completion_dates(client, world):
    client.force_login(world["trainer"])
    response = client.get(f"/cohorts/{world['cohort'].pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Learner 0" in html and "Learner 2" in html
    assert "1/3" in html and "0/3" in html
    assert timezone.now().strftime("%-d %b") in html
    assert world["cohort"].join_path in html


def test_a_learner_sees_the_cohort_peers_and_own_progress_but_no_matrix(client, world):
    client.force_login(world["learners"][1])
    html = client.get(f"/cohorts/{world['cohort'].pk}/").content.decode()
    assert "Learner 0" in html and "Tara Trainer" in html
    assert "0 of 3 modules" in html
    assert "l0@example.com" not in html
    assert "Download CSV" not in html


def test_the_csv_has_one_row_per_learner_with_completion_dates(client, world):
    from cohorts.models import Membership

    author = Membership.objects.get(user=world["learners"][0])
    factories.report(membership=author, audience_size=3)
    factories.report(membership=author, audience_size=4)
    factories.report(membership=author, audience_size=50, status="draft")
    client.force_login(world["trainer"])
    response = client.get(f"/cohorts/{world['cohort'].pk}/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="autumn-cohort-progress.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:4] == ["name", "email", "joined", "modules completed"]
    assert rows[0][4:] == [
        "completed: Module 1",
        "completed: Module 2",
        "completed: Module 3",
        "reports filed",
        "people reached",
    ]
    by_email = {row[1]: row for row in rows[1:]}
    assert set(by_email) == {"l0@example.com", "l1@example.com", "l2@example.com"}
    assert by_email["l0@example.com"][3] == "1"
    assert by_email["l0@example.com"][4] == timezone.now().date().isoformat()
    assert by_email["l1@example.com"][3:] == ["0", "", "", "", "0", "0"]
    assert by_email["l0@example.com"][-2:] == ["2", "7"]


def test_csv_cells_that_look_like_formulas_are_neutralised(client, world):
    learner = world["learners"][2]
    learner.display_name = '=HYPERLINK("http://evil")'
    learner.save()
    client.force_login(world["trainer"])
    body = b"".join(client.get(f"/cohorts/{world['cohort'].pk}/export.csv").streaming_content)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert '\'=HYPERLINK("http://evil")' in [row[0] for row in rows]


def test_the_cohort_page_runs_the_same_queries_for_5_or_200_learners(
    client, django_assert_max_num_queries
):
    course = factories.course(modules=12, blocks=2)
    trainer = factories.trainer(email="tara@example.com")
    small = factories.cohort(
        course=course,
        name="Small",
        trainers=[trainer],
        learners=[factories.learner(email=f"s{n}@example.com") for n in range(5)],
    )
    from accounts.models import User
    from cohorts.models import Membership

    big = factories.cohort(course=course, name="Big", trainers=[trainer])
    users = User.objects.bulk_create(User(email=f"b{n}@example.com") for n in range(200))
    Membership.objects.bulk_create(Membership(cohort=big, user=user) for user in users)
    modules = list(ModulePage.objects.all())
    ModuleProgress.objects.bulk_create(
        ModuleProgress(user=user, module=module, completed_at=timezone.now())
        for user in users[:100]
        for module in modules[:6]
    )
    client.force_login(trainer)
    small_count = queries_for(client, f"/cohorts/{small.pk}/")
    big_count = queries_for(client, f"/cohorts/{big.pk}/")
    assert small_count == big_count
    with django_assert_max_num_queries(big_count):
        body = b"".join(client.get(f"/cohorts/{big.pk}/export.csv").streaming_content)
    assert body.count(b"\n") == 201


def test_the_learner_home_runs_the_same_queries_for_1_or_3_cohorts(client, learner):
    counts = []
    for n in range(3):
        course = factories.course(modules=4, blocks=2, slug=f"course-{n}")
        factories.cohort(course=course, name=f"Cohort {n}", learners=[learner])
        client.force_login(learner)
        counts.append(queries_for(client, "/my/"))
    assert counts[0] == counts[2]


def test_a_learners_home_stays_within_its_query_budget(client, world):
    """An absolute budget, so a feature for trainers cannot quietly cost every learner: the
    learner home asks once whether the person has a trainer home, and reads no cohorts they
train (14 queries on the demo: 13 before the engagement pulse's card, 12 before the trainer
home existed)."""
    client.force_login(world["learners"][0])
    client.get("/my/")  # warm the per-process caches (content types, site)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/my/").status_code == 200
    assert len(queries) <= 14, [query["sql"][:120] for query in queries.captured_queries]


def test_a_spanish_reader_sees_the_spanish_titles_of_course_module_and_book(client, world):
    """The learner home names the course, the next module and the book as the reader's
    language has them (their live translations), and links there; English readers see English."""
    from django.utils import translation

    from tests.courses.translating import publish_translation

    book = factories.book(course=world["course"])
    publish_translation(world["course"], "es", title="Servicio, en español")
    publish_translation(world["modules"][1], "es", title="Módulo dos")
    publish_translation(book, "es", title="Enséñalo a otros")
    learner = world["learners"][0]
    learner.language = "es"
    learner.save()
    client.force_login(learner)
    html = client.get("/my/").content.decode()
    assert "Servicio, en español" in html
    assert "Continuar: Módulo dos" in html
    assert "Libro comunitario: Enséñalo a otros" in html
    assert "/es/courses/service/community-book/" in html
    learner.language = "en"
    learner.save()
    translation.activate("en")
    html = client.get("/my/").content.decode()
    assert "Continue: Module 2" in html and "Servicio, en español" not in html
