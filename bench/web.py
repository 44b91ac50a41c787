#!/usr/bin/env python3
"""The web pages' budgets, measured on a seeded portal and written to docs/web-performance.md.

Seeds an empty database at the chosen scale (as bench/run.py does), rebuilds the index, starts the
release binary on loopback, then measures:
- server time: each search results page against the JSON search it wraps, with wrk at one and
  16 connections (p50, p99; the budget is results-page p99 within 1.5x of the JSON search's);
- page weight: every page's HTML plus its stylesheet and script, gzipped as the server sends them
  to a browser that asks (the budget is 60 KB each);
- Lighthouse (npm `lighthouse`, driving Debian's chromium, mobile emulation with its default
  simulated slow 4G and CPU slowdown): accessibility and performance scores of the home, results
  and posting pages (budgets 100 and 95).

    bench/web.py --jobs 100000           # national scale
    bench/web.py --jobs 2000 --no-lighthouse

Lighthouse is installed into /var/tmp/labour-lighthouse from the npm registry when missing.
"""

import argparse
import datetime
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as base  # noqa: E402  (the seeding and wrk helpers of bench/run.py)

LIGHTHOUSE_DIR = os.environ.get("LABOUR_LIGHTHOUSE_DIR", "/var/tmp/labour-lighthouse")
CHROMIUM = os.environ.get("LABOUR_CHROMIUM", "/usr/bin/chromium")
BUDGET_KB = 60
BUDGET_RATIO = 1.5

# A synthetic job of the seed (see bench/run.py).
JOB = str(uuid.UUID(int=0x0194_0000_0000_7000_8000_0000_0000_0000 | (1 << 40)))

# Results pages and the JSON searches they wrap: the same words and filters, the same page size,
# and the facets the page counts for its filters (see Area::facets in crates/web).
JOB_FACETS = "occupation_group,zone_id,commune_code,level,shifts"
ALL_FACETS = "occupation_group,zone_id,commune_code,level,kind"
PAIRS = [
    ("plain word", "/search/jobs?q=han", f"/api/v1/jobs?q=han&per_page=20&facets={JOB_FACETS}"),
    ("no diacritics", "/search/jobs?q=ky%20thuat%20dien",
     f"/api/v1/jobs?q=ky%20thuat%20dien&per_page=20&facets={JOB_FACETS}"),
    ("a filter", "/search/jobs?q=cong%20nhan&level=so_cap",
     f"/api/v1/jobs?q=cong%20nhan&level=so_cap&per_page=20&facets={JOB_FACETS}"),
    ("all kinds", "/search?q=dien", f"/api/v1/search?q=dien&per_page=20&facets={ALL_FACETS}"),
]

PAGES = [
    ("home", "/"),
    ("job results", "/search/jobs?q=ky%20thuat%20dien"),
    ("all results", "/search?q=dien"),
    ("course results", "/search/courses?q=han"),
    ("training needs", "/training-needs"),
    ("no results", "/search/jobs?q=zzzzqqq"),
    ("posting", f"/postings/{JOB}"),
    ("sign up", "/sign-up"),
    ("sign in", "/sign-in"),
    ("statistics", "/statistics"),
]

LIGHTHOUSE_PAGES = ["home", "job results", "posting"]


def get(path, gzip_ok=True):
    req = urllib.request.Request(base.BASE + path)
    if gzip_ok:
        req.add_header("accept-encoding", "gzip")
    with urllib.request.urlopen(req, timeout=30) as res:
        return res.status, res.read(), res.headers


def weight(path):
    """Bytes on the wire for the page, its stylesheet and its script, and the page unpacked."""
    status, body, headers = get(path)
    html = gzip.decompress(body) if headers.get("content-encoding") == "gzip" else body
    total = len(body)
    for asset in re.findall(rb'(?:href|src)="(/static/[^"]+)"', html):
        _, data, _ = get(asset.decode())
        total += len(data)
    return status, total, len(html)


