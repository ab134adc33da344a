"""Read an inspection report's lines into an Extraction: bodies, grades and findings.

The parser walks the cleaned lines once, keeping track of whose section it is in (the region,
a ROCU, a force) and of the last cause of concern, so each finding gets its bodies and each
recommendation its parent. Headings wrapped over several lines are joined by the rules in
``_read_heading``.
"""

import re

from forces.choices import BodyKind
from inspections.choices import DatePrecision, FindingKind, Grade

from . import patterns as p
from .lines import CONTENTS_ENTRY, clean_lines
from .records import ExtractedBody, ExtractedFinding, ExtractedGrade, Extraction

MAX_HEADING_LINES = 6
MAX_ITEM_LINES = 10
REGIONAL = "Regional findings"


def parse(text, directory):
    return _Parser(clean_lines(text), directory).run()


def _ends_sentence(text):
    return text.endswith((".", "?", "!", ".”", ".'"))


def _starts_lower(text):
    first = text[:1]
    return first.islower() or first in "(‘“'\"&"


def _ends_open(text):
    words = text.split()
    last = words[-1].casefold().strip("’'") if words else ""
    return last in p.CONNECTIVES or text.endswith((",", "–", "—", "-", "(", ";", ":"))


def _join(parts):
    joined = ""
    for part in parts:
        if not joined:
            joined = part
        elif re.search(r"\w-$", joined):  # a hyphenated compound broken at the line end
            joined += part
        else:
            joined += " " + part
    return joined


