"""The secretariat's webhook pages: the endpoints with a form to register one, and each one's delivery log."""

import functools

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from api.models import WebhookDelivery, WebhookEndpoint
from api.webhooks import addresses, endpoints
from common import events
from common.roles import is_secretariat
from common.typed_text import TypedTextForm

EVENT_LABELS = {
    events.MEETING_ANNOUNCED: gettext_lazy("Meeting announced"),
    events.MEETING_CHANGED: gettext_lazy("Meeting changed"),
    events.MEETING_CANCELLED: gettext_lazy("Meeting cancelled"),
    events.MINUTES_PUBLISHED: gettext_lazy("Minutes published"),
    events.ACTION_CREATED: gettext_lazy("Follow-up action created"),
    events.ACTION_STATUS_CHANGED: gettext_lazy("Follow-up action status changed"),
}
DELIVERY_LOG_LENGTH = 50


class WebhookEndpointForm(TypedTextForm, forms.Form):
    url = forms.URLField(
        label=gettext_lazy("Endpoint URL"),
        max_length=500,
        assume_scheme="https",
        help_text=gettext_lazy("An https address on the internet; each delivery is a signed POST of JSON."),
    )
    events = forms.MultipleChoiceField(
        label=gettext_lazy("Events"),
        choices=list(EVENT_LABELS.items()),
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_url(self):
        url = self.cleaned_data["url"]
        refusal = addresses.url_refusal(url)
        if refusal:
            raise forms.ValidationError(refusal)
        return url


def secretariat_only(view):
    """The secretariat's pages: anyone else is refused (403) before the method is even looked at."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_secretariat(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@secretariat_only
@require_http_methods(["GET", "POST"])
def webhook_list(request):
    form = WebhookEndpointForm(request.POST or None)
    secret = endpoint = None
    if request.method == "POST" and form.is_valid():
        endpoint, secret = endpoints.register_endpoint(
            url=form.cleaned_data["url"], events=form.cleaned_data["events"], user=request.user
        )
        form = WebhookEndpointForm()
    context = {
        "form": form,
        "secret": secret,
        "new_endpoint": endpoint,
        "endpoints": WebhookEndpoint.objects.select_related("created_by"),
        "event_labels": EVENT_LABELS,
    }
    response = render(request, "api/webhooks.html", context)
    if secret:
        response["Cache-Control"] = "no-store"  # the secret is on this answer only
    return response


@secretariat_only
@require_GET
def webhook_detail(request, pk):
    endpoint = get_object_or_404(WebhookEndpoint.objects.select_related("created_by"), pk=pk)
    deliveries = endpoint.deliveries.all()[:DELIVERY_LOG_LENGTH]
    context = {"endpoint": endpoint, "deliveries": deliveries, "event_labels": EVENT_LABELS}
    return render(request, "api/webhook_detail.html", context)


@secretariat_only
@require_POST
def webhook_pause(request, pk):
    endpoint = get_object_or_404(WebhookEndpoint, pk=pk)
    endpoints.pause_endpoint(endpoint)
    messages.success(request, _("The endpoint is paused: nothing is sent to it until it is resumed."))
    return redirect("api:webhook-detail", pk=endpoint.pk)


@secretariat_only
@require_POST
def webhook_resume(request, pk):
    endpoint = get_object_or_404(WebhookEndpoint, pk=pk)
    endpoints.resume_endpoint(endpoint)
    messages.success(request, _("The endpoint is resumed: what was not delivered is sent again."))
    return redirect("api:webhook-detail", pk=endpoint.pk)


@secretariat_only
@require_POST
def webhook_delete(request, pk):
    endpoint = get_object_or_404(WebhookEndpoint, pk=pk)
    endpoint.delete()
    messages.success(request, _("The endpoint %(url)s has been deleted.") % {"url": endpoint.url})
    return redirect("api:webhook-list")


@secretariat_only
@require_POST
def webhook_send_again(request, pk):
    delivery = get_object_or_404(WebhookDelivery.objects.select_related("endpoint"), pk=pk)
    endpoints.send_again(delivery)
    messages.success(request, _("The delivery is sent again."))
    return redirect("api:webhook-detail", pk=delivery.endpoint_id)
