"""The secretariat's narrative text → document blocks (language-neutral parsing).

Paragraphs are separated by blank lines; a line starting with "- " is a bullet, **text** is
bold, and a numbered line on its own ("1. Về tổ chức…") is a run-in sub-heading.
"""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from reports.document import Block, Heading, ListItem, Paragraph, Run

NUMBERED_HEADING = re.compile(r"^\d+(\.\d+)*\.\s+\S")
BOLD_RUN = re.compile(r"\*\*(.+?)\*\*")
# A numbered line longer than this is a sentence that happens to start with a number.
MAX_HEADING_CHARS = 160


def parse_narrative(text: str) -> list[Block]:
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").strip()):
        for line in _lines(chunk):
            kind = Paragraph
            if line.startswith(("- ", "• ")):
                kind, line = ListItem, line[2:].strip()
            elif NUMBERED_HEADING.match(line) and len(line) <= MAX_HEADING_CHARS:
                kind = Heading
            blocks.append(kind(_runs(line)))
    return [block for block in blocks if block.text.strip()]


def _lines(chunk):
    # Inside one paragraph a new "- " line starts a new bullet; other line breaks are soft.
    lines, current = [], ""
    for raw in chunk.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if line.startswith(("- ", "• ")) and current:
            lines.append(current)
            current = line
        else:
            current = f"{current} {line}".strip()
    if current:
        lines.append(current)
    return lines


def _runs(line):
    runs, pos = [], 0
    for match in BOLD_RUN.finditer(line):
        if match.start() > pos:
            runs.append(Run(line[pos : match.start()]))
        runs.append(Run(match.group(1), bold=True))
        pos = match.end()
    if pos < len(line):
        runs.append(Run(line[pos:]))
    return runs


def preview_html(text: str, limit: int) -> SafeString:
    """The start of a narrative as one line of HTML, as the report page lists it: bold runs
    (the same rule as the documents) as <strong>, everything else escaped, cut after `limit`
    characters of text with an ellipsis. Cut after parsing, so a cut never leaves a stray **.
    """
    parts, left = [], limit
    for run in _runs(" ".join((text or "").split())):
        if left <= 0:
            break
        piece = run.text if len(run.text) <= left else run.text[: left - 1] + "…"
        left -= len(run.text)
        parts.append(format_html("<strong>{}</strong>", piece) if run.bold else escape(piece))
    return mark_safe("".join(parts))
