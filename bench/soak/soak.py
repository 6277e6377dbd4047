"""`make soak`: the portal under gunicorn for a few minutes of mixed reads and writes by logged-in users.

1. Creates a scratch database (`soak_<pid>`) on the same PostgreSQL server, migrates it and loads the demo data,
   plus per wrk thread a secretariat user, a participant user and an action of the participant's organisation,
   and a meeting with draft minutes (bench/soak/prepare.py).
2. Serves it with gunicorn as in production (coordination/gunicorn.conf.py, DEBUG off; plain HTTP, so
   SECURE_SSL_REDIRECT and SECURE_COOKIES are off), with an access log.
3. Logs every user in through the login form, then drives wrk (bench/soak/soak.lua) for SOAK_SECONDS: 3 reads of
   the main pages for every write (decisions by the secretariat, action status updates by the participants, with
   CSRF token and cookie).
4. Counts 5xx answers (wrk and the access log) and checks every acknowledged write (302) is in the database;
   after each acknowledged action update the action's page must show it at once (no stale page replayed).
   Exits 1 on any 5xx, any lost write, any stale read or any unexpected answer. Writes var/soak/report.json.

Usage: python bench/soak/soak.py [--seconds 180] [--threads 4] [--port 8110] [--keep]
"""

import argparse
import http.cookiejar
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SOAK_DIR = BASE_DIR / "var" / "soak"
PYTHON = sys.executable
PASSWORD = secrets.token_urlsafe(16)


def log(message):
    print(f"[soak {time.strftime('%H:%M:%S')}] {message}", flush=True)


def server_url():
    """The PostgreSQL server's URL: DATABASE_URL, or the embedded server (started if needed)."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    sys.path.insert(0, str(BASE_DIR))
    from coordination.operations.embedded_postgres import database_url

    return database_url()


def with_database(url, name):
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def admin_sql(url, statement):
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(statement)


def manage(env, *args, attempts=1):
    for attempt in range(1, attempts + 1):
        result = subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True)
        if result.returncode == 0:
            return result
        log(f"manage.py {' '.join(args)} failed (attempt {attempt}): {result.stderr.strip()[-2000:]}")
        time.sleep(5)
    raise RuntimeError(f"manage.py {' '.join(args)} failed")


def wait_until_up(base, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer /healthz")


def login(base, username, session_cookie, csrf_cookie):
    """Log in through the real login form; return the session and CSRF cookie values."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(base + "/accounts/login/", timeout=10).read()
    csrf = next(cookie.value for cookie in jar if cookie.name == csrf_cookie)
    data = urllib.parse.urlencode({"username": username, "password": PASSWORD, "csrfmiddlewaretoken": csrf}).encode()
    request = urllib.request.Request(base + "/accounts/login/", data=data, headers={"Referer": base + "/"})
    with opener.open(request, timeout=10) as response:
        if response.url.rstrip("/").endswith("/accounts/login"):
            raise RuntimeError(f"login failed for {username}")
    cookies = {cookie.name: cookie.value for cookie in jar}
    return cookies[session_cookie], cookies[csrf_cookie]


def lua_value(value):
    if isinstance(value, dict):
        return "{" + ", ".join(f"[{lua_value(k)}] = {lua_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "{" + ", ".join(lua_value(v) for v in value) + "}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value))  # a JSON string is a valid Lua string for these ASCII values


def count_access_log(path):
    statuses = Counter()
    pattern = re.compile(r'" (\d{3}) ')
    for line in path.read_text().splitlines():
        match = pattern.search(line)
        if match:
            statuses[match.group(1)] += 1
    return statuses


