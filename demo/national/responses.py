"""Section 55 responses for the generated reports (see generate.py).

The policing body of each covered force answers a share of the reports (most from 2017, when
the 56-day rule came in; few before). Statuses are as they stood on ``AS_OF``, the data set's
"today": responses to older reports are mostly published or submitted around the deadline, some
late; recent ones are still in draft, awaiting the chief constable's comments or in review.

History: each response gets a create record and half of them 1-3 later updates, written from
snapshots of its earlier states (drafted, then further along the workflow) by the office's
users. The row itself is inserted once, in its final state. Answers and checklist entries get
a create record each (``bulk_create_with_history``).
"""

import copy
import datetime as dt
import random

from simple_history.utils import bulk_create_with_history

from accounts.choices import Role
from demo.national import words
from inspections.choices import FindingKind
from responses.choices import SENT_STATUSES, ChecklistItem, RecommendationAction, ResponseStatus
from responses.deadlines import section55_deadline
from responses.models import ChecklistEntry, FindingResponse, Section55Response

AS_OF = dt.date(2026, 1, 31)
BATCH_SIZE = 2000
RESPONSE_RATES = {
    "legacy": 0.5,
    "pillar": 0.9,
    "peel5": 0.97,
    "soc": 0.95,
    "national": 0.95,
    "force_thematic": 0.9,
    "custody": 0.95,
    "cdi": 0.85,
    "jtai": 0.85,
    "ncpi": 0.8,
}
BEFORE_2017 = 0.2  # share of the rate for reports published before 2017
LADDER = [
    ResponseStatus.DRAFT,
    ResponseStatus.AWAITING_CHIEF,
    ResponseStatus.IN_REVIEW,
    ResponseStatus.APPROVED,
    ResponseStatus.SUBMITTED,
    ResponseStatus.PUBLISHED,
]
APPROVED = LADDER.index(ResponseStatus.APPROVED)
OLD_WEIGHTS = [0.5, 0, 0.5, 1, 14, 84]  # deadline passed more than 45 days before AS_OF
RECENT_WEIGHTS = [  # by how much of the time to the deadline has gone
    (0.3, [60, 35, 5, 0, 0, 0]),
    (0.7, [30, 35, 25, 10, 0, 0]),
    (99, [15, 20, 25, 15, 15, 10]),
]
LATE_RATE = 0.12
ACTIONS = [RecommendationAction.TAKEN, RecommendationAction.PROPOSED, RecommendationAction.NONE]
ACTION_WEIGHTS = [45, 50, 5]
LETTER_FIELDS = [
    "status",
    "submitted_on",
    "published_on",
    "chief_comments_due",
    "chief_comments_received",
    *Section55Response.LETTER_TEXT_FIELDS,
    "version",
]


def _at(day, hour):
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC)


def _between(rng, first, last):
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


