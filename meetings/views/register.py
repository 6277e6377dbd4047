"""Secretariat pages: keep a meeting's participation register (rows, walk-ins, invited organisations, named people)."""

import re

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import TemplateView

from meetings import services
from meetings.forms import (
    WALK_IN_PREFIX,
    AddParticipantForm,
    AttendanceOptionsForm,
    InviteOrganizationsForm,
    ParticipationFormSet,
    ParticipationRowForm,
    WalkInForm,
)
from meetings.views.editing import MeetingEditMixin, apply_validation_error


class ParticipationRegisterView(MeetingEditMixin, TemplateView):
    """The whole list in one form (role and status per row, the headcount, and a walk-in, whose inputs belong to this
    form so that recording one also saves the rows), plus inviting organisations and naming people.

    Each row carries its version and the values it was shown with: a save writes only what the user changed, and a
    row someone else changed meanwhile in the same field comes back with both values for the user to decide
    ("Keep mine" names the version now saved; "Take theirs" drops the user's change). With JavaScript each row is
    saved as it is changed (RegisterRowView)."""

    template_name = "meetings/participation_register.html"

    def get_formset(self, data=None):
        queryset = (
            self.get_meeting()
            .participations.select_related("organization", "contact", "named_by__contact")
            .order_by("organization__name", "contact__name", "id")
        )
        return ParticipationFormSet(data, queryset=queryset, prefix="participants")

    def get_walk_in_form(self, data=None):
        return WalkInForm(data, meeting=self.get_meeting(), prefix=WALK_IN_PREFIX, on_register=True)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.get_meeting()
        formset = context.setdefault("formset", self.get_formset())
        rows = [form.instance for form in formset.forms if form.instance.pk]
        context.setdefault("invite_form", InviteOrganizationsForm(meeting=meeting))
        context.setdefault("add_form", AddParticipantForm())
        context.setdefault("options_form", AttendanceOptionsForm(initial={"headcount": meeting.headcount}))
        context.setdefault("walk_in_form", self.get_walk_in_form())
        context.update(
            meeting=meeting,
            rollup=services.attendance_by_organization(rows),
            uninvited_member_count=meeting.series.members.exclude(participations__meeting=meeting).count(),
            expected_count=len(services.expected_to_attend(meeting, rows)),
            open_count=sum(row.status in services.STILL_OPEN for row in rows),
        )
        return context

    def post(self, request, *args, **kwargs):
        return self.save_page(walk_in_required=False)

    def save_page(self, *, walk_in_required: bool):
        """Save the rows the user changed and the headcount, then the walk-in when one is given (always from the
        walk-in's button): the rows are saved even when the walk-in has an error, so no click is lost."""
        request = self.request
        meeting = self.get_meeting()
        data = with_row_decisions(request.POST, meeting)
        formset = self.get_formset(data)
        options_form = AttendanceOptionsForm(data)
        walk_in_form = self.get_walk_in_form(data)
        if not (formset.is_valid() and options_form.is_valid()):
            messages.error(request, _("The register was not saved: correct the rows marked below."))
            return self.render_to_response(
                self.get_context_data(formset=formset, options_form=options_form, walk_in_form=walk_in_form)
            )
        try:
            with transaction.atomic():
                recorded = services.record_attendance(
                    meeting=meeting,
                    changes=[change for form in formset.forms if (change := form.row_change())],
                    mark_expected_attended="mark_expected_attended" in data,
                    mark_all_attended="mark_all_attended" in data,
                    confirmed_before_start=options_form.cleaned_data["confirm_before_start"],
                    user=request.user,
                )
                services.set_headcount(
                    meeting=meeting, headcount=options_form.cleaned_data["headcount"], user=request.user
                )
        except ValidationError as error:
            apply_validation_error(options_form, error)
            messages.error(request, _("The register was not saved: correct the rows marked below."))
            return self.render_to_response(
                self.get_context_data(formset=formset, options_form=options_form, walk_in_form=walk_in_form)
            )
        walk_in_given = walk_in_required or walk_in_form.has_changed()
        walk_in_recorded = walk_in_given and self.record_walk_in(walk_in_form, options_form)
        if recorded.saved or recorded.removed or not walk_in_given:
            messages.success(request, _("The participation register has been saved."))
        if recorded.conflicts:
            messages.warning(request, conflicts_message(len(recorded.conflicts)))
        if recorded.conflicts or (walk_in_given and not walk_in_recorded):
            formset = self.formset_with_conflicts(recorded.conflicts) if recorded.conflicts else self.get_formset()
            context = {"formset": formset, "options_form": options_form}
            if walk_in_given and not walk_in_recorded:
                context["walk_in_form"] = walk_in_form
            return self.render_to_response(self.get_context_data(**context))
        return redirect("meetings:meeting-participants", pk=meeting.pk)

    def record_walk_in(self, walk_in_form, options_form) -> bool:
        """Record the walk-in, or leave its errors on the form. Either confirmation on the page counts."""
        if not walk_in_form.is_valid():
            return False
        try:
            participation = services.record_walk_in(
                meeting=self.get_meeting(),
                name=walk_in_form.cleaned_data["name"],
                organization=walk_in_form.cleaned_data["organization"],
                create_contact=walk_in_form.cleaned_data["create_contact"],
                confirmed_before_start=walk_in_form.cleaned_data.get("confirm_before_start", False)
                or options_form.cleaned_data["confirm_before_start"],
                user=self.request.user,
            )
        except ValidationError as error:
            apply_validation_error(walk_in_form, error)
            return False
        name = participation.contact.name if participation.contact_id else participation.attendee_name
        messages.success(self.request, _("Recorded %(name)s as attended.") % {"name": name})
        return True

    def formset_with_conflicts(self, conflicts: list[services.RowConflict]):
        """The register as now saved, except the rows in conflict: those show the user's choice over the values they
        were shown (so saving again without a decision is a conflict again), with the values now saved."""
        current = self.get_formset()
        by_row = {conflict.row.pk: conflict for conflict in conflicts}
        data = {
            f"{current.prefix}-TOTAL_FORMS": len(current.forms),
            f"{current.prefix}-INITIAL_FORMS": len(current.forms),
            f"{current.prefix}-MIN_NUM_FORMS": 0,
            f"{current.prefix}-MAX_NUM_FORMS": len(current.forms),
        }
        for form in current.forms:
            row, prefix = form.instance, form.prefix
            values = {name: getattr(row, name) for name in services.EDITABLE_ROW_FIELDS}
            shown, version = dict(values), row.version
            conflict = by_row.get(row.pk)
            if conflict is not None:
                values |= conflict.change.chosen
                shown, version = conflict.change.shown, conflict.change.version
                if conflict.change.remove:
                    data[f"{prefix}-DELETE"] = "on"
            data |= {f"{prefix}-id": row.pk, f"{prefix}-version": version}
            for name in services.EDITABLE_ROW_FIELDS:
                data[f"{prefix}-{name}"] = values[name]
                data[f"initial-{prefix}-{name}"] = shown[name]
        formset = self.get_formset(data)
        formset.is_valid()
        for form in formset.forms:
            form.conflict = by_row.get(form.instance.pk)
        return formset


