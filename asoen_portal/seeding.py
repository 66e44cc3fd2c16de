"""Load the seed facts (asoen_portal/seed/*.yaml) into the models, idempotently.

Each YAML file is a list of blocks:

    - model: working_groups.WorkingGroup
      key: [code]            # fields that identify a record across runs
      records:
        - code: AWGNCB
          focal_unit: null
          ...

Foreign keys and many-to-many values are written as natural keys ("AWGNCB", "AWGNCB 36",
"276/NQ-CP", 2025 for a report) and resolved through NATURAL_KEYS. A record whose fields
already hold the seed's values is left alone, so a second run writes nothing and adds no
history rows.
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.apps import apps
from django.db import models, transaction

SEED_DIR = Path(__file__).resolve().parent / "seed"


def _meeting_by_natural_key(model, value):
    """ "AWGNCB 36" is a numbered meeting; "CAFBE 2025" (a year) an unnumbered one."""
    code, _, suffix = str(value).rpartition(" ")
    if not code or not suffix.isdigit():
        raise ValueError(f"Meeting key must look like 'SERIES NUMBER': {value!r}")
    number = int(suffix)
    if number >= 1990:
        return model.objects.get(series__code=code, number__isnull=True, year=number)
    return model.objects.get(series__code=code, number=number)


NATURAL_KEYS = {
    "working_groups.WorkingGroup": "code",
    "working_groups.FocalUnit": "name",
    "working_groups.Task": None,
    "meetings.MeetingSeries": "code",
    "meetings.Meeting": _meeting_by_natural_key,
    "heritage_parks.Programme": "code",
    "heritage_parks.EscAwardRound": None,
    "cooperation.LegalInstrument": "number",
    "cooperation.Partner": "code",
    "cooperation.AseanDocument": "code",
    "cooperation.PartnerProject": "code",
    "reports.AnnualReport": "year",
}


def _resolve(model, value):
    label = model._meta.label
    if isinstance(value, dict):
        return model.objects.get(**value)
    lookup = NATURAL_KEYS.get(label)
    if callable(lookup):
        return lookup(model, value)
    if lookup is None:
        raise ValueError(f"{label} has no natural key; reference it with a mapping")
    return model.objects.get(**{lookup: value})


@dataclass
class SeedResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    by_model: dict = field(default_factory=dict)

    def count(self, label, outcome):
        setattr(self, outcome, getattr(self, outcome) + 1)
        self.by_model.setdefault(label, {"created": 0, "updated": 0, "unchanged": 0})
        self.by_model[label][outcome] += 1


def _split_fields(model, record):
    """Turn one YAML record into (plain field values, m2m values) with FKs resolved."""
    values, m2m = {}, {}
    for name, raw in record.items():
        f = model._meta.get_field(name)
        if f.many_to_many:
            m2m[name] = [_resolve(f.related_model, v) for v in raw or []]
        elif f.is_relation:
            values[name] = None if raw is None else _resolve(f.related_model, raw)
        elif isinstance(f, models.TextField | models.CharField) and raw is None:
            values[name] = ""
        elif isinstance(raw, str) and isinstance(f, models.TextField):
            values[name] = raw.strip()
        else:
            values[name] = raw
    return values, m2m


def _load_block(block, result):
    model = apps.get_model(block["model"])
    key_fields = block["key"]
    label = model._meta.label
    for record in block["records"]:
        values, m2m = _split_fields(model, record)
        lookup = {k: values[k] for k in key_fields}
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**values)
            obj.full_clean(validate_unique=False, validate_constraints=False)
            obj.save()
            outcome = "created"
        else:
            changed = [k for k, v in values.items() if getattr(obj, k) != v]
            if changed:
                for k in changed:
                    setattr(obj, k, values[k])
                obj.save()
            outcome = "updated" if changed else "unchanged"
        for name, targets in m2m.items():
            manager = getattr(obj, name)
            if set(manager.all()) != set(targets):
                manager.set(targets)
                if outcome == "unchanged":
                    outcome = "updated"
        result.count(label, outcome)


def load_seed(*, directory=SEED_DIR):
    """Load every seed file in name order inside one transaction; return what changed."""
    result = SeedResult()
    with transaction.atomic():
        for path in sorted(Path(directory).glob("*.yaml")):
            for block in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
                _load_block(block, result)
    return result
