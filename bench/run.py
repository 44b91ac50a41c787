#!/usr/bin/env python3
"""Benchmarks of the portal at a chosen scale, with a real HTTP load generator (wrk).

Starts from an empty database on the PostgreSQL server at DATABASE_URL (default: the local one),
seeds it with `labour-market seed --synthetic N`, rebuilds the search index, starts `serve` on
loopback and measures: search shapes, posting detail and reference lists at several
concurrencies (p50, p99, requests per second), approval-to-searchable time while search load
runs, seeding and reindex throughput, and the server's peak resident memory. Prints one table
and writes it, with the machine's CPU and cores, to docs/benchmarks.md.

    bench/run.py --jobs 2000             # provincial scale
    bench/run.py --jobs 100000           # national scale (100,000 jobs, 20,000 courses, 10,000 needs)

With MEILI_URL (and MEILI_MASTER_KEY) set, the same run is repeated against Meilisearch.
Only loopback addresses are used; every load is bounded in time.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
BIN = os.path.join(TARGET, "release", "labour-market")
PORT = 18080
BASE = f"http://127.0.0.1:{PORT}"
ADMIN_PASSWORD = "mật khẩu đo hiệu năng"
DEMO_PASSWORD = "mật khẩu người lao động mẫu"
# A demo worker (welder, under-three-months training) whose recommendations include level gaps.
DEMO_WORKER = "tho.han@demo.example.vn"


def say(line):
    print(line, flush=True)


def run(args, env, check=True):
    out = subprocess.run(args, env=env, capture_output=True, text=True)
    if check and out.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{out.stdout}\n{out.stderr}")
    return out.stdout


def psql(url, sql):
    subprocess.run(["psql", url, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql], check=True, capture_output=True)


def with_db(url, name):
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}dbname={name}"


def http(method, path, body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("content-type", "application/json")
    if token:
        req.add_header("authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=30) as res:
            raw = res.read()
            return res.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def tax_code(n):
    first = f"46{n:07d}"
    weights = [31, 29, 23, 19, 17, 13, 7, 5, 3]
    s = sum(int(d) * w for d, w in zip(first, weights))
    check = 10 - s % 11
    return f"{first}{check}" if check <= 9 else tax_code(n + 1)


def wrk(url, connections, seconds, token=None, headers=()):
    threads = min(connections, 2)
    auth = ["-H", f"Authorization: Bearer {token}"] if token else []
    for h in headers:
        auth += ["-H", h]
    out = subprocess.run(
        ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--latency", *auth, url],
        capture_output=True, text=True,
    ).stdout

    def latency(label):
        m = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not m:
            return float("nan")
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return latency("50"), latency("99"), float(rps.group(1)) if rps else 0.0, int(errors.group(1)) if errors else 0


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def cpu():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--jobs", type=int, default=2000)
    p.add_argument("--seconds", type=int, default=5, help="length of each load run")
    p.add_argument("--concurrency", default="1,16,64")
    p.add_argument("--fresh", type=int, default=40, help="postings in the freshness test")
    p.add_argument("--out", default=os.path.join(ROOT, "docs", "benchmarks.md"))
    args = p.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    if not os.path.exists(BIN):
        sys.exit(f"{BIN} missing: cargo build --release -p labour-api")
    levels = [int(c) for c in args.concurrency.split(",")]
    server_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    engines = ["embedded"] + (["meilisearch"] if os.environ.get("MEILI_URL") else [])
    results = {}
    for engine in engines:
        results[engine] = bench(engine, args, levels, server_url)
    write(results, args, levels)


def bench(engine, args, levels, server_url):
    name = f"labour_bench_{args.jobs}"
    psql(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    psql(server_url, f'CREATE DATABASE "{name}"')
    data_dir = tempfile.mkdtemp(prefix="labour-bench-")
    env = dict(os.environ, DATABASE_URL=with_db(server_url, name), LABOUR_DATA_DIR=data_dir,
               LABOUR_BIND=f"127.0.0.1:{PORT}", LABOUR_LOG="warn", LABOUR_ADMIN_PASSWORD=ADMIN_PASSWORD,
               LABOUR_LOGIN_ATTEMPTS_PER_ADDRESS="100000", LABOUR_API_KEY_REQUESTS_PER_MINUTE="1000000",
               LABOUR_ACCESS_TOKEN_TTL_SECS="7200", LABOUR_DEMO_PASSWORD=DEMO_PASSWORD, LABOUR_MODE="local")
    if engine == "embedded":
        env.pop("MEILI_URL", None)
    else:
        env["LABOUR_MEILI_INDEX_PREFIX"] = f"bench_{uuid.uuid4().hex[:8]}_"
    r = {}
    say(f"== {engine}: seeding {args.jobs} jobs (and a fifth as many courses, a tenth as many needs)")
    started = time.time()
    out = run([BIN, "seed", "--synthetic", str(args.jobs)], env)
    m = re.search(r"(\d+) synthetic postings added in ([\d.]+) s", out)
    r["postings"] = int(m.group(1)) + 440 if m else 0
    r["seed_per_s"] = int(m.group(1)) / float(m.group(2)) if m else 0
    say(f"   seeded in {time.time() - started:.0f} s")
    out = run([BIN, "reindex"], env)
    m = re.search(r"(\d+) postings indexed in ([\d.]+) s", out)
    r["reindex_docs"], r["reindex_s"] = (int(m.group(1)), float(m.group(2))) if m else (0, 0)
    say(f"   reindexed {r['reindex_docs']} in {r['reindex_s']:.1f} s")
    psql(env["DATABASE_URL"], "DELETE FROM search_outbox")  # the rebuild already holds them
    run([BIN, "create-admin", "--email", "bench@example.vn", "--name", "Bench"], env)

    server = subprocess.Popen([BIN, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                if http("GET", "/ready")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        job = str(uuid.UUID(int=0x0194_0000_0000_7000_8000_0000_0000_0000 | (1 << 40)))
        status, session = http("POST", "/api/v1/sessions", {"identifier": DEMO_WORKER, "password": DEMO_PASSWORD})
        if status != 200:
            sys.exit(f"demo worker cannot sign in: {session}")
        worker = session["access_token"]
        status, rec = http("GET", "/api/v1/me/recommendations", token=worker)
        say(f"   recommendations for {DEMO_WORKER}: {len(rec['jobs'])} jobs, {len(rec['gaps'])} gaps, "
            f"{sum(len(g['courses']) for g in rec['gaps'])} courses")
        shapes = [
            ("search: plain word", "/api/v1/jobs?q=han"),
            ("search: two words", "/api/v1/jobs?q=th%E1%BB%A3%20h%C3%A0n"),
            ("search: no diacritics", "/api/v1/jobs?q=ky%20thuat%20dien"),
            ("search: a typo", "/api/v1/jobs?q=dien%20cong%20nghiepp"),
            ("search: two filters + facets", "/api/v1/jobs?q=cong%20nhan&level=so_cap&salary_min=8000000&facets=zone_id,occupation_group"),
            ("search: all kinds", "/api/v1/search?q=dien"),
            ("posting detail", f"/api/v1/postings/{job}"),
            ("reference: zones", "/api/v1/zones"),
            ("reference: occupations", "/api/v1/occupations?q=tho"),
            ("recommendations (signed-in worker)", "/api/v1/me/recommendations", worker),
        ]
        r["shapes"] = {}
        for label, path, *token in shapes:
            r["shapes"][label] = {}
            for c in levels:
                r["shapes"][label][c] = wrk(BASE + path, c, args.seconds, *token)
                p50, p99, rps, errors = r["shapes"][label][c]
                say(f"   {label:32} c={c:<3} p50 {p50:7.2f} ms  p99 {p99:7.2f} ms  {rps:8.0f} req/s" + (f"  ({errors} errors)" if errors else ""))
        r["freshness"] = freshness(args)
        say(f"   approval -> searchable: p50 {r['freshness'][0]:.0f} ms, p99 {r['freshness'][1]:.0f} ms")
        r["rss_mb"] = peak_rss_mb(server.pid)
        say(f"   peak resident memory {r['rss_mb']:.0f} MB")
    finally:
        server.terminate()
        server.wait(timeout=60)
        shutil.rmtree(data_dir, ignore_errors=True)
        psql(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return r


def freshness(args):
    """Approves postings one by one while search load runs; times approval -> found."""
    _, admin = http("POST", "/api/v1/sessions", {"identifier": "bench@example.vn", "password": ADMIN_PASSWORD})
    admin = admin["access_token"]
    http("POST", "/api/v1/accounts", {"email": "hr@example.vn", "password": ADMIN_PASSWORD, "display_name": "HR"})
    _, hr = http("POST", "/api/v1/sessions", {"identifier": "hr@example.vn", "password": ADMIN_PASSWORD})
    hr = hr["access_token"]
    _, org = http("POST", "/api/v1/organisations", {"kind": "enterprise", "name": "Doanh nghiệp đo", "tax_code": tax_code(1)}, hr)
    http("POST", f"/api/v1/organisations/{org['id']}/verification", {"decision": "verified"}, admin)
    deadline = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    ids = []
    for i in range(args.fresh):
        word = f"kiemtra{uuid.uuid4().hex[:10]}"
        body = {
            "kind": "job", "title": f"Thợ hàn {word}", "description": "Hàn kết cấu thép trong khu công nghiệp.",
            "occupation_code": "7212", "headcount": 3,
            "salary": {"type": "range", "min_vnd": 8000000, "max_vnd": 12000000},
            "contact": {"name": "Nhân sự", "phone": "0912345678"}, "deadline": deadline,
        }
        status, created = http("POST", f"/api/v1/organisations/{org['id']}/postings", body, hr)
        if status != 201:
            sys.exit(f"create failed: {created}")
        http("POST", f"/api/v1/postings/{created['id']}/submit", None, hr)
        ids.append((created["id"], word))
    load = threading.Thread(target=wrk, args=(BASE + "/api/v1/jobs?q=han", 16, max(10, args.fresh)))
    load.start()
    times = []
    for posting, word in ids:
        started = time.time()
        http("POST", f"/api/v1/postings/{posting}/approve", None, admin)
        while time.time() - started < 30:
            _, found = http("GET", f"/api/v1/jobs?q={word}")
            if found and found["total"] >= 1:
                break
            time.sleep(0.005)
        times.append((time.time() - started) * 1000)
    load.join()
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))]


def write(results, args, levels):
    lines = []
    today = datetime.date.today().isoformat()
    for engine, r in results.items():
        lines.append(f"### {engine} engine, {r['postings']:,} postings ({args.jobs:,} synthetic jobs), {today}")
        lines.append("")
        lines.append(f"Machine: {cpu()}, {os.cpu_count()} cores. wrk runs of {args.seconds} s per cell.")
        lines.append("")
        lines.append("| request | " + " | ".join(f"c={c} p50 / p99 ms, req/s" for c in levels) + " |")
        lines.append("| --- | " + " | ".join("---" for _ in levels) + " |")
        for label, cells in r["shapes"].items():
            row = [f"{cells[c][0]:.1f} / {cells[c][1]:.1f}, {cells[c][2]:,.0f}" + (f" ({cells[c][3]} err)" if cells[c][3] else "") for c in levels]
            lines.append(f"| {label} | " + " | ".join(row) + " |")
        lines.append("")
        lines.append(f"- approval -> searchable, under search load (c=16): p50 {r['freshness'][0]:.0f} ms, p99 {r['freshness'][1]:.0f} ms ({args.fresh} postings)")
        lines.append(f"- seeding: {r['seed_per_s']:,.0f} postings/s")
        lines.append(f"- reindex: {r['reindex_docs']:,} postings in {r['reindex_s']:.1f} s ({r['reindex_docs'] / max(r['reindex_s'], 0.001):,.0f}/s)")
        lines.append(f"- server peak resident memory: {r['rss_mb']:.0f} MB")
        lines.append("")
    block = "\n".join(lines)
    print("\n" + block)
    marker = f"<!-- scale {args.jobs} -->"
    header = "# Benchmarks\n\nMade by `bench/run.py` (see the README). Each scale's section is replaced when it is run again.\n\n"
    text = open(args.out).read() if os.path.exists(args.out) else header
    pattern = re.compile(re.escape(marker) + r".*?" + re.escape(marker) + r"\n", re.S)
    section = f"{marker}\n{block}\n{marker}\n"
    text = pattern.sub(lambda _: section, text) if pattern.search(text) else text + "\n" + section
    with open(args.out, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
