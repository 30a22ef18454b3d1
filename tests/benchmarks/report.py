"""The bench's printed table and its goals, from the results the tests collected."""

PAGES = [
    "course page", "module page", "my home", "cohort page (trainer)", "report feed",
    "impact page (trainer)", "organisation impact (admin)",
]
PAGE_LIMIT = 3.0  # × /healthz p50
POST_LIMIT = 5.0  # report POST p95, × /healthz p50
PDF_DOWNLOAD_LIMIT = 2.0  # cached PDF p50, × /healthz p50
FIRST_RENDER_LIMIT = 1.15  # × bare WeasyPrint
BOOKLET_IMPOSE_LIMIT = 0.10  # imposing a booklet, as a share of rendering its pages
MEMORY_TOLERANCE_MB = 5.0  # a worker's peak RSS may move this much and count as unchanged


def _healthz_p50(results: dict) -> float | None:
    load = results.get("load", {})
    return load.get("healthz", {}).get("p50_ms") or None


def goals(results: dict) -> list[dict]:
    """Each goal of issue 7, with its figure and whether it is met (None: not measured)."""
    load = results.get("load", {})
    floor = _healthz_p50(results)
    found = []

    def goal(name: str, met, figure: str):
        found.append({"goal": name, "met": met, "figure": figure})

    for page in PAGES:
        stats = load.get(page)
        if stats and floor:
            ratio = stats["p50_ms"] / floor
            goal(f"{page}: p50 ≤ {PAGE_LIMIT:g} × /healthz p50", ratio <= PAGE_LIMIT,
                 f"{stats['p50_ms']:.1f} ms = {ratio:.1f} ×")
        else:
            goal(f"{page}: p50 ≤ {PAGE_LIMIT:g} × /healthz p50", None, "not measured")
    post = load.get("report POST")
    if post and floor:
        ratio = post["p95_ms"] / floor
        goal(f"report POST: p95 ≤ {POST_LIMIT:g} × /healthz p50", ratio <= POST_LIMIT,
             f"{post['p95_ms']:.1f} ms = {ratio:.1f} ×")
    errors = sum(stats["errors"] for stats in load.values()) if load else None
    goal("zero errors under load", errors == 0 if errors is not None else None,
         f"{errors} errors" if errors is not None else "not measured")
    pdf = load.get("cached PDF")
    if pdf and floor:
        ratio = pdf["p50_ms"] / floor
        goal(f"cached PDF: p50 ≤ {PDF_DOWNLOAD_LIMIT:g} × /healthz p50",
             ratio <= PDF_DOWNLOAD_LIMIT, f"{pdf['p50_ms']:.1f} ms = {ratio:.1f} ×")
    for dataset, figures in results.get("pdf", {}).items():
        goal(f"PDF first render ({dataset} book) ≤ {FIRST_RENDER_LIMIT:g} × bare WeasyPrint",
             figures["ratio_to_bare"] <= FIRST_RENDER_LIMIT,
             f"{figures['first_render_s']:.2f} s vs {figures['bare_weasyprint_s']:.2f} s = "
             f"{figures['ratio_to_bare']:.2f} ×")
        if "booklet_impose_share" in figures:
            goal(f"booklet imposition ({dataset} book) adds < {BOOKLET_IMPOSE_LIMIT:.0%} to its "
                 "render", figures["booklet_impose_share"] < BOOKLET_IMPOSE_LIMIT,
                 f"{figures['booklet_impose_s']:.2f} s after a {figures['booklet_render_s']:.2f} s "
                 f"render of {figures['booklet_pages']} pages = "
                 f"{figures['booklet_impose_share']:.1%}")
    memory = results.get("memory")
    if memory:
        growth = max(w["peak_after_mb"] - w["peak_before_mb"] for w in memory["workers"])
        goal("web-worker memory unchanged by 10 PDF renders",
             growth <= MEMORY_TOLERANCE_MB, f"peak RSS grew at most {growth:.1f} MB")
    queries = results.get("queries")
    if queries:
        changed = [name for name, row in queries.items()
                   if row["small"] != row["bench"]]
        goal("query counts flat from the demo to the bench dataset", not changed,
             "all equal" if not changed else "differ: " + ", ".join(changed))
    return found


def _mark(met) -> str:
    return {True: "met", False: "NOT MET", None: "n/a"}[met]


