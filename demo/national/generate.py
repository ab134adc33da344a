"""A realistic, deterministic national data set for load and benchmark tests.

``generate(seed, scale)`` (``manage.py generate_national_data``) creates about 3,000 inspection
reports published 2011-2025 on the 43 forces and 9 ROCUs of the reference data, about 40,000
findings, about 6,000 Section 55 responses with their answers, checklists and history, and a
staff and a manager user for each local policing body.

How it works:

- ``build_plan`` lists every report (slug, title, date, bodies covered, what kind of content) from
  ``random.Random(seed)``; ``--scale`` then keeps that share of each programme's reports.
- Each report's content comes from its own generator, seeded with the seed and the report's slug
  (reports.py, responses.py), so a report reads the same whichever
  other reports a scale keeps. Only the ``repeats`` links depend on which earlier reports exist.
- Reports are written one publication year at a time with bulk inserts, so a finding can repeat
  one from an earlier year and memory stays bounded. Everything runs in one transaction.
- Slugs follow the demo data's pattern, so a generated report that the demo data already holds
  (the Norfolk PEEL reports, the eastern SOC report) is skipped, like any slug already present.
"""

import datetime as dt
import random
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from accounts.choices import Role
from accounts.models import Membership
from accounts.roles import role_group
from demo.national import words
from demo.national.reports import ReportBuilder
from demo.national.responses import ResponseWriter
from forces.models import Body, LocalPolicingBody
from inspections.choices import DatePrecision, FindingKind, GradeScale, Inspectorate, Programme
from inspections.models import Finding, GradedJudgement, Inspection

BATCH_SIZE = 2000
LAST_YEAR = 2025
HMICFRS_FROM = dt.date(2017, 7, 19)  # HMIC became HMICFRS
THEMATICS_PER_YEAR = 20
FORCE_REPORTS_RATE = 0.65  # share of sample thematics that also publish a report per force
REGION_ADJECTIVES = {
    "North East": "north-east",
    "North West": "north-west",
    "Yorkshire and the Humber": "Yorkshire and the Humber",
    "East Midlands": "East Midlands",
    "West Midlands": "West Midlands",
    "East of England": "eastern",
    "South East": "south-east",
    "South West": "south-west",
    "Wales": "southern Wales",
}
# (programme year, pillar, publication window: year, first month, last month)
PILLAR_SCHEDULE = [
    (2014, "efficiency", (2014, 10, 11)),
    (2014, "legitimacy", (2015, 2, 2)),
    (2014, "effectiveness", (2015, 2, 3)),
    (2015, "efficiency", (2015, 10, 10)),
    (2015, "legitimacy", (2016, 2, 2)),
    (2015, "effectiveness", (2016, 2, 3)),
    (2015, "leadership", (2016, 2, 2)),
    (2016, "efficiency", (2016, 11, 11)),
    (2016, "legitimacy", (2016, 12, 12)),
    (2016, "leadership", (2016, 12, 12)),
    (2016, "effectiveness", (2017, 3, 4)),
    (2017, "efficiency", (2017, 11, 11)),
    (2017, "legitimacy", (2017, 12, 12)),
    (2017, "effectiveness", (2018, 3, 3)),
]
PEEL = "Police effectiveness, efficiency and legitimacy"


@dataclass
class Plan:
    """One report to create."""

    slug: str
    title: str
    programme: str
    year_label: str
    published: dt.date
    profile: str  # what content: see ReportBuilder
    bodies: list  # the forces and ROCUs covered, ROCU first
    topics: list = field(default_factory=list)
    questions: list = field(default_factory=list)  # [(question, topics)] graded on grade_scale
    grade_scale: str = ""
    overall: str = ""  # the overall question, if graded
    publication_types: str = ""
    precision: str = DatePrecision.DAY


@dataclass
class Reference:
    forces: list
    rocus: list
    members: dict  # ROCU pk -> member forces

    @classmethod
    def load(cls):
        rocus = list(Body.objects.rocus().prefetch_related("members").order_by("name"))
        return cls(
            forces=list(Body.objects.forces().order_by("name")),
            rocus=rocus,
            members={r.pk: sorted(r.members.all(), key=lambda b: b.name) for r in rocus},
        )


