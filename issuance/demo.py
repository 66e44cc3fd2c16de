"""A self-signed demo certificate and demo signature/seal images, for `make run` and the tests.

Everything it makes says DEMO / KHÔNG DÙNG THẬT: the certificate's names, the images' text.
A real signature needs a certificate from a licensed CA (e.g. the Government CA for civil
servants), configured through SIGNING_PKCS12_FILE or a PKCS#11 token.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path

DEMO_MARK = "DEMO - KHÔNG DÙNG THẬT"


@dataclass(frozen=True)
class DemoSigningFiles:
    pkcs12_file: Path
    password: str
    signature_image: Path
    seal_image: Path
    certificate_file: Path

    def environment(self) -> dict[str, str]:
        """The SIGNING_* variables that point the portal at these files."""
        return {
            "SIGNING_KEY_BACKEND": "pkcs12",
            "SIGNING_PKCS12_FILE": str(self.pkcs12_file),
            "SIGNING_PKCS12_PASSWORD": self.password,
            "SIGNING_SIGNATURE_IMAGE": str(self.signature_image),
            "SIGNING_SEAL_IMAGE": str(self.seal_image),
        }


def create_demo_signing(
    folder: Path,
    *,
    password: str = "asoen-demo",
    signer_name: str = "Lê Công Thành",
    valid_from: datetime.datetime | None = None,
    valid_days: int = 730,
) -> DemoSigningFiles:
    """Write demo-signer.p12 (+ .pem), demo-signature.png and demo-seal.png into `folder`."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    folder.mkdir(parents=True, exist_ok=True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, f"ASOEN Việt Nam ({DEMO_MARK})"),
            x509.NameAttribute(NameOID.COMMON_NAME, f"{signer_name} ({DEMO_MARK})"),
        ]
    )
    start = valid_from or datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=1)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + datetime.timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
        .sign(key, hashes.SHA256())
    )
    files = DemoSigningFiles(
        pkcs12_file=folder / "demo-signer.p12",
        password=password,
        signature_image=folder / "demo-signature.png",
        seal_image=folder / "demo-seal.png",
        certificate_file=folder / "demo-signer.pem",
    )
    files.pkcs12_file.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"asoen-demo",
            key,
            certificate,
            None,
            serialization.BestAvailableEncryption(password.encode()),
        )
    )
    files.certificate_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    _draw_signature(files.signature_image)
    _draw_seal(files.seal_image)
    return files


def _font(size):
    from PIL import ImageFont

    from reports.render_pdf import find_font_files

    return ImageFont.truetype(find_font_files()[1]["Bold"], size=size)


def _draw_signature(path):
    """A blue scribble on a transparent background, labelled as a demo."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (600, 240), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    blue = (20, 40, 170, 255)
    points = [(40 + x * 26, 120 + (35 if x % 2 else -35) + x * 2) for x in range(21)]
    draw.line(points, fill=blue, width=7, joint="curve")
    draw.line([(60, 190), (560, 150)], fill=blue, width=5)
    draw.text((300, 225), DEMO_MARK, fill=blue, font=_font(26), anchor="ms")
    image.save(path)


def _draw_seal(path):
    """A red round seal marked DEMO, on a transparent background."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (400, 400), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    red = (200, 20, 20, 230)
    draw.ellipse((10, 10, 390, 390), outline=red, width=14)
    draw.ellipse((60, 60, 340, 340), outline=red, width=5)
    draw.text((200, 160), "ASOEN", fill=red, font=_font(60), anchor="mm")
    draw.text((200, 235), "DEMO", fill=red, font=_font(52), anchor="mm")
    draw.text((200, 300), "KHÔNG DÙNG THẬT", fill=red, font=_font(26), anchor="mm")
    image.save(path)
