"""The page tree: HomePage → CourseIndexPage → CoursePage → ModulePage. Edited in Pages.

A module has two editions drawn from one body: the workplace edition (the module page that
employees take) and the community edition (the printable course book). Shared blocks belong to
both; `workplace_only` and `community_only` wrappers belong to one.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from caching import generations
from courses import wagtail_internals
from courses.blocks import ModuleStreamBlock
from courses.forms import ReflectionsForm
from courses.module_summary import ModuleSummary
from courses.permissions import books_visible_to, courses_visible_to
from courses.progress import services as progress
from courses.progress.module_page import module_page_context, question_anchor
from courses.progress.selectors import completed_module_ids

WORKPLACE = "workplace"
COMMUNITY = "community"


def reflection_block_questions(block) -> list[tuple[str, str]]:
    """(key, question) for the questions of one reflection block.

    The key is the question's own stable id (Wagtail gives each list item one), so answers
    stay beside their question when questions are inserted, removed or reordered. A question
    stored without an id (body data written by code, never saved by the editor) falls back to
    the block's id and its position.
    """
    return [
        (item.original_id or f"{block.id}:{n}", item.value)
        for n, item in enumerate(block.value["questions"].bound_blocks)
    ]


class HomePage(Page):
    """The site root: what Ripple is, with the way into courses and sign-in."""

    headline = models.CharField(
        max_length=160,
        default="Customer focus, taught as positive leadership — and passed on.",
    )
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("headline"), FieldPanel("intro")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        """The community books anyone may open are linked from here: the people a learner
        teaches have no account, and would not find them otherwise."""
        context = super().get_context(request, *args, **kwargs)
        context["books"] = books_visible_to(request.user).descendant_of(self).order_by("path")[:6]
        return context

    def route(self, request, path_components):
        """Wagtail's routing, with the pages of the whole path read in one query instead of
        two per level (a module page is three levels down). The deepest page found routes
        the rest, as Wagtail would (a module's `complete/`, a book's `pdf/`, or a 404).
        No page between here and there overrides `route`, so nothing is skipped."""
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "/".join(path_components[:n]) + "/"
            for n in range(1, len(path_components) + 1)
        ]
        found = {page.url_path: page for page in Page.objects.filter(url_path__in=prefixes)}
        parent, used = self, 0
        for prefix in prefixes:
            page = found.get(prefix)
            if page is None or page.depth != parent.depth + 1:
                break
            wagtail_internals.remember_parent(page, parent)  # as Wagtail's routing does
            parent, used = page, used + 1
        if not used:
            return super().route(request, path_components)
        deepest = parent.specific
        wagtail_internals.remember_parent(deepest, wagtail_internals.known_parent(parent))
        return deepest.route(request, path_components[used:])


class CourseIndexPage(Page):
    """The course catalogue at /courses/: every live course this visitor may open."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["courses.HomePage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = (
            courses_visible_to(request.user)
            .child_of(self)
            .select_related("cover_image")
            .prefetch_related("cover_image__renditions")
        )
        # Books are public by default even where their course is not (courses.permissions).
        context["books"] = books_visible_to(request.user).descendant_of(self).order_by("path")
        return context


