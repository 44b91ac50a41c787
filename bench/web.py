#!/usr/bin/env python3
"""The web pages' budgets, measured on a seeded portal and written to docs/web-performance.md.

Seeds an empty database at the chosen scale (as bench/run.py does), rebuilds the index, starts the
release binary on loopback, then measures:
- server time: each search results page against the JSON search it wraps, and the workspace
  and statistics pages against the JSON they wrap, with wrk at one and 16 connections (p50, p99;
  the budget is the page's p99 within 1.5x of the JSON's);
- page weight: every page's HTML plus its stylesheet and script, gzipped as the server sends them
  to a browser that asks (the budget is 60 KB each), the workspaces' pages as the demo people
  who feed the portal see them;
- Lighthouse (npm `lighthouse`, driving Debian's chromium, mobile emulation with its default
  simulated slow 4G and CPU slowdown): accessibility and performance scores of the home, results
  and posting pages, and of the staff queue, a statistics page and the declaration form
  (budgets 100 and 95).

The workspaces are read as the demo staff member, enterprise member and school member that
`seed` adds (crates/store/src/demo_members.rs), signed in through the web's own form (`POST
/sign-in` with the `lm_csrf` double-submit cookie and its `_csrf` field; the `lm_session` cookie
is kept and sent, with wrk too), and on the JSON side with a bearer token from `POST
/api/v1/sessions`. What the run had to set up (a declaration year opened, a posting submitted so
the queue has an item) is printed and written beside the figures.

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
import urllib.error
import urllib.parse
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

LIGHTHOUSE_PAGES = ["home", "job results", "posting", "staff: queue", "statistics: workforce",
                    "enterprise: declaration"]

# Postings the moderation queue should hold (more than its page of 25).
QUEUE_ITEMS = 30

# The demo people who feed the portal (crates/store/src/demo_members.rs).
STAFF = "can.bo@demo.example.vn"
ENTERPRISE = "tuyen.dung@demo.example.vn"
SCHOOL = "dao.tao@demo.example.vn"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def request(method, path, cookie=None, data=None, gzip_ok=True, content_type=None):
    """One request as a browser sends it, redirects not followed: (status, body, headers)."""
    req = urllib.request.Request(base.BASE + path, data=data, method=method)
    if gzip_ok:
        req.add_header("accept-encoding", "gzip")
    if cookie:
        req.add_header("cookie", cookie)
    if content_type:
        req.add_header("content-type", content_type)
    try:
        with _OPENER.open(req, timeout=30) as res:
            return res.status, res.read(), res.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers


def get(path, gzip_ok=True, cookie=None):
    return request("GET", path, cookie=cookie, gzip_ok=gzip_ok)


def set_cookie(headers, name):
    for line in headers.get_all("set-cookie") or []:
        m = re.match(rf"\s*{name}=([^;]*)", line)
        if m:
            return m.group(1)
    return None


def sign_in(email, password):
    """Signs in through the web's form as a browser does; returns the Cookie header to send."""
    status, body, headers = get("/sign-in", gzip_ok=False)
    csrf = set_cookie(headers, "lm_csrf")
    field = re.search(rb'name="_csrf" value="([^"]+)"', body)
    if status != 200 or not csrf or not field:
        sys.exit(f"the sign-in form answered {status} without its CSRF cookie and field")
    form = urllib.parse.urlencode({"_csrf": field.group(1).decode(), "identifier": email,
                                   "password": password, "back": "/account"}).encode()
    status, body, headers = request("POST", "/sign-in", cookie=f"lm_csrf={csrf}", data=form,
                                    content_type="application/x-www-form-urlencoded")
    session = set_cookie(headers, "lm_session")
    if status != 303 or not session:
        sys.exit(f"{email} cannot sign in through the form: {status}")
    cookie = f"lm_csrf={csrf}; lm_session={session}"
    if get("/account", cookie=cookie)[0] != 200:
        sys.exit(f"{email}'s session cookie does not open /account")
    return cookie


def bearer(email, password):
    status, session = base.http("POST", "/api/v1/sessions", {"identifier": email, "password": password})
    if status != 200:
        sys.exit(f"{email} cannot sign in to the API: {session}")
    return session["access_token"]


def api(path, token, method="GET", body=None):
    status, data = base.http(method, path, body, token)
    if status >= 300:
        sys.exit(f"{method} {path} answered {status}: {data}")
    return data


def busy():
    """The 1-minute load average and how many compilers (other builds) are running."""
    compilers = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/comm") as f:
                if f.read().strip() in ("rustc", "cc1", "cc1plus", "ld", "cargo"):
                    compilers += 1
        except OSError:
            pass
    return os.getloadavg()[0], compilers