def lighthouse(url, out_dir, name):
    cli = os.path.join(LIGHTHOUSE_DIR, "node_modules", ".bin", "lighthouse")
    if not os.path.exists(cli):
        base.say(f"   installing lighthouse into {LIGHTHOUSE_DIR} (npm)")
        os.makedirs(LIGHTHOUSE_DIR, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--prefix", LIGHTHOUSE_DIR, "lighthouse@12"], check=True)
    report = os.path.join(out_dir, f"{re.sub(r'[^a-z]+', '-', name)}.json")
    subprocess.run([cli, url, "--quiet", "--only-categories=performance,accessibility",
                    "--output=json", f"--output-path={report}",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"],
                   env=dict(os.environ, CHROME_PATH=CHROMIUM), check=True, capture_output=True)
    with open(report) as f:
        data = json.load(f)
    cats = data["categories"]
    audits = data["audits"]
    return {
        "accessibility": round(cats["accessibility"]["score"] * 100),
        "performance": round(cats["performance"]["score"] * 100),
        "fcp_ms": audits["first-contentful-paint"]["numericValue"],
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "failed": [a["id"] for a in audits.values()
                   if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"],
    }


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--jobs", type=int, default=100000)
    p.add_argument("--seconds", type=int, default=5)
    p.add_argument("--no-lighthouse", action="store_true")
    p.add_argument("--reuse", action="store_true", help="keep the database of an earlier run with this scale")
    p.add_argument("--out", default=os.path.join(base.ROOT, "docs", "web-performance.md"))
    args = p.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    if not os.path.exists(base.BIN):
        sys.exit(f"{base.BIN} missing: cargo build --release -p labour-server")
    server_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    name = f"labour_bench_web_{args.jobs}"
    data_dir = os.path.join(tempfile.gettempdir(), f"labour-bench-web-{args.jobs}")
    env = dict(os.environ, DATABASE_URL=base.with_db(server_url, name), LABOUR_DATA_DIR=data_dir,
               LABOUR_BIND=f"127.0.0.1:{base.PORT}", LABOUR_LOG="warn", LABOUR_MODE="local",
               LABOUR_DEMO_PASSWORD=base.DEMO_PASSWORD)
    env.pop("MEILI_URL", None)
    if not args.reuse:
        base.psql(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        base.psql(server_url, f'CREATE DATABASE "{name}"')
        shutil.rmtree(data_dir, ignore_errors=True)
        base.say(f"== seeding {args.jobs} jobs (and a fifth as many courses, a tenth as many needs)")
        base.run([base.BIN, "seed", "--synthetic", str(args.jobs)], env)
        base.run([base.BIN, "reindex"], env)
        base.psql(env["DATABASE_URL"], "DELETE FROM search_outbox")
    server = subprocess.Popen([base.BIN, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                if base.http("GET", "/ready")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        for _, page, api in PAIRS:  # warm both paths
            get(page), get(api)
        base.say("== server time: results pages against the JSON searches they wrap")
        times = []
        for label, page, api in PAIRS:
            row = {"label": label}
            for c in (1, 16):
                row[("page", c)] = base.wrk(base.BASE + page, c, args.seconds)
                row[("api", c)] = base.wrk(base.BASE + api, c, args.seconds)
            times.append(row)
            base.say(f"   {label}: page p99 {row[('page', 1)][1]:.1f} ms, json p99 {row[('api', 1)][1]:.1f} ms (c=1)")
        base.say("== page weight (gzipped, with stylesheet and script)")
        weights = []
        for label, path in PAGES:
            status, total, raw = weight(path)
            weights.append((label, path, status, total, raw))
            base.say(f"   {label}: {total / 1024:.1f} KB ({raw / 1024:.1f} KB of HTML unpacked), {status}")
        scores = {}
        if not args.no_lighthouse:
            base.say("== lighthouse (mobile)")
            out_dir = tempfile.mkdtemp(prefix="labour-lighthouse-")
            for label, path in PAGES:
                if label in LIGHTHOUSE_PAGES:
                    scores[label] = lighthouse(base.BASE + path, out_dir, label)
                    s = scores[label]
                    base.say(f"   {label}: accessibility {s['accessibility']}, performance {s['performance']}")
        write(args, times, weights, scores)
    finally:
        server.terminate()
        server.wait(timeout=30)


def write(args, times, weights, scores):
    today = datetime.date.today().isoformat()
    lines = [f"<!-- scale {args.jobs} -->",
             f"### {args.jobs:,} synthetic jobs (embedded engine), {today}", "",
             f"Machine: {base.cpu()}, {os.cpu_count()} cores. wrk runs of {args.seconds} s per cell, loopback.", "",
             "Server time of each results page against the JSON search it wraps: the same words, "
             "filters and page size, and the facets the page counts beside its filters (so the "
             "difference is what the page adds: reading the query, labels, rendering the HTML):", "",
             "| search | page c=1 p50 / p99 ms | JSON c=1 p50 / p99 ms | page c=16 p50 / p99 ms | JSON c=16 p50 / p99 ms | p99 ratio c=1 / c=16 | budget 1.5x |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for row in times:
        cells = []
        for side, c in (("page", 1), ("api", 1), ("page", 16), ("api", 16)):
            p50, p99, _, _ = row[(side, c)]
            cells.append(f"{p50:.1f} / {p99:.1f}")
        r1 = row[("page", 1)][1] / row[("api", 1)][1]
        r16 = row[("page", 16)][1] / row[("api", 16)][1]
        ok = "met" if max(r1, r16) <= BUDGET_RATIO else "missed"
        lines.append(f"| {row['label']} | {' | '.join(cells)} | {r1:.2f} / {r16:.2f} | {ok} |")
    lines += ["", "Weight of each page as a phone first loads it (HTML, stylesheet and script, gzipped):", "",
              "| page | path | transferred | HTML unpacked | budget 60 KB |", "| --- | --- | --- | --- | --- |"]
    for label, path, status, total, raw in weights:
        ok = "met" if total <= BUDGET_KB * 1024 and status == 200 else f"missed ({status})"
        lines.append(f"| {label} | `{path.replace('|', '%7C')}` | {total / 1024:.1f} KB | {raw / 1024:.1f} KB | {ok} |")
    if scores:
        lines += ["", "Lighthouse 12, mobile (emulated Moto G Power, simulated slow 4G, 4x CPU slowdown):", "",
                  "| page | accessibility | performance | FCP ms | LCP ms | TBT ms | CLS |",
                  "| --- | --- | --- | --- | --- | --- | --- |"]
        for label, s in scores.items():
            lines.append(f"| {label} | {s['accessibility']} | {s['performance']} | {s['fcp_ms']:.0f} | "
                         f"{s['lcp_ms']:.0f} | {s['tbt_ms']:.0f} | {s['cls']:.3f} |")
    lines += ["", f"<!-- scale {args.jobs} -->"]
    section = "\n".join(lines)
    header = ("# Web pages: server time, weight, Lighthouse\n\nMade by `bench/web.py` (see the README). "
              "Each scale's section is replaced when it is run again.\n\n")
    text = open(args.out).read() if os.path.exists(args.out) else header
    marker = f"<!-- scale {args.jobs} -->"
    if marker in text:
        start = text.index(marker)
        end = text.index(marker, start + len(marker)) + len(marker)
        text = text[:start] + section + text[end:]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    with open(args.out, "w") as f:
        f.write(text)
    base.say(f"written to {args.out}")


if __name__ == "__main__":
    main()
