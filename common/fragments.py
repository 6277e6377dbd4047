"""One answer for editing views that work in place with htmx and as plain pages without JavaScript.

A page template holds its fragments (django-template-partials: ``{% partialdef name %}``); an htmx request
(``HX-Request``) gets only the fragment that changed (``template#name``), a plain request the whole page, and
after a successful plain POST a redirect (to the card's anchor, say)."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


class FragmentAnswerMixin:
    """For a view whose page template (``fragments_template``, by default ``template_name``) holds its fragments.

    ``fragment(name, context)`` renders one fragment; ``answer(name, context)`` gives htmx that fragment and a plain
    request the whole page from the same context or, when ``redirect_to`` is given, a redirect. A form with errors
    or in conflict is answered the same way: its fragment shows the errors, its page the form."""

    fragments_template = None

    @property
    def is_htmx(self) -> bool:
        return is_htmx(self.request)

    def fragment(self, name: str, context: dict, *, status: int = 200, headers=None) -> TemplateResponse:
        template = self.fragments_template or self.template_name
        return TemplateResponse(self.request, f"{template}#{name}", context, status=status, headers=headers)

    def answer(self, name: str, context: dict, *, redirect_to=None):
        if self.is_htmx:
            return self.fragment(name, context)
        if redirect_to is not None:
            return redirect(redirect_to)
        return self.render_to_response(context)
