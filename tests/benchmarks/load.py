"""A small load client for the benchmarks: httpx clients in threads, spread over processes.

Each endpoint gets `clients` concurrent clients (threads, split over a few processes so the
client's own GIL does not queue requests), bounded by both a time and a request count, on
loopback only. Latency is measured client-side, per request, from send to the last byte.

Cookies are kept by hand: with DEBUG off the session and CSRF cookies are Secure, and httpx
(rightly) will not send a Secure cookie over plain http. During a run the cookies stay as
they were after sign-in, so a run measures the same request over and over.
"""

import logging
import math
import multiprocessing
import re
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from urllib.parse import urlsplit

import httpx

PROCESSES = 4
TIMEOUT = 120.0
logging.getLogger("httpx").setLevel(logging.WARNING)  # one INFO line per request otherwise


@dataclass
class Session:
    """A signed-in (or anonymous) visitor: the cookies to send, and the CSRF token."""

    cookies: dict = field(default_factory=dict)
    email: str = ""

    @property
    def header(self) -> dict:
        if not self.cookies:
            return {}
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}

    @property
    def csrf(self) -> str:
        return self.cookies.get("csrftoken", "")

    def keep(self, response: httpx.Response) -> None:
        for line in response.headers.get_list("set-cookie"):
            name, _, rest = line.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0].strip()


def _loopback(base_url: str) -> None:
    if urlsplit(base_url).hostname not in {"127.0.0.1", "localhost", "::1"}:
        raise ValueError(f"The load client only talks to loopback, not {base_url}.")


def sign_in(base_url: str, email: str, password: str, *, source: str = "127.0.0.1") -> Session:
    """Sign in through allauth's form (GET for the CSRF cookie, then POST), as a browser does.

    `source` is the loopback address to connect from: allauth allows 30 sign-ins a minute
    from one address, and people sign in from their own machines, not all from one.
    """
    _loopback(base_url)
    session = Session(email=email)
    transport = httpx.HTTPTransport(local_address=source)
    with httpx.Client(base_url=base_url, timeout=TIMEOUT, transport=transport) as client:
        form = client.get("/accounts/login/")
        session.keep(form)
        response = client.post(
            "/accounts/login/",
            data={"login": email, "password": password,
                  "csrfmiddlewaretoken": session.csrf},
            headers={**session.header, "Referer": base_url + "/accounts/login/"},
        )
        session.keep(response)
    if response.status_code != 302 or "sessionid" not in session.cookies:
        raise RuntimeError(f"Sign-in of {email} failed: HTTP {response.status_code}")
    return session


