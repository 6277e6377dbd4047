"""Demo data: the counter-trafficking coordination platform described in the seed articles.

Everything is keyed on natural keys and written only when it differs, so loading twice
changes nothing, and loading over an older demo database brings it to this content.
Facts (names, dates, places, titles) come from the two articles; every text is written
for the portal, and the speakers' remarks are summaries in reported speech that name the
article as their source. What the articles do not state but the demo needs to show a
feature (the meetings' times, venue and publication date, the follow-up actions) is
flagged illustrative in the data, and the pages badge it.
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
    DatePrecision,
    PlanStatus,
)
from common.roles import PARTICIPANT, SECRETARIAT
from meetings.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Decision,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    MinutesStatus,
    Participation,
    ParticipationRole,
    ParticipationStatus,
    Statement,
    StatementKind,
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

# key: (name, emerging trend): the article names three trends; identification and investigation is the response.
TOPICS = {
    "social_media": ("Recruitment through technology and social media", True),
    "routes": ("Trafficking routes to third countries (India, Turkey, Thailand and others)", True),
    "migrants": ("Exploitation of vulnerable groups, including migrants", True),
    "identification": ("Identification and investigation of cases", False),
}
# Names an older demo gave to the same topics, renamed in place on the next load.
FORMER_TOPIC_NAMES = {"routes": "Trafficking routes to third countries (India, Turkey, Thailand)"}

# Russian and Uzbek (Latin script) versions of the demo's names and titles, written for the portal (the articles are
# in English): English text -> (Russian, Uzbek). Only names and titles; the texts stay in English.
TRANSLATIONS = {
    # organisations
    "United Nations Office on Drugs and Crime": (
        "Управление Организации Объединённых Наций по наркотикам и преступности",
        "Birlashgan Millatlar Tashkilotining Giyohvand moddalar va jinoyatchilik boʻyicha boshqarmasi",
    ),
    "UNODC": ("УНП ООН", ""),
    "National Commission on Combating Trafficking in Persons and Forced Labor": (
        "Национальная комиссия по противодействию торговле людьми и принудительному труду",
        "Odam savdosi va majburiy mehnatga qarshi kurashish boʻyicha milliy komissiya",
    ),
    "National Commission": ("Национальная комиссия", "Milliy komissiya"),
    "Sub-Commission on Combating Trafficking in Persons": (
        "Подкомиссия по противодействию торговле людьми",
        "Odam savdosiga qarshi kurashish boʻyicha kichik komissiya",
    ),
    "Sub-Commission": ("Подкомиссия", "Kichik komissiya"),
    "Supreme Court of the Republic of Uzbekistan": (
        "Верховный суд Республики Узбекистан",
        "Oʻzbekiston Respublikasi Oliy sudi",
    ),
    "Supreme Judicial Council": ("Высший судейский совет", "Sudyalar oliy kengashi"),
    "Ministry of Internal Affairs": ("Министерство внутренних дел", "Ichki ishlar vazirligi"),
    "MIA": ("МВД", "IIV"),
    "Unit for Combating Trafficking in Persons (Ministry of Internal Affairs)": (
        "Подразделение по противодействию торговле людьми (Министерство внутренних дел)",
        "Odam savdosiga qarshi kurashish boʻlinmasi (Ichki ishlar vazirligi)",
    ),
    "Ministry of Foreign Affairs": ("Министерство иностранных дел", "Tashqi ishlar vazirligi"),
    "MFA": ("МИД", "TIV"),
    "U.S. Embassy in Uzbekistan": ("Посольство США в Узбекистане", "AQShning Oʻzbekistondagi elchixonasi"),
    "U.S. Department of State": ("Государственный департамент США", "AQSh Davlat departamenti"),
    "Bureau of International Narcotics and Law Enforcement Affairs": (
        "Бюро по международным вопросам борьбы с наркотиками и правоохранительной деятельности",
        "Xalqaro narkotiklar va huquqni muhofaza qilish masalalari byurosi",
    ),
    "International Organization for Migration": (
        "Международная организация по миграции",
        "Xalqaro migratsiya tashkiloti",
    ),
    "IOM": ("МОМ", "XMT"),
    "NGO “Istiqbolli Avlod”": ("ННО «Истикболли авлод»", "“Istiqbolli Avlod” NNT"),
    "Istiqbolli Avlod": ("Истикболли авлод", ""),
    "Delegation of the Republic of Estonia": ("Делегация Эстонской Республики", "Estoniya Respublikasi delegatsiyasi"),
    # the series and its meetings
    "Multi-stakeholder coordination meetings on countering trafficking in persons in Uzbekistan": (
        "Координационные заседания заинтересованных сторон по противодействию торговле людьми в Узбекистане",
        "Oʻzbekistonda odam savdosiga qarshi kurashish boʻyicha koʻp tomonlama muvofiqlashtirish yigʻilishlari",
    ),
    "Third multi-stakeholder coordination meeting on countering trafficking in persons": (
        "Третье координационное заседание заинтересованных сторон по противодействию торговле людьми",
        "Odam savdosiga qarshi kurashish boʻyicha uchinchi koʻp tomonlama muvofiqlashtirish yigʻilishi",
    ),
    "Fourth multi-stakeholder coordination meeting on combating trafficking in persons": (
        "Четвёртое координационное заседание заинтересованных сторон по борьбе с торговлей людьми",
        "Odam savdosiga qarshi kurashish boʻyicha toʻrtinchi koʻp tomonlama muvofiqlashtirish yigʻilishi",
    ),
    # agenda items
    "Review of the current situation of trafficking in persons in Uzbekistan": (
        "Обзор текущей ситуации с торговлей людьми в Узбекистане",
        "Oʻzbekistonda odam savdosi boʻyicha joriy vaziyat sharhi",
    ),
    "Achievements of the second quarter of 2023": (
        "Достижения второго квартала 2023 года",
        "2023-yil ikkinchi choragi yutuqlari",
    ),
    "World Day against Trafficking in Persons, 30 July 2023": (
        "Всемирный день борьбы с торговлей людьми, 30 июля 2023 года",
        "Odam savdosiga qarshi kurashish butunjahon kuni, 2023-yil 30-iyul",
    ),
    "Activities planned for the third quarter of 2023 and beyond": (
        "Мероприятия, запланированные на третий квартал 2023 года и далее",
        "2023-yil uchinchi choragi va undan keyingi davrga rejalashtirilgan tadbirlar",
    ),
    "State of trafficking in persons in Uzbekistan": (
        "Положение дел с торговлей людьми в Узбекистане",
        "Oʻzbekistonda odam savdosi holati",
    ),
    "Ongoing activities": ("Текущие мероприятия", "Amalga oshirilayotgan tadbirlar"),
    "Upcoming activities": ("Предстоящие мероприятия", "Kelgusi tadbirlar"),
    "Improving cooperation among stakeholders": (
        "Улучшение сотрудничества между заинтересованными сторонами",
        "Manfaatdor tomonlar oʻrtasidagi hamkorlikni yaxshilash",
    ),
    "Emerging trends in trafficking in persons": (
        "Новые тенденции в сфере торговли людьми",
        "Odam savdosidagi yangi tendensiyalar",
    ),
    "Identification and investigation of trafficking cases": (
        "Выявление и расследование случаев торговли людьми",
        "Odam savdosi holatlarini aniqlash va tergov qilish",
    ),
    # activities
    "World Day against Trafficking in Persons 2023 campaign": (
        "Кампания ко Всемирному дню борьбы с торговлей людьми 2023 года",
        "Odam savdosiga qarshi kurashish butunjahon kuni munosabati bilan 2023-yilgi kampaniya",
    ),
    "Training of Trainers Seminar on Trafficking in Persons": (
        "Семинар по подготовке тренеров по вопросам торговли людьми",
        "Odam savdosi boʻyicha trenerlar tayyorlash seminari",
    ),
    "Trainings for airport employees": ("Тренинги для сотрудников аэропортов", "Aeroport xodimlari uchun treninglar"),
    "Study visit of the delegation of the Republic of Estonia": (
        "Учебный визит делегации Эстонской Республики",
        "Estoniya Respublikasi delegatsiyasining oʻquv tashrifi",
    ),
    # topics
    "Recruitment through technology and social media": (
        "Вербовка с помощью технологий и социальных сетей",
        "Texnologiyalar va ijtimoiy tarmoqlar orqali yollash",
    ),
    "Trafficking routes to third countries (India, Turkey, Thailand and others)": (
        "Маршруты торговли людьми в третьи страны (Индия, Турция, Таиланд и другие)",
        "Uchinchi davlatlarga odam savdosi yoʻnalishlari (Hindiston, Turkiya, Tailand va boshqalar)",
    ),
    "Exploitation of vulnerable groups, including migrants": (
        "Эксплуатация уязвимых групп, в том числе мигрантов",
        "Zaif guruhlar, jumladan muhojirlarni ekspluatatsiya qilish",
    ),
    "Identification and investigation of cases": (
        "Выявление и расследование случаев",
        "Holatlarni aniqlash va tergov qilish",
    ),
}


def _versions(field: str, text: str) -> dict[str, str]:
    """The Russian and Uzbek versions of ``text`` for ``<field>_ru`` and ``<field>_uz`` (empty when there is none)."""
    russian, uzbek = TRANSLATIONS.get(text, ("", ""))
    return {f"{field}_ru": russian, f"{field}_uz": uzbek}


# The title of the seed article the demo's statements come from, named as their source.
ARTICLE_FOURTH_MEETING = (
    "UNODC holds Fourth Multi-Stakeholder Coordination Meeting on Combating Trafficking in Persons "
    "in Uzbekistan in 2023"
)

# Formal decisions an older demo invented (the articles record none); removed on the next load.
FORMER_DECISIONS = (
    "Mark the World Day against Trafficking in Persons on 30 July 2023 with a joint campaign under the "
    "theme “Reach every victim of trafficking, leave no one behind”.",
    "Prioritise the identification and investigation of trafficking cases in the partners' work.",
)

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
    topics = _load_topics()
    series = _load_series(organizations)
    third = _load_third_meeting(series, organizations)
    fourth = _load_fourth_meeting(series, organizations, contacts, topics)
    _load_plans(series, organizations, third, fourth)
    if with_users:
        _load_users(organizations)


def _load_topics() -> dict[str, Topic]:
    topics = {}
    for key, (name, is_trend) in TOPICS.items():
        former = FORMER_TOPIC_NAMES.get(key)
        if former and not Topic.objects.filter(name=name).exists():
            Topic.objects.filter(name=former).update(name=name)
        topics[key], _ = _sync(Topic, name=name, defaults={"is_emerging_trend": is_trend, **_versions("name", name)})
    return topics


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
                **_versions("name", name),
                **_versions("acronym", acronym),
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
                "Launched in February 2022, the platform brings government authorities, donors, international and "
                "non-governmental organisations together to coordinate their work against trafficking in persons, "
                "exchange good practice, face common challenges and shape joint responses."
            ),
            "convening_organization": organizations["unodc"],
            "funding_organization": organizations["inl"],
            "programme": "UNODC Global Programme against Trafficking in Persons",
            "country": "Uzbekistan",
            "started_on": datetime.date(2022, 2, 1),
            **_versions("title", SERIES_TITLE),
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
            "review_year": review[0] if review else None,
            "review_quarter_number": review[1] if review else None,
            "minutes_summary": summary,
            "minutes_status": MinutesStatus.PUBLISHED,
            "minutes_published_at": _at(day, 18),
            "is_illustrative": True,  # the times, venue, format and publication date: no article gives them
            **_versions("title", title),
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
            },
        )
    return agenda


def _remove_former_decisions(meeting) -> None:
    Decision.objects.filter(meeting=meeting, text__in=FORMER_DECISIONS).delete()


def _illustrative_action(meeting, title, **fields) -> ActionItem:
    """A follow-up the articles do not mention: flagged illustrative and owned by an organisation, no person."""
    defaults = {**fields, "owner": None, "is_illustrative": True}
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
        "Government authorities, donors, international and non-governmental organisations reviewed the "
        "situation of trafficking in persons in Uzbekistan and the results of the second quarter of 2023, "
        "prepared the campaign for the World Day against Trafficking in Persons and discussed the plan for "
        "the third quarter.",
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
        "Key stakeholders reviewed the state of trafficking in persons in Uzbekistan and the ongoing "
        "activities, discussed the upcoming activities and how to cooperate better, "
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
            "Mr Salikhov said that the coordination meetings help the partners pool their efforts against "
            "trafficking, talk strategy, learn from one another and plan ahead. As examples of continued support "
            "through international cooperation he named the training of trainers set for 6-8 November, the "
            "November trainings for airport staff in Bukhara, Fergana and Namangan, and the coming study visit "
            "of a delegation from Estonia.",
        ),
        (
            "rettenmayer",
            inl,
            None,  # the article ties his remark to no item
            "Mr Rettenmayer said that the international community backs Uzbekistan in countering trafficking, and "
            "that the wide range of stakeholders taking part showed their commitment and should lead to fruitful "
            "joint work.",
        ),
        (
            "boboev",
            mia_unit,
            agenda[4],
            "Mr Boboev described UNODC as a key partner of his unit in countering trafficking, and said that the "
            "partnership and the sharing of knowledge and expertise had helped the unit make considerable "
            "progress.",
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
    activity, _ = _sync(Activity, plan=plan, title=title, defaults={**fields, **_versions("title", title)})
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
