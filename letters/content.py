"""What a Section 55 letter says, in the order the seed responses print it: heading, header
block, key findings with grades, recommendations, areas for improvement, the chief constable's
response, the office's response, conclusion, signature and the office checklist."""

from django.db.models import Prefetch

from forces.models import Body
from inspections.choices import FindingKind, Inspectorate
from responses.choices import ChecklistItem, ResponseStatus

FINAL_STATUSES = {ResponseStatus.APPROVED, ResponseStatus.SUBMITTED, ResponseStatus.PUBLISHED}
STATUTORY_SENTENCE = (
    "Section 55 of the Police Act 1996 (as amended by section 37 of the Policing and Crime Act "
    "2017) requires local policing bodies to respond to recommendations in inspectors’ reports "
    "within 56 days."
)
INSPECTORATE_NAMES = {
    Inspectorate.HMICFRS: "His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services "
    "(HMICFRS)",
    Inspectorate.HMIC: "Her Majesty’s Inspectorate of Constabulary (HMIC)",
}


def letter_context(response):
    inspection = response.inspection
    office = response.policing_body
    letterhead = getattr(office, "letterhead", None)
    findings = list(
        response.findings_in_scope()
        .select_related("parent")
        .prefetch_related(Prefetch("directed_at", queryset=Body.objects.order_by("kind", "name")))
    )
    answers = {answer.finding_id: answer for answer in response.finding_responses.all()}
    sections = [(finding, answers.get(finding.pk)) for finding in findings]
    done = {entry.item: entry for entry in response.checklist.all()}
    website = letterhead.website_name if letterhead and letterhead.website_name else "office"
    checklist = [
        (item.label.replace("the office website", f"the {website} website"), done.get(item))
        for item in ChecklistItem
    ]
    office_forces = [force.name for force in office.forces.all()]
    heading_name = letterhead.heading_name if letterhead else office.name
    return {
        "response": response,
        "inspection": inspection,
        "office": office,
        "letterhead": letterhead,
        "title": (
            f"{heading_name} response to inspections of {' and '.join(office_forces)} published "
            f"by {INSPECTORATE_NAMES[inspection.inspectorate]}"
        ),
        "statutory_sentence": STATUTORY_SENTENCE,
        "forces": [force.name for force in inspection.covered_forces()],
        "grades": inspection.graded_judgements.select_related("body"),
        "concerns": [s for s in sections if s[0].kind == FindingKind.CAUSE_OF_CONCERN],
        "recommendations": [s for s in sections if s[0].kind == FindingKind.RECOMMENDATION],
        "afis": [s for s in sections if s[0].kind == FindingKind.AREA_FOR_IMPROVEMENT],
        "sections": sections,
        "checklist": checklist,
        "is_draft": response.status not in FINAL_STATUSES,
    }