def lines(results: dict) -> list[str]:
    """The printed report: machine, dataset, load table, PDF, memory, goals."""
    out = []
    m = results.get("machine", {})
    out.append("=" * 92)
    out.append(
        f"Ripple bench — {m.get('cpus')} CPUs ({m.get('cpu')}), {m.get('memory_gb')} GB, "
        f"Python {m.get('python')}, {results.get('database')}, commit {m.get('commit')}"
    )
    if "loadavg_start" in results:
        out.append(
            "load average at start / end: "
            + " / ".join(
                ", ".join(f"{x:.1f}" for x in results[key])
                for key in ("loadavg_start", "loadavg_end") if key in results
            )
        )
    generator = results.get("generator")
    if generator:
        counts = generator["counts"]
        out.append(
            f"Dataset (make_bench_data, {generator['seconds'].get('total', 0):.0f} s): "
            + ", ".join(f"{value:,} {name}" for name, value in counts.items())
        )
    load = results.get("load", {})
    floor = _healthz_p50(results)
    queries = results.get("queries", {})
    if load:
        run = results.get("load_settings", {})
        out.append("")
        out.append(
            f"Load: gunicorn 2 workers × 4 threads, {run.get('clients')} concurrent clients per "
            f"endpoint, {run.get('seconds')} s or {run.get('max_requests')} requests each, "
            f"after a {run.get('warmup_seconds')} s warm-up"
        )
        out.append(
            f"{'endpoint':<24}{'p50 ms':>9}{'p95 ms':>9}{'rps':>8}{'requests':>10}"
            f"{'errors':>8}{'× healthz':>11}{'queries':>9}"
        )
        for name, stats in load.items():
            ratio = stats["p50_ms"] / floor if floor else 0
            count = queries.get(name, {}).get("bench", "")
            out.append(
                f"{name:<24}{stats['p50_ms']:>9.1f}{stats['p95_ms']:>9.1f}{stats['rps']:>8.1f}"
                f"{stats['requests']:>10}{stats['errors']:>8}{ratio:>11.1f}{count:>9}"
            )
            for sample in stats.get("error_samples", [])[:2]:
                out.append(f"    error: {sample[:80]}")
    if queries:
        out.append("")
        out.append("Queries per page (warm request), demo → bench: " + "; ".join(
            f"{name} {row['small']}→{row['bench']}" for name, row in queries.items()
        ))
    pdf = results.get("pdf", {})
    if pdf:
        out.append("")
        out.append(
            f"{'PDF':<10}{'pages':>6}{'first render s':>16}{'cold s':>8}{'bare s':>8}"
            f"{'× bare':>8}{'pages/s':>9}{'HTML s':>8}{'KB':>7}"
        )
        for dataset, f in pdf.items():
            out.append(
                f"{dataset + ' book':<10}{f['pages']:>6}{f['first_render_s']:>16.2f}"
                f"{f['first_render_cold_s']:>8.2f}{f['bare_weasyprint_s']:>8.2f}"
                f"{f['ratio_to_bare']:>8.2f}{f['pages_per_second']:>9.1f}"
                f"{f['html_build_s']:>8.2f}{f['bytes'] / 1024:>7.0f}"
            )
    memory = results.get("memory")
    if memory:
        out.append("")
        out.append(
            f"Web-worker memory, 10 PDF renders over HTTP ({memory['renders']} rendered, "
            f"{memory['render_seconds']:.1f} s in all):"
        )
        for worker in memory["workers"]:
            out.append(
                f"  worker {worker['pid']}: peak RSS {worker['peak_before_mb']:.1f} → "
                f"{worker['peak_after_first_mb']:.1f} (1st render) → "
                f"{worker['peak_after_mb']:.1f} MB, RSS {worker['rss_before_mb']:.1f} → "
                f"{worker['rss_after_mb']:.1f} MB"
            )
        for child in memory.get("render_processes", []):
            out.append(
                f"  render process {child['pid']} (child of {child['parent']}): "
                f"peak RSS {child['peak_mb']:.1f} MB"
            )
    found = results.get("goals") or goals(results)
    out.append("")
    out.append("Goals:")
    for row in found:
        out.append(f"  [{_mark(row['met']):>7}] {row['goal']}: {row['figure']}")
    if results.get("server_errors"):
        out.append("gunicorn errors: " + " | ".join(results["server_errors"][:3]))
    if results.get("kept"):
        out.append(f"Kept for profiling: {results['kept']}")
    out.append("=" * 92)
    return out