class _Parser:
    def __init__(self, lines, directory):
        self.lines = lines
        self.directory = directory
        self.result = Extraction()
        self.section = None  # None (front matter), REGIONAL, a KnownBody, or "appendix"
        self.heading_index = -10  # where the current body's heading was
        self.cause = None  # index of the last cause of concern in this section
        self.pillar = None  # the last PEEL question heading (older reports)
        self.pillar_end = -10
        self.last_sentence_end = -10  # a list of grade statements may wrap
        self.headed = []  # bodies with their own section, in report order
        self.graded = []
        self.explicit_numbers = False
        # A line this long ran to the margin, so the sentence on it carries on to the next.
        lengths = sorted(len(line.text) for line in lines) or [0]
        self.wrap_width = 0.8 * lengths[int(len(lengths) * 0.75)]

    # -- the walk -----------------------------------------------------------------------------
    def run(self):
        self._front_matter()
        i = 0
        while i < len(self.lines):
            i = self._step(i)
        self._finish()
        return self.result

    def _step(self, i):
        text = self.lines[i].text
        if CONTENTS_ENTRY.search(text):
            return i + 1
        heading = self._body_heading(i)
        if heading:
            body, consumed = heading
            self._enter(body, i)
            return i + consumed
        if p.REGIONAL_HEADING.match(text):
            self._enter(REGIONAL, i)
            return i + 1
        if p.APPENDIX_HEADING.match(text) and self._seen_content():
            self._enter("appendix", i)
            return i + 1
        if self.section == "appendix":
            return i + 1
        question = self._pillar_question(i)
        if question:
            self.pillar, self.pillar_end = question
            return self.pillar_end + 1
        label = p.LABEL.match(text)
        if label:
            return self._labelled(i, label)
        if p.GRADE_ALONE.match(text):
            self._grade_word(i)
            return i + 1
        sentence = self._grade_sentence(i)
        if sentence:
            return sentence
        return i + 1

    def _pillar_question(self, i):
        """A PEEL question heading, perhaps wrapped over up to three lines."""
        text = self.lines[i].text
        if not p.QUESTION_START.match(text):
            return None
        end = i
        while not text.endswith("?") and end + 1 < len(self.lines) and end - i < 2:
            end += 1
            text = f"{text} {self.lines[end].text}"
        match = p.PILLAR_QUESTION.match(text)
        return (match, end) if match else None

    def _seen_content(self):
        return bool(self.result.findings or self.result.graded_judgements or self.headed)

    def _enter(self, section, i):
        self.section = section
        self.heading_index = i
        self.cause = None
        if section not in (REGIONAL, "appendix") and section not in self.headed:
            self.headed.append(section)

    # -- bodies -------------------------------------------------------------------------------
    def _body_heading(self, i):
        """A line that is nothing but a body's name, perhaps with its abbreviation on the next
        line ("Eastern Region Special Operations Unit" / "(ERSOU)")."""
        text = self.lines[i].text
        if len(text) > 90:
            return None
        body = self.directory.match(text)
        if body is None:
            return None
        following = self.lines[i + 1].text if i + 1 < len(self.lines) else ""
        if p.ABBREVIATION_LINE.match(following):
            return body, 2
        return body, 1

    # -- findings -----------------------------------------------------------------------------
    def _labelled(self, i, label):
        kind, plural = p.LABELS[re.sub(r"\s+", " ", label["label"].casefold())]
        rest = (label["rest"] or "").strip()
        if label["sep"] is None and rest == "" and plural:
            return self._list(i + 1, kind)
        if label["sep"] is None and label["number"] is None and not plural:
            # "Cause of concern" alone: a heading whose finding starts on the next line.
            if i + 1 < len(self.lines) and not self._is_structural(i + 1):
                return self._single(i, i + 1, "", kind, None, sentence_only=True)
            return i + 1
        if plural:  # "Recommendations: ..." reads as one item of that kind
            return self._single(i, i, rest, kind, None)
        number = int(label["number"]) if label["number"] else None
        if number is not None:
            self.explicit_numbers = True
        if rest:
            return self._single(i, i, rest, kind, number)
        return self._single(i, i + 1, "", kind, number, sentence_only=True)

    def _single(self, label_index, i, first, kind, number, sentence_only=False):
        start = label_index
        if first:
            text, end = self._read_heading(i, first)
        else:
            if i >= len(self.lines) or self._is_structural(i):
                return label_index + 1
            text, end = self._read_heading(i, self.lines[i].text, sentence_only=sentence_only)
        self._add(kind, text, start, end, number)
        return end + 1

    def _list(self, i, kind):
        """Items under "Recommendations" or "Areas for improvement", bulleted or not."""
        added = 0
        while i < len(self.lines):
            text = self.lines[i].text
            bullet = p.BULLET.match(text)
            if bullet:
                first = text[bullet.end() :].strip()
            elif p.FINDING_START.match(text):
                first = text
            else:
                break
            item, end = self._read_item(i, first)
            if item:
                self._add(kind, item, i, end, None)
                added += 1
            i = end + 1
        return i

    def _read_heading(self, i, first, sentence_only=False):
        """A heading (or the first sentence of a paragraph) and the index of its last line."""
        parts = [first]
        end = i
        while len(parts) < MAX_HEADING_LINES and end + 1 < len(self.lines):
            current = _join(parts)
            if _ends_sentence(current):
                break
            following = self.lines[end + 1].text
            if self._is_structural(end + 1):
                break
            wrapped = sentence_only and len(self.lines[end].text) >= self.wrap_width
            if not (_starts_lower(following) or _ends_open(current) or wrapped):
                break
            parts.append(following)
            end += 1
        text = _join(parts)
        if sentence_only:
            text = _first_sentence(text)
        return text, end

    def _read_item(self, i, first):
        parts = [first]
        end = i
        while len(parts) < MAX_ITEM_LINES and end + 1 < len(self.lines):
            following = self.lines[end + 1].text
            if p.BULLET.match(following) or self._is_structural(end + 1):
                break
            current = _join(parts)
            if _ends_sentence(current) and not _starts_lower(following):
                break
            parts.append(following)
            end += 1
        return _join(parts), end

    def _is_structural(self, i):
        text = self.lines[i].text
        return bool(
            p.LABEL.match(text)
            or p.GRADE_ALONE.match(text)
            or p.REGIONAL_HEADING.match(text)
            or p.QUESTION_START.match(text)
            or (len(text) <= 90 and self.directory.match(text))
        )

    def _add(self, kind, text, start, end, number):
        text = text.strip()
        if not text:
            return
        finding = ExtractedFinding(
            kind=kind,
            text=text,
            directed_at=[],
            line=self.lines[start].number,
            end_line=self.lines[end].number,
            number=number if kind == FindingKind.AREA_FOR_IMPROVEMENT else None,
            section=self._section_name(),
        )
        finding._section = self.section  # resolved to bodies once the whole report is read
        if kind == FindingKind.RECOMMENDATION:
            finding.parent = self.cause
            due = p.DUE_DATE.match(text)
            if due:
                finding.due_date = p.make_date(*due.groups())
        self.result.findings.append(finding)
        if kind == FindingKind.CAUSE_OF_CONCERN:
            self.cause = len(self.result.findings) - 1

    def _section_name(self):
        if self.section == REGIONAL:
            return REGIONAL
        if self.section is not None and self.section != "appendix":
            return self.section.name
        if self.pillar is not None:
            return self._question_label(self.pillar)[0]
        return ""

    # -- grades -------------------------------------------------------------------------------
    def _grade_word(self, i):
        """A grade word alone on its line, under the question it answers."""
        previous = [self.lines[j].text for j in range(max(0, i - 2), i)]
        overall = any(p.OVERALL_HEADING.match(t) for t in previous)
        question_text = ""
        if self.pillar is not None and self.pillar_end == i - 1:
            label, question_text = self._question_label(self.pillar)
        elif self.pillar is not None and (
            overall or any(p.SUMMARY_HEADING.match(t) for t in previous)
        ):
            label, question_text = self._question_label(self.pillar, overall)
        elif previous and not _ends_sentence(previous[-1]) and len(previous[-1].split()) <= 12:
            label = previous[-1]
        else:
            return
        self._add_grade(self.section, label, self.lines[i].text, i, i, overall, question_text)

    def _question_label(self, match, overall=False):
        question = match["question"].strip().rstrip("?").strip()
        full = match.group(0)
        if match["overview"]:
            full = full[len(match["overview"]) :]
            overall = True
        if overall:
            return f"Overall {p.PILLAR_NOUN[match['pillar'].casefold()]}: {question}", full
        return p.sentence_case(question), full

    def _grade_sentence(self, i):
        """ "Norfolk Constabulary requires improvement at tackling serious and organised crime."
        counts where a graded section opens or in a list of such statements; elsewhere the
        same words are narrative."""
        text = self.lines[i].text
        end = i
        while not _ends_sentence(text) and end + 1 < len(self.lines) and end - i < 2:
            following = self.lines[end + 1].text
            if not _starts_lower(following):
                break
            text = f"{text} {following}"
            end += 1
        match = p.GRADE_SENTENCE.match(text)
        if not match:
            return None
        subject = match["subject"].strip()
        body = self.directory.match(subject)
        if body is None and re.fullmatch(r"the (force|constabulary|unit|ROCU)", subject, re.I):
            body = self.section if not isinstance(self.section, str) else None
        if body is None:
            return None
        opens_section = i - self.heading_index <= 2 and body is self.section
        in_list = (
            self.last_sentence_end == i - 1
            or self._neighbour_is_grade_sentence(i - 1)
            or self._neighbour_is_grade_sentence(end + 1)
        )
        if not (opens_section or in_list):
            return None
        label = p.sentence_case(match["question"].strip())
        self.last_sentence_end = end
        word = match["grade"] or match["requires"]
        self._add_grade(body, label, word, i, end, False, "")
        return end + 1

    def _neighbour_is_grade_sentence(self, j):
        if not 0 <= j < len(self.lines):
            return False
        match = p.GRADE_SENTENCE.match(self.lines[j].text)
        return bool(match and self.directory.match(match["subject"].strip()))

    def _add_grade(self, body, question, word, start, end, overall, question_text):
        grade = ExtractedGrade(
            body="",
            question=question,
            grade=p.grade_value(word),
            line=self.lines[start].number,
            end_line=self.lines[end].number,
            is_overall=overall,
            question_text=question_text,
        )
        grade._section = body
        self.graded.append(grade)

    # -- the report as a whole ----------------------------------------------------------------
    def _front_matter(self):
        """Title and publication date from the cover: the lines before the first date line."""
        result = self.result
        cover = self.lines[:15]
        title_parts = []
        for line in cover:
            day = p.DATE_LINE.match(line.text)
            month = p.MONTH_LINE.match(line.text)
            if day or month:
                if day:
                    result.publication_date = p.make_date(*day.groups())
                    result.publication_date_precision = DatePrecision.DAY
                else:
                    result.publication_date = p.make_date(1, month[1], month[2])
                    result.publication_date_precision = DatePrecision.MONTH
                result.publication_date_text = line.text
                result.title = ", ".join(title_parts[:4])
                break
            if p.LABEL.match(line.text) or line.text.casefold() in ("contents", "introduction"):
                break
            title_parts.append(line.text)
        full_text = "\n".join(line.text for line in self.lines)
        if result.publication_date is None:
            published = p.PUBLISHED_ON.search(full_text)
            if published:
                result.publication_date = p.make_date(*published.groups())
                result.publication_date_text = published.group(0)
        if _is_hmicfrs(full_text):
            result.inspectorate = "HMICFRS"
        elif p.HMIC.search(full_text):
            result.inspectorate = "HMIC"
        year = p.YEAR_LABEL.search(result.title)
        result.programme_year = re.sub(r"\s+", "", year[1]) if year else ""
        self._four_tier_defined = bool(p.FOUR_TIER_DEFINITION.search(full_text))

    def _finish(self):
        result = self.result
        covered = self._covered_bodies()
        rocu = next((b for b in covered if b.kind == BodyKind.ROCU), None)
        if rocu is None and any(f._section == REGIONAL for f in result.findings):
            rocu = self._rocu_for(covered)
            if rocu is not None:
                covered.insert(0, rocu)
        for finding in result.findings:
            finding.directed_at = self._bodies_for(finding._section, covered, rocu)
            del finding._section
        seen = set()
        sole = covered[0] if len(covered) == 1 else None
        for grade in self.graded:
            body = grade._section if not isinstance(grade._section, str | None) else sole
            del grade._section
            if body is None:
                continue
            grade.body = body.name
            key = (body.name, grade.question.casefold())
            if key in seen:
                continue
            seen.add(key)
            result.graded_judgements.append(grade)
        result.bodies = []
        if any(f.section == REGIONAL for f in result.findings) and rocu is not None:
            result.bodies.append(ExtractedBody(name=f"{rocu.region} region", kind="region"))
        result.bodies += [
            ExtractedBody(
                name=b.name,
                kind=b.kind,
                aliases=[b.short_name] if b.short_name.isupper() else [],
                body_id=b.id,
            )
            for b in covered
        ]
        result.grade_scale = self._grade_scale()
        self._number_areas_for_improvement()
        if not result.findings and not result.graded_judgements:
            result.warnings.append(
                "No findings or grades were recognised. Check that this is an inspection report."
            )

    def _covered_bodies(self):
        covered = list(self.headed)
        for grade in self.graded:
            if not isinstance(grade._section, str | None) and grade._section not in covered:
                covered.append(grade._section)
        if covered:
            return covered
        # A single-force report has no body headings: its title names the force.
        inspection_of = re.search(r"inspection of (.+)$", self.result.title, re.IGNORECASE)
        if inspection_of:
            body = self.directory.match(inspection_of[1])
            if body:
                return [body]
        return []

    def _rocu_for(self, covered):
        forces = {b.name for b in covered}
        rocus = [b for b in self.directory.bodies if b.is_rocu]
        best = max(rocus, key=lambda r: len(forces & set(r.members)), default=None)
        return best if best is not None and forces & set(best.members) else None

    def _bodies_for(self, section, covered, rocu):
        if section == REGIONAL and rocu is not None:
            return [rocu.name, *rocu.members]
        if section is not None and not isinstance(section, str):
            return [section.name]
        return [b.name for b in covered]

    def _grade_scale(self):
        grades = {g.grade for g in self.result.graded_judgements}
        if Grade.ADEQUATE in grades:
            return 5
        if self._four_tier_defined:
            return 4
        year = p.YEAR_LABEL.search(self.result.programme_year or "")
        if year and int(year[1][:4]) < 2021:
            return 4
        if self.result.publication_date and self.result.publication_date.year < 2022:
            return 4
        if self.result.inspectorate == "HMIC":
            return 4
        return 5

    def _number_areas_for_improvement(self):
        """From PEEL 2021/22 on, areas for improvement are numbered in report order across the
        whole report (the numbers offices quote); earlier reports left them unnumbered."""
        if self.explicit_numbers or self.result.grade_scale != 5:
            return
        areas = [f for f in self.result.findings if f.kind == FindingKind.AREA_FOR_IMPROVEMENT]
        for number, finding in enumerate(areas, start=1):
            finding.number = number


def _is_hmicfrs(text):
    return p.HMICFRS.search(text) is not None


def _first_sentence(text):
    match = re.match(r"^(.+?[.?!])(?:\s|$)", text)
    return match[1] if match else text
