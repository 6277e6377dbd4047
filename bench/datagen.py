"""A large, realistic data set for the benchmark, written with bulk inserts.

At scale 1: about 500 organisations, 2,000 contacts, 50 meeting series, 10,000 meetings,
100,000 agenda items, 100,000 participation rows, 30,000 follow-up actions and 20,000
activities, with minutes long enough for full-text search to matter. bulk_create skips
model save() hooks and the history tables, which is fine for measuring reads.

Everything is drawn from a seeded random generator, so two runs at the same scale
build the same data set.
"""

import datetime
import random
import time
import zoneinfo
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from activities.models import Activity, ActivityKind, ActivityPlan, ActivityStatus, PlanStatus
from common.quarter import Quarter
from common.roles import PARTICIPANT
from meetings.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Decision,
    Meeting,
    MeetingFormat,
    MeetingSeries,
    MeetingStatus,
    MinutesStatus,
    OutcomeKind,
    Participation,
    ParticipationRole,
    ParticipationStatus,
    Statement,
    Topic,
    ordinal,
)
from stakeholders.models import Contact, Organization, OrganizationKind

BENCH_USERNAME = "bench-participant"
BENCH_PASSWORD = "bench-password-not-secret"  # a throw-away account in the throw-away bench database

# Words the search pages are benchmarked with: one in most minutes, one in a handful of rows.
COMMON_WORD = "trafficking"
RARE_WORD = "Moynaq"

AGENDA_ITEMS_PER_MEETING = 10
PARTICIPATIONS_PER_MEETING = 10
STATEMENTS_PER_HELD_MEETING = 2
BATCH_SIZE = 5000
TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")
BENCH_APPS = ("stakeholders", "meetings", "activities")


@dataclass(frozen=True)
class Volumes:
    organizations: int
    contacts: int
    series: int
    meetings: int
    actions: int
    activities: int

    @classmethod
    def at_scale(cls, scale: float) -> "Volumes":
        def scaled(count, minimum):
            return max(minimum, round(count * scale))

        return cls(
            organizations=scaled(500, 30),
            contacts=scaled(2000, 60),
            series=scaled(50, 2),
            meetings=scaled(10_000, 40),
            actions=scaled(30_000, 60),
            activities=scaled(20_000, 40),
        )


