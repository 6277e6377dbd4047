"""The series' third and fourth meetings (agenda, participants, statements, follow-up actions) and the activity plans
discussed at them."""

import datetime

from activities.models import (
    Activity,
    ActivityKind,
    ActivityPlan,
    ActivityReview,
    ActivityStatus,
    DatePrecision,
    PlanStatus,
)
from coordination.operations.demo.facts import (
    ARTICLE_FOURTH_MEETING,
    FORMER_DECISIONS,
    FOURTH_MEETING_SUMMARY,
    ORGANIZATIONS,
    STATEMENT_BOBOEV,
    STATEMENT_RETTENMAYER,
    STATEMENT_SALIKHOV,
    THIRD_MEETING_SUMMARY,
)
from coordination.operations.demo.rows import _at, _sync, _versions
from meetings.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Decision,
    Meeting,
    MeetingStatus,
    MinutesStatus,
    Participation,
    ParticipationRole,
    ParticipationStatus,
    Statement,
    StatementKind,
)
from stakeholders.models import Organization


def _meeting(series, number, day, title, review, summary, *, participants_partly_recorded=False) -> Meeting:
    meeting, _ = _sync(
        Meeting,
        series=series,
        number=number,
        defaults={
            "title": title,
            "starts_at": _at(day, 10),
            "ends_at": _at(day, 13),
            "time_zone": "Asia/Tashkent",
            "venue": "Tashkent",
            **_versions("venue", "Tashkent"),
            "status": MeetingStatus.HELD,
            "announced_at": _at(day, 10) - datetime.timedelta(days=14),
            "review_year": review[0] if review else None,
            "review_quarter_number": review[1] if review else None,
            "minutes_summary": summary,
            "minutes_status": MinutesStatus.PUBLISHED,
            "minutes_published_at": _at(day, 18),
            "is_illustrative": True,  # the times, venue, format and publication date: no article gives them
            "participants_partly_recorded": participants_partly_recorded,
            **_versions("title", title),
            **_versions("minutes_summary", summary),
        },
    )
    return meeting


def _agenda(meeting, items) -> dict[int, AgendaItem]:
    """The items the article reports; no lead, presenter, duration or outcome, which it does not give."""
    agenda = {}
    for position, (title, summary) in enumerate(items, start=1):
        agenda[position], _ = _sync(
            AgendaItem,
            meeting=meeting,
            position=position,
            defaults={
                "title": title,
                "lead_organization": None,
                "presenter": None,
                "planned_minutes": None,
                "discussion_summary": summary,
                "outcome": "",
                "is_standing": False,
                **_versions("title", title),
                **_versions("discussion_summary", summary),
            },
        )
    return agenda


def _remove_former_decisions(meeting) -> None:
    Decision.objects.filter(meeting=meeting, text__in=FORMER_DECISIONS).delete()


def _illustrative_action(meeting, title, **fields) -> ActionItem:
    """A follow-up the articles do not mention: flagged illustrative and owned by an organisation, no person."""
    defaults = {**fields, "owner": None, "is_illustrative": True, **_versions("title", title)}
    action, _ = _sync(ActionItem, meeting=meeting, title=title, defaults=defaults)
    return action


def _participants(meeting, roles: dict[Organization, str]) -> None:
    for organization, role in roles.items():
        _sync(
            Participation,
            meeting=meeting,
            organization=organization,
            contact=None,
            defaults={"role": role, "status": ParticipationStatus.ATTENDED},
        )


