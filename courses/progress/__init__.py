"""A person's progress through a course: completions and private reflection answers.

Its own package beside courses/services.py and courses/selectors.py because the page models
use it at request time (CoursePage.get_context, ModulePage's routes). So its modules import
only what loads before the page models are defined (courses.models.progress, courses.forms,
courses.permissions, caching), and pages.py imports them at the top without an import cycle.
"""