ROW_ID_KEY = re.compile(r"^participants-\d+-id$")


def with_row_decisions(data, meeting):
    """The posted register with the user's decision on a conflicting row applied: "Keep mine" (``keep_mine`` =
    "<row id>:<version now saved>") saves their choice over the version they have now seen; "Take theirs"
    (``take_theirs`` = row id) makes the row as now saved, so nothing of it is saved."""
    keep_mine, take_theirs = data.get("keep_mine", ""), data.get("take_theirs", "")
    if not (keep_mine or take_theirs):
        return data
    prefixes = {value: key.removesuffix("-id") for key, value in data.items() if ROW_ID_KEY.match(key)}
    data = data.copy()
    row_id, _colon, version = keep_mine.partition(":")
    if row_id in prefixes and version.isdigit():
        data[f"{prefixes[row_id]}-version"] = version
    if take_theirs.isdigit() and take_theirs in prefixes:
        row = meeting.participations.filter(pk=take_theirs).first()
        if row is not None:
            prefix = prefixes[take_theirs]
            data[f"{prefix}-version"] = str(row.version)
            data.pop(f"{prefix}-DELETE", None)
            for name in services.EDITABLE_ROW_FIELDS:
                data[f"{prefix}-{name}"] = data[f"initial-{prefix}-{name}"] = getattr(row, name)
    return data


def conflicts_message(count: int) -> str:
    return ngettext(
        "%(count)s row was changed by someone else while you had the register open, so your change to it was NOT "
        "saved: it is marked below with both values. Keep yours or take theirs.",
        "%(count)s rows were changed by someone else while you had the register open, so your changes to them were "
        "NOT saved: they are marked below with both values. Keep yours or take theirs.",
        count,
    ) % {"count": count}