def _load_third_meeting(series, organizations) -> Meeting:
    meeting = _meeting(
        series,
        3,
        datetime.date(2023, 6, 20),
        "Third multi-stakeholder coordination meeting on countering trafficking in persons",
        (2023, 2),
        THIRD_MEETING_SUMMARY,
        # The article names the notable participants and speakers, not who came: the others are not "not invited".
        participants_partly_recorded=True,
    )
    unodc = organizations["unodc"]
    agenda = _agenda(
        meeting,
        [
            (
                "Review of the current situation of trafficking in persons in Uzbekistan",
                "Partners shared their reading of the current situation and of the challenges, old and new.",
            ),
            (
                "Achievements of the second quarter of 2023",
                "The activities carried out in Q2 2023 were assessed together; partners called for closer "
                "collaboration and noted where the work can improve.",
            ),
            (
                "World Day against Trafficking in Persons, 30 July 2023",
                "Participants brainstormed prevention and victim-protection initiatives for the campaign under "
                "the theme “Reach every victim of trafficking, leave no one behind”.",
            ),
            (
                "Activities planned for the third quarter of 2023 and beyond",
                "The partners went through the activities planned for Q3 2023 and later.",
            ),
        ],
    )
    _participants(
        meeting,
        {
            unodc: ParticipationRole.CHAIR,
            organizations["commission"]: ParticipationRole.SPEAKER,
            organizations["subcommission"]: ParticipationRole.SPEAKER,
            organizations["us_embassy"]: ParticipationRole.SPEAKER,
        },
    )
    _remove_former_decisions(meeting)
    _illustrative_action(
        meeting,
        "Run the World Day against Trafficking in Persons campaign",
        responsible_organization=unodc,
        due_on=datetime.date(2023, 7, 30),
        status=ActionStatus.DONE,
        agenda_item=agenda[3],
    )
    return meeting


def _load_fourth_meeting(series, organizations, contacts, topics) -> Meeting:
    meeting = _meeting(
        series,
        4,
        datetime.date(2023, 10, 24),
        "Fourth multi-stakeholder coordination meeting on combating trafficking in persons",
        None,
        FOURTH_MEETING_SUMMARY,
    )
    unodc, inl, mia_unit = (
        organizations["unodc"],
        organizations["inl"],
        organizations["mia_unit"],
    )
    agenda = _agenda(
        meeting,
        [
            ("State of trafficking in persons in Uzbekistan", "Overview of the current situation."),
            ("Ongoing activities", "The activities under way were reviewed."),
            (
                "Upcoming activities",
                "The partners discussed the training of trainers (6-8 November), the trainings for airport staff "
                "in Bukhara, Fergana and Namangan in November, and the study visit of the Estonian delegation.",
            ),
            ("Improving cooperation among stakeholders", "Participants discussed approaches to improving cooperation."),
            (
                "Emerging trends in trafficking in persons",
                "Traffickers adapt to new realities. Three trends were discussed: recruitment through technology "
                "and social media; routes from Uzbekistan to third countries, India, Turkey, Thailand and others; "
                "and the exploitation of vulnerable people, migrants among them. Recognising them early keeps "
                "every partner's response effective.",
            ),
            (
                "Identification and investigation of trafficking cases",
                "Participants agreed that a robust system for identifying and investigating cases is the core of an "
                "effective response: it lets law enforcement bring justice to victims and shows that trafficking "
                "is not tolerated.",
            ),
        ],
    )
    agenda[5].topics.set([topics["social_media"], topics["routes"], topics["migrants"]])
    agenda[6].topics.set([topics["identification"]])
    attendees = [key for key in ORGANIZATIONS if key not in ("estonia", "state_department")]
    roles = {organizations[key]: ParticipationRole.PARTICIPANT for key in attendees}
    # The three organisations whose people the article quotes.
    roles.update({unodc: ParticipationRole.CHAIR, inl: ParticipationRole.SPEAKER, mia_unit: ParticipationRole.SPEAKER})
    _participants(meeting, roles)
    # Summaries in reported speech, in the portal's words; the article is the source.
    statements = [
        (
            "salikhov",
            unodc,
            agenda[3],
            STATEMENT_SALIKHOV,
        ),
        (
            "rettenmayer",
            inl,
            None,  # the article ties his remark to no item
            STATEMENT_RETTENMAYER,
        ),
        (
            "boboev",
            mia_unit,
            agenda[4],
            STATEMENT_BOBOEV,
        ),
    ]
    for position, (contact_key, organization, item, summary) in enumerate(statements, start=1):
        statement, _ = _sync(
            Statement,
            meeting=meeting,
            speaker=contacts[contact_key],
            defaults={
                "organization": organization,
                "agenda_item": item,
                "summary": summary,
                "kind": StatementKind.SUMMARY,
                "source_document": None,
                "source_title": ARTICLE_FOURTH_MEETING,
                "source_url": "",
                "position": position,
                **_versions("summary", summary),
            },
        )
        statement.topics.set([])
    _remove_former_decisions(meeting)
    _illustrative_action(
        meeting,
        "Prepare the study visit of the delegation of the Republic of Estonia",
        responsible_organization=unodc,
        agenda_item=agenda[3],
    )
    _illustrative_action(
        meeting,
        "Share the unit's identification and investigation practice at the training of trainers",
        responsible_organization=mia_unit,
        due_on=datetime.date(2023, 11, 6),
        agenda_item=agenda[6],
    )
    return meeting


