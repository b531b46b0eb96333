"""Team server figures against DESIGN.md §7 (issue 13), on a real PostgreSQL server.

    ANNOTATOR_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:PORT/postgres \
        python bench/bench_server.py [--coders 20] [--per-coder 1000] [--docs 500]

(``source .ci/postgres.sh && pg_throwaway_start`` starts a throw-away server and sets the URL.)

1. Concurrent coders: ``--coders`` processes, each logged in as its own coder role (row-level
   security on), create ``--per-coder`` annotations through the services, one transaction each
   (``ProjectStore.write``), all starting together once every process has opened the project.
   Printed: throughput and p50/p95 commit latency; budget p95 < 50 ms.
2. The agreement report for ``--docs`` documents × 3 coders × 40 spans read from the server, the
   workload of bench_agreement_report.py; budget 5 s for 500 documents.
The last line is the verdict; the exit code is 0 only when every budget is met.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import time
import uuid
from pathlib import Path
from threading import Barrier

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import make_url, select  # noqa: E402

from annotator.cli import main as cli  # noqa: E402
from annotator.db import open_project  # noqa: E402
from annotator.db.models import Coder, Document  # noqa: E402
from annotator.db.services.annotations import create_annotation  # noqa: E402
from annotator.db.services.codebook import code_ids_by_path  # noqa: E402
from bench_agreement_report import build_project, full_report  # noqa: E402
from tests.pg_support import _admin, database_url, drop_project_database, role_url  # noqa: E402

P95_BUDGET_MS = 50.0
AGREEMENT_BUDGET_S = 5.0


def code_as(url: str, coder: str, count: int, ready: Barrier | None = None) -> list[float]:
    """One coder's process: ``count`` annotations, one committed transaction each.

    With ``ready``, the first commit waits until every coder's process has started and opened
    the project: starting Python and the app is not commit latency."""
    store = open_project(url)
    with store.reader() as session:
        coder_id = session.scalar(select(Coder.id).where(Coder.name == coder))
        documents = list(session.execute(select(Document.id, Document.length)).all())
        codes = list(code_ids_by_path(session).values())
    if ready is not None:
        ready.wait()
    latencies = []
    for i in range(count):
        document_id, length = documents[i % len(documents)]
        start = (i * 7) % (length - 10)

        def work(session, start: int = start, document_id: str = document_id,  # noqa: ANN001
                 code_id: str = codes[i % len(codes)]) -> None:
            create_annotation(session, document_id=document_id, coder_id=coder_id,
                              code_id=code_id, start=start, end=start + 8)
        began = time.perf_counter()
        store.write(work)
        latencies.append(time.perf_counter() - began)
    store.close()
    return latencies


def concurrent_coders(admin: str, coders: int, per_coder: int) -> float:
    database, tag = f"bench_server_{os.getpid()}", uuid.uuid4().hex[:6]
    _admin(admin, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)", f"CREATE DATABASE {database}")
    url = database_url(admin, database)
    roles = [f"bench_{tag}_{i}" for i in range(coders)]
    quiet = open(os.devnull, "w")  # noqa: SIM115
    stdout, sys.stdout = sys.stdout, quiet
    try:
        cli(["server", "init", url, "--name", "bench", "--lead", "Lead"])
        cli(["codebook", url, "template", "framing-core"])
        cli(["import", url, str(Path(__file__).resolve().parent.parent / "resources" / "demo")])
        for i, role in enumerate(roles):
            cli(["server", "coder", url, "add", f"Coder {i}", "--role", role])
    finally:
        sys.stdout = stdout
    spawn = multiprocessing.get_context("spawn")
    with spawn.Manager() as manager, spawn.Pool(coders) as pool:
        ready = manager.Barrier(coders + 1)
        jobs = [(role_url(url, role), f"Coder {i}", per_coder, ready)
                for i, role in enumerate(roles)]
        pending = pool.starmap_async(code_as, jobs)
        ready.wait()
        began = time.perf_counter()
        results = pending.get()
        wall = time.perf_counter() - began
    drop_project_database(admin, url, roles)
    latencies = sorted(ms * 1000 for run in results for ms in run)
    p50 = statistics.median(latencies)
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(f"{coders} coders × {per_coder} annotations: {len(latencies):,} commits in {wall:.1f} s "
          f"({len(latencies) / wall:,.0f} commits/s); commit latency p50 {p50:.1f} ms, "
          f"p95 {p95:.1f} ms (budget p95 < {P95_BUDGET_MS:.0f} ms)")
    return p95


def agreement_from_server(admin: str, docs: int) -> float:
    database = f"bench_agreement_{os.getpid()}"
    _admin(admin, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)", f"CREATE DATABASE {database}")
    url = database_url(admin, database)
    spans = build_project(url, docs)  # type: ignore[arg-type]
    began = time.perf_counter()
    full_report(url)  # type: ignore[arg-type]
    seconds = time.perf_counter() - began
    _admin(admin, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
    print(f"agreement report, {docs} documents × 3 coders ({spans:,} spans) read from the server: "
          f"{seconds:.2f} s (budget {AGREEMENT_BUDGET_S:.0f} s for 500)")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--coders", type=int, default=20)
    parser.add_argument("--per-coder", type=int, default=1000)
    parser.add_argument("--docs", type=int, default=500)
    args = parser.parse_args()
    admin = os.environ.get("ANNOTATOR_TEST_PG_URL")
    if not admin:
        print("bench_server: set ANNOTATOR_TEST_PG_URL (source .ci/postgres.sh && "
              "pg_throwaway_start); skipped")
        return 0
    print(f"server: {make_url(admin).render_as_string(hide_password=True)}")
    p95 = concurrent_coders(admin, args.coders, args.per_coder)
    seconds = agreement_from_server(admin, args.docs)
    ok = p95 < P95_BUDGET_MS and (args.docs != 500 or seconds < AGREEMENT_BUDGET_S)
    print(f"verdict: {'every budget met' if ok else 'a budget was missed'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
