"""PAdES signatures with pyHanko: the signer's key from configuration, the visible appearance of
Decree 30/2020/NĐ-CP Appendix I, and the validation every signed file passes before it is
offered. No models here: the job (issuance.signatures) and `manage.py sign_pdf` share it.

Appearance (Appendix I): the signer's signature image sits in the space between the position
line and the name, the seal image overlaps its left third, and a line gives the signing time
in ISO 8601, Vietnam time. The space is found from the named destinations the PDF renderer
writes for the elements `#signature-space` and `#signer-name` (WeasyPrint writes one for every
HTML id), so the stamp follows the layout wherever the signature block falls.
"""

import io
import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

FIELD_NAME = "ChuKySo"
SPACE_ANCHOR, NAME_ANCHOR = "signature-space", "signer-name"
# Used when a PDF carries no anchors (e.g. a file from elsewhere given to `sign_pdf`):
# the right half of the last page, above the bottom margin, in points.
FALLBACK_BOX_HEIGHT = 80
# The stamp picture is drawn at this scale (pixels per point) so it stays sharp in print.
PIXELS_PER_POINT = 4
SIGNATURE_BYTES_RESERVED = 16384


class SigningError(Exception):
    """A signature that cannot be made or does not validate; the message is for the user."""


@dataclass(frozen=True)
class SigningConfig:
    """Where the key and the images come from (settings.SIGNING_*, see .env.example)."""

    backend: str = "pkcs12"
    pkcs12_file: str = ""
    pkcs12_password: str = ""
    pkcs11_module: str = ""
    pkcs11_token_label: str = ""
    pkcs11_pin: str = ""
    pkcs11_cert_label: str = ""
    pkcs11_key_label: str = ""
    signature_image: str = ""
    seal_image: str = ""
    trust_roots: tuple[str, ...] = field(default_factory=tuple)
    location: str = "Hà Nội"

    @classmethod
    def from_settings(cls) -> "SigningConfig":
        return cls(
            backend=settings.SIGNING_KEY_BACKEND,
            pkcs12_file=settings.SIGNING_PKCS12_FILE,
            pkcs12_password=settings.SIGNING_PKCS12_PASSWORD,
            pkcs11_module=settings.SIGNING_PKCS11_MODULE,
            pkcs11_token_label=settings.SIGNING_PKCS11_TOKEN_LABEL,
            pkcs11_pin=settings.SIGNING_PKCS11_PIN,
            pkcs11_cert_label=settings.SIGNING_PKCS11_CERT_LABEL,
            pkcs11_key_label=settings.SIGNING_PKCS11_KEY_LABEL,
            signature_image=settings.SIGNING_SIGNATURE_IMAGE,
            seal_image=settings.SIGNING_SEAL_IMAGE,
            trust_roots=tuple(settings.SIGNING_TRUST_ROOTS),
        )


@dataclass(frozen=True)
class SignedPdf:
    data: bytes
    signed_at: datetime
    signer_subject: str
    certificate_serial: str
    validation_summary: str


# --- the key -------------------------------------------------------------------------------


def load_signer(config: SigningConfig):
    """A pyHanko signer for the configured key, refusing an expired certificate."""
    if config.backend == "pkcs11":
        signer = _load_pkcs11_signer(config)
    elif config.backend == "pkcs12":
        signer = _load_pkcs12_signer(config)
    else:
        raise SigningError(
            _("Cách ký số “{backend}” không được hỗ trợ (dùng pkcs12 hoặc pkcs11).").format(
                backend=config.backend
            )
        )
    _ensure_current(signer.signing_cert)
    return signer


def _load_pkcs12_signer(config):
    from pyhanko.sign import signers

    if not config.pkcs12_file:
        raise SigningError(_("Chưa cấu hình tệp chứng thư số (SIGNING_PKCS12_FILE)."))
    try:
        pkcs12_bytes = Path(config.pkcs12_file).read_bytes()
    except OSError as exc:
        raise SigningError(
            _("Không đọc được tệp chứng thư số {path}.").format(path=config.pkcs12_file)
        ) from exc
    if not config.pkcs12_password:
        raise SigningError(_("Chưa cấu hình mật khẩu chứng thư số (SIGNING_PKCS12_PASSWORD)."))
    try:
        return signers.SimpleSigner.load_pkcs12_data(
            pkcs12_bytes, other_certs=(), passphrase=config.pkcs12_password.encode()
        )
    except ValueError as exc:
        raise SigningError(
            _("Mật khẩu chứng thư số không đúng, hoặc tệp chứng thư số bị hỏng.")
        ) from exc


