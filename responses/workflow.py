"""The review workflow of a Section 55 response: which step leads where, who may take it, and
what must be true first. Views offer only the steps ``available_steps`` returns and
``take_step`` checks again, so a stale or forged POST is refused with a message."""

from contextlib import contextmanager
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from inspections.choices import FindingKind
from responses.choices import EDITABLE_STATUSES
from responses.choices import ResponseStatus as S
from responses.models import Section55Response, StatusChange


@dataclass(frozen=True)
class Step:
    name: str
    label: str
    sources: tuple
    target: str
    explanation: str
    managers_only: bool = False
    sets_date: str = ""  # the response field set to the step's date
    signs_off: bool = False  # taken on the text as read: refused if it changed since


STEPS = [
    Step(
        "request_chief_comments",
        "Ask for the chief constable’s comments",
        (S.DRAFT,),
        S.AWAITING_CHIEF,
        "Record that the chief constable has been asked for comments.",
    ),
    Step(
        "send_for_review",
        "Send for review",
        (S.DRAFT, S.AWAITING_CHIEF),
        S.IN_REVIEW,
        "A manager reviews the response and approves it or returns it to draft.",
    ),
    Step(
        "return_to_draft",
        "Return to draft",
        (S.IN_REVIEW,),
        S.DRAFT,
        "The response goes back to its authors for more work.",
    ),
    Step(
        "approve",
        "Approve",
        (S.IN_REVIEW,),
        S.APPROVED,
        "The text is final: it can no longer be changed unless a manager reopens it.",
        managers_only=True,
        signs_off=True,
    ),
    Step(
        "reopen",
        "Reopen for changes",
        (S.APPROVED,),
        S.IN_REVIEW,
        "The approved text can be changed again and needs approving again.",
        managers_only=True,
    ),
    Step(
        "submit",
        "Record as submitted",
        (S.APPROVED,),
        S.SUBMITTED,
        "Record that the response went to HMICFRS and the Home Secretary.",
        sets_date="submitted_on",
    ),
    Step(
        "publish",
        "Record as published",
        (S.SUBMITTED,),
        S.PUBLISHED,
        "Record that the response is published on the office website.",
        sets_date="published_on",
    ),
]
STEPS_BY_NAME = {step.name: step for step in STEPS}


class StepRefused(Exception):
    """The step cannot be taken now; the message says why, for the user."""


class NotEditable(Exception):
    """The response's text can no longer change (it moved on while the user was editing)."""


@contextmanager
def editing(response_pk):
    """A transaction in which the response's text may change: the response row is locked
    first and the edit refused (NotEditable) if the text may no longer change. Every edit of a
    response or of its answers, pages and API, runs in one, and every step locks the same row,
    so an edit and an approval take turns: no text lands in a letter after it was approved."""
    with transaction.atomic():
        status = (
            Section55Response.objects.select_for_update()
            .values_list("status", flat=True)
            .get(pk=response_pk)
        )
        if status not in EDITABLE_STATUSES:
            raise NotEditable(status)
        yield


def text_stamp(response):
    """What the response's text is at: its version and each answer's. The approval page carries
    it, so a manager approves the text they read, not one changed after they opened it."""
    answers = response.finding_responses.order_by("pk").values_list("pk", "version")
    return ";".join([f"r{response.version}", *(f"{pk}.{version}" for pk, version in answers)])


def permitted(user, response, step):
    if step.managers_only:
        return response.approvable_by(user)
    return response.editable_by(user) or (
        response.status in (S.APPROVED, S.SUBMITTED) and response.checklist_editable_by(user)
    )


def available_steps(user, response):
    return [s for s in STEPS if response.status in s.sources and permitted(user, response, s)]


def recommendations_without_action(response, findings=None, answers=None):
    """Recommendations in scope whose s.55(5B) action is missing or unexplained. A page that
    has the findings in scope and their answers (by finding id) at hand passes them in."""
    if findings is None:
        findings = response.findings_in_scope().filter(kind=FindingKind.RECOMMENDATION)
    if answers is None:
        answers = {a.finding_id: a for a in response.finding_responses.all()}
    return [
        finding
        for finding in findings
        if finding.kind == FindingKind.RECOMMENDATION
        and not (finding.pk in answers and answers[finding.pk].has_action)
    ]


def refusal(user, response, step):
    """Why ``step`` cannot be taken now, or None if it can."""
    if response.status not in step.sources:
        return (
            f"“{step.label}” is not possible while the response is "
            f"{response.get_status_display().lower()}."
        )
    if not permitted(user, response, step):
        return f"You do not have permission to “{step.label.lower()}”."
    if step.name == "approve":
        missing = recommendations_without_action(response)
        if missing:
            names = ", ".join(f.label.lower() for f in missing)
            return (
                "The response cannot be approved until every recommendation has its section "
                f"55(5B) action and explanation. Missing: {len(missing)} ({names})."
            )
    return None


def take_step(user, response_pk, step_name, *, on=None, note="", seen=None):
    """Move the response along ``step_name``; raises StepRefused with the reason. A step that
    signs off the text needs ``seen``, the text_stamp of the text the user read."""
    step = STEPS_BY_NAME.get(step_name)
    if step is None:
        raise StepRefused("That is not a step of the review workflow.")
    with transaction.atomic():
        response = Section55Response.objects.select_for_update().get(pk=response_pk)
        reason = refusal(user, response, step)
        if reason:
            raise StepRefused(reason)
        if step.signs_off and seen != text_stamp(response):
            raise StepRefused(
                "The response changed after you opened this page. Read it again, then "
                f"{step.label.lower()} it."
            )
        previous = response.status
        response.status = step.target
        if step.sets_date:
            setattr(response, step.sets_date, on or timezone.localdate())
        response.version += 1
        response._change_reason = step.label
        response.save()
        StatusChange.objects.create(
            response=response,
            from_status=previous,
            to_status=step.target,
            changed_by=user,
            note=note,
        )
    return response
