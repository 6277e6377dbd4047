# 20 июня 2023 г.: month names in the genitive (E) after a day; ranges "20–21 июня 2023 г.",
# "30 июня – 2 июля 2023 г." (common.formatting). Month names are written in lowercase ("ноябрь 2023 г.").
DATE_FORMAT = "j E Y г."
SHORT_DATE_FORMAT = "d.m.Y"
DATETIME_FORMAT = "j E Y г., H:i"
SHORT_DATETIME_FORMAT = "d.m.Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y г."
MONTH_DAY_FORMAT = "j E"
MONTH_NAMES_LOWERCASE = True
