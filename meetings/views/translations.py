"""The secretariat's list of a meeting's translations to update, each beside its original, saved one by one."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from common.i18n import content_languages, language_name
from meetings import services
from meetings.services.translations import counts_by_language
from meetings.views.editing import MeetingEditMixin


class TranslationsView(MeetingEditMixin, TemplateView):
    template_name = "meetings/translations.html"

    def chosen_language(self) -> str | None:
        language = self.request.GET.get("language") or self.request.POST.get("language")
        return language if language in content_languages() else None

    def get_context_data(self, **kwargs):
        meeting = self.get_meeting()
        every_text = services.translations_to_update(meeting)
        language = self.chosen_language()
        counts = counts_by_language(every_text)
        return super().get_context_data(
            meeting=meeting,
            texts=[text for text in every_text if language in (None, text.language)],
            language=language,
            languages=[(code, language_name(code), counts[code]) for code in content_languages()],
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        key, language = request.POST.get("text", ""), request.POST.get("language", "")
        try:
            services.save_translation(
                meeting=meeting,
                key=key,
                language=language,
                text=request.POST.get("translation", ""),
                original_fingerprint=request.POST.get("original", ""),
            )
        except services.TranslationRefused as refusal:
            context = self.get_context_data(refusal=str(refusal), refused_key=key, refused_language=language)
            context["typed"] = request.POST.get("translation", "")
            return self.render_to_response(context)
        messages.success(request, _("The translation is saved."))
        chosen = self.chosen_language()
        return redirect(f"{request.path}?language={chosen}" if chosen else request.path)
