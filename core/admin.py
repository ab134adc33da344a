"""Admin helpers shared by every app."""

from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple


class SharedLabels:
    """The selected options of one autocomplete field across every row of an inline formset,
    fetched in one query. Django's widget queries once per row, so an inspection with 40
    findings would otherwise cost 40 queries per autocomplete field."""

    def __init__(self, widget):
        remote = widget.field.remote_field
        opts = remote.model._meta
        self.to_field = opts.get_field(getattr(remote, "field_name", opts.pk.attname)).attname
        self.queryset = widget.choices.queryset.using(widget.db)
        self.label = widget.choices.field.label_from_instance
        self.wanted = set()
        self.labels = None

    def add(self, value):
        values = value if isinstance(value, list | tuple) else [value]
        self.wanted |= {str(v) for v in values if v not in (None, "")}

    def choices(self, selected):
        if self.labels is None or not selected <= self.labels.keys():
            self.wanted |= selected
            rows = self.queryset.filter(**{f"{self.to_field}__in": self.wanted})
            self.labels = {
                str(getattr(o, self.to_field)): (getattr(o, self.to_field), self.label(o))
                for o in rows
            }
        return [self.labels[key] for key in self.labels if key in selected]


class BatchedAutocompleteMixin:
    shared_labels = None

    def optgroups(self, name, value, attr=None):
        if self.shared_labels is None:
            return super().optgroups(name, value, attr)
        # As AutocompleteMixin.optgroups, with the labels from the shared lookup.
        default = (None, [], 0)
        selected = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        if not self.is_required and not self.allow_multiple_selected:
            default[1].append(self.create_option(name, "", "", False, 0))
        for option_value, option_label in self.shared_labels.choices(selected):
            index = len(default[1])
            default[1].append(self.create_option(name, option_value, option_label, selected, index))
        return [default]


class BatchedAutocompleteSelect(BatchedAutocompleteMixin, AutocompleteSelect):
    pass


class BatchedAutocompleteSelectMultiple(BatchedAutocompleteMixin, AutocompleteSelectMultiple):
    pass


class BatchedAutocompleteInlineMixin:
    """For inlines with ``autocomplete_fields``: one query per field, however many rows."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = BatchedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = BatchedAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        class BatchedFormSet(formset):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                share_autocomplete_labels(self.forms)

        return BatchedFormSet


def share_autocomplete_labels(forms):
    shared = {}
    for form in forms:
        for name, field in form.fields.items():
            widget = getattr(field.widget, "widget", field.widget)
            if isinstance(widget, BatchedAutocompleteMixin):
                if name not in shared:
                    shared[name] = SharedLabels(widget)
                widget.shared_labels = shared[name]
                shared[name].add(form[name].value())


class KeepRecordsMixin:
    """What users entered is never deleted from the interface: corrections are edits, and the
    history keeps every version. (Works for model admins and inlines alike.)"""

    can_delete = False

    def has_delete_permission(self, request, obj=None):
        return False
