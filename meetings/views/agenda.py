"""Secretariat pages: build a meeting's agenda (add, edit, move and remove its items)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from common.edit_conflicts import EditConflictMixin
from common.permissions import SecretariatRequiredMixin
from common.versioning import EditConflict
from meetings import services
from meetings.forms import AgendaItemForm
from meetings.models import AgendaItem, Document
from meetings.services.agenda import StaleAgendaOrder, lay_out_agenda, name_external_presenter, reorder_agenda
from meetings.views.editing import MeetingEditMixin, apply_validation_error


class AgendaView(MeetingEditMixin, TemplateView):
    """The agenda builder: the items in order with move/edit/remove buttons, and a form to add one."""

    template_name = "meetings/agenda_builder.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.get_meeting()
        items = lay_out_agenda(
            meeting,
            meeting.agenda_items.select_related("presenter__organization", "lead_organization")
            .prefetch_related(services.carried_actions(self.request.user))
            .order_by("position", "id"),
            Document.objects.filter(meeting=meeting, agenda_item__isnull=False).order_by("title"),
        )
        context.setdefault("form", AgendaItemForm(meeting=meeting))
        context.update(
            meeting=meeting,
            items=items,
            planned_total_minutes=sum(item.planned_minutes or 0 for item in items),
        )
        return context

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        form = AgendaItemForm(request.POST, meeting=meeting)
        if form.is_valid():
            try:
                save_agenda_form(form, services.add_agenda_item, meeting=meeting, user=request.user)
            except EditConflict as conflict:
                meeting.version = conflict.current_version
                form = self.form_after_conflict(lambda data: AgendaItemForm(data, meeting=meeting), conflict)
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("Added “%(title)s” to the agenda.") % {"title": form.instance.title})
                return redirect("meetings:meeting-agenda", pk=meeting.pk)
        return self.render_to_response(self.get_context_data(form=form))


def save_agenda_form(form, save, **arguments) -> None:
    """The agenda item of a valid ``form`` saved through the service ``save``, against the meeting version the
    form was loaded with, and its many-to-many fields, in one transaction (with the contact made of a presenter
    typed by name, which a refused save does not leave behind)."""
    with transaction.atomic():
        item = form.save(commit=False)
        if form.new_presenter:
            item.presenter = name_external_presenter(**form.new_presenter, user=arguments.get("user"))
        save(item=item, expected_version=form.cleaned_data["version"], **arguments)
        form.save_m2m()


class AgendaOrderView(MeetingEditMixin, View):
    """Saves the whole order of the agenda at once: the items' ids in their new order (sent by dragging)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        meeting = self.get_meeting()
        try:
            item_ids = [int(value) for value in request.POST.getlist("item")]
        except ValueError:
            item_ids = None
        if not item_ids:
            messages.error(request, _("The new order did not arrive; nothing was changed."))
        else:
            try:
                moved = reorder_agenda(meeting=meeting, item_ids=item_ids, user=request.user)
            except StaleAgendaOrder as refusal:
                messages.error(request, str(refusal))
            else:
                if moved:
                    messages.success(request, _("Saved the new order of the agenda."))
                else:
                    messages.info(request, _("The agenda already had that order."))
        moved_item = request.POST.get("moved", "")
        anchor = f"#item-{moved_item}" if moved_item.isdigit() else ""
        return redirect(reverse("meetings:meeting-agenda", args=[meeting.pk]) + anchor)


class AgendaItemMixin(EditConflictMixin, SecretariatRequiredMixin):
    model = AgendaItem
    conflict_noun = gettext_lazy("meeting")

    def get_item(self) -> AgendaItem:
        if not hasattr(self, "_item"):
            self._item = get_object_or_404(AgendaItem.objects.select_related("meeting__series"), pk=self.kwargs["pk"])
        return self._item


class AgendaItemEditView(AgendaItemMixin, TemplateView):
    template_name = "meetings/agenda_item_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        item = self.get_item()
        context.setdefault("form", AgendaItemForm(instance=item, meeting=item.meeting))
        context.update(item=item, meeting=item.meeting)
        return context

    def post(self, request, *args, **kwargs):
        item = self.get_item()
        meeting = item.meeting
        form = AgendaItemForm(request.POST, instance=item, meeting=meeting)
        if form.is_valid():
            try:
                save_agenda_form(form, services.save_agenda_item, user=request.user)
            except EditConflict as conflict:
                meeting.version = conflict.current_version
                form = self.form_after_conflict(
                    lambda data: AgendaItemForm(data, instance=AgendaItem.objects.get(pk=item.pk), meeting=meeting),
                    conflict,
                    AgendaItem.objects.get(pk=item.pk),
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("Saved “%(title)s”.") % {"title": item.title})
                return redirect("meetings:meeting-agenda", pk=meeting.pk)
        return self.render_to_response(self.get_context_data(form=form))


def _posted_version(request) -> int | None:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


class AgendaItemMoveView(AgendaItemMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        item = self.get_item()
        offset = {"up": -1, "down": 1}.get(request.POST.get("direction"))
        version = _posted_version(request)
        if offset is None or version is None:
            messages.error(request, _("Choose to move the item up or down."))
        else:
            try:
                moved = services.move_agenda_item(item=item, offset=offset, expected_version=version, user=request.user)
            except EditConflict:
                messages.error(
                    request,
                    _(
                        "The agenda was changed by someone else meanwhile, so the item was not moved. "
                        "Here is the current agenda: try again."
                    ),
                )
            else:
                if moved:
                    messages.success(
                        request,
                        (_("Moved “%(title)s” up.") if offset < 0 else _("Moved “%(title)s” down."))
                        % {"title": item.title},
                    )
                else:
                    messages.info(
                        request,
                        (
                            _("“%(title)s” is already at the top.")
                            if offset < 0
                            else _("“%(title)s” is already at the bottom.")
                        )
                        % {"title": item.title},
                    )
        return redirect(reverse("meetings:meeting-agenda", args=[item.meeting_id]) + f"#item-{item.pk}")


class AgendaItemDeleteView(AgendaItemMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        item = self.get_item()
        version = _posted_version(request)
        try:
            if version is None:
                raise EditConflict(current_version=item.meeting.version)
            services.remove_agenda_item(item=item, expected_version=version, user=request.user)
        except EditConflict:
            messages.error(
                request, _("The agenda was changed by someone else meanwhile, so nothing was removed. Try again.")
            )
        else:
            messages.success(request, _("Removed “%(title)s” from the agenda.") % {"title": item.title})
        return redirect("meetings:meeting-agenda", pk=item.meeting_id)
