"""When two texts are the same finding or the same question: shared by the accuracy score and
by re-importing into an inspection, so "unchanged" means what the score means by "correct"."""

import re
from difflib import SequenceMatcher

TEXT_THRESHOLD = 0.9
QUESTION_THRESHOLD = 0.6

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def normalise(text):
    text = re.sub(r"\s+", " ", (text or "").translate(_QUOTES)).strip().casefold()
    return text.rstrip(" .;:")


def text_similarity(a, b):
    a, b = normalise(a), normalise(b)
    if a == b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def same_text(a, b):
    return text_similarity(a, b) >= TEXT_THRESHOLD


def _words(text):
    return set(re.findall(r"[a-z0-9]+", normalise(text))) - {"the", "and", "of", "at", "in", "a"}


def question_similarity(a, b):
    """Questions are worded differently in different places ("Preventing crime and anti-social
    behaviour" and "How effective is the force at preventing crime and anti-social behaviour,
    and keeping people safe?"): compare their words, counting containment as a match."""
    first, second = _words(a), _words(b)
    if not first or not second:
        return 0.0
    shared = len(first & second)
    return max(shared / min(len(first), len(second)) * 0.9, shared / len(first | second))


def same_question(a, b):
    return question_similarity(a, b) >= QUESTION_THRESHOLD


def pair_up(predicted, expected, similarity, threshold):
    """Greedy one-to-one matching, best similarity first: {predicted index: expected index}."""
    candidates = sorted(
        ((similarity(a, b), i, j) for i, a in enumerate(predicted) for j, b in enumerate(expected)),
        reverse=True,
    )
    matched, used_p, used_e = {}, set(), set()
    for value, i, j in candidates:
        if value < threshold:
            break
        if i not in used_p and j not in used_e:
            matched[i] = j
            used_p.add(i)
            used_e.add(j)
    return matched
