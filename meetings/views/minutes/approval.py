"""The approval loop's pages (meetings.services.approval): circulating the draft (after a confirmation naming how
many people are e-mailed), reading and commenting on the circulated draft, resolving a comment, and recording the
approval at the next meeting (confirmed likewise)."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import TemplateView

from common.fragments import FragmentAnswerMixin, is_htmx
from common.permissions import SecretariatRequiredMixin
from meetings import services
from meetings.forms import CirculateMinutesForm, ConfirmForm, MinutesCommentForm, ResolveCommentForm
from meetings.models import ActionItem, ActionUpdate, AgendaItem, Meeting, MinutesComment, Statement
from meetings.notifications.approval import approval_preview, circulation_preview
from meetings.notifications.recipients import RecipientsChanged
from meetings.record import ItemRecord, minutes_record
from meetings.views.editing import MeetingEditMixin, apply_validation_error
from meetings.views.minutes.cards import GENERAL, card_anchor, editor_url
from meetings.views.notifications import redirect_to_new_preview


class CirculateMinutesView(MeetingEditMixin, TemplateView):
    """GET: the last day for comments and who will be e-mailed. Only the confirming POST circulates."""

    template_name = "meetings/minutes_circulate.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.get_meeting()
        preview = circulation_preview(meeting)
        context.setdefault("form", CirculateMinutesForm(initial={"recipients": preview.token}))
        context.update(
            meeting=meeting,
            refusal=services.circulation_refusal(meeting),
            preview=preview,
            shown=preview.message_in(self.request.GET.get("language")),
        )
        return context

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        form = CirculateMinutesForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            circulation = services.circulate_minutes(
                meeting=meeting,
                user=request.user,
                comments_due=form.cleaned_data["comments_due"],
                expected_recipients=form.cleaned_data["recipients"],
            )
        except RecipientsChanged:
            return redirect_to_new_preview(request, request.path)
        except ValidationError as error:
            apply_validation_error(form, error)
            return self.render_to_response(self.get_context_data(form=form))
        count = circulation.announced_to
        messages.success(
            request,
            ngettext(
                "The draft minutes are circulated for comment; %(count)d person was e-mailed a link.",
                "The draft minutes are circulated for comment; %(count)d people were e-mailed a link.",
                count,
            )
            % {"count": count},
        )
        return redirect(editor_url(meeting.pk))


def circulated_meeting(pk: int, user) -> Meeting:
    """The meeting with its whole draft record (the reader was checked by may_read_circulated_minutes)."""
    return (
        Meeting.objects.select_related("series")
        .prefetch_related(
            Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position", "id")),
            services.carried_actions(user, "agenda_items__actions_to_review"),
            Prefetch(
                "statements",
                queryset=Statement.objects.select_related("speaker", "organization", "source_document"),
            ),
            "decisions",
            Prefetch("action_items", queryset=ActionItem.objects.select_related("responsible_organization", "owner")),
        )
        .get(pk=pk)
    )


@dataclass
class CommentSection:
    """One part of the circulated draft with the comments on it: an agenda item's record, or (``record`` None) the
    minutes in general, whose text is the meeting's summary."""

    key: str  # the agenda item's pk, or GENERAL
    record: ItemRecord | None
    comments: list = field(default_factory=list)
    form: MinutesCommentForm | None = None

    @property
    def item(self):
        return self.record.item if self.record else None


def comment_sections(meeting: Meeting, reviews, comments) -> tuple[list[CommentSection], ItemRecord | None]:
    """The minutes in general, then every agenda item (with or without content: each may be commented on), each
    with its comments; and the entries tied to no item (commented on under the minutes in general)."""
    records = minutes_record(meeting, reviews)
    by_item = {record.item.pk: record for record in records if record.item}
    loose = next((record for record in records if record.item is None), None)
    sections = [CommentSection(GENERAL, None)]
    for number, item in enumerate(meeting.agenda_items.all(), start=1):
        sections.append(CommentSection(str(item.pk), by_item.get(item.pk) or ItemRecord(number, item)))
    of_key = {section.key: section for section in sections}
    for comment in comments:
        of_key.get(str(comment.agenda_item_id) if comment.agenda_item_id else GENERAL, sections[0]).comments.append(
            comment
        )
    return sections, loose


