"""How fast Ripple serves, renders and scales (issue 7). Run with `make bench`, never `make test`.

The tests run in file order (`-p no:randomly`): data, query counts, PDF renders, load through
gunicorn, then worker memory around ten more renders. They assert what must hold whatever the
machine (the data is there, every page answers, query counts stay flat) and record timings;
the goals are printed with their figures at the end, never asserted.
"""

import os
import time
from pathlib import Path

import httpx

from tests.benchmarks import load
from tests.benchmarks.conftest import BENCH_PASSWORD, RESULTS, ROOT
from tests.benchmarks.probe import pages, report_form

CLIENTS = 16
SECONDS = float(os.environ.get("BENCH_SECONDS", 10))
WARMUP_SECONDS = 2.0
MAX_REQUESTS = 3_000
POSTS_PER_PERSON = 25  # reports.views.RATE is 30 an hour per person: stay under it
POSTERS_PER_CLIENT = 3
RENDERS = 10


def test_generator_makes_the_whole_dataset(bench):
    counts = bench.manifest["counts"]
    assert counts["learners"] == 20_000
    assert counts["cohorts"] == 400
    assert counts["progress"] == 200_000
    assert counts["reports"] == 50_000
    assert counts["comments"] == 100_000
    assert counts["big_cohort_reports"] == 5_000
    assert counts["pulse_answers"] > 20_000
    assert counts["customer_points"] == 50 * 24 * 3 * 2
    assert bench.targets["bench"]["cohort_learners"] == 200
    assert bench.targets["bench"]["cohort_reports"] == 5_000


def test_query_counts_stay_flat_from_the_demo_to_the_bench_dataset(bench):
    small = bench.probe("queries", "small")
    large = bench.probe("queries", "bench")
    RESULTS["queries"] = {
        name: {"small": small[name]["counts"][-1], "bench": large[name]["counts"][-1],
               "cold_small": small[name]["counts"][0], "cold_bench": large[name]["counts"][0]}
        for name in large
    }
    failing = [name for name in large if not (small[name]["ok"] and large[name]["ok"])]
    assert not failing, {name: (small[name]["statuses"], large[name]["statuses"])
                         for name in failing}
    grew = {name: row for name, row in RESULTS["queries"].items()
            if row["small"] != row["bench"]}
    assert not grew, f"query counts grow with the data: {grew}"


def test_pdf_first_render_against_bare_weasyprint(bench):
    """Our first render of each book's default PDF (which stays stored for the download run)."""
    RESULTS["pdf"] = {}
    for dataset in ("small", "bench"):
        figures = bench.probe("pdf", dataset)
        RESULTS["pdf"]["demo" if dataset == "small" else "bench"] = figures
        assert figures["tagged"]
        assert figures["pages"] == figures["bare_pages"]


def _endpoints(bench, sessions) -> list[load.Endpoint]:
    targets = bench.targets["bench"]
    learners = [sessions[email] for email in targets["learners"][:CLIENTS]]
    trainer = [sessions[targets["trainer"]]] * CLIENTS
    admin = [sessions[targets["admin"]]] * CLIENTS
    posters = [sessions[email]
               for email in targets["learners"][:CLIENTS * POSTERS_PER_CLIENT]]
    who = {"healthz": [], "cached PDF": [], "cohort page (trainer)": trainer,
           "impact page (trainer)": trainer, "organisation impact (admin)": admin,
           "report POST": posters}
    endpoints = []
    for page in pages(targets):
        endpoint = load.Endpoint(
            name=page["name"], path=page["path"], method=page.get("method", "GET"),
            sessions=who.get(page["name"], learners), ok=tuple(page["ok"]),
        )
        if page["name"] == "cached PDF":
            endpoint.content_type = "application/pdf"
        if endpoint.method == "POST":
            endpoint.form = {k: v for k, v in report_form(targets).items() if k != "form_token"}
            endpoint.posts_per_session = POSTS_PER_PERSON
        endpoints.append(endpoint)
    return endpoints


