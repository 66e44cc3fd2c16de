"""The base every register's `<Model>Resource` builds on.

What it adds to django-import-export's ModelResource:
- `Column`: a field with a Vietnamese header plus the English and attribute-name aliases an
  import also accepts, and whether the column must be present;
- natural import ids: each resource names the columns that identify a row (`natural_key`);
  existing rows are loaded once per import (one query per 5,000 keys, related rows
  prefetched), so a re-imported file finds every row without a query per line and unchanged
  rows are reported as "unchanged";
- duplicate rows inside one file are an error on the later row;
- history: rows are saved with per-save history muted and `HistoryBatch` writes one entry per
  created or changed row, with the importing user, at the end of the import;
- progress reported every 250 rows, for the job page.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, models
from django.utils.translation import gettext as _
from import_export import fields, resources
from import_export.results import RowResult
from import_export.widgets import ForeignKeyWidget, ManyToManyWidget

from asoen_portal.exchange.history import HistoryBatch
from asoen_portal.exchange.widgets import TextWidget
from asoen_portal.text import fold

PROGRESS_EVERY = 250
PRELOAD_CHUNK = 5000


class Column(fields.Field):
    """A spreadsheet column: Vietnamese header, English alias, cell converter."""

    def __init__(self, attribute, header, *, en, widget=None, required=False, readonly=False):
        super().__init__(
            attribute=attribute,
            column_name=header,
            widget=widget or TextWidget(),
            readonly=readonly,
        )
        self.aliases = (header, en, attribute)
        self.required = required


class PreciseDateColumn(Column):
    """A date column of a model with `date_precision`: exported as precisely as it is known
    ("2025", "07/2025" or a real date shown that way in Excel)."""

    def export(self, instance, **kwargs):
        precision = getattr(instance, "date_precision", "day") or "day"
        return self.widget.render(self.get_value(instance), precision=precision, **kwargs)


class NoDiff:
    """import-export renders every field of every row twice to build an HTML diff the portal
    never shows (its preview lists results and errors); that cost half of a 10,000-row import,
    most of it one query per many-to-many column per row."""

    def __init__(self, resource, instance, new):
        pass

    def compare_with(self, resource, instance):
        pass

    def as_html(self):
        return []


def _shown(field, value):
    """A value as the export writes it in a CSV cell, for the preview's old → new."""
    if isinstance(field.widget, ManyToManyWidget):
        return "; ".join(sorted(str(getattr(obj, field.widget.field)) for obj in value))
    shown = field.widget.render(value)
    return "" if shown is None else str(shown)


