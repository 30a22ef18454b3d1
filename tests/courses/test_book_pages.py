"""The community book page: where it lives, who may open it, its web edition and admin previews."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from courses.models import CourseBookPage, CoursePage, ModulePage
from courses.permissions import books_visible_to, can_view_page
from tests import factories
from tests.courses.pdf_reading import page_texts
from tests.factories import BOOK_TITLE, COMMUNITY_TEXT, SHARED_TEXT, WORKPLACE_TEXT

BOOK_URL = "/courses/service/community-book/"
PDF_URL = BOOK_URL + "pdf/"


class BookPageTreeTest(WagtailPageTestCase):
    def test_a_book_lives_only_in_a_course_and_has_no_children(self):
        self.assertAllowedParentPageTypes(CourseBookPage, {CoursePage})
        self.assertAllowedSubpageTypes(CourseBookPage, set())


@pytest.fixture
def course(db):
    return factories.course(modules=2)


@pytest.fixture
def book(course):
    return factories.book(course=course)


def restrict(page, kind=PageViewRestriction.LOGIN, groups=()):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind)
    restriction.groups.set(groups)
    return restriction


@pytest.mark.django_db
def test_anyone_can_read_and_print_a_book_of_a_course_for_signed_in_people(client, book):
    assert client.get("/courses/service/").status_code == 302  # the course needs a sign-in
    assert client.get(BOOK_URL).status_code == 200
    response = client.get(PDF_URL)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert can_view_page(AnonymousUser(), book)
    assert list(books_visible_to(AnonymousUser())) == [book]


@pytest.mark.django_db
def test_privacy_set_on_the_book_itself_applies(client, learner, book):
    restrict(book)
    for url in (BOOK_URL, PDF_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    assert not books_visible_to(AnonymousUser()).exists()
    client.force_login(learner)
    assert client.get(BOOK_URL).status_code == 200


@pytest.mark.django_db
def test_a_book_kept_for_a_group_refuses_other_signed_in_people(client, learner, book):
    restrict(book, PageViewRestriction.GROUPS, [Group.objects.create(name="Leadership team")])
    client.force_login(learner)
    assert client.get(BOOK_URL).status_code == 403
    assert client.get(PDF_URL).status_code == 403
    assert not can_view_page(learner, book)
    assert not books_visible_to(learner).exists()


@pytest.mark.django_db
def test_the_course_page_leads_learners_to_its_community_book(client, learner, book):
    client.force_login(learner)
    html = client.get("/courses/service/").content.decode()
    assert f'href="{BOOK_URL}"' in html and BOOK_TITLE in html


@pytest.mark.django_db
def test_the_web_edition_shows_the_community_edition_and_every_print_option(client, book):
    html = client.get(BOOK_URL).content.decode()
    assert SHARED_TEXT in html and COMMUNITY_TEXT in html
    assert WORKPLACE_TEXT not in html and "How does your unit compare?" not in html
    assert "Dear teacher, thank you." in html and "Licensed CC BY-SA 4.0." in html
    for href in (PDF_URL, PDF_URL + "?size=letter", PDF_URL + "?print=large",
                 PDF_URL + "?size=letter&amp;print=large", PDF_URL + "?module=module-2"):
        assert f'href="{href}"' in html
    for documented in ("size=a4", "size=letter", "print=large", "module="):
        assert f"<code>{documented}" in html
    assert 'name="viewport"' in html


def test_the_web_edition_sends_readers_who_taught_to_their_home_to_report_back(client, book):
    html = client.get(BOOK_URL).content.decode()
    assert '<a href="/my/">Sign in and file a teach-back report</a>' in html


@pytest.mark.django_db
def test_the_web_edition_runs_the_same_queries_for_2_or_6_modules(client):
    counts = []
    for modules, slug in ((2, "short"), (6, "long")):
        factories.book(course=factories.course(modules=modules, slug=slug, blocks=12))
        client.get(f"/courses/{slug}/community-book/")  # warm per-process caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/courses/{slug}/community-book/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_a_book_can_print_chosen_modules_in_a_chosen_order(client, course):
    first, second = ModulePage.objects.child_of(course).order_by("path")
    factories.book(course=course, modules=[second, first])
    html = client.get(BOOK_URL).content.decode()
    assert html.index('href="#chapter-module-2"') < html.index('href="#chapter-module-1"')
    assert html.index("Chapter 1</p>") < html.index('id="chapter-module-2-title"')
    assert html.index("Chapter 2</p>") < html.index('id="chapter-module-1-title"')


def book_form(book, **overrides):
    data = {
        "title": book.title, "slug": book.slug, "subtitle": book.subtitle,
        "author": book.author, "cover_image": "", "foreword": rich_text("<p>Draft foreword</p>"),
        "credits": rich_text("<p>Credits</p>"), "paper_size": "letter",
        "book_modules": inline_formset([]),
    }
    return nested_form_data({**data, **overrides})


@pytest.mark.django_db
def test_the_admin_previews_a_draft_book_as_the_pdf_it_will_print(client, admin_user, book):
    client.force_login(admin_user)
    url = f"/admin/pages/{book.pk}/edit/preview/"
    posted = client.post(url, book_form(book, title="A Draft Title"))
    assert posted.json()["is_valid"]
    response = client.get(url + "?mode=pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline;")
    pages = page_texts(response.content)
    assert "A Draft Title" in pages[0]
    assert "Draft foreword" in "\n".join(pages)
    assert client.get(url + "?mode=").status_code == 200  # the web edition preview


@pytest.mark.django_db
def test_a_book_refuses_modules_of_another_course_with_a_message(client, admin_user, book):
    stranger = factories.course(modules=1, slug="other")
    module = ModulePage.objects.child_of(stranger).get()
    client.force_login(admin_user)
    data = book_form(book, book_modules=inline_formset([{"module": module.pk}]))
    response = client.post(f"/admin/pages/{book.pk}/edit/", data)
    assert response.status_code == 200
    assert "Choose a module of this book’s own course." in response.content.decode()


@pytest.mark.django_db
def test_a_module_previews_its_community_edition_as_it_will_print(admin_user, book):
    module = ModulePage.objects.get(slug="module-2")
    module.community_title = "An Unpublished Community Title"
    request = RequestFactory().get("/admin/preview/")
    request.user = admin_user
    response = module.serve_preview(request, "community")
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(page_texts(response.content))
    assert "An Unpublished Community Title" in text and "CHAPTER 2" in text
    assert COMMUNITY_TEXT in text and WORKPLACE_TEXT not in text and "m1" not in text
    assert ("community", "Community edition (print)") in module.preview_modes


@pytest.mark.django_db
def test_a_module_of_a_course_without_a_book_previews_as_a_handout_of_a_stand_in_book(
    admin_user, course
):
    module = ModulePage.objects.get(slug="module-2")
    request = RequestFactory().get("/admin/preview/")
    request.user = admin_user
    response = module.serve_preview(request, "community")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="module-2-preview.pdf"'
    text = "\n".join(page_texts(response.content))
    assert f"From {course.title}: community edition" in text
    assert COMMUNITY_TEXT in text and WORKPLACE_TEXT not in text
    assert not CourseBookPage.objects.exists()  # the stand-in book was never saved


@pytest.mark.django_db
def test_a_trainer_can_start_a_community_book_under_a_course(client, trainer, course):
    client.force_login(trainer)
    response = client.get(f"/admin/pages/add/courses/coursebookpage/{course.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Leave empty to print every live module of the course" in html
    assert "Credits and licence" in html


@pytest.mark.django_db
def test_the_web_edition_offers_the_single_sided_screen_edition(client, book):
    html = client.get(BOOK_URL).content.decode()
    assert f'href="{PDF_URL}?sides=1"' in html and "<code>sides=1" in html
    assert "Single-sided, no blank pages" in html
