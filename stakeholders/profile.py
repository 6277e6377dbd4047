"""A person's own settings, kept on their Contact: "My settings" (logged in) and the reminder unsubscribe link (not).

The profile is a plain form on the logged-in user's own contact record; add a field to ``ProfileForm.Meta.fields``
to offer another personal setting (the interface language, for instance).
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from common.i18n import open_in_recipients_language
from stakeholders import reminders
from stakeholders.models import Contact


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["receives_reminders"]
        labels = {"receives_reminders": gettext_lazy("E-mail me about my organisation's follow-up actions")}
        help_texts = {
            "receives_reminders": gettext_lazy(
                "At most once a week per action: those due within a week, and overdue ones."
            )
        }


class ProfileView(View):
    """GET shows the logged-in user's settings, POST saves them. Users without a contact record have none."""

    http_method_names = ["get", "post"]
    template_name = "stakeholders/profile.html"

    def render(self, request, contact, form):
        return render(request, self.template_name, {"contact": contact, "form": form})

    def get(self, request):
        contact = Contact.objects.of_user(request.user).select_related("organization").first()
        return self.render(request, contact, ProfileForm(instance=contact) if contact else None)

    def post(self, request):
        contact = Contact.objects.of_user(request.user).select_related("organization").first()
        if contact is None:
            return self.render(request, None, None)
        form = ProfileForm(request.POST, instance=contact)
        if not form.is_valid():
            return self.render(request, contact, form)
        form.save()
        messages.success(request, _("Your settings have been saved."))
        return redirect("stakeholders:profile")


@method_decorator(login_not_required, name="dispatch")
# The signed token in the address is what authorises the change (as in RFC 8058 one-click unsubscribe, which mail
# clients POST without any cookie); the worst a forged request could do is stop someone's reminders.
@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(View):
    """The link in reminder e-mails: GET asks for confirmation, POST stops the reminders. No login needed."""

    http_method_names = ["get", "post"]
    template_name = "stakeholders/unsubscribe.html"

    def get(self, request, token):
        contact = reminders.contact_for_unsubscribe_token(token)
        if contact is not None:
            open_in_recipients_language(request, contact.preferred_language)
        status = 200 if contact else 404
        return render(request, self.template_name, {"contact": contact, "done": False}, status=status)

    def post(self, request, token):
        contact = reminders.contact_for_unsubscribe_token(token)
        if contact is None:
            return render(request, self.template_name, {"contact": None, "done": False}, status=404)
        open_in_recipients_language(request, contact.preferred_language)
        reminders.stop_reminders(contact=contact)
        return render(request, self.template_name, {"contact": contact, "done": True})