REGIONS = [
    "Tashkent",
    "Samarkand",
    "Bukhara",
    "Fergana",
    "Namangan",
    "Andijan",
    "Khorezm",
    "Navoi",
    "Kashkadarya",
    "Surkhandarya",
    "Jizzakh",
    "Syrdarya",
    "Karakalpakstan",
    "Nukus",
    "Termez",
    "Urgench",
]
COUNTRIES = [
    "Estonia",
    "Germany",
    "United States",
    "United Kingdom",
    "Japan",
    "Korea",
    "Kazakhstan",
    "Kyrgyzstan",
    "Tajikistan",
    "Turkey",
    "Russia",
    "France",
    "Italy",
    "Switzerland",
    "Sweden",
    "Norway",
    "Finland",
    "Netherlands",
    "Poland",
    "Latvia",
    "Lithuania",
    "India",
    "China",
    "United Arab Emirates",
    "Canada",
    "Australia",
    "Austria",
    "Belgium",
    "Spain",
    "Czechia",
]
MINISTRIES = [
    "Internal Affairs",
    "Justice",
    "Foreign Affairs",
    "Employment and Labour Relations",
    "Health",
    "Preschool and School Education",
    "Higher Education",
    "Finance",
    "Economy",
    "Transport",
    "Digital Technologies",
    "Family and Women",
    "Youth Policy and Sports",
    "Tourism",
    "Emergency Situations",
]
NGO_WORDS = ["Hope", "Istiqbolli Avlod", "Safe Migration", "Dignity", "Bridge", "New Life", "Mehr", "Oydin", "Shield"]
NGO_KINDS = ["Centre", "Foundation", "Association", "Initiative", "Network", "Alliance"]
PERSON_FIRST = [
    "Dilnoza",
    "Bakhtiyor",
    "Gulnora",
    "Rustam",
    "Madina",
    "Jasur",
    "Nodira",
    "Sardor",
    "Kamola",
    "Otabek",
    "Zarina",
    "Aziz",
    "Malika",
    "Timur",
    "Shahnoza",
    "Anna",
    "Mark",
    "Elena",
    "Jonas",
    "Sophie",
]
PERSON_LAST = [
    "Karimova",
    "Rakhimov",
    "Yusupova",
    "Tashkentov",
    "Nazarova",
    "Alimov",
    "Saidova",
    "Ergashev",
    "Umarova",
    "Khodjaev",
    "Tamm",
    "Schmidt",
    "Miller",
    "Rossi",
    "Dubois",
    "Ivanova",
    "Lee",
    "Tanaka",
]
POSITIONS = [
    "Head of department",
    "Deputy head",
    "Programme officer",
    "Senior inspector",
    "Counsellor",
    "Legal adviser",
    "Project coordinator",
    "National expert",
    "Chief specialist",
    "Judge",
    "Prosecutor",
]
TOPIC_NAMES = [
    ("Recruitment through social media", True),
    ("New trafficking routes", True),
    ("Exploitation of migrants", True),
    ("Forced labour in agriculture", True),
    ("Online sexual exploitation of children", True),
    ("Victim identification", False),
    ("Referral mechanism", False),
    ("Shelters and reintegration", False),
    ("Prosecution and sentencing", False),
    ("Border management", False),
    ("Labour migration", False),
    ("Awareness raising", False),
    ("Data and statistics", False),
    ("International cooperation", False),
    ("Legislation", False),
    ("Training of practitioners", False),
]
SUBJECTS = [
    "The Ministry of Internal Affairs",
    "The National Commission",
    "The secretariat",
    "The delegation",
    "Participants",
    "The working group",
    "The donor representative",
    "Civil society partners",
    "The Prosecutor General's Office",
    "The Supreme Court",
    "The border service",
    "The labour inspectorate",
    "The representative of the embassy",
    "The regional khokimiyat",
    "The research team",
]
VERBS = [
    "reported on",
    "presented",
    "discussed",
    "reviewed",
    "highlighted",
    "called for stronger work on",
    "proposed a joint plan on",
    "welcomed progress on",
    "raised concerns about",
    "shared statistics on",
    "asked for funding for",
    "summarised lessons learned from",
]
OBJECTS = [
    "the national referral mechanism for victims of trafficking",
    "labour migration routes to the Gulf states",
    "recruitment of young women through social media",
    "the training of border guards at international airports",
    "shelters and reintegration services for survivors",
    "the national action plan against trafficking in persons",
    "the identification of victims at airports and railway stations",
    "cooperation with destination countries on repatriation",
    "online exploitation of children",
    "the hotline statistics for the quarter",
    "the prosecution of trafficking and forced labour cases",
    "the cotton harvest monitoring",
    "pre-departure orientation for labour migrants",
    "amendments to the criminal code",
    "compensation for victims",
    "the regional coordination commissions",
    "case management software for investigators",
    "the awareness campaign in schools and mahallas",
    "debt bondage among seasonal workers",
    "the study visit of the foreign delegation",
]
TAILS = [
    "in Tashkent",
    "in the regions",
    "for the next quarter",
    "with support from international partners",
    "ahead of World Day against Trafficking in Persons",
    "as agreed at the previous meeting",
    "in line with the Palermo Protocol",
    "together with local NGOs",
    "and asked partners for comments by the end of the month",
    "and noted the remaining gaps",
]
AGENDA_TITLES = [
    "Opening remarks",
    "Adoption of the agenda",
    "Review of follow-up actions",
    "Review of the quarterly activity plan",
    "Presentation of the national report",
    "Emerging trends in trafficking in persons",
    "Victim support and referral",
    "Labour migration and recruitment",
    "Training and capacity building",
    "Legislative developments",
    "Donor coordination",
    "Any other business",
    "Closing remarks",
]
ACTION_VERBS = ["Share", "Prepare", "Organise", "Translate", "Draft", "Circulate", "Update", "Collect", "Present"]
ACTION_OBJECTS = [
    "the hotline statistics",
    "a training plan for airport staff",
    "the draft amendments",
    "the list of shelters",
    "the campaign materials",
    "the case studies",
    "the terms of reference",
    "a note on new recruitment routes",
    "the victim identification guidelines",
]
TARGET_GROUPS = [
    "border guards",
    "airport staff",
    "labour inspectors",
    "judges",
    "prosecutors",
    "school pupils",
    "labour migrants",
    "social workers",
    "journalists",
    "mahalla leaders",
]


def _sentence_pool(rng: random.Random, size: int = 3000) -> list[str]:
    return [
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}." for _ in range(size)
    ]


