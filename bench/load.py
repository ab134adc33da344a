"""Load test on loopback: gunicorn with production settings, PostgreSQL holding the national
data set, and locust driving signed-in office staff. Bounded in time and requests; stops itself.

    make load                     # 12 users, at most 6,000 requests or 90 seconds
    LOAD_USERS=60 LOAD_REQUESTS=10000 LOAD_SECONDS=120 make load
    LOAD_LETTER_EDITS=1 make load # also save the responses' own text, 1 request in 61

Prints throughput, p50/p95/p99 and errors for reads and writes, then checks that every write
the server accepted is in the database (saved rows counted against accepted requests).
"""

import csv
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pages  # noqa: E402 - the benchmark database and national data set

ROOT = pages.ROOT
USERS = int(os.environ.get("LOAD_USERS", "12"))
REQUESTS = int(os.environ.get("LOAD_REQUESTS", "6000"))
SECONDS = int(os.environ.get("LOAD_SECONDS", "90"))
WORKERS = int(os.environ.get("LOAD_WORKERS", "4"))
PORT = int(os.environ.get("LOAD_PORT", "8010"))
PASSWORD = "load-test-password"  # noqa: S105 - a throwaway benchmark database


def make_plan(path):
    """One entry per office member who has an editable response: sign-in, token, rows to write."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from rest_framework.authtoken.models import Token

    from responses.choices import EDITABLE_STATUSES
    from responses.models import FindingResponse, Section55Response

    User = get_user_model()
    editable = (
        Section55Response.objects.filter(status__in=EDITABLE_STATUSES)
        .filter(finding_responses__isnull=False)
        .values_list("policing_body_id", flat=True)
        .distinct()
    )
    staff = list(
        User.objects.filter(username__startswith="staff.", membership__policing_body__in=editable)
        .select_related("membership")
        .order_by("pk")[:USERS]
    )
    User.objects.filter(pk__in=[u.pk for u in staff]).update(password=make_password(PASSWORD))
    users = []
    for user in staff:
        office = user.membership.policing_body_id
        responses = list(
            Section55Response.objects.filter(policing_body_id=office).values_list("pk", flat=True)
        )
        rows = list(
            FindingResponse.objects.filter(
                response__policing_body_id=office, response__status__in=EDITABLE_STATUSES
            ).values("id", "version")[:20]
        )
        inspections = list(
            Section55Response.objects.filter(policing_body_id=office).values_list(
                "inspection__slug", flat=True
            )
        )
        letters = list(
            Section55Response.objects.filter(
                policing_body_id=office, status__in=EDITABLE_STATUSES
            ).values("id", "version")[:5]
        )
        token, _ = Token.objects.get_or_create(user=user)
        users.append(
            {
                "username": user.username,
                "token": token.key,
                "rows": rows,
                "letters": letters,
                "responses": responses,
                "inspections": inspections,
            }
        )
    path.write_text(json.dumps({"password": PASSWORD, "users": users}))
    return users


def saved_versions(users):
    """The versions of every row the users write to, summed by kind: each accepted save adds
    one."""
    from responses.models import FindingResponse, Section55Response

    totals = {}
    for model, key, name in (
        (FindingResponse, "rows", "save finding response (API)"),
        (Section55Response, "letters", "save response text (API)"),
    ):
        ids = [row["id"] for user in users for row in user[key]]
        totals[name] = sum(model.objects.filter(pk__in=ids).values_list("version", flat=True))
    return totals


def fragments_rendered():
    """Rows in the shared fragment table: each is a fragment rendered during the run (the run
    starts with it empty, and nothing expires within it)."""
    from django.conf import settings
    from django.db import connection

    from core import fragments

    table = connection.ops.quote_name(settings.CACHES[fragments.SHARED]["LOCATION"])
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608
        return cursor.fetchone()[0]


def serve(env, log):
    subprocess.run(
        [str(ROOT / ".venv/bin/python"), "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "config.wsgi",
            "-c",
            "config/gunicorn.py",
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=env,
        # The access log (one JSON line a request) goes to a file, not over the figures.
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    for _ in range(60):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=2):
                return server
        except OSError:
            time.sleep(1)
    server.terminate()
    raise SystemExit("gunicorn did not answer /healthz")


def report(stats_csv):
    rows = list(csv.DictReader(open(stats_csv)))  # noqa: SIM115
    print(f"\n{'request':<30}{'count':>8}{'errors':>8}{'req/s':>8}{'p50':>7}{'p95':>7}{'p99':>7}")
    for row in rows:
        print(
            f"{row['Name'][:29]:<30}{row['Request Count']:>8}{row['Failure Count']:>8}"
            f"{float(row['Requests/s']):>8.1f}{row['50%']:>7}{row['95%']:>7}{row['99%']:>7}"
        )
    return {row["Name"]: row for row in rows}


def main():
    pages.create_database()
    pages.setup_django()
    pages.prepare()
    from core import fragments

    fragments.clear()  # every run starts cold: nothing rendered by an earlier one
    work = Path(tempfile.mkdtemp())
    plan_path = work / "plan.json"
    users = make_plan(plan_path)
    before = saved_versions(users)
    rows = sum(len(user["rows"]) for user in users)
    letters = sum(len(user["letters"]) for user in users)
    print(
        f"{len(users)} office users, {rows} finding responses and {letters} responses to write to."
    )

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "DATABASE_URL": pages.DATABASE,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback
        "SECURE_COOKIES": "false",
        "DEBUG": "false",
        "BIND": f"127.0.0.1:{PORT}",
        "WEB_CONCURRENCY": str(WORKERS),
        "LOG_LEVEL": "WARNING",
        "AXES_FAILURE_LIMIT": "1000",
    }
    sign_in_path = work / "sign_in.json"
    server_log = work / "server.log"
    print(f"Server log: {server_log}")
    server = serve(env, server_log.open("w"))
    try:
        subprocess.run(
            [
                str(ROOT / ".venv/bin/locust"),
                "-f",
                str(ROOT / "bench/locustfile.py"),
                "--headless",
                "--host",
                f"http://127.0.0.1:{PORT}",
                "-u",
                str(len(users)),
                "-r",
                str(len(users)),
                "--run-time",
                f"{SECONDS}s",
                "--csv",
                str(work / "load"),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            env={
                **os.environ,
                "LOAD_PLAN": str(plan_path),
                "LOAD_REQUESTS": str(REQUESTS),
                "LOAD_SIGN_IN": str(sign_in_path),
            },
            check=False,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    stats = report(work / "load_stats.csv")
    total = stats["Aggregated"]
    rate = float(total["Requests/s"])
    writes = [name for name in before if name in stats]
    reads = sum(
        float(row["Requests/s"])
        for name, row in stats.items()
        if name not in writes + ["Aggregated"]
    )
    sign_in = json.loads(sign_in_path.read_text()) if sign_in_path.exists() else None
    if sign_in is None:
        raise SystemExit("The users never all signed in; see the server log.")
    print(
        f"\nSign-in: {sign_in['users']} users at once in {sign_in['seconds']:.1f} s "
        f"(median {sign_in['median_ms']:.0f} ms, slowest {sign_in['max_ms']:.0f} ms), "
        f"{sign_in['errors']} errors; the figures above start after it."
    )
    # Locust's own clock: its request rate is over the time since its figures started again.
    print(
        f"{total['Request Count']} requests in {int(total['Request Count']) / rate:.0f} s of work "
        f"with {len(users)} users and {WORKERS} gunicorn workers: {rate:.1f} a second, "
        f"{reads:.1f} of them reads; {total['Failure Count']} errors."
    )
    cached_views = sum(
        int(stats[name]["Request Count"])
        for name in (
            "dashboard",
            "tracker list",
            "inspection list",
            "inspection page",
            "response list",
        )
        if name in stats
    )
    rendered = fragments_rendered()
    print(
        f"Page views with a cached part: {cached_views}; parts rendered: {rendered} "
        f"({rendered / max(cached_views, 1):.0%}); the rest came from a cache."
    )
    after = saved_versions(users)
    failed = False
    for name in writes:
        row = stats.get(name)
        accepted = int(row["Request Count"]) - int(row["Failure Count"]) if row else 0
        saved = after[name] - before[name]
        # A write still in flight when locust stops is saved but never counted as accepted.
        in_flight, lost = max(0, saved - accepted), max(0, accepted - saved)
        print(
            f"{name}: accepted {accepted}; saved in the database {saved} "
            f"({in_flight} in flight when the run stopped); lost {lost}."
        )
        failed |= saved < accepted or saved - accepted > len(users)
    if failed:
        raise SystemExit("The saved rows do not match the accepted writes.")
    if int(total["Failure Count"]) or sign_in["errors"]:
        raise SystemExit("Some requests failed.")


if __name__ == "__main__":
    main()
