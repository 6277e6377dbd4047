"""Demo data: the counter-trafficking coordination platform described in the seed articles.

Everything is keyed on natural keys and written with update_or_create, so loading
twice changes nothing. Facts (names, dates, places, titles) come from the two
articles; summaries are written for the portal. The follow-up actions are
illustrative: the articles name no formal actions.
"""

import datetime
import os
import zoneinfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from activities.models import (
    Activity,
    ActivityKind,
    ActivityPlan,
    ActivityReview,
    ActivityStatus,
    PlanStatus,
)
from coordination.roles import PARTICIPANT, SECRETARIAT
from meetings.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Decision,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    MinutesStatus,
    OutcomeKind,
    Participation,
    ParticipationRole,
    ParticipationStatus,
    Statement,
    Topic,
)
from stakeholders.models import Contact, Organization, OrganizationKind

TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")

# key: (name, acronym, kind, country, parent key)
ORGANIZATIONS = {
    "unodc": (
        "United Nations Office on Drugs and Crime",
        "UNODC",
        OrganizationKind.UN_ENTITY,
        "",
        None,
    ),
    "commission": (
        "National Commission on Combating Trafficking in Persons and Forced Labor",
        "National Commission",
        OrganizationKind.NATIONAL_COORDINATION,
        "Uzbekistan",
        None,
    ),
    "subcommission": (
        "Sub-Commission on Combating Trafficking in Persons",
        "Sub-Commission",
        OrganizationKind.NATIONAL_COORDINATION,
        "Uzbekistan",
        "commission",
    ),
    "supreme_court": (
        "Supreme Court of the Republic of Uzbekistan",
        "",
        OrganizationKind.JUDICIARY,
        "Uzbekistan",
        None,
    ),
    "judicial_council": (
        "Supreme Judicial Council",
        "",
        OrganizationKind.JUDICIARY,
        "Uzbekistan",
        None,
    ),
    "mia": (
        "Ministry of Internal Affairs",
        "MIA",
        OrganizationKind.LAW_ENFORCEMENT,
        "Uzbekistan",
        None,
    ),
    "mia_unit": (
        "Unit for Combating Trafficking in Persons (Ministry of Internal Affairs)",
        "MIA CTIP Unit",
        OrganizationKind.LAW_ENFORCEMENT,
        "Uzbekistan",
        "mia",
    ),
    "mfa": (
        "Ministry of Foreign Affairs",
        "MFA",
        OrganizationKind.GOVERNMENT,
        "Uzbekistan",
        None,
    ),
    "us_embassy": (
        "U.S. Embassy in Uzbekistan",
        "",
        OrganizationKind.DIPLOMATIC,
        "Uzbekistan",
        None,
    ),
    "state_department": (
        "U.S. Department of State",
        "",
        OrganizationKind.GOVERNMENT,
        "United States",
        None,
    ),
    "inl": (
        "Bureau of International Narcotics and Law Enforcement Affairs",
        "INL",
        OrganizationKind.DONOR,
        "United States",
        "state_department",
    ),
    "iom": (
        "International Organization for Migration",
        "IOM",
        OrganizationKind.INTERNATIONAL,
        "",
        None,
    ),
    "winrock": ("Winrock International", "", OrganizationKind.NGO, "", None),
    "istiqbolli_avlod": (
        "NGO “Istiqbolli Avlod”",
        "Istiqbolli Avlod",
        OrganizationKind.NGO,
        "Uzbekistan",
        None,
    ),
    "estonia": (
        "Delegation of the Republic of Estonia",
        "",
        OrganizationKind.GOVERNMENT,
        "Estonia",
        None,
    ),
}

# key: (organisation key, name, position)
CONTACTS = {
    "salikhov": ("unodc", "Azamatbek Salikhov", "National Programme Officer"),
    "rettenmayer": ("inl", "Nate Rettenmayer", "Director"),
    "boboev": (
        "mia_unit",
        "Akobir Boboev",
        "Head of the Unit for Combating Trafficking in Persons",
    ),
}

TOPICS = {
    "social_media": "Recruitment through technology and social media",
    "routes": "Trafficking routes to third countries (India, Turkey, Thailand)",
    "migrants": "Exploitation of vulnerable groups, including migrants",
    "identification": "Identification and investigation of cases",
}

SERIES_TITLE = "Multi-stakeholder coordination meetings on countering trafficking in persons in Uzbekistan"

