"""What an edit page does when its save is refused with EditConflict (someone else saved in between): it says so,
shows the other person's values next to the user's own input (kept in the form), and arms the form with the version
now saved, so that saving again is a deliberate choice to replace the other version.

Used by every versioned edit page (meetings, agenda items, minutes, activities) instead of a copy per view.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.db import models
from django.shortcuts import redirect
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy

from common.versioning import EditConflict, with_current_version

CONFLICT_MESSAGE = gettext_lazy(
    "Someone else saved changes to this %(noun)s while you were editing, so your changes were NOT saved. "
    "Your text is kept in the form and their version is shown with it: save again to replace their version."
)
THEIR_VERSION = gettext_lazy("Their version, saved in the meantime:")


def conflict_message(noun) -> str:
    return CONFLICT_MESSAGE % {"noun": noun}


@dataclass(frozen=True)
class TheirValue:
    """One field where the version saved by someone else differs from what the user submitted."""

    name: str
    label: str
    theirs: str
    yours: str


def _display(instance, field: models.Field) -> str:
    value = getattr(instance, field.name)
    if value is None:
        return ""
    if field.choices:
        return str(getattr(instance, f"get_{field.name}_display")())
    return str(value)


def _submitted(form, name: str) -> str:
    value = form.cleaned_data.get(name) if hasattr(form, "cleaned_data") and name in form.cleaned_data else None
    if value is None:
        value = form.data.get(form.add_prefix(name), "")
    if isinstance(value, models.Model):
        return str(value)
    return "" if value is None else str(value)


def their_values(form, current: models.Model) -> list[TheirValue]:
    """The fields of ``form`` whose value in ``current`` (the row as now saved) differs from the user's input.
    Many-to-many fields are left out (their lists are shown by the form itself)."""
    differing = []
    concrete = {field.name: field for field in current._meta.concrete_fields}
    for name, form_field in form.fields.items():
        field = concrete.get(name)
        if field is None or name == "version":
            continue
        theirs = _display(current, field)
        if field.choices:
            yours = str(dict(field.flatchoices).get(_submitted(form, name), _submitted(form, name)))
        else:
            yours = _submitted(form, name)
        if theirs.strip() != yours.strip():
            differing.append(TheirValue(name, str(capfirst(form_field.label or name)), theirs, yours))
    return differing


def rebind_after_conflict(form_factory, data, conflict: EditConflict, current: models.Model | None = None):
    """The user's submitted ``data`` bound again with the version now saved (so a second save is deliberate),
    validated so its errors show, and carrying ``their_values`` when the current row is given. The other person's
    values are also added as a form-wide error, so a page that renders the form as a whole shows them."""
    form = form_factory(with_current_version(data, conflict.current_version))
    form.is_valid()
    form.their_values = their_values(form, current) if current is not None else []
    if form.their_values:
        listed = "; ".join(f"{value.label}: “{value.theirs}”" for value in form.their_values)
        form.add_error(None, f"{THEIR_VERSION} {listed}")
    return form


class EditConflictMixin:
    """For a view that saves a versioned form: ``form_after_conflict`` is the one recovery path.

    ``conflict_noun`` names the thing edited in the message ("meeting", "activity", "statement").
    """

    conflict_noun = gettext_lazy("record")

    def form_after_conflict(self, form_factory, conflict: EditConflict, current: models.Model | None = None):
        messages.error(self.request, conflict_message(self.conflict_noun))
        return rebind_after_conflict(form_factory, self.request.POST, conflict, current)


class VersionedUpdateMixin(EditConflictMixin):
    """For an UpdateView of a versioned model: ``save_versioned(form)`` saves through the service (claiming the
    version); a conflict re-renders the page with the user's input and the other person's values."""

    def save_versioned(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.object = self.save_versioned(form)
        except EditConflict as conflict:
            self.object = self.get_object()
            form = self.form_after_conflict(
                lambda data: self.get_form_class()(data, instance=self.get_object()), conflict, self.object
            )
            return self.render_to_response(self.get_context_data(form=form))
        success_message = self.get_success_message(form.cleaned_data) if hasattr(self, "get_success_message") else ""
        if success_message:
            messages.success(self.request, success_message)
        return redirect(self.get_success_url())
