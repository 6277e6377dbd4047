from functools import cache

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection, transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import check_for_language
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_POST, require_safe
from django.views.i18n import set_language as django_set_language

from coordination.i18n import remember_language
from coordination.pages.dashboard import build_dashboard
from coordination.pages.search import Search, SearchForm
from coordination.pages.unavailable import DATABASE_UNAVAILABLE, unavailable_headers


@require_safe
def dashboard(request):
    return render(request, "dashboard.html", {"dashboard": build_dashboard(request.user)})


@login_not_required
@require_POST
def set_language(request):
    """Django's set_language (cookie, redirect to ``next``), and for a logged-in user their profile too."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and check_for_language(language):
        remember_language(request.user, language)
    return response


@login_not_required
@transaction.non_atomic_requests
@never_cache
@require_safe
def healthz(request):
    """Liveness and readiness: answers 200 only after a round trip to the database, 503 when it cannot be reached."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DATABASE_UNAVAILABLE:
        return unavailable_headers(JsonResponse({"status": "database unavailable"}, status=503))
    return JsonResponse({"status": "ok"})


@cache
def _favicon_svg() -> bytes:
    return (settings.BASE_DIR / "static" / "favicon.svg").read_bytes()


@login_not_required
@transaction.non_atomic_requests
@cache_control(public=True, max_age=86400)
@require_safe
def favicon(request):
    """/favicon.ico, which browsers and crawlers ask for whatever the page says: the portal's SVG mark."""
    return HttpResponse(_favicon_svg(), content_type="image/svg+xml")


@require_safe
def search(request):
    form = SearchForm(request.GET or None)
    context = {
        "form": form,
        "groups": [],
        "query": "",
        "kind": "",
        "has_next": False,
        "page_number": 1,
        "suggestion": "",
    }
    if form.is_bound:
        form.is_valid()  # unusable kind or year fields show their errors; the words are still searched
        data = form.cleaned_data
        query = data.get("q", "")
        kind = data.get("kind", "")
        context.update(query=query, kind=kind)
        if query:
            searcher = Search(query, request.user, year=data.get("year"))
            if kind:
                number = _page_number(request.GET.get("page"))
                group, has_next = searcher.page(kind, number)
                context.update(groups=[group] if group.hits else [], has_next=has_next, page_number=number)
            else:
                context["groups"] = searcher.grouped()
            context["suggestion"] = searcher.suggestion(context["groups"])
    return render(request, "search.html", context)


def _page_number(raw) -> int:
    try:
        return min(max(int(raw), 1), 50)
    except (TypeError, ValueError):
        return 1