DEMO_USERS = {
    # username: (group, first name, last name, email)
    "admin": (None, "Portal", "Administrator", "admin@example.org"),
    "secretariat": (SECRETARIAT, "Secretariat", "Officer", "secretariat@example.org"),
    "participant": (PARTICIPANT, "Partner", "Focal Point", "participant@example.org"),
}


class DemoUsersRefused(Exception):
    pass


def _sync(model, defaults=None, **lookup):
    """Like update_or_create, but writes (and so adds a history entry) only when something differs."""
    defaults = defaults or {}
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        return model.objects.create(**lookup, **defaults), True
    changed = [field for field, value in defaults.items() if getattr(instance, field) != value]
    if changed:
        for field in changed:
            setattr(instance, field, defaults[field])
        instance.save()
    return instance, False


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=TASHKENT)


@transaction.atomic
def load_demo(*, with_users: bool = True) -> None:
    if with_users and not settings.DEBUG:
        raise DemoUsersRefused("Demo users with a known password are only created when DEBUG is on.")
    organizations = _load_organizations()
    contacts = _load_contacts(organizations)
    topics = {key: _sync(Topic, name=name, defaults={"is_emerging_trend": True})[0] for key, name in TOPICS.items()}
    series = _load_series(organizations)
    third = _load_third_meeting(series, organizations)
    fourth = _load_fourth_meeting(series, organizations, contacts, topics)
    _load_plans(series, organizations, third, fourth)
    if with_users:
        _load_users(organizations)


def _load_organizations() -> dict[str, Organization]:
    organizations = {}
    for key, (name, acronym, kind, country, parent_key) in ORGANIZATIONS.items():
        organizations[key], _ = _sync(
            Organization,
            name=name,
            defaults={
                "acronym": acronym,
                "kind": kind,
                "country": country,
                "parent": organizations[parent_key] if parent_key else None,
            },
        )
    return organizations


def _load_contacts(organizations) -> dict[str, Contact]:
    return {
        key: _sync(
            Contact,
            organization=organizations[org_key],
            name=name,
            defaults={"position": position},
        )[0]
        for key, (org_key, name, position) in CONTACTS.items()
    }


def _load_series(organizations) -> MeetingSeries:
    series, _ = _sync(
        MeetingSeries,
        title=SERIES_TITLE,
        defaults={
            "description": (
                "A quarterly platform where government authorities, donors, international and non-governmental "
                "organisations coordinate their work against trafficking in persons, share practice and plan together."
            ),
            "convening_organization": organizations["unodc"],
            "funding_organization": organizations["inl"],
            "programme": "UNODC Global Programme against Trafficking in Persons",
            "country": "Uzbekistan",
            "started_on": datetime.date(2022, 2, 1),
        },
    )
    series.members.set([org for key, org in organizations.items() if key != "estonia"])
    return series


def _meeting(series, number, day, title, review, summary) -> Meeting:
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
            "status": MeetingStatus.HELD,
            "announced_at": _at(day, 10) - datetime.timedelta(days=14),
            "review_year": review[0],
            "review_quarter_number": review[1],
            "minutes_summary": summary,
            "minutes_status": MinutesStatus.PUBLISHED,
            "minutes_published_at": _at(day, 18),
        },
    )
    return meeting