class _TextMaker:
    """Paragraphs from a pool of sentences; the rare word goes into about one text in 5,000."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.pool = _sentence_pool(rng)
        self.rare_sentence = f"A field visit to {RARE_WORD} in Karakalpakstan was proposed."

    def paragraph(self, sentences: int) -> str:
        chosen = self.rng.choices(self.pool, k=sentences)
        if self.rng.random() < 0.0002:
            chosen.append(self.rare_sentence)
        return " ".join(chosen)


def _organization_names(rng: random.Random, count: int) -> list[tuple[str, str, str, str]]:
    """(name, acronym, kind, country) for `count` distinct organisations, the busiest first."""
    candidates = [
        ("National Commission on Combating Trafficking in Persons", "NC", OrganizationKind.NATIONAL_COORDINATION),
        ("United Nations Office on Drugs and Crime", "UNODC", OrganizationKind.UN_ENTITY),
        ("International Organization for Migration", "IOM", OrganizationKind.INTERNATIONAL),
        ("Supreme Court of the Republic of Uzbekistan", "", OrganizationKind.JUDICIARY),
        ("Prosecutor General's Office", "PGO", OrganizationKind.LAW_ENFORCEMENT),
    ]
    candidates += [(f"Ministry of {name}", "", OrganizationKind.GOVERNMENT) for name in MINISTRIES]
    for region in REGIONS:
        candidates += [
            (f"{region} Regional Commission on Trafficking in Persons", "", OrganizationKind.NATIONAL_COORDINATION),
            (f"{region} Department of Internal Affairs", "", OrganizationKind.LAW_ENFORCEMENT),
            (f"{region} Regional Court", "", OrganizationKind.JUDICIARY),
            (f"{region} Khokimiyat", "", OrganizationKind.GOVERNMENT),
            (f"{region} State University", "", OrganizationKind.ACADEMIA),
            (f"{region} Employment Centre", "", OrganizationKind.GOVERNMENT),
        ]
    for country in COUNTRIES:
        candidates += [
            (f"Embassy of {country}", "", OrganizationKind.DIPLOMATIC),
            (f"{country} Development Agency", "", OrganizationKind.DONOR),
        ]
    for word in NGO_WORDS:
        for kind in NGO_KINDS:
            for region in REGIONS[:4]:
                candidates.append((f"{word} {kind} {region}", "", OrganizationKind.NGO))
    head, tail = candidates[:5], candidates[5:]
    rng.shuffle(tail)
    candidates = head + tail
    while len(candidates) < count:
        candidates.append((f"Travel and Recruitment Agency No. {len(candidates)}", "", OrganizationKind.PRIVATE))
    return [
        (
            name,
            acronym,
            kind,
            "" if kind in {OrganizationKind.UN_ENTITY, OrganizationKind.INTERNATIONAL} else "Uzbekistan",
        )
        for name, acronym, kind in candidates[:count]
    ]


def bench_tables() -> list[str]:
    existing = set(connection.introspection.table_names())
    tables = []
    for label in BENCH_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model._meta.db_table in existing:
                tables.append(model._meta.db_table)
    return tables


def clear() -> None:
    """Empty every table of the portal's own apps (users and groups stay)."""
    statements = connection.ops.sql_flush(no_style(), bench_tables(), reset_sequences=True, allow_cascade=True)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
    get_user_model().objects.filter(username=BENCH_USERNAME).delete()


def _bulk(model, objects: list) -> list:
    return model.objects.bulk_create(objects, batch_size=BATCH_SIZE)


def _quarter_start_datetime(quarter: Quarter) -> datetime.datetime:
    return datetime.datetime.combine(quarter.first_day, datetime.time(0), tzinfo=TASHKENT)


