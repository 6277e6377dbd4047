"""A person's own API tokens: create (the secret shown once), list with their last use, revoke."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.http import require_POST

from api.models import ApiToken
from common.typed_text import TypedTextForm


class ApiTokenForm(TypedTextForm, forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Token name"),
        max_length=100,
        help_text=gettext_lazy("What the token is for, e.g. the script or the application that uses it."),
    )


class TokensView(View):
    http_method_names = ["get", "post"]
    template_name = "api/tokens.html"

    def render(self, request, form, secret=None, status=200):
        tokens = ApiToken.objects.filter(owner=request.user)
        context = {"form": form, "tokens": tokens, "secret": secret}
        return render(request, self.template_name, context, status=status)

    def get(self, request):
        return self.render(request, ApiTokenForm())

    def post(self, request):
        form = ApiTokenForm(request.POST)
        if not form.is_valid():
            return self.render(request, form)
        _token, secret = ApiToken.create_for(owner=request.user, name=form.cleaned_data["name"])
        # The secret is on this answer only: never stored, never shown again.
        response = self.render(request, ApiTokenForm(), secret=secret)
        response["Cache-Control"] = "no-store"
        return response


@require_POST
def revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, owner=request.user)
    token.revoke()
    messages.success(request, _("The token “%(name)s” has been revoked.") % {"name": token.name})
    return redirect("api:tokens")