class RegisterRowView(MeetingEditMixin, View):
    """One row of the register saved as soon as it is changed (static/js/register.js): answers the row's state
    (meetings/partials/register_row_state.html): saved, with the version and values now saved; a conflict, with both
    values; or an error."""

    http_method_names = ["post"]

    def post(self, request, pk, participation_pk):
        meeting = self.get_meeting()
        row = get_object_or_404(meeting.participations, pk=participation_pk)
        prefix = request.POST.get("prefix", "")
        form = ParticipationRowForm(
            request.POST, instance=row, prefix=prefix if ROW_PREFIX.match(prefix) else "participants-0"
        )
        context = {"meeting": meeting, "form": form, "conflict": None, "errors": []}
        if not form.is_valid():
            context["errors"] = [error for errors in form.errors.values() for error in errors]
            return TemplateResponse(request, ROW_STATE_TEMPLATE, context)
        change = form.row_change()
        try:
            recorded = services.record_attendance(
                meeting=meeting,
                changes=[change] if change else [],
                confirmed_before_start=bool(request.POST.get("confirm_before_start")),
                user=request.user,
            )
        except ValidationError as error:
            context["errors"] = error.messages
            return TemplateResponse(request, ROW_STATE_TEMPLATE, context)
        if recorded.conflicts:
            context["conflict"] = recorded.conflicts[0]
        else:
            context["saved"] = meeting.participations.get(pk=row.pk)
        return TemplateResponse(request, ROW_STATE_TEMPLATE, context)


ROW_PREFIX = re.compile(r"^participants-\d+$")
ROW_STATE_TEMPLATE = "meetings/partials/register_row_state.html"


class RegisterFormMixin(MeetingEditMixin):
    """A form posted from the participation register: when it is invalid, the register is shown again with it."""

    def register_with_errors(self, meeting, **forms):
        view = ParticipationRegisterView(request=self.request, kwargs=self.kwargs)
        view._meeting = meeting
        return view.render_to_response(view.get_context_data(**forms))


class InviteOrganizationsView(RegisterFormMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        meeting = self.get_meeting()
        if request.POST.get("all_members"):
            added = services.invite_organizations(
                meeting=meeting, organizations=meeting.series.members.all(), user=request.user
            )
            messages.success(
                request,
                ngettext("Invited %(count)s member organisation.", "Invited %(count)s member organisations.", added)
                % {"count": added},
            )
            return redirect("meetings:meeting-participants", pk=meeting.pk)
        form = InviteOrganizationsForm(request.POST, meeting=meeting)
        if form.is_valid():
            added = services.invite_organizations(
                meeting=meeting, organizations=form.cleaned_data["organizations"], user=request.user
            )
            messages.success(
                request,
                ngettext("Invited %(count)s organisation.", "Invited %(count)s organisations.", added)
                % {"count": added},
            )
            return redirect("meetings:meeting-participants", pk=meeting.pk)
        return self.register_with_errors(meeting, invite_form=form)


class RegisterEntryView(RegisterFormMixin, View):
    """One entry posted from the participation register: valid, it is recorded and the register shown again with a
    message; invalid (or refused by the service), the register is shown with the form and its errors."""

    http_method_names = ["post"]
    form_context_name = ""

    def make_form(self, meeting):
        raise NotImplementedError

    def record(self, form, meeting) -> str:
        """Record the entry and say what was done; a ValidationError is shown on the form."""
        raise NotImplementedError

    def post(self, request, pk):
        meeting = self.get_meeting()
        form = self.make_form(meeting)
        if form.is_valid():
            try:
                message = self.record(form, meeting)
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, message)
                return redirect("meetings:meeting-participants", pk=meeting.pk)
        return self.register_with_errors(meeting, **{self.form_context_name: form})


class AddParticipantView(RegisterEntryView):
    form_context_name = "add_form"

    def make_form(self, meeting):
        return AddParticipantForm(self.request.POST)

    def record(self, form, meeting) -> str:
        contact = form.cleaned_data["contact"]
        services.add_named_participant(
            meeting=meeting,
            contact=contact,
            role=form.cleaned_data["role"],
            only_this_person=form.cleaned_data["only_this_person"],
            user=self.request.user,
        )
        return _("Added %(name)s to the list.") % {"name": contact.name}


class WalkInView(RegisterEntryView):
    """A walk-in. From the register page its inputs belong to the register's form, so the rows' unsaved changes come
    with it and are saved first (ParticipationRegisterView.save_page); a walk-in posted alone is recorded alone."""

    form_context_name = "walk_in_form"

    def post(self, request, pk):
        if "participants-TOTAL_FORMS" in request.POST:
            register = ParticipationRegisterView(request=request, kwargs=self.kwargs)
            register._meeting = self.get_meeting()
            return register.save_page(walk_in_required=True)
        return super().post(request, pk)

    def make_form(self, meeting):
        return WalkInForm(self.request.POST, meeting=meeting)

    def record(self, form, meeting) -> str:
        participation = services.record_walk_in(
            meeting=meeting,
            name=form.cleaned_data["name"],
            organization=form.cleaned_data["organization"],
            create_contact=form.cleaned_data["create_contact"],
            confirmed_before_start=form.cleaned_data.get("confirm_before_start", False),
            user=self.request.user,
        )
        name = participation.contact.name if participation.contact_id else participation.attendee_name
        return _("Recorded %(name)s as attended.") % {"name": name}