def _load_pkcs11_signer(config):
    """A USB token or HSM through its PKCS#11 module (needs `pip install python-pkcs11`)."""
    try:
        from pyhanko.config.pkcs11 import TokenCriteria
        from pyhanko.sign import pkcs11
    except ImportError as exc:
        raise SigningError(_("Chưa cài đặt thư viện PKCS#11 (python-pkcs11).")) from exc
    if not (config.pkcs11_module and config.pkcs11_pin):
        raise SigningError(
            _("Chưa cấu hình thư viện PKCS#11 hoặc mã PIN (SIGNING_PKCS11_MODULE, ...).")
        )
    try:
        session = pkcs11.open_pkcs11_session(
            config.pkcs11_module,
            token_criteria=TokenCriteria(label=config.pkcs11_token_label or None),
            user_pin=config.pkcs11_pin,
        )
        return pkcs11.PKCS11Signer(
            session,
            cert_label=config.pkcs11_cert_label or None,
            key_label=config.pkcs11_key_label or None,
        )
    except Exception as exc:  # the token's own errors are many and vendor-specific
        raise SigningError(
            _("Không mở được thiết bị ký số PKCS#11: {error}").format(error=exc)
        ) from exc


def _ensure_current(certificate):
    validity = certificate["tbs_certificate"]["validity"]
    not_before, not_after = validity["not_before"].native, validity["not_after"].native
    now = timezone.now()
    if now > not_after:
        raise SigningError(
            _("Chứng thư số đã hết hạn từ ngày {date}; không thể ký.").format(
                date=timezone.localtime(not_after).strftime("%d/%m/%Y")
            )
        )
    if now < not_before:
        raise SigningError(
            _("Chứng thư số chỉ có hiệu lực từ ngày {date}.").format(
                date=timezone.localtime(not_before).strftime("%d/%m/%Y")
            )
        )


# --- where the stamp goes, and what it shows -------------------------------------------------


def find_signature_box(data: bytes) -> tuple[int, tuple[float, float, float, float]]:
    """(page index, (x1, y1, x2, y2)) of the space between the signer's position and name."""
    import pikepdf

    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PdfError as exc:
        raise SigningError(_("Tệp PDF nguồn bị hỏng hoặc không phải là PDF.")) from exc
    with pdf:
        if len(pdf.pages) == 0:
            raise SigningError(_("Tệp PDF nguồn bị hỏng hoặc không phải là PDF."))
        anchors = _named_destinations(pdf)
        last = len(pdf.pages) - 1
        width = float(pdf.pages[last].mediabox[2])
        if SPACE_ANCHOR in anchors and NAME_ANCHOR in anchors:
            page, left, top = anchors[SPACE_ANCHOR]
            _name_page, _x, bottom = anchors[NAME_ANCHOR]
            # The block is centred in its column, which runs to the right margin (15 mm).
            right = width - 15 * 72 / 25.4
            centre, half = (left + right) / 2, min(right - left, 3 * (top - bottom)) / 2
            return pdf.pages.index(page), (centre - half, bottom, centre + half, top)
        logger.warning("No signature anchors in the PDF: stamp at the foot of the last page")
        return last, (width / 2, 60, width - 40, 60 + FALLBACK_BOX_HEIGHT)


def _named_destinations(pdf):
    import pikepdf

    found = {}
    names = pdf.Root.get("/Names")
    dests = names.get("/Dests") if names is not None else None
    if dests is None:
        return found
    for name, dest in pikepdf.NameTree(dests).items():
        if isinstance(dest, pikepdf.Dictionary):
            dest = dest.get("/D")
        if isinstance(dest, pikepdf.Array) and len(dest) >= 4 and str(dest[1]) == "/XYZ":
            found[str(name)] = (pikepdf.Page(dest[0]), float(dest[2]), float(dest[3]))
    return found