# --- The plan: which reports ---------------------------------------------------------------------


def _slug(force):
    return slugify(force.short_name)  # as the demo data's slugs: peel-2021-22-norfolk


def _weekday(day):
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def _day(rng, year, first_month=1, last_month=12):
    return _weekday(dt.date(year, rng.randint(first_month, last_month), rng.randint(1, 28)))


def _tranches(rng, year, first_month, last_month, forces):
    """Reports of a per-force series come out on a few days: force -> publication day."""
    days = sorted({_day(rng, year, first_month, last_month) for _ in range(rng.randint(2, 4))})
    return {force.pk: rng.choice(days) for force in forces}


def build_plan(ref, seed):
    """Every report of the full data set, oldest first (pure: reads only ``ref``)."""
    rng = random.Random(seed)
    plans = []
    for key, year, programme, topics, title in words.FORCE_SERIES:
        days = _tranches(rng, year, 3, 11, ref.forces)
        for f in ref.forces:
            plans.append(
                Plan(f"{key}-{year}-{_slug(f)}", title.format(force=f.name), programme, str(year),
                     days[f.pk], "legacy", [f], topics=topics.split())
            )  # fmt: skip
    for year, pillar, window in PILLAR_SCHEDULE:
        days = _tranches(rng, *window, ref.forces)
        for f in ref.forces:
            plans.append(
                Plan(
                    f"peel-{year}-{_slug(f)}-{pillar}",
                    f"PEEL: Police {pillar} {year}, An inspection of {f.name}",
                    Programme.PEEL,
                    str(year),
                    days[f.pk],
                    "pillar",
                    [f],
                    questions=words.PILLAR_QUESTIONS[pillar],
                    grade_scale=GradeScale.FOUR_TIER if pillar != "leadership" else "",
                    overall=words.PILLAR_OVERALL.get(pillar, ""),
                    publication_types=f"Police {pillar}",
                )
            )
    days = _tranches(rng, 2019, 5, 12, ref.forces)
    for f in ref.forces:
        plans.append(
            Plan(f"peel-2018-19-{_slug(f)}", f"PEEL: {PEEL} 2018/19 – An inspection of {f.name}",
                 Programme.PEEL, "2018/19", days[f.pk], "pillar", [f],
                 questions=words.PEEL_2018_QUESTIONS, grade_scale=GradeScale.FOUR_TIER,
                 publication_types=PEEL)
        )  # fmt: skip
    # Continuous assessment from 2021/22: one report per force every two years.
    for slug_year, label, first_year in [
        ("2021-22", "2021/22", 2022),
        ("2023-25", "2023–25", 2024),
    ]:
        for f in ref.forces:
            plans.append(
                Plan(
                    f"peel-{slug_year}-{_slug(f)}",
                    f"PEEL {label}: {PEEL} – An inspection of {f.name}",
                    Programme.PEEL,
                    label,
                    _day(rng, first_year + rng.randint(0, 1)),
                    "peel5",
                    [f],
                    questions=words.PEEL_AREAS,
                    grade_scale=GradeScale.FIVE_TIER,
                    publication_types=PEEL,
                )
            )
    plans += _soc_plans(rng, ref)
    plans += _rolling_plans(rng, ref)
    plans += _thematic_plans(rng, ref)
    for plan in plans:
        if plan.published < dt.date(2016, 1, 1) and rng.random() < 0.25:
            plan.precision = DatePrecision.MONTH
            plan.published = plan.published.replace(day=1)
    return sorted(plans, key=lambda p: (p.published, p.slug))


def _soc_plans(rng, ref):
    plans = []
    for slug_year, label, first_year in [
        ("2021-22", "2021/22", 2022),
        ("2023-25", "2023–25", 2024),
    ]:
        for rocu in ref.rocus:
            adjective = REGION_ADJECTIVES[rocu.region.name]
            plans.append(
                Plan(
                    f"{slugify(adjective)}-soc-{slug_year}",
                    f"PEEL {label}: An inspection of the {adjective} regional response to "
                    "serious and organised crime",
                    Programme.SOC_REGIONAL,
                    label,
                    _day(rng, first_year + rng.randint(0, 1)),
                    "soc",
                    [rocu, *ref.members[rocu.pk]],
                    grade_scale=GradeScale.FIVE_TIER,
                    publication_types=(
                        "PEEL, Regional Organised Crime Units and Serious and organised crime"
                    ),
                )
            )
    return plans


