"""The bench session (`make bench`): its own databases, a gunicorn, and the results table.

Two databases, made for the session and removed after it:
- small: the demo (`seed_demo`), the baseline for query counts and the demo book's PDF;
- bench: `make_bench_data` (20,000 learners, 50,000 reports...), served by gunicorn.
SQLite files in a temporary folder by default. When DATABASE_URL names PostgreSQL, two
databases beside it, `<name>_bench` and `<name>_bench_small`, created and dropped here.

Everything Django does runs in subprocesses with its own environment; this process only
orchestrates, measures HTTP and prints. BENCH_KEEP=1 keeps the folder and databases (printed
at the end) for profiling; BENCH_PROFILE=1 writes pyinstrument profiles of every page.
"""

import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest

from tests.benchmarks import report

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SECRET = "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"  # noqa: S105
BENCH_PASSWORD = "bench-pass"  # noqa: S105 -- demo.bench.sizes.PASSWORD
RESULTS: dict = {}  # filled by the tests, printed and written by pytest_terminal_summary


def run(args: list[str], env: dict, log: Path, timeout: int = 900) -> subprocess.CompletedProcess:
    """Run a command in the project folder; its output goes to `log`; fail loudly with it."""
    with log.open("ab") as out:
        out.write(f"\n$ {' '.join(args)}\n".encode())
        out.flush()
        done = subprocess.run(  # noqa: S603 -- our own commands
            args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, timeout=timeout,
            check=False,
        )
    if done.returncode:
        tail = log.read_text(errors="replace")[-3000:]
        raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}):\n{tail}")
    return done


def manage(*args: str, env: dict, log: Path, timeout: int = 900):
    return run([str(BIN / "python"), "manage.py", *args], env, log, timeout)


@dataclass
class Database:
    """One database of the session, as a DATABASE_URL."""

    url: str
    name: str
    engine: str  # "sqlite" or "postgresql"


class Databases:
    """Creates and drops the session's databases, SQLite or PostgreSQL."""

    def __init__(self, folder: Path):
        self.folder = folder
        base = os.environ.get("DATABASE_URL", "").strip()
        self.postgres = urlsplit(base).scheme in {"postgres", "postgresql", "pgsql"}
        self.base = base

    def _pg_url(self, name: str) -> str:
        parts = urlsplit(self.base)
        return urlunsplit(parts._replace(path="/" + name))

    def _pg_admin(self):
        import psycopg

        return psycopg.connect(self.base, autocommit=True)

    def make(self, name: str, *, template: "Database | None" = None) -> Database:
        if not self.postgres:
            path = self.folder / f"{name}.sqlite3"
            if template:
                source = Path(urlsplit(template.url).path)
                for suffix in ("", "-wal", "-shm"):
                    if Path(f"{source}{suffix}").exists():
                        shutil.copyfile(f"{source}{suffix}", f"{path}{suffix}")
            return Database(f"sqlite:///{path}", str(path), "sqlite")
        db_name = f"{urlsplit(self.base).path.lstrip('/')}_{name}"
        with self._pg_admin() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')
            copy = f' TEMPLATE "{urlsplit(template.url).path.lstrip("/")}"' if template else ""
            connection.execute(f'CREATE DATABASE "{db_name}"{copy}')
        return Database(self._pg_url(db_name), db_name, "postgresql")

    def drop(self, database: Database) -> None:
        if database.engine == "postgresql":
            with self._pg_admin() as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{database.name}" WITH (FORCE)')


def server_env(database: Database, media: Path) -> dict:
    """Production-like settings: DEBUG off, manifest static files, immediate tasks."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=SECRET,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_MEDIA_ROOT=str(media),
        DJANGO_LOG_LEVEL="WARNING",
        DATABASE_URL=database.url,
        CACHE_URL="locmem://",
        TASK_BACKEND="immediate",
        EMAIL_URL="console://",
        WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000",
        PYTHONUNBUFFERED="1",
    )
    return env


def dev_env(database: Database, media: Path) -> dict:
    """For migrate, seed_demo and make_bench_data: DEBUG on (they make known passwords)."""
    return {**server_env(database, media), "DJANGO_DEBUG": "1"}


@dataclass
class Bench:
    """The session's data: folders, databases, environments and what the probes found."""

    folder: Path
    log: Path
    bench_db: Database
    small_db: Database
    bench_media: Path
    small_media: Path
    manifest: dict = field(default_factory=dict)
    targets: dict = field(default_factory=dict)  # "bench" and "small"

    @property
    def bench_env(self) -> dict:
        return server_env(self.bench_db, self.bench_media)

    @property
    def small_env(self) -> dict:
        return server_env(self.small_db, self.small_media)

    def probe(self, command: str, dataset: str, *args: str, timeout: int = 900) -> dict:
        """Run tests/benchmarks/probe.py against one dataset; its JSON result."""
        out = self.folder / f"{command}-{dataset}.json"
        env = self.bench_env if dataset == "bench" else self.small_env
        run([str(BIN / "python"), "-m", "tests.benchmarks.probe", command, "--out", str(out),
             *args], env, self.log, timeout)
        return json.loads(out.read_text())


