"""An edition of the report: the document tree of `report` in one language.

A report not yet approved is built from the records as they are now. At approval the facts,
narratives and heading fields are frozen into `AnnualReport.snapshot` (with its SHA-256 in
`snapshot_hash`); every later edition of the approved report is built from that snapshot, so
records changed afterwards cannot change what leadership approved.
"""

import hashlib
import json

from reports.assemble import assemble_document
from reports.document import Document
from reports.facts import YearFacts, gather_facts
from reports.writers import get_writer

HEADER_FIELDS = (
    "year",
    "number_symbol",
    "place",
    "place_en",
    "issuing_body",
    "issuing_body_en",
    "issuing_unit",
    "issuing_unit_en",
    "signer_name",
    "signer_name_en",
    "signer_title",
    "signer_title_en",
    "recipients",
    "recipients_en",
)


def report_header(report) -> dict:
    header = {name: getattr(report, name) for name in HEADER_FIELDS}
    header["report_date"] = report.report_date.isoformat() if report.report_date else None
    return header


def report_narratives(report) -> dict:
    texts: dict = {"vi": {}, "en": {}}
    for narrative in report.narratives.all():
        if narrative.text.strip():
            texts.setdefault(narrative.language, {})[narrative.section] = narrative.text
    return texts


def live_content(report) -> dict:
    """What the report says if it were approved now (JSON data)."""
    return {
        "facts": gather_facts(report.year).to_dict(),
        "header": report_header(report),
        "narratives": report_narratives(report),
    }


def content_hash(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def report_content(report) -> dict:
    if report.is_frozen and report.snapshot:
        return report.snapshot
    return live_content(report)


def build_document(report, language: str) -> Document:
    content = report_content(report)
    return assemble_document(
        facts=YearFacts.from_dict(content["facts"]),
        header=content["header"],
        narratives=content["narratives"],
        writer=get_writer(language),
        draft=not report.is_frozen,
    )
