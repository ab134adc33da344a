"""Times the PDF letters: the Norfolk response to the eastern SOC report (14 AFIs in the report)
and a response with 40 findings and long texts. Median of several renders after one warm-up.

    make bench-letters            # BENCH_RUNS=10 by default; uses a throwaway SQLite database
"""

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_RUNS", "10"))


def main():
    database = Path(tempfile.mkdtemp()) / "letters.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.development"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115

    from pypdf import PdfReader

    from letters.pdf import render_pdf
    from responses.models import Section55Response

    eastern = Section55Response.objects.select_related("inspection", "policing_body").get(
        inspection__slug="eastern-soc-2021-22", policing_body__slug="norfolk"
    )
    long_letter = forty_finding_response()
    print(f"Runs per letter: {RUNS} (after one warm-up render).")
    print(f"{'letter':<48} pages  median s   min s   max s")
    for label, response in [
        ("eastern SOC (14 AFIs in the report)", eastern),
        ("40 findings, long texts", long_letter),
    ]:
        render_pdf(response)
        samples, size = [], 0
        for _ in range(RUNS):
            start = time.perf_counter()
            pdf = render_pdf(response)
            samples.append(time.perf_counter() - start)
            size = len(pdf)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        print(
            f"{label:<48} {pages:5}  {statistics.median(samples):8.2f}  {min(samples):6.2f}"
            f"  {max(samples):6.2f}   ({size // 1024} KB)"
        )


def forty_finding_response():
    import datetime

    from forces.models import Body, LocalPolicingBody
    from inspections.models import Finding, Inspection
    from responses.models import FindingResponse, Section55Response

    norfolk = Body.objects.get(short_name="Norfolk")
    inspection = Inspection.objects.create(
        slug="bench-long",
        title="A long thematic report",
        programme="thematic",
        publication_date=datetime.date(2026, 1, 5),
    )
    inspection.bodies.set([norfolk])
    response = Section55Response.objects.create(
        inspection=inspection,
        policing_body=LocalPolicingBody.objects.get(slug="norfolk"),
        general_comment="Opening remarks. " * 150,
        conclusion="Closing remarks. " * 80,
    )
    for n in range(1, 41):
        finding = Finding.objects.create(
            inspection=inspection,
            kind="area_for_improvement",
            number=n,
            order=n,
            text=f"The force should improve area {n} of its work with partners.",
            detail="The report explains the finding. " * 30,
        )
        finding.directed_at.set([norfolk])
        FindingResponse.objects.create(
            response=response,
            finding=finding,
            chief_constable_response="We accept this and are acting on it. " * 25,
            office_comment="I will scrutinise progress at accountability meetings. " * 20,
        )
    return Section55Response.objects.select_related("inspection", "policing_body").get(
        pk=response.pk
    )


if __name__ == "__main__":
    main()