class CoursePage(Page):
    """A course: what it is for and who it is for; its modules are its children in order.

    New courses are for signed-in people only (a Wagtail privacy setting added when the page
    is created); a trainer can make one public under Privacy in the page's admin menu.
    """

    intro = RichTextField(features=["bold", "italic", "link", "ul"])
    audience = models.TextField(help_text=_("Who the course is for, in a sentence or two."))
    learning_outcomes = models.TextField(
        help_text=_("What learners will be able to do, one outcome per line.")
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("audience"),
        FieldPanel("learning_outcomes"),
        FieldPanel("cover_image"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage", "courses.CourseBookPage"]

    class Meta:
        verbose_name = _("course")

    @property
    def outcomes(self) -> list[str]:
        return [line.strip() for line in self.learning_outcomes.splitlines() if line.strip()]

    def modules(self):
        """The course's live modules in tree order."""
        return ModulePage.objects.live().child_of(self).order_by("path")

    def module_summaries(self, request=None) -> list[ModuleSummary]:
        """The live modules as the course page lists them, as plain values (two queries)."""
        modules = self.modules().defer_streamfields().prefetch_related("principles")
        return [ModuleSummary.of(module, request) for module in modules]

    def get_context(self, request, *args, modules=None, **kwargs):
        """The page's context with the person's progress; `modules` is the module list as
        `serve` found it cached (built fresh when not given: previews)."""
        context = super().get_context(request, *args, **kwargs)
        context["books"] = books_visible_to(request.user).child_of(self).order_by("path")
        if modules is None:
            modules = self.module_summaries(request)
        done = completed_module_ids(user=request.user, modules=modules)
        context["module_rows"] = [(module, module.pk in done) for module in modules]
        context["done_count"] = len(done)
        context["next_module"] = next((m for m in modules if m.pk not in done), None)
        return context

    def serve(self, request, *args, **kwargs):
        """The course page. Its module list is cached as plain values per content generation
        and host (module addresses); the person's progress is read fresh."""
        request.is_preview = False
        modules = generations.cached(
            f"course-modules:v2:{self.pk}:{request.get_host()}",
            generations.current(generations.CONTENT),
            lambda: self.module_summaries(request),
        )
        return TemplateResponse(
            request,
            self.get_template(request, *args, **kwargs),
            self.get_context(request, *args, modules=modules, **kwargs),
        )


class ModulePage(RoutablePageMixin, Page):
    """One module of a course, taken on the web (workplace edition) and printed in the book
    (community edition). Learners mark it complete and answer its reflections here."""

    summary = models.TextField(help_text=_("What the module is about, in a sentence or two."))
    minutes = models.PositiveSmallIntegerField(
        default=30, help_text=_("Estimated time to work through the module.")
    )
    principles = ParentalManyToManyField("courses.Principle", blank=True, related_name="modules")
    body = StreamField(ModuleStreamBlock())
    community_title = models.CharField(
        max_length=255, blank=True, help_text=_("Optional title for the community book.")
    )
    community_summary = models.TextField(
        blank=True, help_text=_("Optional summary for the community book.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("minutes"),
        FieldPanel("principles"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("community_title"), FieldPanel("community_summary")],
            heading=_("Community edition"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("module")

    @property
    def preview_modes(self):
        return [("", _("Module page")), (COMMUNITY, _("Community edition (print)"))]

    def serve_preview(self, request, mode_name):
        if mode_name == COMMUNITY:
            from courses.books.previews import module_print_preview

            return module_print_preview(request, self)
        return super().serve_preview(request, mode_name)

    def edition_blocks(self, edition: str) -> list:
        """The body's blocks for one edition, with that edition's wrappers unwrapped."""
        keep = ModuleStreamBlock.EDITION_WRAPPERS[edition]
        drop = set(ModuleStreamBlock.EDITION_WRAPPERS.values()) - {keep}
        blocks = []
        for block in self.body:
            if block.block_type == keep:
                blocks.extend(block.value)
            elif block.block_type not in drop:
                blocks.append(block)
        return blocks

    @cached_property
    def workplace_blocks(self) -> list:
        return self.edition_blocks(WORKPLACE)

    @property
    def community_heading(self) -> str:
        return self.community_title or self.title

    @property
    def community_intro(self) -> str:
        return self.community_summary or self.summary

    def reflection_questions(self, edition: str = WORKPLACE) -> list[tuple[str, str]]:
        """(key, question) for every reflection question in an edition, in reading order."""
        return [
            pair
            for block in self.edition_blocks(edition)
            if block.block_type == "reflection"
            for pair in reflection_block_questions(block)
        ]

    def live_siblings(self) -> list:
        """The live modules of this module's course in tree order, this one included, with
        only what a pager needs (one query)."""
        return list(
            ModulePage.objects.live()
            .sibling_of(self, inclusive=True)
            .order_by("path")
            .only("id", "title", "url_path", "path", "depth")
        )

    def workplace_sections(self) -> list[dict]:
        """The workplace edition as sections: each block's HTML, or for a reflection block its
        id, intro and (key, question) pairs (answered per person, so rendered by the page).
        Plain values, built fresh: the module route caches them."""
        sections = []
        for block in self.workplace_blocks:
            if block.block_type == "reflection":
                sections.append(
                    {
                        "id": block.id,
                        "intro": block.value["intro"],
                        "questions": reflection_block_questions(block),
                    }
                )
            else:
                sections.append({"html": block.render_as_block()})
        return sections

    # The routes below are the module's views (Wagtail serves a page from its model): each
    # parses the request, calls one service or builds the context, and renders or redirects.

    @path("")
    def module(self, request, reflection_form=None, status=200):
        """The module page, with the person's completion and private answers. Its sections
        are cached per content generation (a publish changes them); a preview's draft is
        built fresh every time."""
        if getattr(request, "is_preview", False):
            sections = self.workplace_sections()
        else:
            sections = generations.cached(
                f"module-sections:v2:{self.pk}",
                generations.current(generations.CONTENT),
                self.workplace_sections,
            )
        context = self.get_context(request)
        context.update(
            module_page_context(
                user=request.user,
                module=self,
                sections=sections,
                reflection_form=reflection_form,
            )
        )
        return TemplateResponse(request, self.get_template(request), context, status=status)

    @path("complete/")
    @method_decorator(require_POST)
    def complete(self, request):
        """POST: mark complete (idempotent), or undo with `undo=1`."""
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if request.POST.get("undo"):
            progress.uncomplete_module(user=request.user, module=self)
            messages.info(
                request,
                gettext("“%(title)s” is no longer marked complete.") % {"title": self.title},
            )
        else:
            progress.complete_module(user=request.user, module=self)
            messages.success(
                request, gettext("Well done — “%(title)s” is complete.") % {"title": self.title}
            )
            # To the completion panel, which offers the next module (or the teach-back).
            return redirect(f"{self.get_url(request)}#completion")
        return redirect(self.get_url(request))

    @path("reflections/")
    @method_decorator(require_POST)
    def reflect(self, request):
        """POST every answer on the page at once, so none typed is lost; then back to the
        question whose save button was pressed. A refused save changes nothing and shows the
        page again with every typed answer kept."""
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        questions = self.reflection_questions()
        form = ReflectionsForm(request.POST, questions=questions)
        if form.is_valid():
            answers = form.answers()
            try:
                progress.save_reflections(user=request.user, module=self, answers=answers)
            except ValidationError as error:
                form.add_errors_by_key(error)
            else:
                if answers:
                    messages.success(
                        request, gettext("Your answers are saved. Only you can see them.")
                    )
                else:
                    messages.warning(request, gettext(
                        "Nothing was saved: the page had changed. Please type your answer again."
                    ))
                pressed = request.POST.get("save", "")
                anchor = f"#{question_anchor(pressed)}" if pressed in dict(questions) else ""
                return redirect(f"{self.get_url(request)}{anchor}")
        return self.module(request, reflection_form=form, status=400)
