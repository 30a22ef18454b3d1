"""One place that builds the people and things tests need."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import LEARNERS, TRAINERS
from courses.blocks import with_question_ids

PASSWORD = "a-Long-test-passw0rd"


def user(*, email: str, display_name: str = "", group: str | None = None, **extra) -> User:
    """A user with a verified email who can sign in with PASSWORD."""
    person = User.objects.create_user(email, PASSWORD, display_name=display_name, **extra)
    EmailAddress.objects.create(user=person, email=email, verified=True, primary=True)
    if group:
        person.groups.add(Group.objects.get_or_create(name=group)[0])
    return person


def learner(*, email: str, display_name: str = "") -> User:
    return user(email=email, display_name=display_name, group=LEARNERS)


def trainer(*, email: str, display_name: str = "") -> User:
    return user(email=email, display_name=display_name, group=TRAINERS)


def admin(*, email: str) -> User:
    return user(email=email, display_name="Ada Admin", is_staff=True, is_superuser=True)


# Courses ----------------------------------------------------------------------------------

SHARED_TEXT = "Shared text about people helping people"
WORKPLACE_TEXT = "Workplace-only note about your service desk"
COMMUNITY_TEXT = "Community-only note about your neighbours"


def principle(*, slug: str = "compassion", name: str = "Compassion"):
    from courses.models import Principle

    return Principle.objects.get_or_create(
        slug=slug,
        defaults={"name": name, "statement": "Stop, listen, care.", "explanation": "Care."},
    )[0]


def module_body(*, blocks: int = 8, principle_id: int | None = None, tag: str = "") -> list:
    """A module body of at least `blocks` blocks: every kind of block plus filler text."""
    principle_id = principle_id or principle().pk
    activity = {"title": "Pair share", "duration_minutes": 10, "steps": ["Pair up."],
                "materials": ["Pens"]}
    body = [
        {"type": "text", "value": f"<p>{SHARED_TEXT} {tag}</p>"},
        {"type": "story", "value": {
            "title": "The driver", "narrative": "<p>He drove me to the terminal.</p>",
            "source": "Customer Service as Positive Leadership", "credit": "A blog",
            "source_url": "", "lesson": "Contribution is leadership."}},
        {"type": "principle", "value": {"principle": principle_id, "note": "Here it is."}},
        {"type": "reflection", "value": {"intro": "Reflect", "questions": [
            f"Who served you well? {tag}", "How did it feel?", "What will you do?"]}},
        {"type": "activity", "value": activity},
        {"type": "teach_it", "value": {"goal": "Pass it on.", "talking_points": ["Help."],
                                       "activity": activity, "questions": ["Who helped?"]}},
        {"type": "workplace_only", "value": [
            {"type": "text", "value": f"<p>{WORKPLACE_TEXT}</p>"},
            {"type": "reflection",
             "value": {"intro": "", "questions": ["How does your unit compare?"]}},
        ]},
        {"type": "community_only", "value": [
            {"type": "text", "value": f"<p>{COMMUNITY_TEXT}</p>"},
            {"type": "quote",
             "value": {"quote": "Hold on to your goals.", "attribution": "A driver"}},
        ]},
    ]
    while len(body) < blocks:
        body.append({"type": "text", "value": f"<p>More shared reading number {len(body)}.</p>"})
    return with_question_ids(body)


def course(*, modules: int = 3, blocks: int = 8, slug: str = "service", public: bool = False):
    """A published course with `modules` published modules under /courses/."""
    from courses.models import CourseIndexPage, CoursePage, ModulePage
    from courses.services import restrict_to_signed_in

    index = CourseIndexPage.objects.get(slug="courses")
    page = CoursePage(
        title=f"Course {slug}", slug=slug, intro="<p>Intro</p>", audience="Everyone",
        learning_outcomes="Listen\nHelp",
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    if not public:
        restrict_to_signed_in(page=page)
    pid = principle().pk
    for n in range(1, modules + 1):
        module = ModulePage(
            title=f"Module {n}", slug=f"module-{n}", summary=f"Summary {n}", minutes=20,
            body=module_body(blocks=blocks, principle_id=pid, tag=f"m{n}"),
        )
        page.add_child(instance=module)
        module.principles.set([pid])
        module.save_revision().publish()
    return page


# Cohorts ----------------------------------------------------------------------------------


def cohort(*, course, name: str = "Autumn cohort", trainers=(), learners=(), **extra):
    """A cohort on a course, with trainer and learner memberships."""
    import datetime

    from cohorts.models import Cohort, Membership, Organisation, Role

    organisation, _ = Organisation.objects.get_or_create(name=extra.pop("organisation", "Acme"))
    group = Cohort.objects.create(
        course=course, organisation=organisation, name=name,
        starts_on=extra.pop("starts_on", datetime.date(2026, 9, 1)), **extra,
    )
    # Trainers of a cohort train for its organisation (as migration cohorts 0005 made them).
    organisation.trainers.add(*trainers)
    for person in trainers:
        Membership.objects.create(cohort=group, user=person, role=Role.TRAINER)
    for person in learners:
        Membership.objects.create(cohort=group, user=person, role=Role.LEARNER)
    return group


BOOK_TITLE = "Teach It Forward"


def book(*, course, slug: str = "community-book", modules: list | None = None, **fields):
    """A published community book under `course`: all its modules, or the `modules` given."""
    from courses.models import BookModule, CourseBookPage

    page = CourseBookPage(
        title=BOOK_TITLE, slug=slug, subtitle="Lessons for home and community",
        author="The test trainers", foreword="<p>Dear teacher, thank you.</p>",
        credits="<p>Stories retold with thanks. Licensed CC BY-SA 4.0.</p>", **fields,
    )
    course.add_child(instance=page)
    if modules:
        page.book_modules = [BookModule(module=module) for module in modules]
    page.save_revision().publish()
    return page


# Reports ----------------------------------------------------------------------------------


def report(*, membership, status="submitted", visibility="cohort", **extra):
    """A teach-back report by a membership, submitted unless told otherwise."""
    import datetime
    import uuid

    from django.utils import timezone

    from reports.models import TeachBackReport

    defaults = {
        "taught_on": datetime.date(2026, 9, 15),
        "setting": "home",
        "audience_size": 3,
        "what_happened": "We talked about helpers over dinner.",
        "submitted_at": timezone.now() if status == "submitted" else None,
    }
    return TeachBackReport.objects.create(
        author=membership, form_token=uuid.uuid4(), status=status, visibility=visibility,
        **{**defaults, **extra},
    )


def report_world() -> dict:
    """A course of 2 modules and its cohort: Tara trains, Ali writes reports, Pia reads them.
    The setting most report tests share."""
    from courses.models import ModulePage, Principle

    course_page = course(modules=2)
    trainer_user = trainer(email="tara@example.com", display_name="Tara Trainer")
    author = learner(email="ali@example.com", display_name="Ali Author")
    peer = learner(email="pia@example.com", display_name="Pia Peer")
    return {
        "course": course_page,
        "cohort": cohort(course=course_page, trainers=[trainer_user], learners=[author, peer]),
        "trainer": trainer_user,
        "author": author,
        "peer": peer,
        "modules": list(ModulePage.objects.order_by("path")),
        "principle": Principle.objects.get(),
    }
