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

# The demo's longest texts, shared by the loader and TRANSLATIONS.
SERIES_DESCRIPTION = (
    "Launched in February 2022, the platform brings government authorities, donors, international and "
    "non-governmental organisations together to coordinate their work against trafficking in persons, "
    "exchange good practice, face common challenges and shape joint responses."
)
THIRD_MEETING_SUMMARY = (
    "Government authorities, donors, international and non-governmental organisations reviewed the "
    "situation of trafficking in persons in Uzbekistan and the results of the second quarter of 2023, "
    "prepared the campaign for the World Day against Trafficking in Persons and discussed the plan for "
    "the third quarter."
)
FOURTH_MEETING_SUMMARY = (
    "Key stakeholders reviewed the state of trafficking in persons in Uzbekistan and the ongoing "
    "activities, discussed the upcoming activities and how to cooperate better, "
    "and looked at emerging trends. Participants stressed that a robust system for identifying and "
    "investigating cases is the cornerstone of effective counter-trafficking work. The meeting also "
    "served as a networking opportunity between sectors."
)
# The speakers' remarks, summarised in reported speech in the portal's words; the article is the source.
STATEMENT_SALIKHOV = (
    "Mr Salikhov said that the coordination meetings help the partners pool their efforts against "
    "trafficking, talk strategy, learn from one another and plan ahead. As examples of continued support "
    "through international cooperation he named the training of trainers set for 6-8 November, the "
    "November trainings for airport staff in Bukhara, Fergana and Namangan, and the coming study visit "
    "of a delegation from Estonia."
)
STATEMENT_RETTENMAYER = (
    "Mr Rettenmayer said that the international community backs Uzbekistan in countering trafficking, and "
    "that the wide range of stakeholders taking part showed their commitment and should lead to fruitful "
    "joint work."
)
STATEMENT_BOBOEV = (
    "Mr Boboev described UNODC as a key partner of his unit in countering trafficking, and said that the "
    "partnership and the sharing of knowledge and expertise had helped the unit make considerable "
    "progress."
)

