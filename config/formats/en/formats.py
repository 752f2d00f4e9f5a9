"""English formats for the admin: unambiguous dates and a 24-hour clock.

The team works across Europe, Canada and Australia; Django's default English
("03/01/2027 9 a.m.") reads as a different day to most of them. Other
languages keep Django's own formats (de: 01.03.2027 09:00, fr: 01/03/2027).
"""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "Y-m-d"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
