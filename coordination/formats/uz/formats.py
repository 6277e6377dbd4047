# Uzbek writes the year first, with "-yil", and the day with a hyphen before the month: "2023-yil 20-iyun",
# "20-iyun" without the year, "2023-yil iyun" for a month. Ranges (common.formatting) name the year once:
# "2023-yil 20–21-iyun", "2024-yil 30-iyun – 2-iyul", "2023-yil 30-dekabr – 2024-yil 2-yanvar".
# Month names in lowercase; Django's Uzbek catalogue capitalises them, so common.formatting lowers them.
DATE_FORMAT = r"Y-\y\i\l j-F"
SHORT_DATE_FORMAT = "d.m.Y"
DATETIME_FORMAT = r"Y-\y\i\l j-F, H:i"
SHORT_DATETIME_FORMAT = "d.m.Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = r"Y-\y\i\l F"
MONTH_DAY_FORMAT = "j-F"
MONTH_NAMES_LOWERCASE = True
# (first day, last day) of a range within one month and within one year.
DAY_RANGE_IN_MONTH_FORMATS = (r"Y-\y\i\l j", "j-F")
DAY_RANGE_IN_YEAR_FORMATS = (r"Y-\y\i\l j-F", "j-F")
