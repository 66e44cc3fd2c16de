"""Form pieces every app's forms share."""

import copy

from django import forms


class DateInput(forms.DateInput):
    """The browser's date picker: it shows and posts ISO dates (yyyy-mm-dd) whatever the page
    language; a date typed by hand is read day first (DATE_INPUT_FORMATS)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class RecordForm(forms.ModelForm):
    """A ModelForm that never changes the record it edits.

    A bound ModelForm writes the posted values into its instance while it validates, i.e.
    before the service has checked who may save them: a check that reads the record (its
    group, its owner) would then judge the posted values, not the stored ones. So the form
    validates a copy; the view hands `cleaned_data` to the service, which checks permission
    on the untouched record and then assigns the fields explicitly.
    """

    def __init__(self, *args, instance=None, **kwargs):
        super().__init__(*args, instance=copy.copy(instance), **kwargs)