@transaction.atomic
def generate(scale: float = 1.0, seed: int = 1, log=print) -> dict[str, int]:
    """Replace the portal's data with a generated data set; returns row counts per model."""
    rng = random.Random(seed)
    volumes = Volumes.at_scale(scale)
    text = _TextMaker(rng)
    started = time.monotonic()

    def step(message):
        log(f"  {time.monotonic() - started:6.1f}s  {message}")

    clear()
    step("cleared the portal's tables")

    topics = _bulk(Topic, [Topic(name=name, is_emerging_trend=trend) for name, trend in TOPIC_NAMES])

    organizations = _bulk(
        Organization,
        [
            Organization(name=name, acronym=acronym, kind=kind, country=country, website="https://example.org/")
            for name, acronym, kind, country in _organization_names(rng, volumes.organizations)
        ],
    )
    busy = organizations[0]
    # The busiest organisations get the most contacts, participations and actions (a long tail after them).
    org_weights = [1.0 / (index + 3) for index in range(len(organizations))]

    contacts = []
    for index in range(volumes.contacts):
        organization = (
            organizations[index] if index < len(organizations) else rng.choices(organizations, org_weights)[0]
        )
        first, last = rng.choice(PERSON_FIRST), rng.choice(PERSON_LAST)
        contacts.append(
            Contact(
                organization=organization,
                name=f"{first} {last}",
                position=rng.choice(POSITIONS),
                email=f"{first.lower()}.{last.lower()}.{index}@example.org",
                phone=f"+998 71 {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}",
                is_active=rng.random() > 0.05,
            )
        )
    contacts = _bulk(Contact, contacts)
    contacts_of = {}
    for contact in contacts:
        contacts_of.setdefault(contact.organization_id, []).append(contact)
    step(f"{len(organizations)} organisations, {len(contacts)} contacts")

    today = timezone.localdate()
    meetings_per_series = max(1, volumes.meetings // volumes.series)
    series_list, members_of = [], {}
    for index in range(volumes.series):
        region = REGIONS[index % len(REGIONS)]
        started_on = today - datetime.timedelta(days=int(meetings_per_series * 0.9 * 30.4) + 30)
        series_list.append(
            MeetingSeries(
                title=f"{region} coordination platform on trafficking in persons No. {index + 1}",
                description=text.paragraph(3),
                convening_organization=rng.choice(organizations[:5]),
                funding_organization=rng.choice(organizations[5:]),
                programme="Counter-trafficking programme",
                country="Uzbekistan",
                started_on=started_on,
            )
        )
    series_list = _bulk(MeetingSeries, series_list)
    through = MeetingSeries.members.through
    memberships = []
    for series in series_list:
        others = rng.sample(organizations[1:], min(len(organizations) - 1, 40))
        members_of[series.pk] = [busy, *others]
        memberships += [through(meetingseries_id=series.pk, organization_id=org.pk) for org in members_of[series.pk]]
    _bulk(through, memberships)

    meetings = []
    for series in series_list:
        first_day = series.started_on + datetime.timedelta(days=20)
        for number in range(1, meetings_per_series + 1):
            day = first_day + datetime.timedelta(days=round((number - 1) * 30.4) + rng.randrange(0, 5))
            starts_at = datetime.datetime.combine(day, datetime.time(10), tzinfo=TASHKENT)
            past = day < today
            status = MeetingStatus.PLANNED
            if past:
                status = MeetingStatus.CANCELLED if rng.random() < 0.03 else MeetingStatus.HELD
            published = status == MeetingStatus.HELD and day < today - datetime.timedelta(days=14)
            reviewed = Quarter.containing(day).previous()
            meetings.append(
                Meeting(
                    series=series,
                    number=number,
                    title=f"{ordinal(number)} meeting of the {series.title.split(' No.')[0]}",
                    starts_at=starts_at,
                    ends_at=starts_at + datetime.timedelta(hours=3),
                    venue=f"{rng.choice(REGIONS)}, conference hall",
                    format=rng.choice(MeetingFormat.values),
                    status=status,
                    announced_at=starts_at - datetime.timedelta(days=21),
                    review_year=reviewed.year,
                    review_quarter_number=reviewed.number,
                    minutes_summary=text.paragraph(rng.randrange(8, 16)) if status == MeetingStatus.HELD else "",
                    minutes_status=MinutesStatus.PUBLISHED if published else MinutesStatus.DRAFT,
                    minutes_published_at=starts_at + datetime.timedelta(days=7) if published else None,
                )
            )
    meetings = _bulk(Meeting, meetings)
    step(f"{len(series_list)} series, {len(meetings)} meetings")

    held = [meeting for meeting in meetings if meeting.status == MeetingStatus.HELD]
    agenda_items = []
    for meeting in meetings:
        is_held = meeting.status == MeetingStatus.HELD
        for position in range(1, AGENDA_ITEMS_PER_MEETING + 1):
            presenter = rng.choice(contacts) if rng.random() < 0.7 else None
            agenda_items.append(
                AgendaItem(
                    meeting=meeting,
                    position=position,
                    title=AGENDA_TITLES[(position - 1) % len(AGENDA_TITLES)]
                    if position in (1, 2, AGENDA_ITEMS_PER_MEETING)
                    else rng.choice(AGENDA_TITLES[2:-2]),
                    description=text.paragraph(1),
                    presenter=presenter,
                    lead_organization_id=presenter.organization_id if presenter else rng.choice(organizations).pk,
                    planned_minutes=rng.choice([10, 15, 20, 30]),
                    discussion_summary=text.paragraph(rng.randrange(3, 7)) if is_held else "",
                    outcome=rng.choice(OutcomeKind.values) if is_held else "",
                )
            )
    agenda_items = _bulk(AgendaItem, agenda_items)
    item_topics = AgendaItem.topics.through
    _bulk(
        item_topics,
        [
            item_topics(agendaitem_id=item.pk, topic_id=rng.choice(topics).pk)
            for item in agenda_items
            if rng.random() < 0.3
        ],
    )
    step(f"{len(agenda_items)} agenda items")

    participations, statements = [], []
    participants_of = {}
    for meeting in meetings:
        members = members_of[meeting.series_id]
        chosen = [busy, *rng.sample(members[1:], min(len(members) - 1, PARTICIPATIONS_PER_MEETING - 1))]
        # The busy organisation attends about half of the meetings it is invited to.
        busy_attends = rng.random() < 0.5
        participants_of[meeting.pk] = chosen
        for index, organization in enumerate(chosen):
            people = contacts_of.get(organization.pk) or [None]
            if meeting.status == MeetingStatus.HELD:
                attended = busy_attends if organization is busy else rng.random() < 0.85
                status = ParticipationStatus.ATTENDED if attended else rng.choice(["excused", "absent"])
            elif meeting.status == MeetingStatus.PLANNED:
                status = rng.choice([ParticipationStatus.INVITED, ParticipationStatus.CONFIRMED])
            else:
                status = ParticipationStatus.INVITED
            role = ParticipationRole.CHAIR if index == 1 else ParticipationRole.PARTICIPANT
            if index in (2, 3):
                role = ParticipationRole.SPEAKER
            participations.append(
                Participation(
                    meeting=meeting,
                    organization=organization,
                    contact=rng.choice(people),
                    role=role,
                    status=status,
                )
            )
    participations = _bulk(Participation, participations)
    items_of = {}
    for item in agenda_items:
        items_of.setdefault(item.meeting_id, []).append(item)
    for meeting in held:
        for position in range(1, STATEMENTS_PER_HELD_MEETING + 1):
            organization = rng.choice(participants_of[meeting.pk])
            speaker = rng.choice(contacts_of.get(organization.pk) or contacts)
            statements.append(
                Statement(
                    meeting=meeting,
                    agenda_item=rng.choice(items_of[meeting.pk]),
                    speaker=speaker,
                    organization=organization,
                    summary=text.paragraph(rng.randrange(2, 5)),
                    position=position,
                )
            )
    statements = _bulk(Statement, statements)
    # bulk_create skips NumberedEntry.save(), so the numbers are given here: one sequence per meeting shared by
    # its decisions and actions, in the order they are made, as the model gives them.
    last_reference_number = {}

    def next_reference_number(meeting) -> int:
        last_reference_number[meeting.pk] = last_reference_number.get(meeting.pk, 0) + 1
        return last_reference_number[meeting.pk]

    decisions = _bulk(
        Decision,
        [
            Decision(
                meeting=meeting,
                agenda_item=items_of[meeting.pk][2],
                text=text.paragraph(1),
                reference_number=next_reference_number(meeting),
            )
            for meeting in held
        ],
    )
    decision_of = {decision.meeting_id: decision for decision in decisions}
    step(f"{len(participations)} participations, {len(statements)} statements, {len(decisions)} decisions")

    actions = []
    for _ in range(volumes.actions):
        # The busy organisation owns a tenth of all follow-ups, so its participant's pages have plenty.
        meeting = rng.choice(held or meetings)
        organization = busy if rng.random() < 0.1 else rng.choice(participants_of[meeting.pk])
        due_on = meeting.starts_at.date() + datetime.timedelta(days=rng.randrange(30, 180))
        if due_on < today - datetime.timedelta(days=60):
            status = rng.choices(ActionStatus.values, [1, 1, 14, 2])[0]
        else:
            status = rng.choice([ActionStatus.OPEN, ActionStatus.IN_PROGRESS])
        owners = contacts_of.get(organization.pk)
        actions.append(
            ActionItem(
                meeting=meeting,
                agenda_item=items_of[meeting.pk][2],
                decision=decision_of.get(meeting.pk),
                title=f"{rng.choice(ACTION_VERBS)} {rng.choice(ACTION_OBJECTS)}",
                description=text.paragraph(2),
                responsible_organization=organization,
                owner=rng.choice(owners) if owners and rng.random() < 0.7 else None,
                due_on=due_on,
                status=status,
                reference_number=next_reference_number(meeting),
            )
        )
    actions = _bulk(ActionItem, actions)
    step(f"{len(actions)} actions")

    meetings_by_quarter = {}
    for meeting in held:
        key = (meeting.series_id, Quarter.containing(meeting.starts_at.astimezone(TASHKENT).date()))
        meetings_by_quarter.setdefault(key, meeting)
    plans = []
    for series in series_list:
        quarter = Quarter.containing(series.started_on)
        last = Quarter.containing(today + datetime.timedelta(days=180))
        while quarter <= last:
            endorsing = meetings_by_quarter.get((series.pk, quarter.previous()))
            plans.append(
                ActivityPlan(
                    series=series,
                    year=quarter.year,
                    quarter_number=quarter.number,
                    status=PlanStatus.ENDORSED if endorsing else PlanStatus.DRAFT,
                    endorsed_at=endorsing,
                    notes=text.paragraph(1),
                )
            )
            quarter = quarter.next()
    plans = _bulk(ActivityPlan, plans)
    activities = []
    for _ in range(volumes.activities):
        plan = rng.choice(plans)
        quarter = plan.quarter
        starts_on = quarter.first_day + datetime.timedelta(days=rng.randrange(0, 80))
        ends_on = starts_on + datetime.timedelta(days=rng.randrange(1, 5)) if rng.random() < 0.4 else None
        kind = rng.choice(ActivityKind.values)
        if (ends_on or starts_on) < today:
            status = rng.choices(ActivityStatus.values, [0, 0, 16, 2, 1])[0]
        else:
            status = rng.choice([ActivityStatus.PLANNED, ActivityStatus.ONGOING])
        activities.append(
            Activity(
                plan=plan,
                title=f"{ActivityKind(kind).label} on {rng.choice(OBJECTS)}",
                kind=kind,
                description=text.paragraph(rng.randrange(2, 5)),
                lead_organization=rng.choice(members_of[plan.series_id]),
                starts_on=starts_on,
                ends_on=ends_on,
                places=rng.sample(REGIONS, rng.randrange(1, 4)),
                target_group=rng.choice(TARGET_GROUPS),
                status=status,
                people_reached=rng.randrange(10, 500) if status == ActivityStatus.COMPLETED else None,
                outcome=text.paragraph(1) if status == ActivityStatus.COMPLETED else "",
            )
        )
    activities = _bulk(Activity, activities)
    partners = Activity.partners.through
    partner_rows = []
    for activity in activities:
        for organization in rng.sample(organizations, rng.randrange(0, 4)):
            if organization.pk != activity.lead_organization_id:
                partner_rows.append(partners(activity_id=activity.pk, organization_id=organization.pk))
    _bulk(partners, partner_rows)
    activity_topics = Activity.topics.through
    _bulk(
        activity_topics,
        [activity_topics(activity_id=a.pk, topic_id=rng.choice(topics).pk) for a in activities if rng.random() < 0.4],
    )
    step(f"{len(plans)} plans, {len(activities)} activities")

    user = get_user_model().objects.create_user(BENCH_USERNAME, password=BENCH_PASSWORD)
    user.groups.add(Group.objects.get(name=PARTICIPANT))
    Contact.objects.create(organization=busy, name="Bench Participant", user=user)

    counts = {model.__name__: model.objects.count() for model in apps.get_app_config("meetings").get_models()}
    counts |= {model.__name__: model.objects.count() for model in (Organization, Contact, ActivityPlan, Activity)}
    return {name: count for name, count in counts.items() if not name.startswith("Historical")}


def analyze() -> None:
    """After the bulk load (outside its transaction): the planner's statistics, and the visibility map that
    index-only scans rely on, as autovacuum would leave them on a database in use."""
    with connection.cursor() as cursor:
        for table in bench_tables():
            cursor.execute(f'VACUUM (ANALYZE) "{table}"')
