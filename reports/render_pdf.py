"""The PDF renderer: `Document` (reports.document) → HTML (Django template) → PDF (WeasyPrint).

The layout follows Decree 30/2020/NĐ-CP, Appendix I: A4, margins 20/20/30/15 mm, Tinos
(Times New Roman metrics, full Vietnamese coverage) embedded, 13-14 pt text, national heading
and agency block, page numbers centred at the top from page 2. Only this module knows about
HTML and WeasyPrint; a Word renderer would take the same `Document`. It lays out, never words:
every text, the draft mark included, comes from the tree.
"""

import logging
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

FONT_STYLES = ("Regular", "Bold", "Italic", "BoldItalic")
# Tinos first (croscore); Liberation Serif 2.x has the same metrics and Vietnamese letters.
# Liberation 1.x (/usr/share/fonts/truetype/liberation/) lacks them, so it is never used.
FONT_CANDIDATES = (
    ("Tinos", "/usr/share/fonts/truetype/croscore/Tinos-{style}.ttf"),
    ("Liberation Serif", "/usr/share/fonts/truetype/liberation2/LiberationSerif-{style}.ttf"),
)


# WeasyPrint logs every layout step at INFO; the portal logs at INFO. Keep warnings only.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


class RenderError(Exception):
    """A permanent rendering failure (no usable font, a broken template): retrying won't help."""


def find_font_files():
    """(family, {style: path}) of the report font, from settings.REPORT_FONT_FILES (a
    {style: path} dict, family "Tinos") or the system."""
    configured = getattr(settings, "REPORT_FONT_FILES", None)
    if configured:
        missing = [path for path in configured.values() if not Path(path).is_file()]
        if missing:
            raise RenderError(f"Report font file not found: {', '.join(missing)}")
        return "Tinos", dict(configured)
    for family, pattern in FONT_CANDIDATES:
        files = {style: pattern.format(style=style) for style in FONT_STYLES}
        if all(Path(path).is_file() for path in files.values()):
            return family, files
        found = _fc_match(family)
        if found:
            return family, found
    raise RenderError("No Times-metric font with Vietnamese letters (install fonts-croscore).")


def _fc_match(family):
    """Ask fontconfig where `family` lives when it is installed outside Debian's paths."""
    if not shutil.which("fc-match"):
        return None
    files = {}
    for style in FONT_STYLES:
        fc_style = {"BoldItalic": "Bold Italic"}.get(style, style)
        result = subprocess.run(
            ["fc-match", "-f", "%{family}|%{file}", f"{family}:style={fc_style}"],
            capture_output=True,
            text=True,
            check=False,
        )
        found_family, _sep, path = result.stdout.partition("|")
        if family not in found_family or not Path(path).is_file():
            return None
        files[style] = path
    return files


def render_html(document):
    """The report as an HTML document (the template is language-free: the tree carries text)."""
    return render_to_string("reports/pdf/annual_report.html", {"doc": document})


def _css_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def stylesheet_text(draft_mark=""):
    family, fonts = find_font_files()
    return render_to_string(
        "reports/pdf/annual_report.css",
        {
            # The @font-face family is named after the font, so the PDF's font names say Tinos.
            "family": family,
            "fonts": {style: Path(path).as_uri() for style, path in fonts.items()},
            # Printed in the top-right margin of every page of a report not yet approved.
            "draft_mark": _css_string(draft_mark) if draft_mark else "",
        },
    )


def html_to_pdf(html, css_text, *, archive=None):
    """PDF bytes from the HTML (PDF/A-3b, tagged: see pdf_archive); WeasyPrint is imported
    here so start-up stays fast."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from reports.pdf_archive import write_archival_pdf

    font_config = FontConfiguration()
    stylesheet = CSS(string=css_text, font_config=font_config)
    document = HTML(string=html, base_url=str(settings.BASE_DIR)).render(
        stylesheets=[stylesheet], font_config=font_config, pdf_tags=True
    )
    return write_archival_pdf(document, archive)


def render_pdf(document, *, source_data: dict | None = None) -> bytes:
    """The archival PDF of `document`; `source_data` (the facts, header and narratives it was
    built from) travels inside it as JSON (see pdf_archive)."""
    from reports.pdf_archive import archive_for_document

    return html_to_pdf(
        render_html(document),
        stylesheet_text(document.draft_mark),
        archive=archive_for_document(document, source_data=source_data),
    )