class CirculatedMinutesView(FragmentAnswerMixin, TemplateView):
    """The circulated draft, for the attending organisations' people (and the secretariat): each part of the record
    with the comments on it beside it, and its own comment form while comments are open; a comment is added in
    place with htmx (the part's comments come back) or by a plain POST (back to the part). Anyone else gets a 404:
    a draft is not shown to them, nor is its existence."""

    template_name = "meetings/minutes_circulated.html"

    def dispatch(self, request, *args, **kwargs):
        meeting = get_object_or_404(Meeting.objects.select_related("series"), pk=kwargs["pk"])
        if not (meeting.minutes_circulated and services.may_read_circulated_minutes(request.user, meeting)):
            raise Http404("These minutes are not circulated to you.")
        self.meeting = meeting
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, bound_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        meeting = circulated_meeting(self.meeting.pk, user)
        reviews = list(ActionUpdate.objects.filter(meeting=meeting).order_by("id"))  # part of the circulated draft
        may_comment = services.may_comment_on_minutes(user, meeting)
        refusal = services.comment_refusal(meeting, user) if may_comment else ""
        sections, loose = comment_sections(meeting, reviews, self.comments(meeting))
        for section in sections:
            if may_comment and not refusal:
                section.form = self.section_form(meeting, section, bound_form)
        context.update(meeting=meeting, sections=sections, loose_record=loose, refusal=refusal, may_comment=may_comment)
        return context

    @staticmethod
    def comments(meeting: Meeting):
        return meeting.minutes_comments.select_related("organization", "author", "resolved_by")

    @staticmethod
    def section_form(meeting: Meeting, section: CommentSection, bound_form=None) -> MinutesCommentForm:
        if bound_form is not None and section_key(bound_form) == section.key:
            return bound_form
        initial = {"agenda_item": section.item.pk} if section.item else {}
        return MinutesCommentForm(meeting=meeting, initial=initial, prefix=None)

    def post(self, request, *args, **kwargs):
        meeting = self.meeting
        form = MinutesCommentForm(request.POST, meeting=meeting)
        added = None
        if form.is_valid():
            try:
                added = services.add_minutes_comment(
                    meeting=meeting,
                    user=request.user,
                    text=form.cleaned_data["text"],
                    agenda_item=form.cleaned_data["agenda_item"],
                )
            except ValidationError as error:
                apply_validation_error(form, error)
        if added is None:
            if self.is_htmx:
                return self.section_fragment(form)
            return self.render_to_response(self.get_context_data(bound_form=form))
        if self.is_htmx:
            return self.section_fragment(None, key=section_key(form))
        messages.success(request, _("Your comment is recorded: the secretariat sees it beside the text."))
        return redirect(circulated_url(meeting.pk, f"comment-{added.pk}"))

    def section_fragment(self, form, key=None):
        """The comments of one part of the draft and its form (``form`` when it has errors, else an empty one)."""
        context = self.get_context_data(bound_form=form)
        key = key or section_key(form)
        section = next((section for section in context["sections"] if section.key == key), context["sections"][0])
        return self.fragment("section_comments", {**context, "section": section})


def section_key(form) -> str:
    """The part of the draft a comment form was posted from (its agenda item, or the minutes in general)."""
    value = form.data.get("agenda_item", "") if form.is_bound else ""
    return value if str(value).isdigit() else GENERAL


def circulated_url(pk: int, anchor: str = "") -> str:
    url = reverse("meetings:meeting-minutes-circulated", args=[pk])
    return f"{url}#{anchor}" if anchor else url