def test_load_through_gunicorn(bench, server):
    targets = bench.targets["bench"]
    people = [targets["trainer"], targets["admin"],
              *targets["learners"][:CLIENTS * POSTERS_PER_CLIENT]]
    started = time.perf_counter()
    sessions = load.sign_in_many(server.base_url, people, BENCH_PASSWORD)
    RESULTS["sign_in"] = {"people": len(people), "seconds": time.perf_counter() - started}
    RESULTS["load_settings"] = {
        "clients": CLIENTS, "seconds": SECONDS, "max_requests": MAX_REQUESTS,
        "warmup_seconds": WARMUP_SECONDS, "client_processes": load.PROCESSES,
        "server": "gunicorn --workers 2 --threads 4",
    }
    RESULTS["load"] = {}
    posted: dict = {}
    for endpoint in _endpoints(bench, sessions):
        post = endpoint.method == "POST"
        load.run(server.base_url, endpoint, clients=CLIENTS, seconds=WARMUP_SECONDS,
                 max_requests=CLIENTS if post else 20 * CLIENTS, posted=posted)
        stats = load.run(
            server.base_url, endpoint, clients=CLIENTS, seconds=SECONDS,
            max_requests=MAX_REQUESTS, posted=posted,
        )
        RESULTS["load"][endpoint.name] = stats.as_dict()
        print(f"[bench] {endpoint.name}: p50 {stats.p50_ms:.1f} ms, p95 {stats.p95_ms:.1f} ms, "
              f"{stats.rps:.0f} rps, {stats.errors} errors", flush=True)
    assert all(stats["requests"] for stats in RESULTS["load"].values())
    assert max(posted.values()) <= POSTS_PER_PERSON


def _memory(pid: int) -> dict:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in {"VmHWM", "VmRSS", "PPid"}:
            fields[name] = int(value.split()[0])
    return fields


def _children(pid: int) -> list[int]:
    tasks = Path(f"/proc/{pid}/task")
    return [int(child) for task in tasks.iterdir()
            for child in (task / "children").read_text().split()]


def test_worker_memory_is_unchanged_by_pdf_renders(bench, server):
    """Ten renders through HTTP (other variants of the bench book, so each one renders)."""
    targets = bench.targets["bench"]
    slugs = targets["module_slugs"]
    queries = ["?size=letter", "?print=large", "?size=letter&print=large"]
    queries += [f"?module={slug}" for slug in slugs[: RENDERS - len(queries)]]
    workers = server.worker_pids()
    before = {pid: _memory(pid) for pid in workers}
    durations = []
    after_first = {}
    with httpx.Client(base_url=server.base_url, timeout=300) as client:
        for query in queries:
            started = time.perf_counter()
            response = client.get(targets["pdf_url"] + query)
            durations.append(time.perf_counter() - started)
            assert response.status_code == 200, (query, response.status_code)
            assert response.headers["content-type"] == "application/pdf"
            if not after_first:  # what the first render costs a worker, once
                after_first = {pid: _memory(pid) for pid in workers}
    after = {pid: _memory(pid) for pid in server.worker_pids()}
    render_processes = [
        {"pid": child, "parent": pid, "peak_mb": _memory(child)["VmHWM"] / 1024}
        for pid in workers for child in _children(pid)
    ]
    RESULTS["memory"] = {
        "renders": len(queries),
        "render_seconds": sum(durations),
        "render_durations_s": durations,
        "workers": [
            {
                "pid": pid,
                "peak_before_mb": before[pid]["VmHWM"] / 1024,
                "peak_after_first_mb": after_first[pid]["VmHWM"] / 1024,
                "peak_after_mb": after[pid]["VmHWM"] / 1024,
                "rss_before_mb": before[pid]["VmRSS"] / 1024,
                "rss_after_mb": after[pid]["VmRSS"] / 1024,
            }
            for pid in workers if pid in after
        ],
        "render_processes": render_processes,
    }
    assert set(after) == set(workers), "a web worker died during the renders"
    if os.environ.get("BENCH_PROFILE"):
        folder = ROOT / "bench-results" / f"profiles-{time.strftime('%Y%m%dT%H%M%S')}"
        RESULTS["profiles"] = bench.probe("profile", "bench", "--profile-dir", str(folder))