def _rolling_plans(rng, ref):
    """Custody visits, crime data integrity, joint child protection inspections."""
    plans = []
    for force in ref.forces:
        year = 2011 + rng.randint(0, 2)
        while year <= LAST_YEAR:
            plans.append(
                Plan(
                    f"custody-{year}-{_slug(force)}",
                    "Report on an unannounced inspection visit to police custody suites in "
                    f"{force.short_name}",
                    Programme.CUSTODY,
                    str(year),
                    _day(rng, year),
                    "custody",
                    [force],
                    topics=["custody"],
                    publication_types="Custody, Joint inspections",
                )
            )
            year += rng.randint(2, 4)
        cdi_year = rng.randint(2016, 2019)
        plans.append(
            Plan(
                f"crime-data-integrity-{cdi_year}-{_slug(force)}",
                f"Crime data integrity inspection {cdi_year}: {force.name}",
                Programme.CRIME_DATA_INTEGRITY,
                str(cdi_year),
                _day(rng, cdi_year),
                "cdi",
                [force],
                topics=["crime_recording"],
                grade_scale=GradeScale.FOUR_TIER,
                overall="Crime recording",
                publication_types="Crime data integrity",
            )
        )
        if rng.random() < 0.5:
            year = rng.randint(2020, 2021)
            plans.append(
                Plan(
                    f"crime-data-integrity-{year}-{_slug(force)}-reinspection",
                    f"Crime data integrity: re-inspection of {force.name}",
                    Programme.CRIME_DATA_INTEGRITY,
                    str(year),
                    _day(rng, year),
                    "cdi",
                    [force],
                    topics=["crime_recording"],
                    publication_types="Crime data integrity",
                )
            )
    forces = ref.forces[:]
    rng.shuffle(forces)
    for i, force in enumerate(forces):  # national child protection inspections, 2014-2019
        year = 2014 + i % 6
        plans.append(
            Plan(
                f"national-child-protection-{year}-{_slug(force)}",
                f"National child protection inspection: {force.name}",
                Programme.THEMATIC,
                str(year),
                _day(rng, year),
                "ncpi",
                [force],
                topics=["child_protection", "missing"],
                publication_types="Child protection",
            )
        )
    for year in range(2016, LAST_YEAR + 1):  # joint targeted area inspections
        for force in sorted(rng.sample(ref.forces, 14), key=lambda f: f.name):
            plans.append(
                Plan(
                    f"jtai-{year}-{_slug(force)}",
                    "Joint targeted area inspection of the multi-agency response to "
                    f"{rng.choice(words.JTAI_THEMES)} in {force.short_name}",
                    Programme.JOINT,
                    str(year),
                    _day(rng, year),
                    "jtai",
                    [force],
                    topics=["child_protection", "domestic_abuse", "missing"],
                    publication_types="Joint inspections, Child protection",
                )
            )
    return plans