class ResponseWriter:
    """Collects the responses to a year's reports (``add``) and inserts them (``flush``)."""

    def __init__(self, seed, users, policing_bodies, counts):
        self.seed = seed
        self.users = users  # policing body pk -> {role: user}
        self.policing_bodies = policing_bodies
        self.counts = counts
        self._reset()

    def _reset(self):
        self.responses, self.snapshots, self.answers, self.checklist = [], [], [], []

    def add(self, builder):
        plan = builder.plan
        rng = random.Random(f"{self.seed}:{plan.slug}:responses")
        rate = RESPONSE_RATES[plan.profile] * (BEFORE_2017 if plan.published.year < 2017 else 1)
        for force in plan.bodies:
            if force.is_force and rng.random() < rate:
                self._response(builder, force, rng)

    def flush(self):
        Section55Response.objects.bulk_create(self.responses, batch_size=BATCH_SIZE)
        for update in (False, True):
            records = []
            for response, fields, when, user, is_update in self.snapshots:
                if is_update == update:
                    record = copy.copy(response)
                    record.__dict__.update(fields)
                    record._history_date, record._history_user = when, user
                    records.append(record)
            Section55Response.history.bulk_history_create(
                records, batch_size=BATCH_SIZE, update=update
            )
            self.counts["response history records"] += len(records)
        bulk_create_with_history(self.answers, FindingResponse, batch_size=BATCH_SIZE)
        bulk_create_with_history(self.checklist, ChecklistEntry, batch_size=BATCH_SIZE)
        for response in self.responses:
            self.counts[f"responses: {response.get_status_display().lower()}"] += 1
        self.counts["section 55 responses"] += len(self.responses)
        self.counts["finding responses"] += len(self.answers)
        self.counts["checklist entries"] += len(self.checklist)
        self._reset()

    def _status(self, rng, published, deadline):
        old = (AS_OF - deadline).days > 45
        if old:
            weights = OLD_WEIGHTS
        else:
            elapsed = (AS_OF - published).days / max(1, (deadline - published).days)
            weights = next(w for limit, w in RECENT_WEIGHTS if elapsed < limit)
        status = rng.choices(LADDER, weights)[0]
        if status not in SENT_STATUSES:
            return status, None
        if old:
            late = rng.random() < LATE_RATE
            submitted = deadline + dt.timedelta(
                days=rng.randint(1, 45) if late else -rng.randint(0, 21)
            )
        else:
            submitted = min(AS_OF, deadline) - dt.timedelta(days=rng.randint(0, 10))
        return status, max(submitted, published + dt.timedelta(days=7))

    def _response(self, builder, force, rng):
        plan, inspection = builder.plan, builder.inspection
        body = self.policing_bodies[force.policing_body_id]
        published = plan.published
        deadline = section55_deadline(inspection.publication_day, body.deadline_convention)
        deadline = deadline or published + dt.timedelta(days=56)
        status, submitted_on = self._status(rng, published, deadline)
        stage = LADDER.index(status)
        published_on = None
        if status == ResponseStatus.PUBLISHED:
            published_on = min(submitted_on + dt.timedelta(rng.choice([0, 0, 0, 1, 2, 7])), AS_OF)
        created = min(published + dt.timedelta(rng.randint(1, 10)), submitted_on or AS_OF)
        last = published_on or submitted_on or _between(rng, created, AS_OF)
        findings = builder.scope[force.pk]
        updates = 0 if rng.random() < 0.5 else rng.randint(1, 3)
        texts = self._texts(rng, plan, force, body, findings)
        chief_due = published + dt.timedelta(days=28)
        chief_received = min(chief_due + dt.timedelta(rng.randint(-7, 10)), last)

        def letter(stage, version):
            fields = dict.fromkeys(LETTER_FIELDS, "")
            fields.update(
                status=LADDER[stage],
                submitted_on=submitted_on if LADDER[stage] in SENT_STATUSES else None,
                published_on=published_on if LADDER[stage] == ResponseStatus.PUBLISHED else None,
                chief_comments_due=chief_due if stage >= 1 else None,
                chief_comments_received=chief_received if stage >= 2 else None,
                key_findings=texts["key_findings"],
                version=version,
            )
            if stage >= 1 or updates or texts["early_comment"]:
                fields["general_comment"] = texts["general_comment"]
            if stage >= 1:
                fields["afi_introduction"] = texts["afi_introduction"]
            if stage >= 2:
                for name in ("chief_constable_response", "conclusion", "recommendations_note"):
                    fields[name] = texts[name]
            return fields

        final = letter(stage, 1 + updates)
        response = Section55Response(inspection=inspection, policing_body=body, **final)
        self.responses.append(response)
        users = self.users[body.pk]
        dates = [created] + sorted(_between(rng, created, last) for _ in range(updates - 1))
        dates += [last] if updates else []
        for step, when in enumerate(dates):
            step_stage = round(stage * step / updates) if updates else stage
            fields = final if step == updates else letter(step_stage, step + 1)
            if step == 0 and updates:
                fields = {**fields, "general_comment": "", "afi_introduction": ""}
            user = users[Role.MANAGER if step_stage >= APPROVED else Role.STAFF]
            self.snapshots.append((response, fields, _at(when, 10 + step), user, step > 0))
        self._answers(rng, response, stage, findings, created, last, users[Role.STAFF])
        if status in SENT_STATUSES:
            self._checklist(rng, response, submitted_on, published_on, users[Role.STAFF])

    def _texts(self, rng, plan, force, body, findings):
        covered = force.name if len(plan.bodies) == 1 else f"{len(plan.bodies)} bodies"
        afis = sum(f.kind == FindingKind.AREA_FOR_IMPROVEMENT for f in findings)
        has_recommendations = any(f.kind == FindingKind.RECOMMENDATION for f in findings)
        lead = words.KEY_FINDINGS[0].format(date=f"{plan.published:%d %B %Y}", forces=covered)
        rest = rng.choice(words.KEY_FINDINGS[1:]).format(force=force.name, noun="force")
        return {
            "key_findings": f"{lead} {rest}",
            "early_comment": rng.random() < 0.4,
            "general_comment": " ".join(
                s.format(area=force.short_name) for s in rng.sample(words.GENERAL_COMMENTS, 2)
            ),
            "afi_introduction": (
                words.AFI_INTRODUCTION.format(count=afis, force=force.name) if afis else ""
            ),
            "chief_constable_response": rng.choice(words.CHIEF_RESPONSES).format(office=body.name),
            "conclusion": rng.choice(words.CONCLUSIONS),
            "recommendations_note": (
                ""
                if has_recommendations
                else words.RECOMMENDATIONS_NOTE_NONE.format(force=force.name)
            ),
        }

    def _answers(self, rng, response, stage, findings, created, last, user):
        """Drafts answer some findings; from review on, every finding has the chief constable's
        comments and every recommendation its s.55(5B) action with an explanation."""
        if stage == 0:
            findings = findings[: len(findings) // 2] if rng.random() < 0.5 else []
        for finding in findings:
            answer = FindingResponse(
                response=response,
                finding=finding,
                office_comment=rng.choice(words.FINDING_OFFICE_COMMENTS),
            )
            if stage >= 2:
                answer.chief_constable_response = rng.choice(words.FINDING_CHIEF_COMMENTS)
            if finding.kind == FindingKind.RECOMMENDATION and (
                stage >= 2 or (stage == 1 and rng.random() < 0.5)
            ):
                answer.action = rng.choices(ACTIONS, ACTION_WEIGHTS)[0]
                answer.action_explanation = rng.choice(words.ACTION_EXPLANATIONS[answer.action])
            answer._history_date = _at(_between(rng, created, last), 11)
            answer._history_user = user
            self.answers.append(answer)

    def _checklist(self, rng, response, submitted_on, published_on, user):
        done = {
            ChecklistItem.HMICFRS: submitted_on,
            ChecklistItem.PORTAL: min(submitted_on + dt.timedelta(rng.choice([0, 0, 1])), AS_OF),
            ChecklistItem.CHIEF_CONSTABLE: submitted_on,
        }
        if published_on:
            panel = min(submitted_on + dt.timedelta(rng.randint(0, 14)), AS_OF)
            done[ChecklistItem.PANEL] = panel if rng.random() < 0.85 else None
            done[ChecklistItem.WEBSITE] = published_on
        elif rng.random() < 0.3:
            del done[ChecklistItem.PORTAL]
        for item, day in done.items():
            entry = ChecklistEntry(response=response, item=item, done_on=day)
            entry._history_date = _at(day or submitted_on, 15)
            entry._history_user = user
            self.checklist.append(entry)