def _agenda(meeting, items) -> dict[int, AgendaItem]:
    agenda = {}
    for position, (title, lead, minutes, summary, outcome) in enumerate(items, start=1):
        agenda[position], _ = _sync(
            AgendaItem,
            meeting=meeting,
            position=position,
            defaults={
                "title": title,
                "lead_organization": lead,
                "planned_minutes": minutes,
                "discussion_summary": summary,
                "outcome": outcome,
                "is_standing": position in (1, 2),
            },
        )
    return agenda


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
        "Government authorities, donors, international and non-governmental organisations reviewed the "
        "situation of trafficking in persons in Uzbekistan and the results of the second quarter of 2023, "
        "prepared the campaign for the World Day against Trafficking in Persons and discussed the plan for "
        "the third quarter.",
    )
    unodc = organizations["unodc"]
    _agenda(
        meeting,
        [
            (
                "Review of the current situation of trafficking in persons in Uzbekistan",
                unodc,
                30,
                "Partners shared their reading of the current situation and of the challenges, old and new.",
                OutcomeKind.INFORMATION,
            ),
            (
                "Achievements of the second quarter of 2023",
                unodc,
                30,
                "The activities carried out in Q2 2023 were assessed together; partners called for closer "
                "collaboration and noted where the work can improve.",
                OutcomeKind.INFORMATION,
            ),
            (
                "World Day against Trafficking in Persons, 30 July 2023",
                unodc,
                45,
                "Participants brainstormed prevention and victim-protection initiatives for the campaign under "
                "the theme “Reach every victim of trafficking, leave no one behind”.",
                OutcomeKind.DECISION,
            ),
            (
                "Activities planned for the third quarter of 2023 and beyond",
                unodc,
                30,
                "The partners went through the activities planned for Q3 2023 and later.",
                OutcomeKind.DECISION,
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
    _sync(
        Decision,
        meeting=meeting,
        text="Mark the World Day against Trafficking in Persons on 30 July 2023 with a joint campaign under the "
        "theme “Reach every victim of trafficking, leave no one behind”.",
        defaults={"agenda_item": AgendaItem.objects.get(meeting=meeting, position=3)},
    )
    _sync(
        ActionItem,
        meeting=meeting,
        title="Run the World Day against Trafficking in Persons campaign",
        defaults={
            "responsible_organization": unodc,
            "due_on": datetime.date(2023, 7, 30),
            "status": ActionStatus.DONE,
            "agenda_item": AgendaItem.objects.get(meeting=meeting, position=3),
        },
    )
    return meeting


def _load_fourth_meeting(series, organizations, contacts, topics) -> Meeting:
    meeting = _meeting(
        series,
        4,
        datetime.date(2023, 10, 24),
        "Fourth multi-stakeholder coordination meeting on combating trafficking in persons",
        (2023, 3),
        "Key stakeholders reviewed the state of trafficking in persons in Uzbekistan and the ongoing "
        "activities, agreed the upcoming activities of the fourth quarter, discussed how to cooperate better "
        "and looked at emerging trends. Participants stressed that a robust system for identifying and "
        "investigating cases is the cornerstone of effective counter-trafficking work. The meeting also "
        "served as a networking opportunity between sectors.",
    )
    unodc, inl, mia_unit = (
        organizations["unodc"],
        organizations["inl"],
        organizations["mia_unit"],
    )
    agenda = _agenda(
        meeting,
        [
            (
                "State of trafficking in persons in Uzbekistan",
                unodc,
                30,
                "Overview of the current situation.",
                OutcomeKind.INFORMATION,
            ),
            (
                "Ongoing activities",
                unodc,
                30,
                "Partners reported on the activities of the third quarter.",
                OutcomeKind.INFORMATION,
            ),
            (
                "Upcoming activities",
                unodc,
                30,
                "The training of trainers (6-8 November), the airport staff trainings in Bukhara, Fergana and "
                "Namangan, and the study visit of the Estonian delegation were presented.",
                OutcomeKind.DECISION,
            ),
            (
                "Improving cooperation among stakeholders",
                None,
                20,
                "Participants discussed approaches to improving cooperation.",
                OutcomeKind.INFORMATION,
            ),
            (
                "Emerging trends in trafficking in persons",
                None,
                30,
                "Traffickers adapt to new realities: recruitment through technology and social media, routes "
                "to third countries such as India, Turkey and Thailand, and the exploitation of vulnerable "
                "people including migrants. Recognising these trends keeps all partners ahead.",
                OutcomeKind.INFORMATION,
            ),
            (
                "Identification and investigation of trafficking cases",
                mia_unit,
                20,
                "A robust identification and investigation system lets law enforcement bring justice to "
                "victims and signals that trafficking is not tolerated.",
                OutcomeKind.ACTION,
            ),
        ],
    )
    _sync(AgendaItem, {"presenter": contacts["salikhov"]}, pk=agenda[3].pk)
    agenda[5].topics.set([topics["social_media"], topics["routes"], topics["migrants"]])
    agenda[6].topics.set([topics["identification"]])
    attendees = [key for key in ORGANIZATIONS if key not in ("estonia", "state_department", "mia_unit")]
    roles = {organizations[key]: ParticipationRole.PARTICIPANT for key in attendees}
    roles.update({unodc: ParticipationRole.CHAIR, inl: ParticipationRole.SPEAKER})
    roles[organizations["mia"]] = ParticipationRole.SPEAKER
    _participants(meeting, roles)
    statements = [
        (
            "salikhov",
            unodc,
            agenda[3],
            "The coordination meetings consolidate partners' efforts: they are where strategies are discussed, "
            "experience shared and future activities planned, such as the training of trainers in November, "
            "the airport staff trainings and the Estonian study visit.",
        ),
        (
            "rettenmayer",
            inl,
            agenda[1],
            "The international community stands with Uzbekistan against trafficking; the broad engagement of "
            "stakeholders shows commitment and opens the way to productive collaboration.",
        ),
        (
            "boboev",
            mia_unit,
            agenda[6],
            "UNODC has been an essential partner of the Ministry: the partnership and the exchange of knowledge "
            "and expertise have helped achieve significant progress.",
        ),
    ]
    for position, (contact_key, organization, item, summary) in enumerate(statements, start=1):
        _sync(
            Statement,
            meeting=meeting,
            speaker=contacts[contact_key],
            defaults={
                "organization": organization,
                "agenda_item": item,
                "summary": summary,
                "position": position,
            },
        )
    Statement.objects.get(meeting=meeting, speaker=contacts["boboev"]).topics.set([topics["identification"]])
    _sync(
        Decision,
        meeting=meeting,
        text="Prioritise the identification and investigation of trafficking cases in the partners' work.",
        defaults={"agenda_item": agenda[6]},
    )
    _sync(
        ActionItem,
        meeting=meeting,
        title="Prepare the study visit of the delegation of the Republic of Estonia",
        defaults={
            "responsible_organization": unodc,
            "owner": contacts["salikhov"],
            "agenda_item": agenda[3],
        },
    )
    _sync(
        ActionItem,
        meeting=meeting,
        title="Share the unit's identification and investigation practice at the training of trainers",
        defaults={
            "responsible_organization": mia_unit,
            "owner": contacts["boboev"],
            "due_on": datetime.date(2023, 11, 6),
            "agenda_item": agenda[6],
        },
    )
    return meeting


def _plan(series, year, quarter, endorsed_at) -> ActivityPlan:
    plan, _ = _sync(
        ActivityPlan,
        series=series,
        year=year,
        quarter_number=quarter,
        defaults={
            "status": PlanStatus.ENDORSED if endorsed_at else PlanStatus.DRAFT,
            "endorsed_at": endorsed_at,
        },
    )
    return plan


def _activity(plan, title, **fields) -> Activity:
    partners = fields.pop("partners", [])
    activity, _ = _sync(Activity, plan=plan, title=title, defaults=fields)
    activity.partners.set(partners)
    return activity


def _load_plans(series, organizations, third, fourth) -> None:
    unodc = organizations["unodc"]
    _plan(series, 2023, 2, None)
    q3 = _plan(series, 2023, 3, third)
    world_day = _activity(
        q3,
        "World Day against Trafficking in Persons 2023 campaign",
        kind=ActivityKind.CAMPAIGN,
        description="Awareness campaign under the theme “Reach every victim of trafficking, leave no one behind”.",
        lead_organization=unodc,
        partners=[organizations["commission"], organizations["subcommission"]],
        starts_on=datetime.date(2023, 7, 30),
        ends_on=None,
        target_group="General public",
        status=ActivityStatus.COMPLETED,
    )
    _sync(
        ActivityReview,
        activity=world_day,
        meeting=fourth,
        defaults={"status": ActivityStatus.COMPLETED},
    )
    q4 = _plan(series, 2023, 4, fourth)
    _activity(
        q4,
        "Training of Trainers Seminar on Trafficking in Persons",
        kind=ActivityKind.TRAINING_OF_TRAINERS,
        lead_organization=unodc,
        starts_on=datetime.date(2023, 11, 6),
        ends_on=datetime.date(2023, 11, 8),
        target_group="Trainers of partner institutions",
    )
    _activity(
        q4,
        "Trainings for airport employees",
        kind=ActivityKind.TRAINING,
        description="Trainings held during November 2023 for airport staff in three cities.",
        lead_organization=unodc,
        starts_on=datetime.date(2023, 11, 1),
        ends_on=datetime.date(2023, 11, 30),
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
        target_group="Government partners",
    )


def _load_users(organizations) -> None:
    password = os.environ.get("DEMO_PASSWORD", "demo")
    user_model = get_user_model()
    for username, (group_name, first, last, email) in DEMO_USERS.items():
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": email,
                "is_staff": username == "admin",
                "is_superuser": username == "admin",
            },
        )
        if created:
            user.set_password(password)
            user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
    secretariat = user_model.objects.get(username="secretariat")
    participant = user_model.objects.get(username="participant")
    _sync(
        Contact,
        user=secretariat,
        defaults={
            "organization": organizations["unodc"],
            "name": "Secretariat Officer",
            "position": "Secretariat (demo account)",
            "email": secretariat.email,
        },
    )
    _sync(
        Contact,
        user=participant,
        defaults={
            "organization": organizations["mia_unit"],
            "name": "Partner Focal Point",
            "position": "Focal point (demo account)",
            "email": participant.email,
        },
    )