# Russian and Uzbek (Latin script) versions of every demo text a participant reads, written for the portal from the
# facts of the articles (which are in English): English text -> (Russian, Uzbek). "Study visit" is one word in each
# language, the one the activity kind uses (Ознакомительный визит, Tanishuv tashrifi); organisations are named by
# their Russian and Uzbek names, never an English acronym.
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
    "MIA CTIP Unit": (
        "Подразделение МВД по борьбе с торговлей людьми",
        "IIV odam savdosiga qarshi kurashish boʻlinmasi",
    ),
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
        "Ознакомительный визит делегации Эстонской Республики",
        "Estoniya Respublikasi delegatsiyasining tanishuv tashrifi",
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
        "Zaif guruhlarni, jumladan, muhojirlarni ekspluatatsiya qilish",
    ),
    "Identification and investigation of cases": (
        "Выявление и расследование случаев",
        "Holatlarni aniqlash va tergov qilish",
    ),
    # contacts: names in the reader's script (Uzbek Latin spells them as Uzbek does), and positions
    "Azamatbek Salikhov": ("Азаматбек Салихов", "Azamatbek Salixov"),
    "Nate Rettenmayer": ("Нейт Реттенмайер", "Neyt Rettenmayer"),
    "Akobir Boboev": ("Акобир Бобоев", "Akobir Boboyev"),
    "National Programme Officer": ("Национальный сотрудник по программам", "Milliy dastur xodimi"),
    "Director": ("Директор", "Direktor"),
    "Head of the Unit for Combating Trafficking in Persons": (
        "Начальник подразделения по противодействию торговле людьми",
        "Odam savdosiga qarshi kurashish boʻlinmasi boshligʻi",
    ),
    "Secretariat Officer": ("Сотрудник секретариата", "Kotibiyat xodimi"),
    "Secretariat (demo account)": ("Секретариат (демонстрационная учётная запись)", "Kotibiyat (namoyish hisobi)"),
    "Partner Focal Point": ("Контактное лицо партнёра", "Hamkorning masʼul shaxsi"),
    "Focal point (demo account)": (
        "Контактное лицо (демонстрационная учётная запись)",
        "Masʼul shaxs (namoyish hisobi)",
    ),
    # the series' description
    SERIES_DESCRIPTION: (
        "Площадка действует с февраля 2022 года: на ней государственные органы, доноры, международные и "
        "неправительственные организации согласуют свою работу против торговли людьми, делятся удачным опытом, "
        "вместе ищут ответы на общие трудности и вырабатывают совместные меры.",
        "Platforma 2022-yil fevralidan beri ishlaydi: unda davlat organlari, donorlar, xalqaro va nodavlat "
        "tashkilotlar odam savdosiga qarshi ishlarini muvofiqlashtiradi, ilgʻor tajriba almashadi, umumiy "
        "qiyinchiliklarga birgalikda yechim izlaydi va qoʻshma choralar ishlab chiqadi.",
    ),
    # the third meeting: minutes, item summaries, the follow-up action
    THIRD_MEETING_SUMMARY: (
        "Представители государственных органов, доноров, международных и неправительственных организаций "
        "рассмотрели положение дел с торговлей людьми в Узбекистане и итоги второго квартала 2023 года, "
        "подготовили кампанию ко Всемирному дню борьбы с торговлей людьми и обсудили план на третий квартал.",
        "Davlat organlari, donorlar, xalqaro va nodavlat tashkilotlar vakillari Oʻzbekistonda odam savdosi "
        "bilan bogʻliq vaziyatni va 2023-yil ikkinchi choragi natijalarini koʻrib chiqdi, Odam savdosiga qarshi "
        "kurashish butunjahon kuni kampaniyasiga tayyorgarlik koʻrdi hamda uchinchi chorak rejasini muhokama qildi.",
    ),
    "Partners shared their reading of the current situation and of the challenges, old and new.": (
        "Партнёры поделились своей оценкой нынешней ситуации, а также давних и новых трудностей.",
        "Hamkorlar hozirgi vaziyat hamda eski va yangi muammolar haqidagi oʻz baholarini bildirdi.",
    ),
    "The activities carried out in Q2 2023 were assessed together; partners called for closer collaboration and "
    "noted where the work can improve.": (
        "Мероприятия второго квартала 2023 года оценили сообща; партнёры призвали к более тесному взаимодействию "
        "и отметили, что в работе можно улучшить.",
        "2023-yil ikkinchi choragida oʻtkazilgan tadbirlar birgalikda baholandi; hamkorlar yanada yaqin "
        "hamkorlikka chaqirdi va ishda nimani yaxshilash mumkinligini qayd etdi.",
    ),
    "Participants brainstormed prevention and victim-protection initiatives for the campaign under the theme "
    "“Reach every victim of trafficking, leave no one behind”.": (
        "Участники искали идеи для кампании — инициативы по профилактике и защите пострадавших под девизом "
        "«Охватить каждую жертву торговли людьми, никого не оставить без внимания».",
        "Ishtirokchilar «Odam savdosining har bir qurboniga yetib borish, hech kimni eʼtibordan chetda "
        "qoldirmaslik» shiori ostidagi kampaniya uchun profilaktika va jabrlanuvchilarni himoya qilish "
        "tashabbuslari boʻyicha gʻoyalar bildirdi.",
    ),
    "The partners went through the activities planned for Q3 2023 and later.": (
        "Партнёры рассмотрели мероприятия, намеченные на третий квартал 2023 года и последующий период.",
        "Hamkorlar 2023-yil uchinchi choragi va undan keyingi davrga moʻljallangan tadbirlarni koʻrib chiqdi.",
    ),
    "Run the World Day against Trafficking in Persons campaign": (
        "Провести кампанию ко Всемирному дню борьбы с торговлей людьми",
        "Odam savdosiga qarshi kurashish butunjahon kuni kampaniyasini oʻtkazish",
    ),
    # the fourth meeting: minutes, item summaries, statements, follow-up actions
    FOURTH_MEETING_SUMMARY: (
        "Основные заинтересованные стороны обсудили положение дел с торговлей людьми в Узбекистане, текущие и "
        "предстоящие мероприятия, пути улучшения сотрудничества, а также новые тенденции. Участники подчеркнули, "
        "что надёжная система выявления и расследования случаев — основа действенного противодействия торговле "
        "людьми. Заседание также позволило наладить связи между представителями разных секторов.",
        "Asosiy manfaatdor tomonlar Oʻzbekistonda odam savdosi holati, amalga oshirilayotgan va kelgusi "
        "tadbirlarni, hamkorlikni yaxshilash yoʻllarini muhokama qildi, yangi tendensiyalarga toʻxtaldi. "
        "Ishtirokchilar holatlarni aniqlash va tergov qilishning mustahkam tizimi odam savdosiga qarshi samarali "
        "kurashning asosi ekanini taʼkidladi. Yigʻilish turli sohalar vakillari oʻrtasida aloqalar oʻrnatish "
        "imkonini ham berdi.",
    ),
    "Overview of the current situation.": ("Обзор нынешней ситуации.", "Hozirgi vaziyat sharhi."),
    "The activities under way were reviewed.": (
        "Рассмотрены проводимые мероприятия.",
        "Amalga oshirilayotgan tadbirlar koʻrib chiqildi.",
    ),
    "The partners discussed the training of trainers (6-8 November), the trainings for airport staff in Bukhara, "
    "Fergana and Namangan in November, and the study visit of the Estonian delegation.": (
        "Партнёры обсудили подготовку тренеров (6–8 ноября), ноябрьские тренинги для сотрудников аэропортов "
        "в Бухаре, Фергане и Намангане и ознакомительный визит эстонской делегации.",
        "Hamkorlar trenerlar tayyorlash seminari (6–8-noyabr), noyabr oyida Buxoro, Fargʻona va Namangan "
        "aeroportlari xodimlari uchun treninglar hamda Estoniya delegatsiyasining tanishuv tashrifini muhokama "
        "qildi.",
    ),
    "Participants discussed approaches to improving cooperation.": (
        "Участники обсудили подходы к улучшению сотрудничества.",
        "Ishtirokchilar hamkorlikni yaxshilash yondashuvlarini muhokama qildi.",
    ),
    "Traffickers adapt to new realities. Three trends were discussed: recruitment through technology and social "
    "media; routes from Uzbekistan to third countries, India, Turkey, Thailand and others; and the exploitation of "
    "vulnerable people, migrants among them. Recognising them early keeps every partner's response effective.": (
        "Торговцы людьми приспосабливаются к новым реалиям. Обсуждались три тенденции: вербовка через "
        "технологии и социальные сети; маршруты из Узбекистана в третьи страны — Индию, Турцию, Таиланд и "
        "другие; эксплуатация уязвимых людей, в том числе мигрантов. Если вовремя распознавать эти тенденции, "
        "меры каждого партнёра остаются действенными.",
        "Odam savdogarlari yangi sharoitlarga moslashmoqda. Uchta tendensiya muhokama qilindi: texnologiyalar va "
        "ijtimoiy tarmoqlar orqali yollash; Oʻzbekistondan uchinchi davlatlarga — Hindiston, Turkiya, Tailand va "
        "boshqalarga olib boruvchi yoʻnalishlar; zaif odamlarni, jumladan, muhojirlarni ekspluatatsiya qilish. "
        "Bu tendensiyalarni oʻz vaqtida sezish har bir hamkorning choralarini samarali saqlaydi.",
    ),
    "Participants agreed that a robust system for identifying and investigating cases is the core of an effective "
    "response: it lets law enforcement bring justice to victims and shows that trafficking is not tolerated.": (
        "Участники сошлись во мнении, что надёжная система выявления и расследования случаев — главное условие "
        "действенного ответа: она позволяет правоохранительным органам добиваться справедливости для "
        "пострадавших и показывает, что торговля людьми недопустима.",
        "Ishtirokchilar holatlarni aniqlash va tergov qilishning mustahkam tizimi samarali choralarning asosi "
        "ekanida yakdil boʻldi: u huquqni muhofaza qiluvchi organlarga jabrlanuvchilar uchun adolatni tiklash "
        "imkonini beradi va odam savdosiga yoʻl qoʻyilmasligini koʻrsatadi.",
    ),
    STATEMENT_SALIKHOV: (
        "Г-н Салихов отметил, что координационные заседания помогают партнёрам объединять усилия против "
        "торговли людьми, обсуждать стратегию, перенимать опыт друг у друга и планировать работу. Как примеры "
        "постоянной поддержки через международное сотрудничество он назвал подготовку тренеров 6–8 ноября, "
        "ноябрьские тренинги для сотрудников аэропортов в Бухаре, Фергане и Намангане и предстоящий "
        "ознакомительный визит делегации из Эстонии.",
        "Janob Salixov muvofiqlashtirish yigʻilishlari hamkorlarga odam savdosiga qarshi saʼy-harakatlarni "
        "birlashtirish, strategiyani muhokama qilish, bir-biridan oʻrganish va ishni rejalashtirishga yordam "
        "berishini aytdi. Xalqaro hamkorlik orqali doimiy koʻmakka misol sifatida u 6–8-noyabrda boʻladigan "
        "trenerlar tayyorlash seminarini, noyabrda Buxoro, Fargʻona va Namangan aeroportlari xodimlari uchun "
        "treninglarni hamda Estoniya delegatsiyasining yaqinlashib kelayotgan tanishuv tashrifini keltirdi.",
    ),
    STATEMENT_RETTENMAYER: (
        "Г-н Реттенмайер заявил, что международное сообщество поддерживает Узбекистан в противодействии "
        "торговле людьми, а широкий круг участников заседания говорит об их приверженности делу и открывает "
        "путь к плодотворной совместной работе.",
        "Janob Rettenmayer xalqaro hamjamiyat odam savdosiga qarshi kurashda Oʻzbekistonni qoʻllab-quvvatlashini, "
        "yigʻilishda koʻplab manfaatdor tomonlarning ishtiroki esa ularning bu ishga sodiqligini koʻrsatib, "
        "samarali hamkorlikka yoʻl ochishini taʼkidladi.",
    ),
    STATEMENT_BOBOEV: (
        "Г-н Бобоев назвал УНП ООН ключевым партнёром своего подразделения в противодействии торговле людьми и "
        "отметил, что благодаря этому партнёрству и обмену знаниями и опытом подразделение заметно продвинулось "
        "в работе.",
        "Janob Boboyev UNODCni boʻlinmaning odam savdosiga qarshi kurashdagi asosiy hamkori deb atadi va ushbu "
        "hamkorlik hamda bilim va tajriba almashish tufayli boʻlinma ishda sezilarli yutuqlarga erishganini aytdi.",
    ),
    "Prepare the study visit of the delegation of the Republic of Estonia": (
        "Подготовить ознакомительный визит делегации Эстонской Республики",
        "Estoniya Respublikasi delegatsiyasining tanishuv tashrifini tayyorlash",
    ),
    "Share the unit's identification and investigation practice at the training of trainers": (
        "Представить на семинаре по подготовке тренеров практику подразделения по выявлению и расследованию",
        "Trenerlar tayyorlash seminarida boʻlinmaning aniqlash va tergov qilish amaliyotini taqdim etish",
    ),
    # activity descriptions and target groups
    "Airport employees": ("Сотрудники аэропортов", "Aeroport xodimlari"),
    "Awareness campaign under the theme “Reach every victim of trafficking, leave no one behind”.": (
        "Информационная кампания под девизом «Охватить каждую жертву торговли людьми, никого не оставить без "
        "внимания».",
        "«Odam savdosining har bir qurboniga yetib borish, hech kimni eʼtibordan chetda qoldirmaslik» shiori "
        "ostidagi xabardorlikni oshirish kampaniyasi.",
    ),
    "Trainings for airport staff in three cities, planned for November 2023 (no day given).": (
        "Тренинги для сотрудников аэропортов в трёх городах, запланированные на ноябрь 2023 года (день не указан).",
        "Uch shahardagi aeroport xodimlari uchun treninglar, 2023-yil noyabriga rejalashtirilgan (kuni "
        "koʻrsatilmagan).",
    ),
    "Visit to discuss prospects of cooperation in combating trafficking in persons.": (
        "Визит для обсуждения перспектив сотрудничества в борьбе с торговлей людьми.",
        "Odam savdosiga qarshi kurashda hamkorlik istiqbollarini muhokama qilish uchun tashrif.",
    ),
}


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
