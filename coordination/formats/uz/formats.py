# 20 fevral 2024; ranges "20–21 fevral 2024", "30 iyun – 2 iyul 2024" (common.formatting). Uzbek writes month
# names in lowercase; Django's Uzbek catalogue capitalises them, so common.formatting lowers them.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d.m.Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "d.m.Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
MONTH_NAMES_LOWERCASE = True
