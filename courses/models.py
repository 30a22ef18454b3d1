"""Wagtail pages of Ripple's public site and course tree."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The site root: what Ripple is, with the way into courses and sign-in. Edited in Pages."""

    headline = models.CharField(
        max_length=160,
        default="Customer focus, taught as positive leadership — and passed on.",
    )
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("headline"), FieldPanel("intro")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "home page"
