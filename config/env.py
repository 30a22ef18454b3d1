"""Reading Ripple's configuration from environment variables.

Each reader turns one variable into a Django setting and fails with a message that names the
variable and shows a valid example, so a typo stops start-up instead of running half-configured.
"""

import os
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a yes/no value; use 1 or 0.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def database_from_url(url: str) -> dict:
    """A DATABASES['default'] dict; SQLite gets WAL, a busy timeout and IMMEDIATE transactions.

    IMMEDIATE takes the write lock when a transaction starts, so two writers queue on the busy
    timeout instead of one failing with "database is locked" when it tries to upgrade its lock.
    """
    scheme = urlsplit(url).scheme
    if scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
        raise ImproperlyConfigured(
            f"DATABASE_URL={url!r} is not understood. Use sqlite:///path/to/db.sqlite3 or "
            "postgres://user:password@host:5432/name."
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except (ValueError, dj_database_url.ParseError) as error:
        raise ImproperlyConfigured(f"DATABASE_URL={url!r} is malformed: {error}") from None
    if not config.get("NAME"):
        raise ImproperlyConfigured(f"DATABASE_URL={url!r} names no database.")
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    return config


def cache_from_url(url: str) -> dict:
    """locmem:// (default, one process) or redis://host:6379/0 (shared by all web processes)."""
    scheme = urlsplit(url).scheme
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ripple"}
    if scheme in {"redis", "rediss"}:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    raise ImproperlyConfigured(
        f"CACHE_URL={url!r} is not understood. Use locmem:// or redis://host:6379/0. "
        "(A dummy cache is refused: sign-in rate limits need a real one.)"
    )


def email_from_url(url: str) -> dict:
    """console:// (default: mail is printed), smtp://user:pass@host:587?tls=1, or smtps://..."""
    parts = urlsplit(url)
    if parts.scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parts.scheme in {"smtp", "smtps"}:
        if not parts.hostname:
            raise ImproperlyConfigured(f"EMAIL_URL={url!r} names no host.")
        query = parse_qs(parts.query)
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parts.hostname,
            "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 587),
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_SSL": parts.scheme == "smtps",
            "EMAIL_USE_TLS": parts.scheme == "smtp" and query.get("tls", ["1"])[0] != "0",
        }
    raise ImproperlyConfigured(
        f"EMAIL_URL={url!r} is not understood. Use console:// or smtp://user:pass@host:587."
    )


TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
    "dummy": "django_tasks.backends.dummy.DummyBackend",
}


def task_backend(name: str) -> dict:
    """immediate (run in the request, for development) or database (run by `db_worker`)."""
    if name not in TASK_BACKENDS:
        raise ImproperlyConfigured(
            f"TASK_BACKEND={name!r} is not one of: {', '.join(TASK_BACKENDS)}."
        )
    return {"BACKEND": TASK_BACKENDS[name]}


def media_origins(
    *, media_url: str, bucket: str, endpoint: str | None, region: str | None
) -> list[str]:
    """Where uploaded images are served from, for the Content-Security-Policy's img-src.

    The origin of an absolute DJANGO_MEDIA_URL, and with object storage the bucket's addresses:
    path-style under AWS_S3_ENDPOINT_URL or virtual-hosted as <bucket>.<endpoint host>, or
    Amazon's own <bucket>.s3[.<region>].amazonaws.com when no endpoint is set.
    """
    origins = []
    media = urlsplit(media_url)
    if media.scheme in ("http", "https") and media.netloc:
        origins.append(f"{media.scheme}://{media.netloc}")
    if bucket and endpoint:
        parts = urlsplit(endpoint)
        origins += [f"{parts.scheme}://{parts.netloc}", f"{parts.scheme}://{bucket}.{parts.netloc}"]
    elif bucket:
        origins.append(f"https://{bucket}.s3.amazonaws.com")
        if region:
            origins.append(f"https://{bucket}.s3.{region}.amazonaws.com")
    return list(dict.fromkeys(origins))
