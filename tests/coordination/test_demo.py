import datetime
import html
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from icalendar import Calendar

from activities.models import Activity, ActivityPlan, ActivityReview, ActivityStatus, DatePrecision, PlanStatus
from coordination.operations.demo import ARTICLE_FOURTH_MEETING, FORMER_DECISIONS, DemoUsersRefused, load_demo
from meetings.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Meeting,
    MeetingSeries,
    OutcomeKind,
    Statement,
    StatementKind,
    Topic,
)
from stakeholders.models import Contact, Organization

pytestmark = pytest.mark.django_db


def _row_counts():
    return {
        model._meta.label: model.objects.count() for model in apps.get_models() if model._meta.app_label != "sessions"
    }


# The only test on an empty database: before the first that loads the demo (see no_demo_data_left_over).
def test_demo_users_are_refused_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(DemoUsersRefused):
        load_demo(with_users=True)
    load_demo(with_users=False)
    assert Meeting.objects.count() == 2


@pytest.fixture(scope="module")
def demo_database(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module inside a transaction rolled back at its end. Each test still runs in
    its own savepoint (pytest-django's `db`), so what one test changes is undone before the next."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo")
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_database, settings):
    settings.DEBUG = True


@pytest.fixture(autouse=True)
def no_demo_data_left_over(request, db):
    """The demo stays loaded from the first test that asks for it to the end of the module: a test that does not
    ask for it must run before that one."""
    if "demo" not in request.fixturenames:
        assert not Meeting.objects.exists(), f"{request.node.name} must come before the tests that load the demo"


def _login(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_loading_twice_writes_nothing(demo, settings):
    first = _row_counts()
    stamps = {model: max(model.objects.values_list("updated", flat=True)) for model in (Meeting, Statement, Activity)}
    call_command("load_demo")
    assert _row_counts() == first  # history tables included: no save happened
    assert {model: max(model.objects.values_list("updated", flat=True)) for model in stamps} == stamps
    assert first["meetings.Meeting"] == 2


def test_the_series_as_the_articles_describe_it(demo):
    series = MeetingSeries.objects.get()
    assert series.convening_organization.acronym == "UNODC"
    assert series.funding_organization.acronym == "INL"
    assert series.started_on == datetime.date(2022, 2, 1)
    assert "Global Programme against Trafficking in Persons" in series.programme
    assert "quarterly" not in series.description.lower()


def test_both_meetings_with_their_dates_and_quarters(demo):
    third, fourth = Meeting.objects.order_by("number")
    assert (third.number, third.local_start.date()) == (3, datetime.date(2023, 6, 20))
    assert str(third.reviewed_quarter) == "2023-Q2"  # the article: the achievements of the second quarter
    assert (fourth.number, fourth.local_start.date()) == (4, datetime.date(2023, 10, 24))
    assert fourth.reviewed_quarter is None  # the article names no quarter under review
    # the eleven organisations named, UNODC, and the MIA unit whose head spoke
    assert fourth.participations.count() == 13
    assert fourth.participations.filter(organization__acronym="MIA CTIP Unit", role="speaker").exists()
    assert third.is_illustrative and fourth.is_illustrative  # their times, venue and publication date


def test_organisation_hierarchy(demo):
    assert Organization.objects.get(acronym="Sub-Commission").parent.acronym == "National Commission"
    assert Organization.objects.get(acronym="MIA CTIP Unit").parent.acronym == "MIA"
    assert Organization.objects.get(acronym="INL").parent.name == "U.S. Department of State"


def test_statements_are_sourced_summaries_under_the_right_item(demo):
    statements = Statement.objects.select_related("speaker", "agenda_item")
    assert {s.speaker.name for s in statements} == {"Azamatbek Salikhov", "Nate Rettenmayer", "Akobir Boboev"}
    for statement in statements:
        assert statement.kind == StatementKind.SUMMARY
        assert statement.source_title == ARTICLE_FOURTH_MEETING
    boboev = statements.get(speaker__name="Akobir Boboev")
    assert boboev.agenda_item.title == "Improving cooperation among stakeholders"
    assert not boboev.topics.exists()


def test_three_emerging_trends_as_the_article_names_them(demo):
    trends = set(Topic.objects.filter(is_emerging_trend=True).values_list("name", flat=True))
    assert len(trends) == 3
    assert any("India, Turkey, Thailand and others" in name for name in trends)
    assert not Topic.objects.get(name__startswith="Identification").is_emerging_trend


def test_nothing_invented_is_stated_as_fact(demo):
    assert not Decision.objects.exists()
    assert not AgendaItem.objects.exclude(outcome="").exists()
    assert not AgendaItem.objects.filter(planned_minutes__isnull=False).exists()
    assert not AgendaItem.objects.filter(is_standing=True).exists()
    assert not AgendaItem.objects.filter(presenter__isnull=False).exists()
    assert not ActivityReview.objects.exists()
    assert set(ActivityPlan.objects.values_list("quarter_number", "status")) == {
        (3, PlanStatus.DISCUSSED),
        (4, PlanStatus.DISCUSSED),
    }
    assert ActionItem.objects.count() == 3
    assert not ActionItem.objects.filter(is_illustrative=False).exists()
    assert not ActionItem.objects.filter(owner__isnull=False).exists()  # no real person owns an invented action
    world_day = Activity.objects.get(kind="campaign")
    assert (world_day.status, world_day.target_group, world_day.partners.count()) == (ActivityStatus.PLANNED, "", 0)


def test_activities_from_the_articles(demo):
    world_day = Activity.objects.get(kind="campaign")
    assert world_day.starts_on == datetime.date(2023, 7, 30)
    assert "leave no one behind" in world_day.description
    tot = Activity.objects.get(kind="tot")
    assert (tot.starts_on, tot.ends_on) == (datetime.date(2023, 11, 6), datetime.date(2023, 11, 8))
    airports = Activity.objects.get(title__icontains="airport")
    assert airports.places == ["Bukhara", "Fergana", "Namangan"]
    assert (airports.starts_on, airports.ends_on, airports.date_precision) == (
        datetime.date(2023, 11, 1),
        None,
        DatePrecision.MONTH,
    )
    assert Activity.objects.filter(kind="study_visit", partners__country="Estonia").exists()


def test_an_older_demo_database_is_brought_to_the_corrected_content(demo):
    """What the first demo wrote, put back by hand; the next load corrects each point."""
    fourth = Meeting.objects.get(number=4)
    series = fourth.series
    identification_item = AgendaItem.objects.get(meeting=fourth, position=6)
    AgendaItem.objects.filter(meeting=fourth).update(planned_minutes=30, outcome=OutcomeKind.DECISION, is_standing=True)
    Meeting.objects.update(is_illustrative=False, review_year=2023, review_quarter_number=3)
    boboev = Statement.objects.get(speaker__name="Akobir Boboev")
    boboev.agenda_item = identification_item
    boboev.kind = StatementKind.VERBATIM
    boboev.source_title = ""
    boboev.save()
    identification = Topic.objects.get(name__startswith="Identification")
    Topic.objects.filter(pk=identification.pk).update(is_emerging_trend=True)
    boboev.topics.set([identification])
    Topic.objects.filter(name__contains="and others").update(
        name="Trafficking routes to third countries (India, Turkey, Thailand)"
    )
    fourth.participations.filter(organization__acronym="MIA CTIP Unit").delete()
    Decision.objects.create(meeting=fourth, text=FORMER_DECISIONS[1])
    salikhov = Contact.objects.get(name="Azamatbek Salikhov")
    ActionItem.objects.filter(responsible_organization=salikhov.organization).update(
        owner=salikhov, is_illustrative=False
    )
    ActivityPlan.objects.filter(series=series).update(status=PlanStatus.ENDORSED)
    ActivityPlan.objects.create(series=series, year=2023, quarter_number=2)
    Activity.objects.filter(title__icontains="airport").update(
        ends_on=datetime.date(2023, 11, 30), date_precision=DatePrecision.DAY
    )
    topics_before = Topic.objects.count()

    call_command("load_demo")

    boboev.refresh_from_db()
    assert boboev.agenda_item.title == "Improving cooperation among stakeholders"
    assert (boboev.kind, boboev.source_title) == (StatementKind.SUMMARY, ARTICLE_FOURTH_MEETING)
    assert not boboev.topics.exists()
    assert Topic.objects.count() == topics_before  # renamed in place, not duplicated
    assert Topic.objects.filter(is_emerging_trend=True).count() == 3
    assert fourth.participations.filter(organization__acronym="MIA CTIP Unit").exists()
    assert not Decision.objects.exists()
    assert not ActionItem.objects.filter(owner__isnull=False).exists()
    assert not ActionItem.objects.filter(is_illustrative=False).exists()
    assert not ActivityPlan.objects.filter(quarter_number=2).exists()
    assert not ActivityPlan.objects.exclude(status=PlanStatus.DISCUSSED).exists()
    assert not AgendaItem.objects.filter(planned_minutes__isnull=False).exists()
    assert not Meeting.objects.filter(is_illustrative=False).exists()
    assert Meeting.objects.get(number=4).reviewed_quarter is None
    airports = Activity.objects.get(title__icontains="airport")
    assert (airports.ends_on, airports.date_precision) == (None, DatePrecision.MONTH)


def test_demo_users_log_in_with_the_demo_password(demo):
    for username in ("admin", "secretariat", "participant"):
        assert authenticate(username=username, password="demo") is not None


# Each fact the seed articles state, and the page of the demo that must show it.
# (what the fact is, page, text the page shows)
SEED_FACTS = [
    # dates and ordinals
    ("date of the 3rd meeting", ("meeting", 3), "20 June 2023"),
    ("ordinal of the 3rd meeting", ("meeting", 3), "3rd meeting"),
    ("date of the 4th meeting", ("meeting", 4), "24 October 2023"),
    ("ordinal of the 4th meeting", ("meeting", 4), "4th meeting"),
    ("launch of the initiative", ("series",), "February 2022"),
    ("programme", ("series",), "UNODC Global Programme against Trafficking in Persons"),
    ("funder", ("series",), "Bureau of International Narcotics and Law Enforcement Affairs"),
    ("convener", ("series",), "United Nations Office on Drugs and Crime"),
    # organisations at the 3rd meeting (its key speakers)
    ("3rd: National Commission", ("meeting", 3), "National Commission on Combating Trafficking in Persons and Forced"),
    ("3rd: Sub-Commission", ("meeting", 3), "Sub-Commission on Combating Trafficking in Persons"),
    ("3rd: U.S. Embassy", ("meeting", 3), "U.S. Embassy in Uzbekistan"),
    ("3rd: second quarter reviewed", ("meeting", 3), "Q2 2023"),
    ("3rd: World Day on 30 July", ("meeting", 3), "World Day against Trafficking in Persons, 30 July 2023"),
    ("3rd: campaign theme", ("meeting", 3), "Reach every victim of trafficking, leave no one behind"),
    # organisations at the 4th meeting
    ("4th: National Commission", ("meeting", 4), "National Commission on Combating Trafficking in Persons and Forced"),
    ("4th: Sub-Commission", ("meeting", 4), "Sub-Commission on Combating Trafficking in Persons"),
    ("4th: Supreme Court", ("meeting", 4), "Supreme Court"),
    ("4th: Supreme Judicial Council", ("meeting", 4), "Supreme Judicial Council"),
    ("4th: Ministry of Internal Affairs", ("meeting", 4), "Ministry of Internal Affairs"),
    ("4th: Ministry of Foreign Affairs", ("meeting", 4), "Ministry of Foreign Affairs"),
    ("4th: U.S. Embassy", ("meeting", 4), "U.S. Embassy in Uzbekistan"),
    ("4th: INL", ("meeting", 4), "Bureau of International Narcotics and Law Enforcement Affairs"),
    ("4th: IOM", ("meeting", 4), "International Organization for Migration"),
    ("4th: Winrock", ("meeting", 4), "Winrock International"),
    ("4th: Istiqbolli Avlod", ("meeting", 4), "Istiqbolli Avlod"),
    ("4th: the MIA unit", ("meeting", 4), "Unit for Combating Trafficking in Persons (Ministry of Internal Affairs)"),
    # people and their positions, each with the statement they made
    ("Salikhov", ("meeting", 4), "Azamatbek Salikhov, National Programme Officer (UNODC)"),
    ("Rettenmayer", ("meeting", 4), "Nate Rettenmayer, Director (INL)"),
    (
        "Boboev",
        ("meeting", 4),
        "Akobir Boboev, Head of the Unit for Combating Trafficking in Persons (MIA CTIP Unit)",
    ),
    ("Salikhov's statement", ("organization", "UNODC"), "Mr Salikhov said that the coordination meetings"),
    ("Rettenmayer's statement", ("organization", "INL"), "Mr Rettenmayer said that the international community"),
    ("Boboev's statement", ("organization", "MIA CTIP Unit"), "Mr Boboev described UNODC as a key partner"),
    ("statements' source", ("meeting", 4), ARTICLE_FOURTH_MEETING),
    # agenda of the 4th meeting
    ("cooperation item", ("meeting", 4), "Improving cooperation among stakeholders"),
    ("upcoming activities", ("meeting", 4), "Upcoming activities"),
    # activities and places
    ("ToT", ("activity", "Training of Trainers Seminar on Trafficking in Persons"), "6–8 November 2023"),
    ("airport trainings: month", ("activity", "Trainings for airport employees"), "November 2023"),
    ("airport trainings: cities", ("activity", "Trainings for airport employees"), "Bukhara, Fergana, Namangan"),
    ("World Day", ("activity", "World Day against Trafficking in Persons 2023 campaign"), "30 July 2023"),
    (
        "Estonian study visit",
        ("activity", "Study visit of the delegation of the Republic of Estonia"),
        "Delegation of the Republic of Estonia",
    ),
    ("plans discussed at the 3rd", ("activities", "2023-Q3"), "discussed at the"),
    # emerging trends, as the article names them
    ("trend: social media", ("trends",), "Recruitment through technology and social media"),
    ("trend: routes", ("trends",), "India, Turkey, Thailand and others"),
    ("trend: migrants", ("trends",), "Exploitation of vulnerable groups, including migrants"),
]


def _url(page) -> str:
    kind, *args = page
    series = MeetingSeries.objects.get()
    if kind == "meeting":
        return Meeting.objects.get(number=args[0]).get_absolute_url()
    if kind == "series":
        return series.get_absolute_url()
    if kind == "trends":
        return reverse("activities:series-trends", args=[series.pk])
    if kind == "organization":
        return Organization.objects.get(acronym=args[0]).get_absolute_url()
    if kind == "activity":
        return Activity.objects.get(title=args[0]).get_absolute_url()
    if kind == "activities":
        return reverse("activities:activity-list") + f"?quarter={args[0]}"
    raise ValueError(kind)


def _visible_text(response) -> str:
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(text))


def test_every_seed_fact_is_on_the_demo_pages(demo, client):
    _login(client, "participant")
    pages, missing = {}, []
    for fact, page, expected in SEED_FACTS:
        if page not in pages:
            response = client.get(_url(page))
            assert response.status_code == 200, page
            pages[page] = _visible_text(response)
        if expected not in pages[page]:
            missing.append((fact, page, expected))
    assert missing == []


def test_no_summary_is_shown_as_a_quotation(demo, client):
    _login(client, "participant")
    fourth = Meeting.objects.get(number=4)
    pages = [
        fourth.get_absolute_url(),
        reverse("meetings:meeting-minutes-print", args=[fourth.pk]),
        reverse("meetings:series-minutes", args=[fourth.series_id]),
    ]
    speaking = Organization.objects.filter(statements__isnull=False)
    pages += [organization.get_absolute_url() for organization in speaking]
    for url in pages:
        content = client.get(url).content.decode()
        for statement in Statement.objects.select_related("organization"):
            if "/organizations/" in url and statement.organization.get_absolute_url() != url:
                continue
            opening = html.escape(statement.summary[:40])
            assert opening in content, url
            quoted = re.search(r"<blockquote[^>]*>[^<]*" + re.escape(opening), content)
            assert quoted is None, (url, statement.speaker.name)


# Pages that show the demo's illustrative records: every one must carry the badge next to each.
def _pages_showing_demo_records():
    third, fourth = Meeting.objects.order_by("number")
    series = third.series
    urls = [
        reverse("dashboard"),
        reverse("meetings:meeting-list"),
        reverse("meetings:action-list"),
        series.get_absolute_url(),
    ]
    urls += [
        reverse("meetings:series-minutes", args=[series.pk]),
        reverse("activities:series-trends", args=[series.pk]),
    ]
    for meeting in (third, fourth):
        urls += [
            meeting.get_absolute_url(),
            reverse("meetings:meeting-agenda-print", args=[meeting.pk]),
            reverse("meetings:meeting-minutes-print", args=[meeting.pk]),
            reverse("meetings:meeting-minutes-edit", args=[meeting.pk]),
        ]
    urls += [action.get_absolute_url() for action in ActionItem.objects.all()]
    urls += [organization.get_absolute_url() for organization in Organization.objects.all()]
    urls += [reverse("search") + "?q=" + query for query in ("study visit", "campaign", "coordination meeting")]
    return urls


@pytest.mark.parametrize("username", ["participant", "secretariat"])
def test_no_page_shows_an_illustrative_record_without_its_badge(demo, client, username):
    _login(client, username)
    actions = list(ActionItem.objects.filter(is_illustrative=True))
    meetings = list(Meeting.objects.filter(is_illustrative=True))
    assert actions and meetings
    checked = 0
    for url in _pages_showing_demo_records():
        response = client.get(url)
        if response.status_code == 403:  # the minutes editor, for a participant
            continue
        assert response.status_code == 200, url
        content = response.content.decode()
        for action in actions:
            if html.escape(action.title) in content:
                checked += 1
                assert f'data-illustrative="action-{action.pk}"' in content, (url, action.title)
        for meeting in meetings:
            shows_time = meeting.local_start.strftime("%H:%M") in content
            shows_venue = re.search(r"(?<!Asia/)" + re.escape(meeting.venue), content)
            links_here = meeting.get_absolute_url() in content or url.startswith(meeting.get_absolute_url())
            if (shows_time or shows_venue) and links_here:
                checked += 1
                assert f'data-illustrative="meeting-{meeting.pk}"' in content, (url, meeting.number)
    assert checked > 20


def test_the_badge_is_translated(demo, client):
    _login(client, "participant")
    url = ActionItem.objects.filter(is_illustrative=True).first().get_absolute_url()
    assert "Illustrative example" in client.get(url).content.decode()
    russian = client.get(url, headers={"accept-language": "ru"}).content.decode()
    assert "Иллюстративный пример" in russian
    assert "Illustrative example" not in russian


# What the demo shows that the articles do not say, flagged in every language.
ILLUSTRATIVE_LABEL = {"en": "Illustrative example", "ru": "Иллюстративный пример", "uz": "Namuna uchun misol"}


def _in_language(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def _row_of(content, text):
    """The table row (<tr>...</tr>) holding ``text``."""
    return next(row for row in re.findall(r"<tr>.*?</tr>", content, flags=re.S) if text in row)


@pytest.mark.parametrize("language", ["en", "ru", "uz"])
def test_organisations_the_third_meetings_article_does_not_name_are_not_recorded_not_uninvited(demo, client, language):
    """The article names the notable participants of the 3rd meeting, not who came."""
    _in_language(_login(client, "participant"), language)
    third = Meeting.objects.get(number=3)
    mfa = Organization.objects.get(acronym="MFA")
    not_recorded = {
        "en": "not recorded: the source names only some of the participants",
        "ru": "не записано: источник называет лишь часть участников",
        "uz": "qayd etilmagan: manba ishtirokchilarning faqat bir qismini nomlaydi",
    }[language]
    matrix = client.get(reverse("meetings:series-participation", args=[third.series_id])).content.decode()
    row = _row_of(matrix, f">{mfa.short_name}</a>")
    assert row.count("dot-not_recorded") == 1 and "dot-none" not in row  # the 3rd: unknown; the 4th: attended
    assert not_recorded in row
    profile = client.get(mfa.get_absolute_url()).content.decode()
    dots = profile.split('class="dot-row')[1].split("</div>")[0]
    assert f"{not_recorded}</span>" in dots and "dot-none" not in dots


@pytest.mark.parametrize("language", ["en", "ru"])
def test_unodc_as_lead_of_the_world_day_campaign_is_flagged(demo, client, language):
    _in_language(_login(client, "participant"), language)
    campaign = Activity.objects.get(kind="campaign")
    badge = f'data-illustrative="lead-{campaign.pk}"'
    pages = [campaign.get_absolute_url(), reverse("activities:activity-list") + "?quarter=2023-Q3"]
    pages.append(Organization.objects.get(acronym="UNODC").get_absolute_url())
    for url in pages:
        content = client.get(url).content.decode()
        assert badge in content, url
        assert ILLUSTRATIVE_LABEL[language] in content, url
    other = Activity.objects.get(kind="study_visit")
    assert 'data-illustrative="lead-' not in client.get(other.get_absolute_url()).content.decode()


def test_completion_rates_from_illustrative_actions_are_flagged(demo, client):
    _in_language(_login(client, "participant"), "ru")
    series = MeetingSeries.objects.get()
    progress = client.get(reverse("activities:series-progress", args=[series.pk])).content.decode()
    for quarter in ("2023-Q2", "2023-Q4"):  # the 3rd and 4th meetings' actions, all illustrative
        assert f'data-illustrative="completion-{quarter}"' in progress
    assert "Иллюстративный пример" in progress
    unodc = Organization.objects.get(acronym="UNODC")
    profile = client.get(unodc.get_absolute_url()).content.decode()
    assert f'data-illustrative="completion-{unodc.pk}"' in profile
    # An organisation whose actions are not examples shows its rate without the badge.
    mfa = Organization.objects.get(acronym="MFA")
    ActionItem.objects.create(
        meeting=Meeting.objects.get(number=4), title="A real action", responsible_organization=mfa
    )
    assert 'data-illustrative="completion-' not in client.get(mfa.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    "language, unknown",
    [
        ("en", "no activity plan recorded"),
        ("ru", "план мероприятий не записан"),
        ("uz", "tadbirlar rejasi qayd etilmagan"),
    ],
)
def test_a_quarter_without_a_plan_reads_unknown_not_zero_activities(demo, client, language, unknown):
    """The article says the Q2 2023 work was assessed: the demo has no plan for it, which is not 0 activities."""
    _in_language(_login(client, "participant"), language)
    series = MeetingSeries.objects.get()
    progress = client.get(reverse("activities:series-progress", args=[series.pk])).content.decode()
    q2 = _row_of(progress, "?quarter=2023-Q2")
    assert unknown in q2
    assert not re.search(r'<td class="text-end">0</td>', q2)
    assert "2023-Q2:" not in progress.replace(" ", "")  # no "planned 0" bar either
    q4 = _row_of(progress, "?quarter=2023-Q4")
    assert unknown not in q4


@pytest.mark.parametrize(
    "language, note",
    [
        ("en", "The time, venue, format and publication date of this meeting are examples: no source gives them."),
        ("ru", "Время, место"),
        ("uz", None),
    ],
)
def test_the_ics_of_an_illustrative_meeting_says_its_time_and_venue_are_examples(demo, client, language, note):
    _in_language(_login(client, "participant"), language)
    for meeting in Meeting.objects.all():
        response = client.get(reverse("meetings:meeting-calendar", args=[meeting.pk]))
        assert response.status_code == 200
        event = next(iter(Calendar.from_ical(response.content).walk("VEVENT")))
        description = str(event["DESCRIPTION"])
        with translation.override(language):
            expected = gettext(
                "The time, venue, format and publication date of this meeting are examples: no source gives them."
            )
        assert expected in description
        if note:
            assert note in description