def _timed(label: str, stages: dict):
    class Stage:
        def __enter__(self):
            self.started = time.perf_counter()
            print(f"[bench] {label}…", flush=True)

        def __exit__(self, *exc):
            stages[label] = time.perf_counter() - self.started

    return Stage()


@pytest.fixture(scope="session")
def bench(tmp_path_factory):
    """Migrate once, copy for the two datasets, fill them, collect static files."""
    folder = tmp_path_factory.mktemp("ripple-bench")
    log = folder / "setup.log"
    stages = RESULTS.setdefault("setup_seconds", {})
    databases = Databases(folder)
    RESULTS["database"] = "PostgreSQL" if databases.postgres else "SQLite"
    RESULTS["started_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    RESULTS["loadavg_start"] = os.getloadavg()
    made = []
    try:
        template = databases.make("bench_template")
        made.append(template)
        with _timed("migrate", stages):
            manage("migrate", "--noinput", env=dev_env(template, folder / "media-x"), log=log)
        bench_db = databases.make("bench", template=template)
        small_db = databases.make("bench_small", template=template)
        made += [bench_db, small_db]
        data = Bench(folder, log, bench_db, small_db, folder / "media", folder / "media-small")
        with _timed("make_bench_data ∥ seed_demo + collectstatic", stages):
            manifest = folder / "manifest.json"
            generator = subprocess.Popen(  # noqa: S603
                [str(BIN / "python"), "manage.py", "make_bench_data", "--manifest",
                 str(manifest)],
                cwd=ROOT, env=dev_env(bench_db, data.bench_media),
                stdout=(folder / "make_bench_data.log").open("wb"), stderr=subprocess.STDOUT,
            )
            manage("seed_demo", env=dev_env(small_db, data.small_media), log=log)
            manage("collectstatic", "--noinput", env=data.bench_env, log=log)
            if generator.wait(timeout=900):
                raise RuntimeError(
                    "make_bench_data failed:\n"
                    + (folder / "make_bench_data.log").read_text(errors="replace")[-3000:]
                )
        data.manifest = json.loads(manifest.read_text())
        RESULTS["generator"] = {
            "seconds": data.manifest["seconds"], "counts": data.manifest["counts"],
            "output": (folder / "make_bench_data.log").read_text(errors="replace"),
        }
        data.targets = {name: data.probe("targets", name) for name in ("small", "bench")}
        databases.drop(template)
        made.remove(template)
        yield data
    finally:
        RESULTS["loadavg_end"] = os.getloadavg()
        if os.environ.get("BENCH_KEEP"):
            RESULTS["kept"] = {"folder": str(folder), "databases": [d.url for d in made]}
        else:
            for database in made:
                databases.drop(database)
            shutil.rmtree(folder, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A running gunicorn: its address and its master's pid."""

    base_url: str
    pid: int

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text().split()
        return sorted(int(pid) for pid in children)


@pytest.fixture(scope="session")
def server(bench):
    """gunicorn on loopback against the bench data: 2 workers with 4 threads each."""
    port = _free_port()
    log = bench.folder / "gunicorn.log"
    process = subprocess.Popen(  # noqa: S603
        [str(BIN / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2",
         "--threads", "4", "--timeout", "180", "--worker-tmp-dir", str(bench.folder),
         "--error-logfile", str(log)],
        cwd=ROOT, env=bench.bench_env, stdout=(bench.folder / "gunicorn.out").open("wb"),
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(base_url + "/healthz", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("gunicorn did not start:\n" + log.read_text(errors="replace"))
        time.sleep(0.25)
    # Both workers up before anything is measured.
    while len(Server(base_url, process.pid).worker_pids()) < 2 and time.monotonic() < deadline:
        time.sleep(0.25)
    yield Server(base_url, process.pid)
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    errors = [line for line in log.read_text(errors="replace").splitlines() if "[ERROR]" in line]
    RESULTS["server_errors"] = errors[:20]


def machine() -> dict:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        platform.processor(),
    )
    memory_kb = next(
        int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    commit = subprocess.run(  # noqa: S603
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,  # noqa: S607
        check=False,
    ).stdout.strip()
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
        "commit": commit,
    }


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not RESULTS:
        return
    RESULTS["machine"] = machine()
    RESULTS["goals"] = report.goals(RESULTS)
    folder = ROOT / "bench-results"
    folder.mkdir(exist_ok=True)
    path = folder / f"{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}.json"
    path.write_text(json.dumps(RESULTS, indent=2, default=str))
    terminalreporter.write_line("")
    for line in report.lines(RESULTS):
        terminalreporter.write_line(line)
    terminalreporter.write_line(f"Results written to {path.relative_to(ROOT)}")