def workspaces(password, notes):
    """Signs the demo people in and finds what the workspace pages are about; returns the pairs
    (label, page, JSON, cookie, token) and pages (label, path, cookie) to measure."""
    staff, enterprise, school = (sign_in(e, password) for e in (STAFF, ENTERPRISE, SCHOOL))
    staff_t, enterprise_t, school_t = (bearer(e, password) for e in (STAFF, ENTERPRISE, SCHOOL))
    org = next(o for o in api("/api/v1/me", enterprise_t)["organisations"] if o["kind"] == "enterprise")
    sch = next(o for o in api("/api/v1/me", school_t)["organisations"] if o["kind"] == "school")
    years = api("/api/v1/declaration-years", staff_t)["items"]
    open_years = sorted(y["year"] for y in years if y["state"] == "open")
    if open_years:
        year = open_years[-1]
    else:
        year = datetime.date.today().year - 1
        api("/api/v1/declaration-years", staff_t, "POST", {"year": year})
        notes.append(f"no declaration year was open: opened {year} as staff (POST /api/v1/declaration-years)")
    queue = api("/api/v1/moderation/queue?per_page=25", staff_t)
    if queue["total"] < QUEUE_ITEMS:
        # The seed publishes everything; a queue page of one item would time nothing.
        deadline = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
        missing = QUEUE_ITEMS - queue["total"]
        for n in range(missing):
            made = api(f"/api/v1/organisations/{org['id']}/postings", enterprise_t, "POST", {
                "kind": "job", "title": f"Thợ hàn kết cấu thép, tổ {n + 1}",
                "description": "Hàn kết cấu thép trong khu công nghiệp, làm theo ca.",
                "occupation_code": "7212", "headcount": 3,
                "salary": {"type": "range", "min_vnd": 8000000, "max_vnd": 12000000},
                "contact": {"name": "Nhân sự", "phone": "0912345678"}, "deadline": deadline})
            api(f"/api/v1/postings/{made['id']}/submit", enterprise_t, "POST")
        notes.append(f"the moderation queue held {queue['total']} items after seeding: the demo "
                     f"enterprise submitted {missing} jobs (POST /api/v1/organisations/{{id}}/postings, "
                     "then /submit) so that it holds more than a page")
        queue = api("/api/v1/moderation/queue?per_page=25", staff_t)
    item = queue["items"][0]["id"]
    jobs = api("/api/v1/my/postings?kind=job&state=published&per_page=100", enterprise_t)["items"]
    if not jobs:
        sys.exit("the demo enterprise has no published job for the applicants page")
    applicants = {j["id"]: len(api(f"/api/v1/postings/{j['id']}/applications", enterprise_t)["items"])
                  for j in jobs}
    job = max(applicants, key=lambda j: applicants[j])
    notes.append(f"{queue['total']} items in the moderation queue; the demo enterprise "
                 f"({org['name']}) has {api('/api/v1/my/postings?per_page=1', enterprise_t)['total']} "
                 f"postings; declaration year {year}; staff read queue item `{item}`, the enterprise "
                 f"the applicants of job `{job}` (applicants: {applicants[job]}, the most of its "
                 f"{len(jobs)} published jobs)")
    o, s = f"/account/organisations/{org['id']}", f"/account/organisations/{sch['id']}"
    workforce = f"/statistics/workforce?year={year}&by="
    pairs = [
        ("staff queue", "/staff/queue", "/api/v1/moderation/queue?per_page=25", staff, staff_t),
        ("workforce by group", workforce + "occupation_group",
         f"/api/v1/statistics/workforce/{year}?by=occupation_group", None, None),
        ("workforce by level", workforce + "level", f"/api/v1/statistics/workforce/{year}?by=level", None, None),
        ("organisation's postings", f"{o}/postings", "/api/v1/my/postings?per_page=20", enterprise, enterprise_t),
    ]
    pages = [
        ("statistics: demand", "/statistics/demand", None),
        ("statistics: supply", "/statistics/supply", None),
        ("statistics: training", "/statistics/training", None),
        ("statistics: workforce", workforce + "occupation_group", None),
        ("statistics: planned recruitment", f"/statistics/planned-recruitment?year={year}", None),
        ("statistics: forecast", "/statistics/forecast", None),
        ("statistics: indicators", "/statistics/indicators", None),
        ("statistics: matching (staff)", "/statistics/matching", staff),
        ("staff: hub", "/staff", staff),
        ("staff: queue", "/staff/queue", staff),
        ("staff: queue item", f"/staff/queue/{item}", staff),
        ("staff: organisations", "/staff/organisations", staff),
        ("staff: declaration years", "/staff/declaration-years", staff),
        ("staff: indicators", "/staff/indicators", staff),
        ("enterprise: account", "/account", enterprise),
        ("enterprise: organisation", o, enterprise),
        ("enterprise: postings", f"{o}/postings", enterprise),
        ("enterprise: new job", f"{o}/postings/new?kind=job", enterprise),
        ("enterprise: declaration", f"{o}/declarations/{year}", enterprise),
        ("enterprise: applicants", f"/account/postings/{job}/applicants", enterprise),
        ("school: organisation", s, school),
        ("school: postings", f"{s}/postings", school),
        ("school: new course", f"{s}/postings/new?kind=course", school),
        ("school: offers", f"{s}/offers", school),
    ]
    return pairs, pages


