"""One writer per language turns facts into sentences: `vi.py`, `en.py` (shared templates in
`base.py` and `lists.py`)."""

from reports.writers.base import Writer
from reports.writers.en import EnglishWriter
from reports.writers.vi import VietnameseWriter

WRITERS = {"vi": VietnameseWriter, "en": EnglishWriter}


def get_writer(language: str) -> Writer:
    """A fresh writer (it remembers which meetings it has described) for `language`."""
    return WRITERS[language]()
