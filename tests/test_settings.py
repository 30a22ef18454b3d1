"""Start-up configuration, checked the way an operator meets it: running manage.py."""

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x" * 20 + "-production-secret-key-for-the-deploy-check-only",
    "DJANGO_ALLOWED_HOSTS": "ripple.example.com",
}


def manage(*args: str, env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_production_start_up_without_a_secret_key_stops_with_a_clear_message():
    result = manage("check", env={"DJANGO_DEBUG": "0", "DJANGO_ALLOWED_HOSTS": "example.com"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off" in result.stderr


def test_production_start_up_without_allowed_hosts_stops_with_a_clear_message():
    result = manage("check", env={"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "s" * 50})
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS must be set" in result.stderr


def test_debug_is_off_unless_set():
    result = manage(
        "shell", "-c", "from django.conf import settings; print('DEBUG', settings.DEBUG)",
        env=PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert "DEBUG False" in result.stdout


@pytest.mark.parametrize(
    "url", ["mysql://root@localhost/ripple", "postgres://", "not a url at all"]
)
def test_a_malformed_database_url_stops_start_up_with_a_clear_message(url):
    result = manage("check", env={"DJANGO_DEBUG": "1", "DATABASE_URL": url})
    assert result.returncode != 0
    assert "DATABASE_URL=" in result.stderr
    assert "Traceback" not in result.stderr.splitlines()[-1]


def test_a_dummy_cache_is_refused_because_rate_limits_need_a_real_one():
    result = manage("check", env={"DJANGO_DEBUG": "1", "CACHE_URL": "dummy://"})
    assert result.returncode != 0
    assert "rate limits need a real one" in result.stderr


def test_production_settings_pass_the_deploy_check_with_no_issues():
    result = manage("check", "--deploy", "--fail-level", "DEBUG", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_smtp_email_is_chosen_by_url():
    result = manage(
        "shell", "-c",
        "from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_USE_TLS)",
        env={**PRODUCTION, "EMAIL_URL": "smtp://mailer:p%40ss@smtp.example.com:2525"},
    )
    assert result.returncode == 0, result.stderr
    assert "smtp.EmailBackend smtp.example.com 2525 mailer True" in result.stdout


@pytest.fixture(scope="module")
def sqlite_file(tmp_path_factory):
    """A migrated SQLite database file, as `make run` creates one."""
    path = tmp_path_factory.mktemp("db") / "ripple.sqlite3"
    env = {"DJANGO_DEBUG": "1", "DATABASE_URL": f"sqlite:///{path}"}
    result = manage("migrate", "--noinput", env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    return env


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(sqlite_file):
    result = manage(
        "shell", "-c",
        "from django.db import connection as c; cur = c.cursor(); "
        "print(cur.execute('PRAGMA journal_mode').fetchone()[0], "
        "cur.execute('PRAGMA busy_timeout').fetchone()[0])",
        env=sqlite_file,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["wal", "20000"]


WRITER = """
from django.db import transaction
from django.contrib.auth.models import Group
for n in range(40):
    with transaction.atomic():
        group = Group.objects.create(name=f"{TAG}-{n}")
        group.name = group.name + "-saved"
        group.save()
print("wrote", Group.objects.filter(name__startswith=TAG).count())
"""


def test_concurrent_sqlite_writers_wait_for_each_other_instead_of_failing(sqlite_file):
    results = {}

    def write(tag):
        results[tag] = manage("shell", "-c", WRITER.replace("TAG", repr(tag)), env=sqlite_file)

    threads = [threading.Thread(target=write, args=(tag,)) for tag in ("alpha", "beta", "gamma")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for tag, result in results.items():
        assert "database is locked" not in result.stderr
        assert result.returncode == 0, result.stderr
        assert "wrote 40" in result.stdout, tag
