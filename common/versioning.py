"""Optimistic locking shared by the apps: a save names the version it was based on and is refused with
EditConflict when someone else saved in between (``UPDATE ... WHERE version = N``), so no one's changes are lost."""

from django import forms
from django.db.models import F


class EditConflict(Exception):
    """Someone else saved the object after the user loaded it; the user's changes were not saved."""

    def __init__(self, current_version: int):
        super().__init__(f"The object is now at version {current_version}.")
        self.current_version = current_version


def claim_version(model, pk: int, expected_version: int) -> int:
    """Move the row from ``expected_version`` to the next version, or raise EditConflict.

    The UPDATE locks the row until the transaction ends, so of two concurrent saves based on the same
    version exactly one succeeds.
    """
    claimed = model.objects.filter(pk=pk, version=expected_version).update(version=F("version") + 1)
    if not claimed:
        current = model.objects.filter(pk=pk).values_list("version", flat=True).first()
        raise EditConflict(current_version=current or 0)
    return expected_version + 1


class VersionedFormMixin(forms.Form):
    """A hidden field carrying the version the user started from."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class VersionedModelFormMixin(VersionedFormMixin):
    """For a ModelForm of a versioned model: an edit carries the version it started from; a new object has none."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        self.fields["version"].required = self.instance.pk is not None


def with_current_version(data, current_version: int):
    """The submitted form data with the version the user has now seen, so a second save is deliberate."""
    data = data.copy()
    data["version"] = str(current_version)
    return data