def compose_appearance(*, config: SigningConfig, box, lines: list[str]):
    """The stamp as one picture: signature image centred, the seal over its left third, and the
    text lines (signer, time) below, drawn in the report's font so Vietnamese reads right."""
    from PIL import Image, ImageDraw, ImageFont

    width = max(int((box[2] - box[0]) * PIXELS_PER_POINT), 1)
    height = max(int((box[3] - box[1]) * PIXELS_PER_POINT), 1)
    canvas = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    text_height = int(height * 0.22)
    art_height = height - text_height
    signature = _open_image(config.signature_image, _("hình ảnh chữ ký"))
    signature.thumbnail((int(width * 0.7), art_height))
    sig_left = (width - signature.width) // 2
    canvas.alpha_composite(signature, (sig_left, (art_height - signature.height) // 2))
    if config.seal_image:
        seal = _open_image(config.seal_image, _("hình ảnh con dấu"))
        seal.thumbnail((art_height, art_height))
        # Appendix I: the seal covers about a third of the signature, on its left.
        seal_left = max(sig_left + signature.width // 3 - seal.width, 0)
        canvas.alpha_composite(seal, (seal_left, (art_height - seal.height) // 2))
    draw = ImageDraw.Draw(canvas)
    font = ImageFont.truetype(_font_file(), size=max(text_height // max(len(lines), 1) - 4, 8))
    y = art_height
    for line in lines:
        draw.text((width // 2, y), line, fill=(0, 0, 160, 255), font=font, anchor="ma")
        y += text_height // max(len(lines), 1)
    return canvas


def _open_image(path, what):
    from PIL import Image, UnidentifiedImageError

    if not path:
        raise SigningError(_("Chưa cấu hình {what} (SIGNING_*_IMAGE).").format(what=what))
    try:
        with Image.open(path) as image:
            return image.convert("RGBA")
    except (OSError, UnidentifiedImageError) as exc:
        raise SigningError(
            _("Không đọc được {what}: {path}.").format(what=what, path=path)
        ) from exc


def _font_file():
    from reports.render_pdf import find_font_files

    return find_font_files()[1]["Regular"]


# --- signing and validating ------------------------------------------------------------------


def _off_the_event_loop(function, *args, **kwargs):
    """pyHanko's synchronous calls run asyncio.run(), which refuses to start in a thread whose
    event loop is already running (an async caller, a Playwright session in the same
    process): there, the call runs in a thread of its own."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return function(*args, **kwargs)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args, **kwargs).result()


def sign_pdf_bytes(data: bytes, *, config: SigningConfig | None = None) -> SignedPdf:
    """Sign `data` (a PDF) and validate the result; SigningError on any bad input."""
    from pyhanko import stamp
    from pyhanko.pdf_utils import images
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign import fields, signers

    config = config or SigningConfig.from_settings()
    signer = load_signer(config)
    page, box = find_signature_box(data)
    subject = signer.signing_cert.subject.native
    signer_name = subject.get("common_name", "")
    signed_at = timezone.localtime().replace(microsecond=0)
    picture = compose_appearance(
        config=config,
        box=box,
        lines=[
            _("Ký số bởi: {name}").format(name=signer_name),
            _("Thời gian ký: {time}").format(time=signed_at.isoformat()),
        ],
    )
    style = stamp.StaticStampStyle(background=images.PdfImage(picture), border_width=0)
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        name=signer_name,
        location=config.location,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    pdf_signer = signers.PdfSigner(
        meta,
        signer=signer,
        stamp_style=style,
        new_field_spec=fields.SigFieldSpec(FIELD_NAME, on_page=page, box=box),
    )
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        output = io.BytesIO()
        # A fixed reservation spares pyHanko a dry-run signature to measure the container;
        # 16 KiB holds a signature with a chain of several certificates.
        _off_the_event_loop(
            pdf_signer.sign_pdf, writer, output=output, bytes_reserved=SIGNATURE_BYTES_RESERVED
        )
    except (PdfError, ValueError, KeyError) as exc:
        raise SigningError(_("Tệp PDF nguồn bị hỏng hoặc không phải là PDF.")) from exc
    signed = output.getvalue()
    summary, reported_at = validate_signed_pdf(signed, config=config, signer=signer)
    return SignedPdf(
        data=signed,
        signed_at=timezone.localtime(reported_at) if reported_at else signed_at,
        signer_subject=signer.signing_cert.subject.human_friendly,
        certificate_serial=format(signer.signing_cert.serial_number, "X"),
        validation_summary=summary,
    )


def validate_signed_pdf(data: bytes, *, config: SigningConfig, signer=None):
    """pyHanko's validator on the file's last signature: intact, valid and trusted, covering
    the whole file. Returns (summary, signing time the signature reports)."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    roots = [_load_certificate(path) for path in config.trust_roots]
    if signer is not None and _is_self_signed(signer.signing_cert):
        # A self-signed certificate (the demo one) can only be its own root.
        roots.append(signer.signing_cert)
    # No network here: revocation is not fetched; the certificate's period was checked.
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    if not reader.embedded_signatures:
        raise SigningError(_("Tệp đã ký không chứa chữ ký số."))
    status = _off_the_event_loop(validate_pdf_signature, reader.embedded_signatures[-1], context)
    if not (status.intact and status.valid):
        raise SigningError(_("Chữ ký số không hợp lệ: nội dung đã bị thay đổi sau khi ký."))
    if not status.trusted:
        raise SigningError(
            _(
                "Chứng thư số không được xác thực bởi chứng thư gốc tin cậy nào "
                "(cấu hình SIGNING_TRUST_ROOTS)."
            )
        )
    if status.coverage.name != "ENTIRE_FILE":
        raise SigningError(_("Chữ ký số không bao trùm toàn bộ tệp."))
    return status.summary(), status.signer_reported_dt


def _load_certificate(path):
    from asn1crypto import pem, x509

    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise SigningError(
            _("Không đọc được chứng thư gốc tin cậy {path}.").format(path=path)
        ) from exc
    if pem.detect(raw):
        raw = pem.unarmor(raw)[2]
    return x509.Certificate.load(raw)


def _is_self_signed(certificate):
    return certificate.self_signed in ("maybe", "yes")
