"""Helpers for the exchange tests: spreadsheets built in memory, as a user's Excel would."""

import csv
import datetime
import io
from contextlib import contextmanager

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from asoen_portal.exchange.reading import read_upload
from tests.factories import (
    LegalInstrumentFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    WorkingGroupFactory,
)


@pytest.fixture(autouse=True)
def _vietnamese():
    # A test that browses in English leaves English active in this thread; the messages the
    # services write are asserted in Vietnamese, the source language.
    from django.utils import translation

    translation.activate("vi")
    yield
    translation.activate("vi")


ACTIVITY_HEADERS = ["Nhóm công tác", "Loại hoạt động", "Tiêu đề", "Từ ngày", "Đến ngày", "Quốc gia"]


def xlsx_bytes(rows, *, merge=None, sheet_setup=None):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    if sheet_setup:
        sheet_setup(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows, *, encoding="utf-8", delimiter=","):
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode(encoding)


def sheet_of(content, name="du-lieu.xlsx"):
    return read_upload(io.BytesIO(content), name)


def upload(content, name="du-lieu.xlsx"):
    return SimpleUploadedFile(name, content)


@pytest.fixture
def groups(db):
    """The AWGNCB and AWGCC groups plus a meeting, an instrument: what activity rows point to."""
    ncb = WorkingGroupFactory(code="AWGNCB", name="Bảo tồn thiên nhiên", order=7)
    cc = WorkingGroupFactory(code="AWGCC", name="Biến đổi khí hậu", order=4)
    series = MeetingSeriesFactory(code="AWGNCB", working_group=ncb)
    MeetingFactory(series=series, number=36, year=2026)
    LegalInstrumentFactory(number="276/NQ-CP")
    LegalInstrumentFactory(number="372/NQ-CP", issued_on=datetime.date(2025, 11, 19))
    return {"AWGNCB": ncb, "AWGCC": cc}


def activity_rows():
    return [
        ACTIVITY_HEADERS,
        ["AWGNCB", "Tham dự hội nghị", "Tham dự AWGNCB 35", "15/06/2025", "17/06/2025", "Lào"],
        [
            "AWGCC",
            "Góp ý văn kiện",
            "Góp ý Tuyên bố chung COP30",
            datetime.date(2025, 9, 2),
            "",
            "VN",
        ],
    ]


@contextmanager
def broker_at(url):
    """Point this process's Celery app at `url` (a port of this suite's range) for the block."""
    from asoen_portal.celery import app

    saved = (app.conf.broker_url, app.conf.broker_transport_options)
    app.conf.broker_url = url
    app.conf.broker_transport_options = {}
    app._pool = None
    app.amqp._producer_pool = None
    try:
        yield app
    finally:
        app.conf.broker_url, app.conf.broker_transport_options = saved
        app._pool = None
        app.amqp._producer_pool = None


@contextmanager
def redis_server(port):
    """A redis-server of the test's own on 127.0.0.1:`port`, stopped when the block ends."""
    import shutil
    import socket
    import subprocess
    import time

    if shutil.which("redis-server") is None:
        pytest.skip("needs redis-server")
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
        + ["--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=10)
