"""Ripple's settings: one module, driven by environment variables (see .env.example).

Development defaults (SQLite, local media, local-memory cache, immediate tasks, console email)
need no configuration beyond DJANGO_DEBUG=1, which `make run` sets. Production values are
chosen only by environment variables, and start-up refuses to go on without the essentials.
"""

from pathlib import Path

from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from config.env import (
    cache_from_url,
    database_from_url,
    email_from_url,
    env_bool,
    env_int,
    env_list,
    env_str,
    media_origins,
    task_backend,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if DEBUG:
    # A fixed key is fine for a developer's own machine and nowhere else (DEBUG is off there).
    SECRET_KEY = SECRET_KEY or "django-insecure-ripple-development-only"  # noqa: S105
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
else:
    missing = [
        name
        for name, value in (
            ("DJANGO_SECRET_KEY", SECRET_KEY),
            ("DJANGO_ALLOWED_HOSTS", ALLOWED_HOSTS),
        )
        if not value
    ]
    if missing:
        raise ImproperlyConfigured(
            f"{' and '.join(missing)} must be set when DJANGO_DEBUG is off. "
            "Set them in the environment (see .env.example), or set DJANGO_DEBUG=1 "
            "for local development."
        )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "accounts",
    "courses",
    "cohorts",
    "reports",
    "pulse",
    "dashboard",
    "caching",
    "outcomes",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales: the same admin, with synchronisation
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.WagtailUsersConfig",  # wagtail.users, with the email read-only on edit
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "allauth",
    "allauth.account",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.PersonLanguageMiddleware",  # LocaleMiddleware (see config/middleware.py)
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.SavedLanguageMiddleware",  # after LocaleMiddleware and the user
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.AdminAreaForTrainersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: after every middleware that chooses the language (config/middleware.py).
    "config.middleware.PageRoutingMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        **cache_from_url(env_str("CACHE_URL") or "locmem://"),
        # Cached fragments carry the release, so a deploy never serves the last one's HTML.
        "KEY_FUNCTION": "caching.release.make_key",
    }
}
# The release's name (a commit or version) for cached fragments' keys; unset, a digest of the
# code, templates and static files stands in (caching.release).
RIPPLE_RELEASE = env_str("RIPPLE_RELEASE") or ""

TASKS = {"default": task_backend(env_str("TASK_BACKEND") or "immediate")}

