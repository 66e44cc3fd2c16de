"""PAdES signing with pyHanko, from the bytes: validity, integrity, the visible appearance of
Decree 30 Appendix I, and the bad inputs that must fail with a clear Vietnamese message."""

import io
import re
import subprocess

import pikepdf
import pytest

from issuance.signing import SigningConfig, SigningError, sign_pdf_bytes
from reports.jobs import build_report_bytes
from reports.models import AnnualReport
from tests.issuance.conftest import validate_signature

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _vietnamese():
    """Messages come in the active language; an earlier test's English request may have left
    English active in this thread, so these read in the portal's default, Vietnamese."""
    from django.utils import translation

    with translation.override("vi"):
        yield


@pytest.fixture
def report_pdf(db):
    report = AnnualReport.objects.create(
        year=2026,
        number_symbol="03/BC-ASOEN",
        signer_name="Lê Công Thành",
        signer_title="Chủ tịch ASOEN Việt Nam",
    )
    return build_report_bytes(report=report, language="vi")


def config_for(files, **changes):
    fields = {
        "pkcs12_file": str(files.pkcs12_file),
        "pkcs12_password": files.password,
        "signature_image": str(files.signature_image),
        "seal_image": str(files.seal_image),
    }
    return SigningConfig(**{**fields, **changes})


def pyhanko_status(data, files):
    return validate_signature(data, files.certificate_file)


def test_signed_pdf_is_valid_intact_and_appends_to_the_unsigned_bytes(report_pdf, demo_signing):
    signed = sign_pdf_bytes(report_pdf, config=config_for(demo_signing))

    status = pyhanko_status(signed.data, demo_signing)
    assert (status.intact, status.valid, status.trusted, status.bottom_line) == (
        True,
        True,
        True,
        True,
    )
    assert status.coverage.name == "ENTIRE_FILE"
    assert "Lê Công Thành (DEMO - KHÔNG DÙNG THẬT)" in status.signing_cert.subject.human_friendly
    # An incremental update: the unsigned file is untouched, byte for byte, at the start.
    assert signed.data.startswith(report_pdf)
    assert signed.validation_summary == "INTACT:TRUSTED,UNTOUCHED"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", signed.signed_at.isoformat())
    assert abs((signed.signed_at - status.signer_reported_dt).total_seconds()) < 2


def test_tampering_after_signing_is_detected(report_pdf, demo_signing):
    signed = sign_pdf_bytes(report_pdf, config=config_for(demo_signing)).data
    offset = signed.index(b"/Title") + 10  # inside the signed range, in the Info dictionary
    tampered = signed[:offset] + bytes([signed[offset] ^ 1]) + signed[offset + 1 :]
    assert pyhanko_status(tampered, demo_signing).intact is False


