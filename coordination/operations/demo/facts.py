"""The demo's facts: organisations, contacts, topics and the series as the seed articles name them, their Russian and
Uzbek names, and the demo users."""

import zoneinfo

from common.roles import PARTICIPANT, SECRETARIAT
from stakeholders.models import OrganizationKind

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