def _plan(series, year, quarter, discussed_at) -> ActivityPlan:
    """The articles say the activities were discussed at a meeting, not that a plan was endorsed."""
    plan, _ = _sync(
        ActivityPlan,
        series=series,
        year=year,
        quarter_number=quarter,
        defaults={"status": PlanStatus.DISCUSSED, "endorsed_at": discussed_at},
    )
    return plan


def _activity(plan, title, **fields) -> Activity:
    partners = fields.pop("partners", [])
    versions = {
        **_versions("title", title),
        **_versions("description", fields.get("description", "")),
        **_versions("target_group", fields.get("target_group", "")),
    }
    activity, _ = _sync(Activity, plan=plan, title=title, defaults={**fields, **versions})
    activity.partners.set(partners)
    return activity


def _load_plans(series, organizations, third, fourth) -> None:
    unodc = organizations["unodc"]
    # An older demo had an empty draft plan for Q2 2023, which no article mentions.
    ActivityPlan.objects.filter(series=series, year=2023, quarter_number=2, activities__isnull=True).delete()
    q3 = _plan(series, 2023, 3, third)
    world_day = _activity(
        q3,
        "World Day against Trafficking in Persons 2023 campaign",
        kind=ActivityKind.CAMPAIGN,
        description="Awareness campaign under the theme “Reach every victim of trafficking, leave no one behind”.",
        lead_organization=unodc,
        lead_is_illustrative=True,  # the article says the meeting discussed the campaign, not who led it
        partners=[],
        starts_on=datetime.date(2023, 7, 30),
        ends_on=None,
        target_group="",
        status=ActivityStatus.PLANNED,  # the articles say nothing of how it went
    )
    ActivityReview.objects.filter(activity=world_day, meeting=fourth).delete()
    q4 = _plan(series, 2023, 4, fourth)
    _activity(
        q4,
        "Training of Trainers Seminar on Trafficking in Persons",
        kind=ActivityKind.TRAINING_OF_TRAINERS,
        lead_organization=unodc,
        starts_on=datetime.date(2023, 11, 6),
        ends_on=datetime.date(2023, 11, 8),
        target_group="",
    )
    _activity(
        q4,
        "Trainings for airport employees",
        kind=ActivityKind.TRAINING,
        description="Trainings for airport staff in three cities, planned for November 2023 (no day given).",
        lead_organization=unodc,
        starts_on=datetime.date(2023, 11, 1),
        ends_on=None,
        date_precision=DatePrecision.MONTH,
        places=["Bukhara", "Fergana", "Namangan"],
        target_group="Airport employees",
    )
    _activity(
        q4,
        "Study visit of the delegation of the Republic of Estonia",
        kind=ActivityKind.STUDY_VISIT,
        description="Visit to discuss prospects of cooperation in combating trafficking in persons.",
        lead_organization=unodc,
        partners=[organizations["estonia"]],
        target_group="",
    )
