"""The language-neutral document tree of an edition of the annual report: types only.

`assemble.py` builds a `Document` from facts and a writer; renderers (`render_pdf.py`, later a
Word renderer) walk it. The tree holds finished text in one language but says nothing about
how it was worded or how it will be laid out, so this module imports nothing from either side.
"""

from dataclasses import dataclass, field


@dataclass
class Run:
    """A stretch of text with one style."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Block:
    """A block of runs. Renderers dispatch on `kind`; the subclasses below fix it."""

    runs: list[Run]
    kind: str = "p"

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass
class Paragraph(Block):
    kind: str = "p"


@dataclass
class ListItem(Block):
    """A dash bullet ("- ...") as Vietnamese administrative documents write them."""

    kind: str = "bullet"


@dataclass
class Heading(Block):
    """A run-in sub-heading inside a section ("1. Về tổ chức và cơ chế hoạt động")."""

    kind: str = "heading"


@dataclass
class Section:
    number: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)


@dataclass
class Letterhead:
    """The two-column heading of page 1 (Decree 30/2020, Appendix I)."""

    issuing_body: str
    issuing_unit: str
    number_line: str
    national_name: str
    motto: str
    place_date: str


@dataclass
class Signature:
    """The signer's position lines (one or more) and name."""

    position_lines: list[str]
    name: str


@dataclass
class Annex:
    title: str
    headers: list[str]
    rows: list[list[str]]


@dataclass
class Document:
    year: int
    language: str
    letterhead: Letterhead
    title: str
    sections: list[Section]
    signature: Signature
    recipients_label: str
    recipients: list[str]
    # "DỰ THẢO" / "DRAFT" on every page of a report leadership has not approved; "" otherwise.
    draft_mark: str = ""
    annex: Annex | None = None

    def text(self) -> str:
        """The whole body as plain text (tests and previews read this, not the PDF)."""
        lines = [self.title]

        def walk(section):
            lines.append(f"{section.number}. {section.title}")
            lines.extend(block.text for block in section.blocks)
            for child in section.children:
                walk(child)

        for section in self.sections:
            walk(section)
        lines.extend([*self.signature.position_lines, self.signature.name])
        return "\n".join(lines)
