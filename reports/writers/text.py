"""Small text checks the writers share (no Django, no language)."""

import re

WORD = re.compile(r"\w+")
# How many leading words of a description must recur in the title for it to be a repeat.
REPEAT_WORDS = 5


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def repeats(title: str, detail: str) -> bool:
    """Does `detail` open with words the title already says ("Tuyên bố chung ASEAN về…")?"""
    head = words(detail)[:REPEAT_WORDS]
    return bool(head) and " ".join(head) in " ".join(words(title))


def end(text: str) -> str:
    """A bullet ends with a full stop (or the list mark it already has)."""
    text = text.strip()
    return text if text.endswith((".", ";", "…", "...")) else text + "."
