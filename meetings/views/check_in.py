"""The door's check-in page for a phone or tablet (secretariat only): find someone by typing, one tap marks them
attended, walk-ins added inline. With htmx a tap answers the tapped line only; without it, the page again."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from common.fragments import is_htmx
from meetings.forms import WalkInForm
from meetings.services.attendance import record_walk_in
from meetings.services.check_in import DoorEntry, check_in_contact, check_in_row, door_entries, door_tally, matches
from meetings.views.editing import MeetingEditMixin, apply_validation_error
from stakeholders.models import Contact

TEMPLATE = "meetings/check_in.html"
EARLY = "early"  # the query parameter (and posted field) by which the secretariat checks people in before the start


def door_refusal(error: ValidationError) -> ValidationError:
    """A service's refusal as the door says it: the register confirms an early check-in with a check box, the door
    with a button at the top of the page, which this message names."""
    if hasattr(error, "error_dict") and "confirm_before_start" in error.error_dict:
        return ValidationError(
            _(
                "This meeting has not started yet: tap “Check people in before the start” at the top of the page, "
                "or wait until it has begun. Nothing was saved."
            )
        )
    return error


def early_confirmed(request) -> bool:
    return request.GET.get(EARLY) == "1" or request.POST.get(EARLY) == "1"


def walk_in_form(meeting, data=None) -> WalkInForm:
    """The register's walk-in form; the door confirms an early check-in for the whole page (EARLY)."""
    form = WalkInForm(data, meeting=meeting, prefix="walk_in")
    form.fields.pop("confirm_before_start", None)
    return form


class CheckInView(MeetingEditMixin, TemplateView):
    template_name = TEMPLATE

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.get_meeting()
        query = self.request.GET.get("q", "")[:200]
        everyone = door_entries(meeting)
        entries = [entry for entry in everyone if matches(entry, query)]
        early = early_confirmed(self.request) and not meeting.has_started
        context.setdefault("walk_in_form", walk_in_form(meeting))
        attended_count, total_count = door_tally(everyone)
        context.update(
            meeting=meeting,
            entries=entries,
            attended_count=attended_count,
            total_count=total_count,
            early=early,
            query=query,
        )
        return context


class CheckInTapMixin(MeetingEditMixin):
    """One tap: answers htmx the tapped line and the count above the list (meetings/check_in.html#tap_answer), a
    plain request the page."""

    http_method_names = ["post"]

    def answer(self, entry: DoorEntry, *, error: str = "", conflict=None):
        meeting = self.get_meeting()
        if is_htmx(self.request):
            attended_count, total_count = door_tally(door_entries(meeting))
            context = {
                "meeting": meeting,
                "entry": entry,
                "error": error,
                "conflict": conflict,
                "early": early_confirmed(self.request),
                "attended_count": attended_count,
                "total_count": total_count,
            }
            return TemplateResponse(self.request, f"{TEMPLATE}#tap_answer", context)
        if error:
            messages.error(self.request, error)
        elif conflict is not None:
            messages.warning(self.request, conflict_message(entry, conflict))
        else:
            messages.success(self.request, _("%(name)s: attended.") % {"name": entry.name or entry.organization})
        url = reverse("meetings:meeting-check-in", args=[meeting.pk])
        return redirect(f"{url}?{EARLY}=1#{entry.key}" if early_confirmed(self.request) else f"{url}#{entry.key}")


def conflict_message(entry, conflict) -> str:
    return _("%(name)s was marked “%(status)s” by %(who)s meanwhile: tap again to mark them attended.") % {
        "name": entry.name or entry.organization,
        "status": conflict.row.get_status_display(),
        "who": conflict.changed_by or _("someone else"),
    }


class CheckInRowView(CheckInTapMixin, View):
    """Mark one row of the list attended, against the version and status the door was shown."""

    def post(self, request, pk, participation_pk):
        meeting = self.get_meeting()
        row = get_object_or_404(meeting.participations.select_related("organization", "contact"), pk=participation_pk)
        entry = DoorEntry(organization=row.organization, row=row, contact=row.contact)
        version, shown = request.POST.get("version", ""), request.POST.get("status", "")
        if not version.isdigit() or not shown:
            return self.answer(entry, error=_("This tap was incomplete: reload the page and tap again."))
        try:
            recorded = check_in_row(
                meeting=meeting,
                row_id=row.pk,
                version=int(version),
                shown_status=shown,
                confirmed_before_start=early_confirmed(request),
                user=request.user,
            )
        except ValidationError as error:
            return self.answer(entry, error=" ".join(door_refusal(error).messages))
        entry.row = meeting.participations.get(pk=row.pk)
        conflict = recorded.conflicts[0] if recorded.conflicts else None
        return self.answer(entry, conflict=conflict)


class CheckInContactView(CheckInTapMixin, View):
    """Mark a contact of an invited organisation attended (their own row is made on the first tap)."""

    def post(self, request, pk, contact_pk):
        meeting = self.get_meeting()
        contact = get_object_or_404(Contact.objects.select_related("organization"), pk=contact_pk)
        entry = DoorEntry(organization=contact.organization, contact=contact)
        try:
            entry.row = check_in_contact(
                meeting=meeting, contact=contact, confirmed_before_start=early_confirmed(request), user=request.user
            )
        except ValidationError as error:
            return self.answer(entry, error=" ".join(door_refusal(error).messages))
        return self.answer(entry)


class CheckInWalkInView(MeetingEditMixin, View):
    """A walk-in recorded from the door: back to the door with a message, or the page with the form's errors."""

    http_method_names = ["post"]

    def post(self, request, pk):
        meeting = self.get_meeting()
        form = walk_in_form(meeting, request.POST)
        if form.is_valid():
            try:
                row = record_walk_in(
                    meeting=meeting,
                    name=form.cleaned_data["name"],
                    organization=form.cleaned_data["organization"],
                    create_contact=form.cleaned_data["create_contact"],
                    confirmed_before_start=early_confirmed(request),
                    user=request.user,
                )
            except ValidationError as error:
                apply_validation_error(form, door_refusal(error))
            else:
                name = row.contact.name if row.contact_id else row.attendee_name
                messages.success(request, _("Recorded %(name)s as attended.") % {"name": name})
                url = reverse("meetings:meeting-check-in", args=[meeting.pk])
                return redirect(f"{url}?{EARLY}=1" if early_confirmed(request) else url)
        view = CheckInView(request=request, kwargs=self.kwargs)
        view._meeting = meeting
        return view.render_to_response(view.get_context_data(walk_in_form=form))