# Email --------------------------------------------------------------------------------------
globals().update(email_from_url(env_str("EMAIL_URL") or "console://"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL") or "Ripple <ripple@localhost>"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Accounts -----------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupExtraForm"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
# Mandatory wherever DEBUG is off: an unconfirmed address could belong to someone else.
# "none" is refused: nobody could ever confirm, so nobody could join a cohort.
ACCOUNT_EMAIL_VERIFICATION = env_str("ACCOUNT_EMAIL_VERIFICATION") or (
    "optional" if DEBUG else "mandatory"
)
if ACCOUNT_EMAIL_VERIFICATION not in {"optional", "mandatory"}:
    raise ImproperlyConfigured(
        f"ACCOUNT_EMAIL_VERIFICATION={ACCOUNT_EMAIL_VERIFICATION!r}: use optional or mandatory."
    )
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Ripple] "
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_RATE_LIMITS = {
    # Five failures lock that account ("key" is allauth's site + login), not the address: one
    # office shares one. The address ceiling is against spraying many accounts.
    "login_failed": "100/5m/ip,5/5m/key",
    # Every sign-in, right or wrong: a training room of a hundred signs in at nine o'clock.
    "login": "120/m/ip",
    "signup": "20/h/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}

# Internationalisation -----------------------------------------------------------------------
LANGUAGE_CODE = "en"
# The interface's languages. Every string is in locale/<lang>/LC_MESSAGES/django.po, compiled
# to .mo by the build (make messages), never committed; tests/test_translations.py fails on
# any string the Spanish catalogue lacks.
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("DJANGO_TIME_ZONE") or "UTC"
USE_I18N = True
USE_TZ = True
# One date style everywhere, per language: config/formats/<lang>/formats.py (“3 Nov 2026”).
FORMAT_MODULE_PATH = ["config.formats"]

# Content languages (Wagtail i18n, wagtail-localize): the page tree and principles exist once
# per language; trainers translate the source (English) block by block in the admin. Arabic is
# a content language only (books in Arabic print right to left); the interface offers en/es.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("es", "Español")]
# Translations are edited in wagtail-localize's editor and go through the Trainer review
# workflow like any other change (courses/workflows.py assigns it to each locale's tree).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Static and media ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env_str("DJANGO_MEDIA_URL") or "/media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    "default": {
        "BACKEND": env_str("DJANGO_MEDIA_STORAGE")
        or "django.core.files.storage.FileSystemStorage",
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
# S3-compatible object storage, read by django-storages when DJANGO_MEDIA_STORAGE selects it.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL") or None
AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME") or None
AWS_DEFAULT_ACL = None
AWS_QUERYSTRING_AUTH = True

# Wagtail ------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Ripple"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL") or "http://127.0.0.1:8000"
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
# People change their address at /accounts/email/ (allauth), which confirms the new one first;
# the admin's account page would change it unconfirmed. Wagtail's Users admin shows it read-only.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: machines may be offline, and avatars would send emails to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_FINISH_WORKFLOW_ACTION = "courses.workflows.publish_approved_change"
# An edit saved while a change waits for review restarts the review: approval publishes only
# the revision the reviewer saw.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Community book PDFs (courses/books/): each render runs in a child process with these limits.
BOOK_RENDER_TIMEOUT = env_int("BOOK_RENDER_TIMEOUT", 120)  # seconds
BOOK_RENDER_MEMORY_MB = env_int("BOOK_RENDER_MEMORY_MB", 2048)  # address space of the child
# Where a reader who taught from a book reports back (printed in the book, linked from its web
# edition): the learner home of an app above courses, so the wiring lives here.
RIPPLE_BOOK_REPORT_URL_NAME = "my_home"

# Security (production) ----------------------------------------------------------------------
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's live preview shows the page in a same-origin iframe, so DENY would break authoring.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
if env_bool("DJANGO_BEHIND_TLS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp) and Permissions-Policy (django-permissions-policy) -------
# Ripple's own pages run no inline script or style: their only script is static/js/*.js. Images
# come from the site, data: URIs and the media storage; Wagtail's preview frames pages from the
# same origin, so frame-ancestors is 'self' (as X_FRAME_OPTIONS is SAMEORIGIN).
CSP_SITE_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [
        SELF,
        "data:",
        *media_origins(
            media_url=MEDIA_URL,
            bucket=AWS_STORAGE_BUCKET_NAME,
            endpoint=AWS_S3_ENDPOINT_URL,
            region=AWS_S3_REGION_NAME,
        ),
    ],
    "font-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": CSP_SITE_DIRECTIVES}
# The Wagtail admin (/admin/, applied in config/urls.py): Wagtail's own templates still carry
# inline scripts (date pickers, inline panels) and style attributes; uploads preview as blob:.
CSP_ADMIN_DIRECTIVES = {
    **CSP_SITE_DIRECTIVES,
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [*CSP_SITE_DIRECTIVES["img-src"], "blob:"],
}
# Devices and APIs Ripple never uses, refused to every page and frame.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "bluetooth", "camera", "display-capture",
        "encrypted-media", "geolocation", "gyroscope", "hid", "idle-detection", "magnetometer",
        "microphone", "midi", "payment", "screen-wake-lock", "serial", "usb",
        "xr-spatial-tracking",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL") or "INFO"},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},  # its progress messages are INFO
        "pikepdf": {"level": "WARNING"},  # announces its C++ log bridge at INFO on import
    },
}