def sign_in_many(base_url: str, emails: list[str], password: str, threads: int = 8) -> dict:
    """Sign several people in at once (each sign-in hashes a password: ~0.5 s of CPU)."""
    sessions, errors = {}, []

    def work(n, chunk):
        for email in chunk:
            try:
                sessions[email] = sign_in(base_url, email, password, source=f"127.0.0.{10 + n}")
            except Exception as error:  # collected and raised below, with every failure
                errors.append(f"{email}: {error}")

    workers = [
        threading.Thread(target=work, args=(n, emails[n::threads])) for n in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if errors:
        raise RuntimeError("; ".join(errors[:5]))
    return sessions


@dataclass
class Endpoint:
    """What to ask for, as whom, and which answers count as success."""

    name: str
    path: str
    method: str = "GET"
    sessions: list = field(default_factory=list)  # one per client, or [] for anonymous
    ok: tuple = (200,)
    form: dict | None = None  # POST body; form_token is made fresh for every post
    content_type: str = ""  # the expected start of Content-Type, when it matters
    posts_per_session: int = 0  # stop a client once each of its sessions posted this many


@dataclass
class RunStats:
    """What one bounded run measured."""

    name: str
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p95_ms: float
    max_ms: float
    rps: float
    statuses: dict
    error_samples: list

    def as_dict(self) -> dict:
        return asdict(self)


def _client_thread(base_url, endpoint: Endpoint, sessions: list, deadline: float,
                   budget: int, posted: dict, out: list):
    with httpx.Client(base_url=base_url, timeout=TIMEOUT) as client:
        turn = 0
        while time.perf_counter() < deadline and budget > 0:
            session = sessions[turn % len(sessions)] if sessions else Session()
            turn += 1
            headers = session.header
            data = None
            if endpoint.method == "POST":
                if posted.get(session.email, 0) >= endpoint.posts_per_session:
                    if all(posted.get(s.email, 0) >= endpoint.posts_per_session
                           for s in sessions):
                        break
                    continue
                posted[session.email] = posted.get(session.email, 0) + 1
                data = {**(endpoint.form or {}), "form_token": str(uuid.uuid4()),
                        "csrfmiddlewaretoken": session.csrf}
            budget -= 1
            started = time.perf_counter()
            try:
                response = client.request(endpoint.method, endpoint.path, headers=headers,
                                          data=data)
                body = response.content
                elapsed = time.perf_counter() - started
                good = response.status_code in endpoint.ok and (
                    not endpoint.content_type
                    or response.headers.get("content-type", "").startswith(endpoint.content_type)
                )
                detail = "" if good else f"{response.status_code} {_gist(body)}"
                out.append((started, elapsed, response.status_code, good, detail))
            except httpx.HTTPError as error:
                elapsed = time.perf_counter() - started
                out.append((started, elapsed, 0, False, f"{type(error).__name__}: {error}"))


def _gist(body: bytes) -> str:
    text = body[:4000].decode("utf-8", "replace")
    title = re.search(r"<title>(.*?)</title>", text, re.S)
    return (title.group(1) if title else text[:120]).strip()


def _process(base_url, endpoint, groups, seconds, budgets, posted, queue):
    deadline = time.perf_counter() + seconds
    outs = [[] for _ in groups]
    threads = [
        threading.Thread(
            target=_client_thread,
            args=(base_url, endpoint, group, deadline, budget, posted, out),
        )
        for group, budget, out in zip(groups, budgets, outs, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put(([row for out in outs for row in out], posted))


def run(base_url: str, endpoint: Endpoint, *, clients: int = 16, seconds: float = 10.0,
        max_requests: int = 2_000, processes: int = PROCESSES, posted: dict | None = None,
        ) -> RunStats:
    """`clients` concurrent clients on one endpoint until `seconds` pass or `max_requests`.

    Each client has its own session(s): client n gets endpoint.sessions[n::clients].
    `posted` counts the POSTs per person across runs (warm-up included), for rate limits.
    """
    _loopback(base_url)
    posted = posted if posted is not None else {}
    groups = [endpoint.sessions[n::clients] if endpoint.sessions else [] for n in range(clients)]
    budgets = [max_requests // clients + (n < max_requests % clients) for n in range(clients)]
    processes = max(1, min(processes, clients))
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    workers = []
    # A process's share of clients, and each process's share of the post counts (by person).
    for p in range(processes):
        mine = list(range(p, clients, processes))
        mine_posted = {s.email: posted.get(s.email, 0) for n in mine for s in groups[n]}
        workers.append(context.Process(
            target=_process,
            args=(base_url, endpoint, [groups[n] for n in mine], seconds,
                  [budgets[n] for n in mine], mine_posted, queue),
        ))
    for worker in workers:
        worker.start()
    rows = []
    for _ in workers:
        process_rows, process_posted = queue.get()
        rows += process_rows
        posted.update(process_posted)  # each person posts from one client, in one process
    for worker in workers:
        worker.join()
    return summarise(endpoint.name, rows)


def summarise(name: str, rows: list) -> RunStats:
    if not rows:
        return RunStats(name, 0, 0, 0.0, 0.0, 0.0, 0.0, 0.0, {}, ["no requests were made"])
    latencies = sorted(row[1] for row in rows)
    start = min(row[0] for row in rows)
    end = max(row[0] + row[1] for row in rows)
    statuses: dict[str, int] = {}
    for row in rows:
        statuses[str(row[2])] = statuses.get(str(row[2]), 0) + 1
    errors = [row[4] for row in rows if not row[3]]
    return RunStats(
        name=name,
        requests=len(rows),
        errors=len(errors),
        seconds=end - start,
        p50_ms=percentile(latencies, 50) * 1000,
        p95_ms=percentile(latencies, 95) * 1000,
        max_ms=latencies[-1] * 1000,
        rps=len(rows) / (end - start) if end > start else 0.0,
        statuses=statuses,
        error_samples=sorted(set(errors))[:5],
    )


def percentile(ordered: list[float], p: float) -> float:
    """The p-th percentile of sorted values, by nearest rank (as load tools report it)."""
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]