def words_with_boxes(data):
    """[(word, xMin, yMin, xMax, yMax)] of the last page, top-down coordinates (poppler)."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    last_page = html.rsplit("<page", 1)[1]
    return [
        (word, float(x1), float(y1), float(x2), float(y2))
        for x1, y1, x2, y2, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<',
            last_page,
        )
    ]


def test_stamp_sits_between_position_and_name_with_seal_over_signature(report_pdf, demo_signing):
    signed = sign_pdf_bytes(report_pdf, config=config_for(demo_signing)).data
    pdf = pikepdf.open(io.BytesIO(signed))
    page = pdf.pages[-1]
    (widget,) = [a for a in page.Annots if a.get("/FT") == "/Sig" or a.get("/Parent")]
    x1, y1, x2, y2 = (float(v) for v in widget.Rect)
    height = float(page.mediabox[3])
    words = words_with_boxes(signed)
    title = next(w for w in words if w[0] == "TỊCH")  # "CHỦ TỊCH ASOEN VIỆT NAM"
    name = next(w for w in words if w[0] == "Thành")  # "Lê Công Thành"
    # Top-down: the title line ends above the stamp, the name starts below it.
    assert title[4] <= height - y2 + 1
    assert name[2] >= height - y1 - 1
    # Horizontally the stamp spans the signature column, over the name.
    assert x1 < name[1] and x2 > name[3]
    # Its appearance is a picture (signature + seal + text) with transparency.
    appearance = widget.AP.N
    (image,) = [xobj for xobj in _xobjects(appearance) if xobj.get("/Subtype") == "/Image"]
    assert "/SMask" in image
    assert pdf.Root.AcroForm.Fields[0].V.Filter == "/Adobe.PPKLite"
    assert pdf.Root.AcroForm.Fields[0].V.SubFilter == "/ETSI.CAdES.detached"


def _xobjects(form):
    found = []
    for xobj in form.get("/Resources", {}).get("/XObject", {}).values():
        found.append(xobj)
        if xobj.get("/Subtype") == "/Form":
            found.extend(_xobjects(xobj))
    return found


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"pkcs12_password": "sai-mat-khau"}, "Mật khẩu chứng thư số không đúng"),
        ({"pkcs12_password": ""}, "Chưa cấu hình mật khẩu chứng thư số"),
        ({"pkcs12_file": ""}, "Chưa cấu hình tệp chứng thư số"),
        ({"pkcs12_file": "/nonexistent/signer.p12"}, "Không đọc được tệp chứng thư số"),
        ({"signature_image": "/nonexistent/sig.png"}, "Không đọc được hình ảnh chữ ký"),
        ({"backend": "smartcard"}, "không được hỗ trợ"),
    ],
)
def test_bad_configuration_fails_with_a_vietnamese_message(
    report_pdf, demo_signing, changes, message
):
    with pytest.raises(SigningError, match=message):
        sign_pdf_bytes(report_pdf, config=config_for(demo_signing, **changes))


def test_expired_certificate_is_refused(report_pdf, expired_signing):
    with pytest.raises(SigningError, match=r"Chứng thư số đã hết hạn từ ngày 01/01/2024"):
        sign_pdf_bytes(report_pdf, config=config_for(expired_signing))


@pytest.mark.parametrize(
    "source",
    [b"", b"not a pdf at all", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "truncated"],
)
def test_corrupted_source_pdf_is_refused(report_pdf, demo_signing, source):
    if source == "truncated":
        source = report_pdf[: len(report_pdf) // 2]
    with pytest.raises(SigningError, match="Tệp PDF nguồn bị hỏng"):
        sign_pdf_bytes(source, config=config_for(demo_signing))


def test_english_message_when_english_is_active(report_pdf, demo_signing):
    from django.utils import translation

    with translation.override("en"), pytest.raises(SigningError, match="password"):
        sign_pdf_bytes(report_pdf, config=config_for(demo_signing, pkcs12_password="x"))


def test_signing_keeps_the_pdfa_identification(report_pdf, demo_signing):
    pdf = pikepdf.open(io.BytesIO(sign_pdf_bytes(report_pdf, config=config_for(demo_signing)).data))
    meta = pdf.open_metadata()
    part = meta["{http://www.aiim.org/pdfa/ns/id/}part"]
    conformance = meta["{http://www.aiim.org/pdfa/ns/id/}conformance"]
    assert (part, conformance) == ("3", "B")
    assert pdf.Root.OutputIntents[0].S == "/GTS_PDFA1"
    assert "/StructTreeRoot" in pdf.Root


def test_pkcs11_without_its_library_says_what_to_install(report_pdf):
    try:
        import pkcs11  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("python-pkcs11 is installed here")
    config = SigningConfig(backend="pkcs11", pkcs11_module="/usr/lib/softhsm/libsofthsm2.so")
    with pytest.raises(SigningError, match=r"Chưa cài đặt thư viện PKCS#11 \(python-pkcs11\)"):
        sign_pdf_bytes(report_pdf, config=config)