def weight(path, cookie=None):
    """Bytes on the wire for the page, its stylesheet and its script, and the page unpacked."""
    status, body, headers = get(path, cookie=cookie)
    html = gzip.decompress(body) if headers.get("content-encoding") == "gzip" else body
    total = len(body)
    for asset in re.findall(rb'(?:href|src)="(/static/[^"]+)"', html):
        _, data, _ = get(asset.decode())
        total += len(data)
    return status, total, len(html)


def lighthouse(url, out_dir, name, cookie=None):
    cli = os.path.join(LIGHTHOUSE_DIR, "node_modules", ".bin", "lighthouse")
    if not os.path.exists(cli):
        base.say(f"   installing lighthouse into {LIGHTHOUSE_DIR} (npm)")
        os.makedirs(LIGHTHOUSE_DIR, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--prefix", LIGHTHOUSE_DIR, "lighthouse@12"], check=True)
    report = os.path.join(out_dir, f"{re.sub(r'[^a-z]+', '-', name)}.json")
    extra = [f"--extra-headers={json.dumps({'Cookie': cookie})}"] if cookie else []
    subprocess.run([cli, url, "--quiet", "--only-categories=performance,accessibility", *extra,
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
               LABOUR_DEMO_PASSWORD=os.environ.get("LABOUR_DEMO_PASSWORD", base.DEMO_PASSWORD),
               LABOUR_ACCESS_TOKEN_TTL_SECS="7200", LABOUR_LOGIN_ATTEMPTS_PER_ADDRESS="100000")
    env.pop("MEILI_URL", None)
    if not args.reuse:
        base.psql(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        base.psql(server_url, f'CREATE DATABASE "{name}"')
        shutil.rmtree(data_dir, ignore_errors=True)
        base.say(f"== seeding {args.jobs} jobs (and a fifth as many courses, a tenth as many needs)")
        base.run([base.BIN, "seed", "--synthetic", str(args.jobs)], env)
        base.run([base.BIN, "reindex"], env)
        base.psql(env["DATABASE_URL"], "DELETE FROM search_outbox")
    load_before = busy()
    base.say(f"   load average {load_before[0]:.1f}, {load_before[1]} compiler processes running")
    server = subprocess.Popen([base.BIN, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                if base.http("GET", "/ready")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        base.say("== signing in as the demo staff member, enterprise member and school member")
        notes = []
        pairs, signed_pages = workspaces(env["LABOUR_DEMO_PASSWORD"], notes)
        for note in notes:
            base.say(f"   {note}")
        searches = [(label, page, api, None, None) for label, page, api in PAIRS]
        for _, page, api_path, cookie, token in searches + pairs:  # warm both paths, check they answer
            status = get(page, cookie=cookie)[0]
            api_status = base.http("GET", api_path, token=token)[0]
            if status != 200 or api_status != 200:
                sys.exit(f"{page} answered {status}, {api_path} {api_status}")
        times = {}
        for title, rows in (("search", searches), ("workspace", pairs)):
            base.say(f"== server time: {title} pages against the JSON they wrap")
            times[title] = []
            for label, page, api_path, cookie, token in rows:
                row = {"label": label}
                headers = [f"Cookie: {cookie}"] if cookie else []
                for c in (1, 16):
                    row[("page", c)] = base.wrk(base.BASE + page, c, args.seconds, headers=headers)
                    row[("api", c)] = base.wrk(base.BASE + api_path, c, args.seconds, token)
                times[title].append(row)
                errors = sum(row[k][3] for k in row if k != "label")
                base.say(f"   {label}: page p99 {row[('page', 1)][1]:.1f} / {row[('page', 16)][1]:.1f} ms, "
                         f"json p99 {row[('api', 1)][1]:.1f} / {row[('api', 16)][1]:.1f} ms (c=1 / c=16)"
                         + (f", {errors} error responses" if errors else ""))
        base.say("== page weight (gzipped, with stylesheet and script)")
        weights = []
        for label, path, cookie in [(label, path, None) for label, path in PAGES] + signed_pages:
            status, total, raw = weight(path, cookie)
            weights.append((label, path, status, total, raw))
            base.say(f"   {label}: {total / 1024:.1f} KB ({raw / 1024:.1f} KB of HTML unpacked), {status}")
        scores = {}
        if not args.no_lighthouse:
            base.say("== lighthouse (mobile)")
            out_dir = tempfile.mkdtemp(prefix="labour-lighthouse-")
            for label, path, cookie in [(label, path, None) for label, path in PAGES] + signed_pages:
                if label in LIGHTHOUSE_PAGES:
                    scores[label] = lighthouse(base.BASE + path, out_dir, label, cookie)
                    s = scores[label]
                    base.say(f"   {label}: accessibility {s['accessibility']}, performance {s['performance']}")
        load_after = busy()
        base.say(f"   load average {load_after[0]:.1f}, {load_after[1]} compiler processes running")
        write(args, times, weights, scores, notes, (load_before, load_after))
    finally:
        server.terminate()
        server.wait(timeout=30)


def time_rows(rows, first):
    lines = [f"| {first} | page c=1 p50 / p99 ms | JSON c=1 p50 / p99 ms | page c=16 p50 / p99 ms | JSON c=16 p50 / p99 ms | p99 ratio c=1 / c=16 | budget 1.5x |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for row in rows:
        cells = []
        for side, c in (("page", 1), ("api", 1), ("page", 16), ("api", 16)):
            p50, p99, _, _ = row[(side, c)]
            cells.append(f"{p50:.1f} / {p99:.1f}")
        r1 = row[("page", 1)][1] / row[("api", 1)][1]
        r16 = row[("page", 16)][1] / row[("api", 16)][1]
        ok = "met" if max(r1, r16) <= BUDGET_RATIO else "missed"
        errors = sum(row[k][3] for k in row if k != "label")
        ok += f" ({errors} error responses)" if errors else ""
        lines.append(f"| {row['label']} | {' | '.join(cells)} | {r1:.2f} / {r16:.2f} | {ok} |")
    return lines


def write(args, times, weights, scores, notes, load):
    today = datetime.date.today().isoformat()
    lines = [f"<!-- scale {args.jobs} -->",
             f"### {args.jobs:,} synthetic jobs (embedded engine), {today}", "",
             f"Machine: {base.cpu()}, {os.cpu_count()} cores. wrk runs of {args.seconds} s per cell, loopback.", ""]
    (before, compilers_before), (after, compilers_after) = load
    lines += [f"Load average (1 min) {before:.1f} when the server started and {after:.1f} at the end; "
              f"{compilers_before} and {compilers_after} compiler processes (rustc, cc, ld, cargo) of "
              "other builds were running then" + (", so the figures are noisy." if compilers_before or compilers_after
                                                   else "."), ""]
    lines += ["Server time of each results page against the JSON search it wraps: the same words, "
              "filters and page size, and the facets the page counts beside its filters (so the "
              "difference is what the page adds: reading the query, labels, rendering the HTML):", ""]
    lines += time_rows(times["search"], "search")
    if times.get("workspace"):
        lines += ["", "Server time of workspace and statistics pages against the JSON they wrap (the same "
                  "page size; signed-in pages with the demo person's session cookie, the JSON with "
                  "their bearer token):", ""]
        lines += time_rows(times["workspace"], "page")
    if notes:
        lines += ["", "Set up for the run, as the demo staff member (`can.bo@`), enterprise member "
                  "(`tuyen.dung@`) and school member (`dao.tao@`) signed in through the form:", ""]
        lines += [f"- {note}" for note in notes]
    lines += ["", "Weight of each page as a phone first loads it (HTML, stylesheet and script, gzipped; "
              "the workspace pages as the demo person named before the colon sees them):", "",
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
    elif "\n## Reading the figures" in text:  # a new scale goes beside the others
        at = text.index("\n## Reading the figures") + 1
        text = text[:at] + section + "\n\n" + text[at:]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    with open(args.out, "w") as f:
        f.write(text)
    base.say(f"written to {args.out}")


if __name__ == "__main__":
    main()
