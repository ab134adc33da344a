"""The content of one generated report: graded judgements and findings (see generate.py).

Findings come in report order: causes of concern (each followed by its recommendations), areas
for improvement, recommendations that stand alone (thematic reports), then practice. Areas for
improvement are numbered across the report from 2019 (older reports list them as unnumbered
bullets, like the PEEL 2015 seed); stand-alone recommendations are numbered; recommendations
under a cause of concern are not, and carry their parent and a due date.
"""

import datetime as dt
from collections import defaultdict

from demo.national import words
from inspections.choices import RESPONSE_KINDS, FindingKind, Grade, GradeScale
from inspections.models import Finding, GradedJudgement

NUMBERED_AFIS_FROM = 2019
REPEAT_RATE = 0.1  # chance that an area for improvement repeats the force's earlier one
# Per profile: areas for improvement, chance of a cause of concern, practice, stand-alone
# recommendations (graded reports add areas for improvement and concerns from their grades).
PROFILES = {
    "legacy": ((5, 12), 0.0, (0, 1), (0, 0)),
    "pillar": ((3, 6), 0.0, (0, 1), (0, 0)),
    "peel5": ((2, 5), 0.0, (0, 3), (0, 0)),
    "custody": ((20, 38), 0.35, (0, 1), (0, 0)),
    "cdi": ((3, 8), 0.5, (0, 1), (0, 0)),
    "jtai": ((6, 12), 0.0, (0, 2), (0, 0)),
    "ncpi": ((2, 5), 0.2, (0, 1), (3, 8)),
    "force_thematic": ((8, 16), 0.3, (0, 2), (0, 0)),
    "national": ((2, 6), 0.1, (0, 3), (6, 15)),
    "soc": ((0, 0), 0.0, (0, 0), (0, 0)),
}
AFIS_BY_GRADE = {
    Grade.OUTSTANDING: (0, 0),
    Grade.GOOD: (0, 1),
    Grade.ADEQUATE: (1, 2),
    Grade.REQUIRES_IMPROVEMENT: (2, 3),
    Grade.INADEQUATE: (2, 4),
}
CONCERN_BY_GRADE = {Grade.INADEQUATE: 0.8, Grade.REQUIRES_IMPROVEMENT: 0.12}
# A score (about 0.35 + the body's bias, give or take 0.9) above a limit earns the grade.
GRADE_LIMITS = {
    GradeScale.FOUR_TIER: [
        (1.6, Grade.OUTSTANDING),
        (0.0, Grade.GOOD),
        (-1.3, Grade.REQUIRES_IMPROVEMENT),
    ],
    GradeScale.FIVE_TIER: [
        (1.7, Grade.OUTSTANDING),
        (0.6, Grade.GOOD),
        (-0.3, Grade.ADEQUATE),
        (-1.5, Grade.REQUIRES_IMPROVEMENT),
    ],
}
# Topics any report may touch on besides its own.
CROSS_CUTTING = ["victims", "investigation", "data", "workforce", "leadership", "vulnerability"]
GENERIC_RECOMMENDATIONS = [
    "review its policies and training in this area and make sure they reflect national guidance",
    "make sure that supervisors check that its guidance is followed",
    "evaluate the effect of the changes it makes and share what works with other forces",
    "make sure that its performance framework includes measures for this area",
    "appoint a chief officer lead and publish an improvement plan",
    "make sure that officers and staff have the training they need",
]


def grade_for(score, scale):
    for limit, grade in GRADE_LIMITS[scale]:
        if score > limit:
            return grade
    return Grade.INADEQUATE


def noun(body):
    if not body.is_force:
        return body.short_name
    return "constabulary" if "Constabulary" in body.name else "force"


def due_date(published, months):
    years, month = divmod(published.month - 1 + months, 12)
    return dt.date(published.year + years, month + 1, 1)


