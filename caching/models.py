"""Generations: one value per kind of cached thing, kept in the database.

A cached fragment's key carries the generations of everything it was made from ("content",
"cohort:12"), so a change, which gives one a new random value, makes every fragment built on
it unreachable: no fragment is ever deleted or stale, and it holds with any cache backend and
any number of web processes, because the values live in the database (read in one query) and
not in a cache that each process might keep for itself.
"""

from django.db import models


class Generation(models.Model):
    """The current value of one generation ("content", "cohort:12"); a change replaces it."""

    name = models.CharField(max_length=64, primary_key=True)
    value = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.name} = {self.value}"
