"""Live mode: the presentation for the projector (the secretariat and the people invited), polled so a second
screen follows, and the secretariat's companion control that moves the room from item to item."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from common.access import is_secretariat
from common.fragments import is_htmx
from meetings.models import Meeting
from meetings.services.invitees import sees_live_mode
from meetings.services.live import live_state, move_to_item
from meetings.views.editing import MeetingEditMixin
from meetings.views.minutes.cards import ENTRY_KINDS, LIVE, card_anchor, editor_url, minutes_cards

# How often the presentation asks where the room stands (seconds); the timer itself runs in the browser.
POLL_SECONDS = 4


class LiveView(TemplateView):
    """The presentation. An htmx poll gets only its #live-state fragment."""

    template_name = "meetings/live.html"

    def get(self, request, *args, **kwargs):
        self.meeting = get_object_or_404(
            Meeting.objects.visible_to(request.user).select_related("series"), pk=kwargs["pk"]
        )
        if not sees_live_mode(self.meeting, request.user):
            raise PermissionDenied(_("Live mode is for the people invited to this meeting."))
        if is_htmx(request):
            self.template_name = "meetings/live.html#live_state"
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            meeting=self.meeting,
            state=live_state(self.meeting, self.request.user),
            poll_seconds=POLL_SECONDS,
            now=timezone.now(),
            is_secretariat=is_secretariat(self.request.user),
        )
        return context


class LiveControlView(MeetingEditMixin, TemplateView):
    """The secretariat's companion: previous/next, take up any item, each item's card in the minutes editor, and
    the card of the item under way, recorded in place: its summary and outcome, statements, decisions, actions and
    the review of carried actions, through the editor's own fragments and views (``?on=live`` brings a plain POST
    back here)."""

    template_name = "meetings/live_control.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.get_meeting()
        state = live_state(meeting)
        items = [(item, editor_url(meeting.pk, card_anchor(item.pk))) for item in state.items]
        context.update(meeting=meeting, state=state, items=items, card=self.current_card(state), on=LIVE)
        return context

    def current_card(self, state):
        if state.current is None:
            return None
        key = str(state.current.pk)
        open_forms = {(name, key): None for name in ENTRY_KINDS}
        posted = getattr(self, "posted_entry", None)  # a form posted without JavaScript, with its errors
        if posted is not None:
            open_forms[posted[0], posted[1]] = posted[2]
        cards = minutes_cards(
            self.get_meeting(),
            self.request.user,
            item_ids=[state.current.pk],
            open_forms=open_forms,
            focus=self.request.GET.get("add", ""),
            on=LIVE,
        )
        return cards[0] if cards else None


class LiveMoveView(MeetingEditMixin, View):
    """Move the room: ``from`` is the item the control showed under way ("" for none), ``to`` the item to take up
    ("" to end the one under way)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        meeting = self.get_meeting()
        from_item, to_item = request.POST.get("from", ""), request.POST.get("to", "")
        if (from_item and not from_item.isdigit()) or (to_item and not to_item.isdigit()) or "from" not in request.POST:
            messages.error(request, _("This move was incomplete: nothing was changed."))
            return redirect("meetings:meeting-live-control", pk=meeting.pk)
        try:
            state = move_to_item(
                meeting=meeting,
                from_item_id=int(from_item) if from_item else None,
                to_item_id=int(to_item) if to_item else None,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if state.current is not None:
                messages.success(request, _("Now: %(item)s") % {"item": state.current})
            else:
                messages.success(request, _("The item has ended."))
        return redirect("meetings:meeting-live-control", pk=meeting.pk)