class ReportBuilder:
    """Builds one report's unsaved judgements and findings; ``build()`` fills them in."""

    def __init__(self, plan, inspection, rng, bias, repeatable):
        self.plan = plan
        self.inspection = inspection
        self.rng = rng
        self.bias = bias
        self.repeatable = repeatable  # (force pk, topic) -> (pk, year, text), earlier years
        self.numbered = plan.published.year >= NUMBERED_AFIS_FROM
        self.judgements = []
        self.findings = []
        self.directed = []  # body pks, one list per finding
        self.scope = defaultdict(list)  # force pk -> its findings that need a response
        self.repeatable_afis = {}  # (force pk, topic) -> finding: for later reports to repeat
        self.numbers = defaultdict(int)
        self.used = set()  # (subject, phrase, qualifier) of the areas for improvement so far

    def build(self):
        {"soc": self._soc, "national": self._national}.get(self.plan.profile, self._force)()
        self.inspection.summary = self._summary()
        return self

    # --- Report kinds ---

    def _force(self):
        plan, rng = self.plan, self.rng
        force = plan.bodies[0]
        subject = f"The {noun(force)}"
        afis, concern_chance, practice, recommendations = PROFILES[plan.profile]
        concerns, afi_topics, scores = [], [], []
        for question, topics in plan.questions:
            if plan.grade_scale:
                scores.append(self._score(force))
                grade = self._judge(force, question, grade_for(scores[-1], plan.grade_scale))
                count = rng.randint(*AFIS_BY_GRADE[grade])
                if rng.random() < CONCERN_BY_GRADE.get(grade, 0):
                    concerns.append((rng.choice(topics), question))
            else:
                count = rng.randint(1, 3)
            afi_topics += [(rng.choice(topics), question) for _ in range(count)]
        if plan.overall:
            score = sum(scores) / len(scores) if scores else self._score(force)
            self._judge(force, plan.overall, grade_for(score, plan.grade_scale), overall=True)
        topics = plan.topics or [t for _, ts in plan.questions for t in ts]
        for _ in range(rng.randint(*afis)):
            afi_topics.append((rng.choice(topics if rng.random() < 0.7 else CROSS_CUTTING), ""))
        if rng.random() < concern_chance:
            concerns.append((rng.choice(topics), ""))
        for topic, section in concerns:
            self._concern(topic, section or "Causes of concern", [force], subject, subject.lower())
        for topic, section in afi_topics:
            self._afi(topic, section or words.TOPICS[topic][0], [force], subject)
        self._recommendations(rng.randint(*recommendations), topics, [force], subject.lower())
        for _ in range(rng.randint(*practice)):
            self._practice(rng.choice(topics), force)

    def _soc(self):
        rng = self.rng
        rocu, members = self.plan.bodies[0], self.plan.bodies[1:]
        grades = {
            body.pk: self._judge(
                body, words.SOC_QUESTION, grade_for(self._score(body), GradeScale.FIVE_TIER)
            )
            for body in self.plan.bodies
        }
        regional = f"{rocu.name} ({rocu.short_name}) and its constituent forces"
        for _ in range(rng.randint(2, 3)):
            self._afi(rng.choice(["soc", "soc", "digital"]), "Regional findings", self.plan.bodies,
                      regional)  # fmt: skip
        for _ in range(rng.randint(0, 2)):
            section = f"{rocu.name} / {rng.choice(words.SOC_SECTIONS)}"
            self._afi("soc", section, [rocu], rocu.short_name)
        for force in members:
            subject = f"The {noun(force)}"
            if rng.random() < 0.2:
                self._practice("soc", force)
            grade = grades[force.pk]
            if rng.random() < CONCERN_BY_GRADE.get(grade, 0):
                section = f"{force.name} / {rng.choice(words.SOC_SECTIONS)}"
                self._concern("soc", section, [force], subject, subject.lower())
            for _ in range(rng.randint(*AFIS_BY_GRADE[grade])):
                section = f"{force.name} / {rng.choice(words.SOC_SECTIONS)}"
                self._afi(rng.choice(["soc", "soc", "digital"]), section, [force], subject)

    def _national(self):
        plan, rng = self.plan, self.rng
        bodies = plan.bodies
        who = "each force" if bodies[0].is_force else "each regional organised crime unit"
        afis, concern_chance, practice, recommendations = PROFILES["national"]
        if rng.random() < concern_chance:
            self._concern(rng.choice(plan.topics), "Causes of concern", bodies,
                          "The police service", who)  # fmt: skip
        self._recommendations(rng.randint(*recommendations), plan.topics, bodies, who)
        for _ in range(rng.randint(*afis)):
            self._afi(rng.choice(plan.topics), "Areas for improvement", bodies, who.capitalize())
        for _ in range(rng.randint(*practice)):
            body = rng.choice(bodies)
            if body.is_force:
                self._practice(rng.choice(plan.topics), body)

    # --- Grades and findings ---

    def _score(self, body):
        return self.rng.gauss(0.35 + self.bias[body.pk], 0.9)

    def _judge(self, body, question, grade, overall=False):
        judgement = GradedJudgement(
            inspection=self.inspection,
            body=body,
            question=question,
            grade=grade,
            scale=self.plan.grade_scale,
            is_overall=overall,
            order=0 if overall else len(self.judgements) + 1,
        )
        judgement._history_date = self.inspection._history_date
        self.judgements.append(judgement)
        return grade

    def _add(self, kind, text, detail, section, bodies, **fields):
        finding = Finding(
            inspection=self.inspection,
            kind=kind,
            text=text,
            detail=detail,
            section=section[:300],
            order=len(self.findings) + 1,
            **fields,
        )
        finding._history_date = self.inspection._history_date
        self.findings.append(finding)
        self.directed.append([body.pk for body in bodies])
        if kind in RESPONSE_KINDS:
            for body in bodies:
                if body.is_force:
                    self.scope[body.pk].append(finding)
        return finding

    def _number(self, kind, numbered=True):
        if not numbered:
            return None
        self.numbers[kind] += 1
        return self.numbers[kind]

    def _detail(self, body_noun):
        rng = self.rng
        sentences = rng.sample(words.DETAILS, rng.randint(1, 3))
        m = rng.randint(10, 60)
        return " ".join(
            s.format(
                noun=body_noun,
                gap=rng.choice(words.GAPS),
                pressure=rng.choice(words.PRESSURES),
                n=rng.randint(2, m // 2),
                m=m,
            )
            for s in sentences
        )

    def _afi_text(self, topic, subject):
        """A wording not used yet in this report (as far as a few tries find one)."""
        rng = self.rng
        verb = rng.choice(["should", "needs to"])
        for _ in range(8):
            phrase = rng.choice(words.TOPICS[topic][1])
            qualifier = "" if rng.random() < 0.4 else rng.choice(words.AFI_QUALIFIERS)
            if (subject, phrase, qualifier) not in self.used:
                break
        self.used.add((subject, phrase, qualifier))
        return f"{subject} {verb} {phrase}{qualifier}"

    def _afi(self, topic, section, bodies, subject):
        text = self._afi_text(topic, subject)
        body_noun = noun(bodies[0]) if len(bodies) == 1 else "force"
        detail = self._detail(body_noun)
        roll = self.rng.random()  # drawn always, so the rest of the report doesn't depend on it
        single_force = len(bodies) == 1 and bodies[0].is_force
        repeats = None
        if single_force:
            earlier = self.repeatable.get((bodies[0].pk, topic))
            if earlier and roll < REPEAT_RATE:
                repeats, year, text = earlier
                detail += " " + words.REPEAT_NOTE.format(noun=body_noun, year=year)
        finding = self._add(
            FindingKind.AREA_FOR_IMPROVEMENT,
            text,
            detail,
            section,
            bodies,
            number=self._number(FindingKind.AREA_FOR_IMPROVEMENT, self.numbered),
            repeats_id=repeats,
        )
        if single_force:
            self.repeatable_afis[(bodies[0].pk, topic)] = finding

    def _concern(self, topic, section, bodies, subject, who):
        concern = self._add(
            FindingKind.CAUSE_OF_CONCERN,
            f"{subject} {words.TOPICS[topic][3]}.",
            self._detail(noun(bodies[0]) if len(bodies) == 1 else "force"),
            section,
            bodies,
        )
        due = due_date(self.plan.published, self.rng.randint(3, 12))
        pool = words.TOPICS[topic][2] + GENERIC_RECOMMENDATIONS[:2]
        for phrase in pool[: self.rng.randint(1, 3)]:
            self._add(
                FindingKind.RECOMMENDATION,
                f"By {due.day} {due:%B %Y}, {who} should {phrase}.",
                "",
                section,
                bodies,
                parent=concern,
                due_date=due,
            )

    def _recommendations(self, count, topics, bodies, who):
        """Recommendations that stand alone, numbered, each with its own date."""
        if not count:
            return
        pool = [p for t in dict.fromkeys(topics) for p in words.TOPICS[t][2]]
        pool += GENERIC_RECOMMENDATIONS
        for phrase in self.rng.sample(pool, min(count, len(pool))):
            due = due_date(self.plan.published, self.rng.randint(3, 18))
            self._add(
                FindingKind.RECOMMENDATION,
                f"By {due.day} {due:%B %Y}, {who} should {phrase}.",
                self._detail("force"),
                "Recommendations",
                bodies,
                number=self._number(FindingKind.RECOMMENDATION),
                due_date=due,
            )

    def _practice(self, topic, force):
        rng = self.rng
        kind = (
            FindingKind.INNOVATIVE_PRACTICE
            if rng.random() < 0.3
            else FindingKind.PROMISING_PRACTICE
        )
        text = rng.choice(words.PRACTICE_LEADS).format(
            force=force.name, noun=noun(force), practice=words.TOPICS[topic][4]
        )
        self._add(kind, text, "", f"{force.name} / {words.TOPICS[topic][0]}", [force])

    def _summary(self):
        plan = self.plan
        if len(plan.bodies) == 1:
            covered = plan.bodies[0].name
        elif plan.profile == "soc":
            covered = f"{plan.bodies[0].name} and its {len(plan.bodies) - 1} constituent forces"
        else:
            covered = f"{len(plan.bodies)} forces" if plan.bodies[0].is_force else "the ROCUs"
        lines = [f"This report sets out our findings on {covered}."]
        counts = defaultdict(int)
        for finding in self.findings:
            counts[finding.get_kind_display().lower()] += 1
        if counts:
            found = ", ".join(f"{n} × {kind}" for kind, n in counts.items())
            lines.append(f"It contains {found}.")
        names = {body.pk: body.name for body in plan.bodies}
        lines += [
            f"- {names[j.body_id]}: {j.question}: {Grade(j.grade).label.lower()}"
            for j in self.judgements
        ]
        return "\n".join(lines)
