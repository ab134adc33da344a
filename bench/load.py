"""Load test on loopback: gunicorn with production settings, PostgreSQL holding the national
data set, and locust driving signed-in office staff. Bounded in time and requests; stops itself.

    make load                     # 12 users, at most 6,000 requests or 90 seconds
    LOAD_USERS=60 LOAD_REQUESTS=10000 LOAD_SECONDS=120 make load

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

    from accounts.access import EDITABLE_STATUSES
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
        token, _ = Token.objects.get_or_create(user=user)
        users.append(
            {
                "username": user.username,
                "token": token.key,
                "rows": rows,
                "responses": responses,
                "inspections": inspections,
            }
        )
    path.write_text(json.dumps({"password": PASSWORD, "users": users}))
    return users


def saved_versions(rows):
    from responses.models import FindingResponse

    ids = [row["id"] for row in rows]
    return sum(FindingResponse.objects.filter(pk__in=ids).values_list("version", flat=True))


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
    all_rows = [row for user in users for row in user["rows"]]
    before = saved_versions(all_rows)
    print(f"{len(users)} office users, {len(all_rows)} finding responses to write to.")

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
        started = time.perf_counter()
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
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    stats = report(work / "load_stats.csv")
    writes = stats.get("save finding response (API)")
    accepted = int(writes["Request Count"]) - int(writes["Failure Count"]) if writes else 0
    saved = saved_versions(all_rows) - before
    total = stats["Aggregated"]
    reads = sum(
        float(row["Requests/s"])
        for name, row in stats.items()
        if name not in ("Aggregated", "save finding response (API)")
    )
    sign_in = json.loads(sign_in_path.read_text()) if sign_in_path.exists() else None
    if sign_in is None:
        raise SystemExit("The users never all signed in; see the server log.")
    print(
        f"\nSign-in: {sign_in['users']} users at once in {sign_in['seconds']:.1f} s "
        f"(median {sign_in['median_ms']:.0f} ms, slowest {sign_in['max_ms']:.0f} ms), "
        f"{sign_in['errors']} errors; the figures above start after it."
    )
    print(
        f"Ran {elapsed - sign_in['seconds']:.0f} s of work with {len(users)} users and {WORKERS} "
        f"gunicorn workers: {total['Request Count']} requests ({float(total['Requests/s']):.1f}"
        f" a second, {reads:.1f} of them reads), {total['Failure Count']} errors."
    )
    # A write still in flight when locust stops is saved but never counted as accepted.
    in_flight, lost = max(0, saved - accepted), max(0, accepted - saved)
    print(
        f"Writes accepted: {accepted}; saved in the database: {saved} "
        f"({in_flight} in flight when the run stopped); lost: {lost}."
    )
    if saved < accepted or saved - accepted > len(users):
        raise SystemExit("The saved rows do not match the accepted writes.")
    if int(total["Failure Count"]) or sign_in["errors"]:
        raise SystemExit("Some requests failed.")


if __name__ == "__main__":
    main()
