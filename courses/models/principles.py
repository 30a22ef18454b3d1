"""Principles of positive leadership that modules teach. Edited in the admin under Snippets.

Principles are translatable (wagtail-localize): each language has its own row, linked to the
source by `translation_key`; the slug is shared by a principle's translations.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Principle(TranslatableMixin, index.Indexed, models.Model):
    """One principle, e.g. “People helping people”, chosen on modules and in callouts."""

    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80)
    statement = models.CharField(max_length=200, help_text=_("The principle in one line."))
    explanation = models.TextField(help_text=_("A few sentences on what it means in practice."))

    search_fields = [
        index.SearchField("name"),
        index.SearchField("statement"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="principle_slug_per_locale"),
            models.UniqueConstraint(fields=["locale", "name"], name="principle_name_per_locale"),
        ]

    def __str__(self):
        return self.name
