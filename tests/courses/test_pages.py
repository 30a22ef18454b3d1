"""The page tree can only be built sensibly (Wagtail's page-type rules)."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from courses.models import CourseBookPage, CourseIndexPage, CoursePage, HomePage, ModulePage


class PageTreeRulesTest(WagtailPageTestCase):
    def test_a_course_lives_only_in_the_catalogue(self):
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertCanCreateAt(CourseIndexPage, CoursePage)
        self.assertCanNotCreateAt(HomePage, CoursePage)

    def test_a_module_lives_only_in_a_course_and_has_no_children(self):
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertAllowedSubpageTypes(ModulePage, set())
        self.assertCanNotCreateAt(CourseIndexPage, ModulePage)

    def test_the_catalogue_sits_under_the_home_page_which_is_the_root(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage, CourseBookPage})

    def test_the_site_root_is_the_ripple_home_page_with_a_course_catalogue(self):
        response = self.client.get("/")
        self.assertEqual(response.status_code, 200)
        self.assertIsInstance(response.context["page"], HomePage)
        self.assertEqual(self.client.get("/courses/").status_code, 200)