class ResolveCommentView(SecretariatRequiredMixin, View):
    """POST: mark a comment on the circulated minutes resolved, with an optional note. With htmx the item's comments
    in the editor come back; without, back to the item's card in the editor."""

    def post(self, request, pk):
        comment = MinutesComment.objects.filter(pk=pk).first()
        if comment is None:
            return self.withdrawn_meanwhile(request)
        form = ResolveCommentForm(request.POST)
        error = ""
        if not form.is_valid():
            error = " ".join(message for errors in form.errors.values() for message in errors)
        else:
            try:
                services.resolve_minutes_comment(
                    comment=comment,
                    user=request.user,
                    note=form.cleaned_data["note"],
                    expected_version=form.cleaned_data["version"],
                )
            except ValidationError as failure:
                error = " ".join(failure.messages)
        if is_htmx(request):
            return self.item_comments(comment.meeting_id, comment.agenda_item_id, error=error, error_for=comment.pk)
        if error:
            messages.error(request, error)
        else:
            messages.success(request, _("The comment is resolved."))
        return redirect(editor_url(comment.meeting_id, card_anchor(comment.agenda_item_id)))

    def withdrawn_meanwhile(self, request):
        """The comment's author withdrew it after the editor was loaded: say so where the Resolve button was (the
        form names the meeting and the item; anything else is a URL of no comment, a 404)."""
        meeting = get_object_or_404(Meeting, pk=_number(request.POST.get("meeting")) or 0)
        item_id = meeting.agenda_items.filter(pk=_number(request.POST.get("item"))).values_list("pk", flat=True).first()
        notice = _("This comment was withdrawn by its author meanwhile: there is nothing to resolve.")
        if is_htmx(request):
            return self.item_comments(meeting.pk, item_id, notice=notice)
        messages.info(request, notice)
        return redirect(editor_url(meeting.pk, card_anchor(item_id)))

    def item_comments(self, meeting_id: int, item_id: int | None, **context):
        """The comments on one item (or on the minutes as a whole) as the editor shows them beside its text."""
        comments = MinutesComment.objects.filter(meeting_id=meeting_id, agenda_item_id=item_id).select_related(
            "organization", "author", "resolved_by"
        )
        key = str(item_id) if item_id else GENERAL
        context = {"comments": comments, "key": key, **context}
        return TemplateResponse(self.request, "meetings/partials/minutes_comments.html", context)


def _number(value) -> int | None:
    return int(value) if isinstance(value, str) and value.isdigit() and len(value) < 12 else None


class ApproveMinutesView(MeetingEditMixin, TemplateView):
    """GET: the question, naming the meeting that approves the minutes and how many people are e-mailed. The
    confirming POST records the approval, which locks the minutes."""

    template_name = "meetings/minutes_approve.html"

    def approving_meeting(self) -> Meeting | None:
        meeting = self.get_meeting()
        if meeting.minutes_approval_item_id:
            return meeting.minutes_approval_item.meeting
        return services.next_meeting_of(meeting)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.get_meeting()
        at_meeting = self.approving_meeting()
        preview = approval_preview(meeting, at_meeting)
        context.update(
            meeting=meeting,
            at_meeting=at_meeting,
            refusal=services.approval_refusal(meeting, at_meeting),
            preview=preview,
            shown=preview.message_in(self.request.GET.get("language")),
            form=ConfirmForm(initial={"recipients": preview.token}),
        )
        return context

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        form = ConfirmForm(request.POST)
        if not form.is_valid() or not form.cleaned_data["recipients"]:  # not the confirming POST: ask
            return self.render_to_response(self.get_context_data())
        try:
            approval = services.approve_minutes(
                meeting=meeting,
                at_meeting=self.approving_meeting(),
                user=request.user,
                expected_recipients=form.cleaned_data["recipients"],
            )
        except RecipientsChanged:
            return redirect_to_new_preview(request, request.path)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.render_to_response(self.get_context_data())
        count = approval.announced_to
        messages.success(
            request,
            ngettext(
                "The minutes are approved and locked; %(count)d person was e-mailed.",
                "The minutes are approved and locked; %(count)d people were e-mailed.",
                count,
            )
            % {"count": count},
        )
        return redirect(meeting)