def _thematic_plans(rng, ref):
    plans = []
    uses = Counter()
    for year in range(2011, LAST_YEAR + 1):
        subjects = [s for s in words.SUBJECTS if s[3] <= year <= s[4]]
        chosen = [s for s in subjects if s[0] == "state-of-policing"]
        others = [s for s in subjects if s not in chosen]
        chosen += rng.sample(others, min(THEMATICS_PER_YEAR - len(chosen), len(others)))
        for key, programme, coverage, _first, _last, topics, title in chosen:
            topics = topics.split()
            if key == "state-of-policing":
                title = f"{title} {year - 1}/{str(year)[2:]}"
            elif uses[key]:
                follow_up = words.FOLLOW_UP_TITLES[(uses[key] - 1) % len(words.FOLLOW_UP_TITLES)]
                title = follow_up.format(title=title, year=year)
            uses[key] += 1
            if coverage == "all":
                bodies = ref.forces
            elif coverage == "rocus":
                bodies = ref.rocus
            else:
                bodies = sorted(rng.sample(ref.forces, rng.randint(8, 16)), key=lambda b: b.name)
            day = _day(rng, year)
            types = dict(Programme.choices)[programme]
            plans.append(
                Plan(f"{key}-{year}", title, programme, str(year), day, "national", bodies,
                     topics=topics, publication_types=types)
            )  # fmt: skip
            if coverage == "sample" and rng.random() < FORCE_REPORTS_RATE:
                for force in bodies:
                    force_day = _weekday(min(day + dt.timedelta(rng.randint(0, 21)),
                                             dt.date(year, 12, 31)))  # fmt: skip
                    plans.append(
                        Plan(f"{key}-{year}-{_slug(force)}", f"{title}: {force.name}", programme,
                             str(year), force_day, "force_thematic", [force], topics=topics,
                             publication_types=types)
                    )  # fmt: skip
    return plans


def sample_plan(plans, scale, rng):
    """Keep ``scale`` of each programme's reports (at least one of each); above 1, add copies."""
    whole, fraction = int(scale), scale - int(scale)
    kept = list(plans) if whole else []
    for copy in range(2, whole + 1):
        kept += [_copy(plan, copy) for plan in plans]
    if fraction > 1e-9:
        by_programme = defaultdict(list)
        for i, plan in enumerate(plans):
            by_programme[plan.programme].append(i)
        chosen = set()
        for programme in sorted(by_programme):
            indices = by_programme[programme]
            chosen.update(rng.sample(indices, max(1, round(len(indices) * fraction))))
        kept += [plans[i] if not whole else _copy(plans[i], whole + 1) for i in sorted(chosen)]
    return sorted(kept, key=lambda p: (p.published, p.slug))


def _copy(plan, number):
    copied = Plan(**{**plan.__dict__})
    copied.slug = f"{plan.slug}-copy-{number}"
    copied.title = f"{plan.title} (copy {number})"
    return copied


# --- Writing -------------------------------------------------------------------------------------


def _history_time(day, hour=9):
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC)


def _bulk(model, objects, counts, label=None):
    """Insert with a '+' history record each (the instance's _history_date, if set)."""
    if objects:
        bulk_create_with_history(objects, model, batch_size=BATCH_SIZE)
        counts[label or model._meta.verbose_name_plural] += len(objects)
    return objects


def _link(through, rows, counts, label):
    through.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    counts[label] += len(rows)


def create_users(ref, counts):
    """A staff and a manager user per policing body, with unusable passwords; returns
    {policing body pk: {role: user}}."""
    User = get_user_model()
    wanted = {}
    for force in ref.forces:
        for role in (Role.STAFF, Role.MANAGER):
            wanted[f"{role}.{force.policing_body.slug}"] = (force, role)
    existing = set(User.objects.filter(username__in=wanted).values_list("username", flat=True))
    new = [
        User(
            username=username,
            first_name=force.short_name,
            last_name=Role(role).label,
            email=f"{username}@example.org",
            password=make_password(None),
        )
        for username, (force, role) in wanted.items()
        if username not in existing
    ]
    User.objects.bulk_create(new, batch_size=BATCH_SIZE)
    groups = {role: role_group(role) for role in (Role.STAFF, Role.MANAGER)}
    memberships, group_rows = [], []
    for user in new:
        force, role = wanted[user.username]
        memberships.append(
            Membership(user=user, policing_body_id=force.policing_body_id, role=role)
        )
        group_rows.append(User.groups.through(user_id=user.pk, group_id=groups[role].pk))
    Membership.objects.bulk_create(memberships, batch_size=BATCH_SIZE)
    User.groups.through.objects.bulk_create(group_rows, batch_size=BATCH_SIZE)
    counts["users"] += len(new)
    counts["memberships"] += len(memberships)
    users = defaultdict(dict)
    for user in User.objects.filter(username__in=wanted):
        force, role = wanted[user.username]
        users[force.policing_body_id][role] = user
    return users


