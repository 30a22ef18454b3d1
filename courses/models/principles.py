"""Principles of positive leadership that modules teach. Edited in the admin under Snippets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class Principle(index.Indexed, models.Model):
    """One principle, e.g. “People helping people”, chosen on modules and in callouts."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    statement = models.CharField(max_length=200, help_text=_("The principle in one line."))
    explanation = models.TextField(help_text=_("A few sentences on what it means in practice."))

    search_fields = [index.SearchField("name"), index.SearchField("statement")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
