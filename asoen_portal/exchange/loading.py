"""Finding the stored record each row of a file stands for: import-export's instance loader.

Each resource names the columns that identify a row (`natural_key`) and, for registers that
export their database id ("Mã"), that column. The loader loads the existing rows once per
import (one query per 5,000 keys, related rows prefetched), so a re-imported file finds every
row without a query per line; and it refuses a second row for the same record, on the later
row, naming the earlier one.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _
from import_export.instance_loaders import BaseInstanceLoader

PRELOAD_CHUNK = 5000


class NaturalKeyInstanceLoader(BaseInstanceLoader):
    """Set as `instance_loader_class` in ExchangeResource.Meta; built once per import."""

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        self.by_pk = {}
        self.by_key = {}
        self.seen_keys = {}
        self.seen_pks = {}
        if dataset is not None:
            self._preload(dataset)

    def _preload(self, dataset):
        resource = self.resource
        first = resource.natural_key[0]
        model = resource._meta.model
        first_attname = model._meta.get_field(resource.fields[first].attribute).attname
        firsts, pks = set(), set()
        for data in dataset:
            row = dict(zip(dataset.headers, data, strict=False))
            try:
                pk = resource.row_pk(row)
            except ValidationError:
                pk = None
            if pk is not None:
                pks.add(pk)
                continue
            key = resource.row_key(row)
            if key is not None and key[0] is not None:
                firsts.add(key[0])
        for lookup, values in ((f"{first_attname}__in", firsts), ("pk__in", pks)):
            values = list(values)
            for start in range(0, len(values), PRELOAD_CHUNK):
                chunk = values[start : start + PRELOAD_CHUNK]
                for obj in resource.preload_queryset().filter(**{lookup: chunk}):
                    self.by_pk[obj.pk] = obj
                    self.by_key.setdefault(resource.object_key(obj), obj)

    def get_instance(self, row):
        resource = self.resource
        number = resource.excel_row(resource.row_number)
        pk = resource.row_pk(row)
        key = None
        if pk is not None:
            obj = self.by_pk.get(pk)
            if obj is None:
                label = resource.fields[resource.id_field].column_name
                raise ValidationError(
                    {
                        resource.id_field: _(
                            "Không có bản ghi mang mã {pk}; để trống cột «{label}» khi thêm "
                            "dòng mới."
                        ).format(pk=pk, label=label)
                    }
                )
        else:
            key = resource.row_key(row)
            obj = self.by_key.get(key) if key is not None else None
        earlier = self.seen_keys.get(key) if key is not None else None
        if earlier is None and obj is not None:
            earlier = self.seen_pks.get(obj.pk)
        if earlier is not None:
            raise ValidationError(
                {
                    NON_FIELD_ERRORS: _(
                        "Dòng này trùng với dòng {earlier} (cùng {key}); mỗi bản ghi chỉ được "
                        "có một dòng trong tệp."
                    ).format(earlier=earlier, key=resource.key_description())
                }
            )
        if key is not None:
            self.seen_keys[key] = number
        if obj is not None:
            self.seen_pks[obj.pk] = number
        return obj
