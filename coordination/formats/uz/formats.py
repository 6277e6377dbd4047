# 20-Iyun, 2023-yil (as Django's own Uzbek formats), 20.06.2023.
DATE_FORMAT = r"j-E, Y-\y\i\l"
SHORT_DATE_FORMAT = "d.m.Y"
DATETIME_FORMAT = r"j-E, Y-\y\i\l, H:i"
SHORT_DATETIME_FORMAT = "d.m.Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = r"F Y-\y\i\l"
MONTH_DAY_FORMAT = "j-E"