class Generator:
    def __init__(self, ref, seed, users):
        self.ref = ref
        self.seed = seed
        self.counts = Counter()
        self.repeatable = {}  # (force pk, topic) -> (pk, year, text) of its latest AFI
        self.bias = {
            body.pk: random.Random(f"{seed}:bias:{body.slug}").gauss(0, 0.6)
            for body in [*ref.forces, *ref.rocus]
        }
        bodies = LocalPolicingBody.objects.in_bulk()
        self.responses = ResponseWriter(seed, users, bodies, self.counts)

    def write_year(self, plans):
        builders = []
        for plan in plans:
            inspection = Inspection(
                slug=plan.slug,
                title=plan.title,
                programme=plan.programme,
                programme_year=plan.year_label,
                inspectorate=(
                    Inspectorate.HMIC if plan.published < HMICFRS_FROM else Inspectorate.HMICFRS
                ),
                publication_date=plan.published,
                publication_date_precision=plan.precision,
                publication_types=plan.publication_types,
                report_url=f"https://www.justiceinspectorates.gov.uk/hmicfrs/publications/{plan.slug}/",
            )
            inspection._history_date = _history_time(plan.published)
            rng = random.Random(f"{self.seed}:{plan.slug}")
            builders.append(ReportBuilder(plan, inspection, rng, self.bias, self.repeatable))
        for builder in builders:
            builder.build()
        _bulk(Inspection, [b.inspection for b in builders], self.counts)
        _link(
            Inspection.bodies.through,
            [
                Inspection.bodies.through(inspection_id=b.inspection.pk, body_id=body.pk)
                for b in builders
                for body in b.plan.bodies
            ],
            self.counts,
            "bodies covered",
        )
        _bulk(GradedJudgement, [j for b in builders for j in b.judgements], self.counts)
        findings = [f for b in builders for f in b.findings]
        # Causes of concern first: a recommendation's parent needs its key.
        _bulk(Finding, [f for f in findings if f.kind != FindingKind.RECOMMENDATION], self.counts)
        _bulk(Finding, [f for f in findings if f.kind == FindingKind.RECOMMENDATION], self.counts)
        for finding in findings:
            self.counts[f"findings: {finding.get_kind_display().lower()}"] += 1
            self.counts["findings repeating an earlier one"] += finding.repeats_id is not None
        through = Finding.directed_at.through
        _link(
            through,
            [
                through(finding_id=finding.pk, body_id=body_id)
                for b in builders
                for finding, body_ids in zip(b.findings, b.directed, strict=True)
                for body_id in body_ids
            ],
            self.counts,
            "findings directed at bodies",
        )
        for builder in builders:
            for (force_pk, topic), finding in builder.repeatable_afis.items():
                year = builder.plan.published.year
                self.repeatable[(force_pk, topic)] = (finding.pk, year, finding.text)
            self.responses.add(builder)
        self.responses.flush()


def generate(seed=2026, scale=1.0, *, log=None):
    """Create the data set (reference data must be loaded); return the counts created."""
    started = time.monotonic()
    ref = Reference.load()
    if len(ref.forces) != 43 or len(ref.rocus) != 9:
        raise ValueError("Load the reference data first (43 forces and 9 ROCUs expected).")
    plans = sample_plan(build_plan(ref, seed), scale, random.Random(seed))
    existing = set(Inspection.objects.values_list("slug", flat=True))
    skipped = [p for p in plans if p.slug in existing]
    plans = [p for p in plans if p.slug not in existing]
    with transaction.atomic():
        counts = Counter()
        users = create_users(ref, counts)
        generator = Generator(ref, seed, users)
        generator.counts.update(counts)
        by_year = defaultdict(list)
        for plan in plans:
            by_year[plan.published.year].append(plan)
        for year in sorted(by_year):
            generator.write_year(by_year[year])
            if log:
                log(f"{year}: {len(by_year[year])} reports ({time.monotonic() - started:.1f}s)")
    generator.counts["reports skipped (slug already present)"] = len(skipped)
    generator.counts["seconds"] = round(time.monotonic() - started, 1)
    return generator.counts
