"""Times the heavy pages against the national data set on PostgreSQL.

    make bench                     # creates/reuses database opcc_bench on 127.0.0.1
    BENCH_RUNS=50 make bench

Loads the national data set once (manage.py generate_national_data), then requests each page
through Django's test client (the whole stack but the network) and prints median and p95, beside
the raw SQL aggregation the dashboard needs, timed on its own as the floor.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/opcc_bench")
RUNS = int(os.environ.get("BENCH_RUNS", "30"))


def create_database():
    """Create the benchmark database if it is missing (trust auth, as on every machine here)."""
    import psycopg
    from psycopg import sql

    server, name = DATABASE.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if found.fetchone() is None:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def setup_django():
    os.environ["DATABASE_URL"] = DATABASE
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.development"
    os.environ["DEBUG"] = "false"  # time what production runs
    os.environ["DEMO_USERS_ALLOWED"] = "true"  # a throwaway benchmark database
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def prepare():
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    call_command("create_demo_users", stdout=open(os.devnull, "w"))  # noqa: SIM115
    from inspections.models import Inspection

    if Inspection.objects.count() <= 3:  # only the demo data so far
        call_command("generate_national_data")
    with connection.cursor() as cursor:
        # Dead rows from earlier runs cleared, as autovacuum does in production (the
        # PostgreSQL on these machines runs without it): index-only scans need it.
        cursor.execute("VACUUM ANALYZE")


def timed(call, runs=RUNS):
    call()  # warm caches and connections
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def measure():
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.db.models import Count
    from django.test import Client

    from forces.models import LocalPolicingBody
    from inspections.models import Finding, Inspection
    from responses.models import Section55Response
    from tracker.queries import tracker_rows

    User = get_user_model()
    admin = User.objects.get(username="admin")
    manager = (
        User.objects.filter(membership__role="manager")
        .exclude(membership__policing_body__slug="norfolk")
        .order_by("pk")
        .first()
    )
    print(
        f"Data: {Inspection.objects.count():,} inspections, {Finding.objects.count():,} findings, "
        f"{Section55Response.objects.count():,} responses, "
        f"{Finding.directed_at.through.objects.count():,} finding-force rows; "
        f"{LocalPolicingBody.objects.count()} offices.  Runs per page: {RUNS}."
    )

    def client_for(user):
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        return client

    def get(client, url):
        def call():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            if response.streaming:
                b"".join(response.streaming_content)

        return call

    def sql_floor(user):
        """The dashboard's two aggregations as raw SQL on a cursor: the least any page needs."""
        office = getattr(getattr(user, "membership", None), "policing_body", None)
        responses = Section55Response.objects.all()
        if office:
            responses = responses.filter(policing_body=office)
        aggregations = [
            responses.with_deadline_state()
            .order_by()
            .values("deadline_state")
            .annotate(n=Count("pk")),
            tracker_rows(user).order_by().values("state").annotate(n=Count("pk")),
        ]
        statements = [q.query.sql_with_params() for q in aggregations]

        def call():
            with connection.cursor() as cursor:
                for sql, params in statements:
                    cursor.execute(sql, params)
                    cursor.fetchall()

        return call

    results = []
    for who, user in [("administrator (all offices)", admin), ("manager (one office)", manager)]:
        client = client_for(user)
        floor = timed(sql_floor(user))
        results.append((f"SQL floor: dashboard aggregations, {who}", *floor, None))
        for label, url in [
            ("dashboard", "/dashboard/"),
            ("tracker list, first page", "/tracker/"),
            ("tracker list, filtered page", "/tracker/?kind=recommendation&state=open&page=2"),
            ("CSV export (whole tracker)", "/tracker/export.csv"),
        ]:
            median, p95 = timed(
                get(client, url), runs=RUNS if "CSV" not in label else max(5, RUNS // 5)
            )
            results.append((f"{label}, {who}", median, p95, median / floor[0]))
    width = max(len(r[0]) for r in results)
    print(f"{'page':<{width}}  median ms   p95 ms   x floor")
    for label, median, p95, ratio in results:
        times = "" if ratio is None else f"{ratio:7.1f}"
        print(f"{label:<{width}}  {median:9.1f}  {p95:7.1f}  {times}")


if __name__ == "__main__":
    create_database()
    setup_django()
    if "--no-prepare" not in sys.argv:
        prepare()
    measure()
