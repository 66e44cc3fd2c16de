"""The base every register's `<Model>Resource` builds on, through django-import-export's own
extension points.

What it adds to django-import-export's ModelResource:
- `Column`: a field with a Vietnamese header plus the English and attribute-name aliases an
  import also accepts, and whether the column must be present;
- natural import ids (`natural_key`, `id_field`), resolved by `NaturalKeyInstanceLoader`
  (loading.py: existing rows preloaded, duplicate rows in one file refused);
- writes in bulk (import-export's `use_bulk`, 1,000 rows a query) inside import-export's own
  transaction, which it rolls back for a dry run (the preview), a row that failed to save or
  a row with a validation error: all rows or none. Many-to-many cells are written right after
  each batch, and `HistoryBatch` writes one history entry per created or changed row, with
  the importing user, at the end of the import;
- which cells of an updated row changed (old → new), for the preview;
- progress reported every 250 rows, for the job page;
- exports filtered by the register's list FilterSet (`filter_export`).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import fields, resources
from import_export.widgets import ForeignKeyWidget, ManyToManyWidget

from asoen_portal.exchange.bulk import update_in_bulk
from asoen_portal.exchange.history import HistoryBatch
from asoen_portal.exchange.loading import NaturalKeyInstanceLoader
from asoen_portal.exchange.widgets import TextWidget
from asoen_portal.text import fold

PROGRESS_EVERY = 250
BATCH_SIZE = 1000


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
    """Base resource: natural ids, bulk writes, bulk history, changed cells, progress."""

    #: Resource field names whose values identify a row when there is no id column.
    natural_key = ()
    #: The field holding an explicit database id ("Mã"), if the register exports one.
    id_field = None

    class Meta:
        skip_unchanged = True
        report_skipped = True
        # No deep copy of each stored row (with its related rows and prefetch caches: about
        # 45 % of an update's time): `after_init_instance` keeps only the values `skip_row`
        # compares.
        skip_diff = True
        skip_html_diff = True
        clean_model_instances = True
        use_transactions = True
        use_bulk = True
        batch_size = BATCH_SIZE
        import_id_fields = []
        instance_loader_class = NaturalKeyInstanceLoader

    def __init__(self, *, user=None, progress=None, line_numbers=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user
        self.progress = progress
        self.line_numbers = line_numbers
        self.history = None
        self.row_number = 0
        self._changes = []
        self._wanted_m2m = {}
        # The stored values of the current row's record, before the row is applied to it:
        # the import fields' values (for `skip_row`) and every column (for `bulk_update`).
        self._original = {}
        self._stored_columns = {}
        # The columns any updated row of the current batch changed: all bulk_update writes.
        self._changed_columns = set()
        # Many-to-many cells of rows waiting in the current batch: (instance, {field: objs}).
        self._pending_m2m = []

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

    # Natural keys (used by NaturalKeyInstanceLoader) ------------------------------------

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

    # Import workflow hooks -----------------------------------------------------------------

    def get_diff_class(self):
        return NoDiff

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.user = kwargs.get("user") or self.user
        self.history = HistoryBatch(self._meta.model, self.user)

    def before_import_row(self, row, **kwargs):
        self.row_number = kwargs.get("row_number", self.row_number + 1)
        self._changes = []
        self._wanted_m2m = {}
        self._original = {}
        self._stored_columns = {}

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        if new:
            return
        self._stored_columns = {
            field.attname: getattr(instance, field.attname)
            for field in instance._meta.concrete_fields
        }
        for field in self.get_import_fields():
            if field.column_name not in row or field.readonly:
                continue
            value = field.get_value(instance)
            if isinstance(field.widget, ManyToManyWidget):
                value = list(value.all())  # the preloaded links, before the row's
            self._original[field.attribute] = value

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """import-export's comparison of the row with the stored record (as it was before
        the row, kept by `after_init_instance`), also noting which cells changed (column,
        old, new as the export writes them) for the preview."""
        if import_validation_errors:
            return False
        stored = instance.pk is not None
        changes = []
        for field in self.get_import_fields():
            if field.column_name not in row or field.readonly:
                continue
            if isinstance(field.widget, ManyToManyWidget):
                wanted = self._wanted_m2m[field.attribute] = field.clean(row)
                old = self._original.get(field.attribute, [])
                if sorted(obj.pk for obj in wanted) != sorted(obj.pk for obj in old):
                    changes.append((field, old, wanted))
                continue
            old, new = self._original.get(field.attribute), field.get_value(instance)
            if old != new:
                changes.append((field, old, new))
        if stored:
            self._changes = [
                [field.column_name, _shown(field, old), _shown(field, new)]
                for field, old, new in changes
            ]
        return not changes

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """Model validation without the per-row queries that cannot fail here.

        Related rows were found by this import's look-ups, or kept from the stored record, so
        Django's "does the related row exist" query is skipped for them; unique constraints
        mirror the natural keys, which the look-ups and the duplicate check already enforce;
        the one check constraint the registers have (end date not before start date) is
        checked in Python below.
        """
        errors = dict(import_validation_errors or {})
        related = [
            field.name
            for field in instance._meta.concrete_fields
            if field.is_relation
            and (
                field.name in self.fields
                # Kept from the stored record (its author, say): the database's own
                # foreign key vouches for it.
                or self._stored_columns.get(field.attname, object())
                == getattr(instance, field.attname)
            )
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

    def before_save_instance(self, instance, row, **kwargs):
        super().before_save_instance(instance, row, **kwargs)
        if instance.pk is not None and any(
            field.name == "version" for field in instance._meta.concrete_fields
        ):
            # A form opened before the import must find the record changed (optimistic check).
            instance.version += 1

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        if instance.pk is not None:
            self._changed_columns.update(
                attname
                for attname, value in self._stored_columns.items()
                if getattr(instance, attname) != value
            )

    def save_m2m(self, instance, row, **kwargs):
        """In bulk mode import-export writes no many-to-many cells; they wait with their row
        and are written right after its batch (`bulk_create`, `bulk_update`)."""
        wanted = {}
        for field in self.get_import_fields():
            if isinstance(field.widget, ManyToManyWidget) and field.column_name in row:
                objs = self._wanted_m2m.get(field.attribute)
                wanted[field] = field.clean(row) if objs is None else objs
        self._pending_m2m.append((instance, wanted))

    def get_bulk_update_fields(self):
        """Only the columns the batch's rows changed, and what `_prepare_for_bulk` derives:
        writing every column of a register made an update import 7 times slower than
        creating the same rows."""
        derived = {"updated_at", "search_text"}
        return [
            field.name
            for field in self._meta.model._meta.concrete_fields
            if not field.primary_key
            and (field.attname in self._changed_columns or field.name in derived)
        ]

    def _prepare_for_bulk(self, instances, *, created):
        # bulk_create/bulk_update skip Model.save(): do here what the models' save() and
        # auto_now do, so an imported row reads as one saved through a form.
        now = timezone.now()
        for instance in instances:
            if hasattr(instance, "refresh_search_text"):
                instance.refresh_search_text()
            if hasattr(instance, "updated_at"):
                instance.updated_at = now
            if created and hasattr(instance, "created_by_id") and self.user is not None:
                instance.created_by = self.user

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        instances = list(self.create_instances)
        self._prepare_for_bulk(instances, created=True)
        super().bulk_create(using_transactions, dry_run, raise_errors, batch_size, result)
        self._write_pending_m2m(instances, created=True)

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        """import-export's bulk update (same error handling), written by `update_in_bulk`:
        Django's bulk_update, which import-export calls, costs rows × rows."""
        instances = list(self.update_instances)
        self._prepare_for_bulk(instances, created=False)
        if instances and (using_transactions or not dry_run):
            try:
                update_in_bulk(self._meta.model, instances, self.get_bulk_update_fields())
            except Exception as error:
                self.handle_import_error(result, error, raise_errors)
            finally:
                self.update_instances.clear()
        self._changed_columns = set()
        self._write_pending_m2m(instances, created=False)

    def _write_pending_m2m(self, instances, *, created):
        ids = {id(instance) for instance in instances}
        pending = [(obj, wanted) for obj, wanted in self._pending_m2m if id(obj) in ids]
        self._pending_m2m = [(obj, w) for obj, w in self._pending_m2m if id(obj) not in ids]
        through_rows = {}
        for instance, wanted in pending:
            if instance.pk is None:
                continue  # its batch failed; the import is rolled back
            for field, objs in wanted.items():
                manager = getattr(instance, field.attribute)
                if created:
                    # A new row has no links yet: one INSERT per field and batch for all.
                    through = manager.through
                    source, target = manager.source_field_name, manager.target_field_name
                    through_rows.setdefault(through, []).extend(
                        through(**{f"{source}_id": instance.pk, f"{target}_id": obj.pk})
                        for obj in objs
                    )
                elif {obj.pk for obj in objs} != {
                    obj.pk for obj in field.get_value(instance).all()
                }:
                    self.history.mute(instance)  # one history entry, written by HistoryBatch
                    manager.set(objs)
            self.history.add(instance, created=created)
        for through, rows in through_rows.items():
            through.objects.bulk_create(rows, batch_size=2000)

    def after_import_row(self, row, row_result, **kwargs):
        row_result.changes = self._changes
        number = kwargs.get("row_number", 0)
        if self.progress is not None and number % PROGRESS_EVERY == 0:
            self.progress(number)

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if kwargs.get("dry_run") or result.has_errors() or result.has_validation_errors():
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