def _key_part(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    return value


class ExchangeResource(resources.ModelResource):
    """Base resource: natural ids, duplicate detection, bulk history, progress."""

    #: Resource field names whose values identify a row when there is no id column.
    natural_key = ()
    #: The field holding an explicit database id ("Mã"), if the register exports one.
    id_field = None

    class Meta:
        skip_unchanged = True
        report_skipped = True
        skip_html_diff = True
        clean_model_instances = True
        use_transactions = True
        import_id_fields = []

    def __init__(self, *, user=None, progress=None, line_numbers=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user
        self.progress = progress
        self.line_numbers = line_numbers
        self.history = None
        self._existing = {}
        self._by_pk = {}
        self._seen_keys = {}
        self._seen_pks = {}
        self._row_number = 0
        self._created = False
        self._broken_at = None
        self._changes = []
        self._wanted_m2m = {}

    # Headers ------------------------------------------------------------------------------

    def columns(self):
        return [field for field in self.fields.values() if isinstance(field, Column)]

    def header_aliases(self):
        """Folded header text → the column's Vietnamese header."""
        table = {}
        for column in self.columns():
            for alias in column.aliases:
                table[fold(alias)] = column.column_name
        return table

    def key_description(self):
        return ", ".join(f"«{self.fields[name].column_name}»" for name in self.natural_key)

    def excel_row(self, number):
        """The row number a user sees in Excel for the dataset's `number`-th data row."""
        if self.line_numbers:
            return self.line_numbers[number - 1]
        return number + 1

    # Natural keys ------------------------------------------------------------------------

    def make_key(self, values):
        key = tuple(_key_part(values.get(name)) for name in self.natural_key)
        return None if all(part is None for part in key) else key

    def row_key(self, row):
        values = {}
        for name in self.natural_key:
            field = self.fields[name]
            if field.column_name not in row:
                values[name] = None
                continue
            try:
                values[name] = field.clean(row)
            except (ValueError, ValidationError):
                return None  # the row's own validation reports the bad cell
        return self.make_key(values)

    def object_key(self, obj):
        values = {}
        for name in self.natural_key:
            model_field = obj._meta.get_field(self.fields[name].attribute)
            values[name] = getattr(obj, model_field.attname)
        return self.make_key(values)

    def row_pk(self, row):
        if self.id_field is None:
            return None
        value = row.get(self.fields[self.id_field].column_name)
        if value in (None, ""):
            return None
        try:
            return int(float(str(value).strip()))
        except ValueError:
            raise ValidationError(
                {self.id_field: _("«{value}» không phải là mã hợp lệ.").format(value=value)}
            ) from None

    def preload_queryset(self):
        # Related rows come with the existing rows: comparing a re-imported row with its
        # original must not cost a query per foreign key per row.
        m2m = [f.attribute for f in self.columns() if isinstance(f.widget, ManyToManyWidget)]
        fks = [
            f.attribute
            for f in self.columns()
            if isinstance(f.widget, ForeignKeyWidget) and not isinstance(f.widget, ManyToManyWidget)
        ]
        return self._meta.model.objects.select_related(*fks).prefetch_related(*m2m)

    def _preload(self, dataset):
        first = self.natural_key[0]
        first_attname = self._meta.model._meta.get_field(self.fields[first].attribute).attname
        firsts, pks = set(), set()
        for data in dataset:
            row = dict(zip(dataset.headers, data, strict=False))
            try:
                pk = self.row_pk(row)
            except ValidationError:
                pk = None
            if pk is not None:
                pks.add(pk)
                continue
            key = self.row_key(row)
            if key is not None and key[0] is not None:
                firsts.add(key[0])
        found = []
        for lookup, values in ((f"{first_attname}__in", firsts), ("pk__in", pks)):
            values = list(values)
            for start in range(0, len(values), PRELOAD_CHUNK):
                chunk = values[start : start + PRELOAD_CHUNK]
                found += self.preload_queryset().filter(**{lookup: chunk})
        for obj in found:
            self._by_pk[obj.pk] = obj
            self._existing.setdefault(self.object_key(obj), obj)

    def get_instance(self, instance_loader, row):
        number = self.excel_row(self._row_number)
        pk = self.row_pk(row)
        key = None
        if pk is not None:
            obj = self._by_pk.get(pk)
            if obj is None:
                label = self.fields[self.id_field].column_name
                raise ValidationError(
                    {
                        self.id_field: _(
                            "Không có bản ghi mang mã {pk}; để trống cột «{label}» khi thêm "
                            "dòng mới."
                        ).format(pk=pk, label=label)
                    }
                )
        else:
            key = self.row_key(row)
            obj = self._existing.get(key) if key is not None else None
        earlier = self._seen_keys.get(key) if key is not None else None
        if earlier is None and obj is not None:
            earlier = self._seen_pks.get(obj.pk)
        if earlier is not None:
            raise ValidationError(
                {
                    NON_FIELD_ERRORS: _(
                        "Dòng này trùng với dòng {earlier} (cùng {key}); mỗi bản ghi chỉ được "
                        "có một dòng trong tệp."
                    ).format(earlier=earlier, key=self.key_description())
                }
            )
        if key is not None:
            self._seen_keys[key] = number
        if obj is not None:
            self._seen_pks[obj.pk] = number
        return obj

    # Import workflow hooks -----------------------------------------------------------------

    def import_row(self, row, instance_loader, **kwargs):
        """The portal imports without a savepoint per row (two queries a row saved) inside one
        transaction it rolls back on any error. A database error therefore ends the useful
        part of the run: later rows are reported as not checked, pointing at the cause."""
        if self._broken_at is not None:
            self._row_number = kwargs.get("row_number", self._row_number + 1)
            row_result = self.get_row_result_class()()
            row_result.import_type = RowResult.IMPORT_TYPE_INVALID
            row_result.validation_error = ValidationError(
                {
                    NON_FIELD_ERRORS: _(
                        "Chưa kiểm tra được vì dòng {row} không ghi được; hãy sửa dòng đó trước."
                    ).format(row=self._broken_at)
                }
            )
            return row_result
        self._changes = []
        self._wanted_m2m = {}
        row_result = super().import_row(row, instance_loader, **kwargs)
        if any(isinstance(error.error, DatabaseError) for error in row_result.errors):
            self._broken_at = self.excel_row(self._row_number)
        row_result.changes = self._changes
        return row_result

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """import-export's comparison of the row with the stored record, also noting which
        cells changed (column, old, new as the export writes them) for the preview."""
        if import_validation_errors:
            return False
        changes = []
        for field in self.get_import_fields():
            if field.column_name not in row or field.readonly:
                continue
            if isinstance(field.widget, ManyToManyWidget):
                wanted = self._wanted_m2m[field.attribute] = field.clean(row)
                old = [] if original.pk is None else list(field.get_value(original).all())
                if sorted(obj.pk for obj in wanted) != sorted(obj.pk for obj in old):
                    changes.append((field, old, wanted))
                continue
            old, new = field.get_value(original), field.get_value(instance)
            if old != new:
                changes.append((field, old, new))
        if original.pk is not None:
            self._changes = [
                [field.column_name, _shown(field, old), _shown(field, new)]
                for field, old, new in changes
            ]
        return not changes

    def get_diff_class(self):
        return NoDiff

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """Model validation without the per-row queries that cannot fail here.

        Related rows were found by this import's look-ups, so Django's "does the related row
        exist" query is skipped for them; unique constraints mirror the natural keys, which
        the look-ups and the duplicate check already enforce; the one check constraint the
        registers have (end date not before start date) is checked in Python below.
        """
        errors = dict(import_validation_errors or {})
        related = [
            field.name
            for field in instance._meta.concrete_fields
            if field.is_relation and field.name in self.fields
        ]
        try:
            instance.full_clean(
                exclude=set(errors) | set(related),
                validate_unique=validate_unique,
                validate_constraints=False,
            )
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        start, end = getattr(instance, "start_date", None), getattr(instance, "end_date", None)
        if start and end and end < start and "end_date" not in errors:
            errors["end_date"] = [
                _("Ngày kết thúc ({end}) trước ngày bắt đầu ({start}).").format(
                    end=end.strftime("%d/%m/%Y"), start=start.strftime("%d/%m/%Y")
                )
            ]
        if errors:
            raise ValidationError(errors)

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        # The admin passes the signed-in user as a keyword; the portal sets it on creation.
        self.user = kwargs.get("user") or self.user
        self.history = HistoryBatch(self._meta.model, self.user)
        self._preload(dataset)

    def before_import_row(self, row, **kwargs):
        self._row_number = kwargs.get("row_number", self._row_number + 1)

    def save_instance(self, instance, is_create, row, **kwargs):
        self.before_save_instance(instance, row, **kwargs)
        self.history.mute(instance)
        if is_create and hasattr(instance, "created_by_id") and self.user is not None:
            instance.created_by = self.user
        instance.save(force_insert=is_create)
        self._created = is_create

    def save_m2m(self, instance, row, **kwargs):
        for field in self.get_import_fields():
            if not isinstance(field.widget, ManyToManyWidget) or field.column_name not in row:
                continue
            wanted = self._wanted_m2m.get(field.attribute)
            if wanted is None:
                wanted = field.clean(row)
            if self._created and not wanted:
                continue
            current = (
                set() if self._created else {obj.pk for obj in field.get_value(instance).all()}
            )
            if {obj.pk for obj in wanted} != current:
                getattr(instance, field.attribute).set(wanted)
        self.history.add(instance, created=self._created)

    def after_import_row(self, row, row_result, **kwargs):
        number = kwargs.get("row_number", 0)
        if self.progress is not None and number % PROGRESS_EVERY == 0:
            self.progress(number)

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if (
            kwargs.get("dry_run")
            or kwargs.get("preview")
            or result.has_errors()
            or result.has_validation_errors()
        ):
            return
        self.history.write()

    # Export --------------------------------------------------------------------------------

    def export_queryset(self, queryset):
        """Hook: add select_related/prefetch_related so exporting costs a few queries."""
        return queryset

    def filter_export(self, queryset, *, filterset_class=None, params=None, request=None, **kwargs):
        """import-export's hook for the exported rows: the list page's FilterSet applied to
        its GET parameters, so an export holds exactly the rows the page shows."""
        queryset = super().filter_export(queryset, **kwargs)
        if filterset_class is not None:
            queryset = filterset_class(params or {}, queryset=queryset, request=request).qs
        return self.export_queryset(queryset)
