"""Ripple's people: one account per email address, edited by admins in the Wagtail admin."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower

from accounts.validators import validate_one_line_name


class UserManager(BaseUserManager):
    """Creates users by email; the address's domain is lower-cased as Django does."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractUser):
    """A person who signs in with their email address and is shown by their display name."""

    username = None
    email = models.EmailField("email address", unique=True)
    display_name = models.CharField(
        max_length=80,
        blank=True,
        validators=[validate_one_line_name],
        help_text="How peers and trainers see you, e.g. “Sam Rivera”.",
    )
    first_name = models.CharField(
        "first name", max_length=150, blank=True, validators=[validate_one_line_name]
    )
    last_name = models.CharField(
        "last name", max_length=150, blank=True, validators=[validate_one_line_name]
    )

    email_on_replies = models.BooleanField(
        default=True, help_text="Email me when someone comments on my reports or gives feedback."
    )
    email_on_new_reports = models.BooleanField(
        default=True, help_text="(Trainers) Email me about new reports in my cohorts."
    )
    email_on_pulse = models.BooleanField(
        default=True, help_text="Email me when an engagement pulse is waiting for my answer."
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        ordering = ["display_name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self):
        return self.shown_name

    @property
    def shown_name(self) -> str:
        """The display name, or the part of the email before the @ when none is set."""
        return self.display_name or self.get_full_name() or self.email.split("@")[0]

    def get_short_name(self):
        return self.shown_name