def verify_writes(env, run, threads):
    """Every acknowledged write must be in the database; nothing may appear that was never sent."""
    script = f"""
import json, django
django.setup()
from meetings.models import ActionItem, ActionUpdate, Decision
texts = list(Decision.objects.filter(text__startswith="soak-{run}-").values_list("text", flat=True))
updates = list(ActionUpdate.objects.filter(note__startswith="soak-{run}-").values_list("note", flat=True))
versions = dict(ActionItem.objects.filter(title__startswith="Soak follow-up").values_list("pk", "version"))
print(json.dumps({{"decisions": texts, "updates": updates, "versions": versions}}))
"""
    result = subprocess.run([PYTHON, "-c", script], cwd=BASE_DIR, env=env, check=True, capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("SOAK_SECONDS", "180")))
    parser.add_argument("--threads", type=int, default=int(os.environ.get("SOAK_THREADS", "4")))
    parser.add_argument("--port", type=int, default=int(os.environ.get("SOAK_PORT", "8110")))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "3")))
    parser.add_argument("--write-every", type=int, default=4, help="one write per N requests")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database afterwards")
    args = parser.parse_args(argv)

    if not shutil.which("wrk"):
        log("wrk is missing: install it with `apt-get install wrk` (Debian) and run again")
        return 2
    SOAK_DIR.mkdir(parents=True, exist_ok=True)
    run = time.strftime("%Y%m%d%H%M%S")
    base_url = server_url()
    database = f"soak_{os.getpid()}"
    soak_url = with_database(base_url, database)
    env = {
        **os.environ,
        "DATABASE_URL": soak_url,
        "DJANGO_SETTINGS_MODULE": "coordination.settings",
        "DEBUG": "False",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "False",
        "SECURE_COOKIES": "False",
        # gunicorn refuses to start while the deploy check fails: plain HTTP is the one knowingly weakened setting.
        "SILENCED_SYSTEM_CHECKS": "security.W012,security.W016",
        "PORTAL_BASE_URL": f"http://127.0.0.1:{args.port}",
        "AXES_FAILURE_LIMIT": "50",
        "PORT": str(args.port),
        "HOST": "127.0.0.1",
        "WEB_CONCURRENCY": str(args.workers),
        "GUNICORN_ACCESS_LOG": str(SOAK_DIR / f"access-{run}.log"),
        "GUNICORN_LOG_LEVEL": "warning",
        "SOAK_RESULT": str(SOAK_DIR / f"wrk-{run}.json"),
    }
    base = f"http://127.0.0.1:{args.port}"
    log(f"scratch database {database}")
    admin_sql(base_url, f'CREATE DATABASE "{database}"')
    gunicorn = None
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "createcachetable")
        # Another process (the benchmark) may be collecting at the same moment: try again then.
        manage(env, "collectstatic", "--noinput", attempts=3)
        prepared = subprocess.run(
            [PYTHON, "bench/soak/prepare.py", str(args.threads), PASSWORD],
            cwd=BASE_DIR,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        world = json.loads(prepared.stdout.strip().splitlines()[-1])
        log(f"serving on {base} with {args.workers} gunicorn workers")
        gunicorn = subprocess.Popen(
            [str(Path(PYTHON).parent / "gunicorn"), "-c", "coordination/gunicorn.conf.py"], cwd=BASE_DIR, env=env
        )
        wait_until_up(base, gunicorn)

        threads = []
        for thread in world["threads"]:
            secretariat_session, secretariat_csrf = login(base, thread["secretariat"], "sessionid", "csrftoken")
            participant_session, participant_csrf = login(base, thread["participant"], "sessionid", "csrftoken")
            threads.append(
                {
                    **thread,
                    "secretariat_session": secretariat_session,
                    "secretariat_csrf": secretariat_csrf,
                    "participant_session": participant_session,
                    "participant_csrf": participant_csrf,
                }
            )
        config = {
            "run": run,
            "origin": base,
            "session_cookie": "sessionid",
            "csrf_cookie": "csrftoken",
            "write_every": args.write_every,
            "decision_path": world["decision_path"],
            "reads": world["reads"],
            "threads": threads,
        }
        config_path = SOAK_DIR / f"config-{run}.lua"
        config_path.write_text("return " + lua_value(config) + "\n")
        config_path.chmod(0o600)
        log(f"wrk: {args.threads} users x 2 roles, {args.seconds} s, reads {len(world['reads'])} pages")
        wrk = subprocess.run(
            [
                "wrk",
                "-t",
                str(args.threads),
                "-c",
                str(args.threads),
                "-d",
                f"{args.seconds}s",
                "--timeout",
                "10s",
                "--latency",
                "-s",
                str(BASE_DIR / "bench" / "soak" / "soak.lua"),
                base,
                "--",
                str(config_path),
            ],
            cwd=BASE_DIR,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        (SOAK_DIR / f"wrk-{run}.txt").write_text(wrk.stdout)
        result = json.loads(Path(env["SOAK_RESULT"]).read_text())
        if gunicorn is not None:
            gunicorn.send_signal(signal.SIGTERM)  # graceful: requests in flight finish first
            gunicorn.wait(timeout=30)
        stored = verify_writes(env, run, threads)
    finally:
        if gunicorn is not None and gunicorn.poll() is None:
            gunicorn.send_signal(signal.SIGTERM)
            gunicorn.wait(timeout=30)
        if not args.keep:
            admin_sql(base_url, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    per_thread = list(result["threads"].values())
    total = {
        key: sum(t[key] for t in per_thread)
        for key in (
            "requests",
            "reads",
            "reads_ok",
            "five_xx",
            "unexpected",
            "decisions_sent",
            "decisions_acked",
            "actions_sent",
            "actions_acked",
            "fresh_reads",
            "stale_reads",
        )
    }
    statuses = Counter()
    for thread in per_thread:
        statuses.update(
            {code: int(count) for code, count in (part.split("=") for part in thread["statuses"].split(",") if part)}
        )
    unexpected_paths = sorted(
        {path for thread in per_thread for path in thread["unexpected_paths"].split("; ") if path}
    )
    access = count_access_log(Path(env["GUNICORN_ACCESS_LOG"]))
    access_5xx = sum(count for status, count in access.items() if status.startswith("5"))
    non_2xx_3xx = re.search(r"Non-2xx or 3xx responses: (\d+)", wrk.stdout)
    socket_errors = re.search(r"Socket errors: (.*)", wrk.stdout)

    decisions_stored = len(stored["decisions"])
    updates_stored = len(stored["updates"])
    lost_decisions = max(0, total["decisions_acked"] - decisions_stored)
    lost_updates = max(0, total["actions_acked"] - updates_stored)
    # Each action's version counts its updates: at least the acknowledged ones, at most one more (a request
    # in flight when wrk stopped may be committed without its answer being read: not lost, just unacknowledged).
    version_mismatches = [
        thread["action"]
        for index, thread in enumerate(threads, start=1)
        if not 0 <= stored["versions"][str(thread["action"])] - result["threads"][str(index)]["final_version"] <= 1
    ]
    in_flight = (decisions_stored - total["decisions_acked"]) + (updates_stored - total["actions_acked"])
    invented = max(0, decisions_stored - total["decisions_sent"]) + max(0, updates_stored - total["actions_sent"])
    report = {
        "run": run,
        "seconds": args.seconds,
        "users": 2 * args.threads,
        "gunicorn_workers": args.workers,
        "requests": result["summary"]["requests"],
        "requests_per_second": round(result["summary"]["requests"] / (result["summary"]["duration_us"] / 1e6), 1),
        "latency_ms": {p: round(result["summary"][f"latency_{p}_us"] / 1000, 1) for p in ("p50", "p95", "p99", "max")},
        "statuses": dict(sorted(statuses.items())),
        "five_xx_wrk": total["five_xx"],
        "five_xx_access_log": access_5xx,
        "access_log_statuses": dict(sorted(access.items())),
        "wrk_non_2xx_3xx": int(non_2xx_3xx.group(1)) if non_2xx_3xx else 0,
        "wrk_socket_errors": socket_errors.group(1) if socket_errors else "none",
        "unexpected_answers": total["unexpected"],
        "unexpected_reads": unexpected_paths[:20],
        "reads_after_own_write": {"showed_it": total["fresh_reads"], "stale": total["stale_reads"]},
        "writes": {
            "decisions_sent": total["decisions_sent"],
            "decisions_acknowledged": total["decisions_acked"],
            "decisions_in_database": decisions_stored,
            "action_updates_sent": total["actions_sent"],
            "action_updates_acknowledged": total["actions_acked"],
            "action_updates_in_database": updates_stored,
            "action_versions_wrong": version_mismatches,
            "committed_but_unanswered_at_stop": in_flight,
            "never_sent_but_stored": invented,
        },
        "lost_writes": lost_decisions + lost_updates + len(version_mismatches) + invented,
    }
    (SOAK_DIR / "report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    failed = (
        report["five_xx_wrk"]
        or report["five_xx_access_log"]
        or report["lost_writes"]
        or report["unexpected_answers"]
        or total["stale_reads"]
        or report["wrk_socket_errors"] != "none"
    )
    log("FAILED" if failed else "OK: no 5xx, no lost writes")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
