"""English dates as Ripple writes them: “3 Nov 2026”, the same on the site, in the admin and in
emails. Django's own English formats (“Nov. 3, 2026”) stay in use for anything not named here.
"""

DATE_FORMAT = "j M Y"  # 3 Nov 2026
DATETIME_FORMAT = "j M Y, H:i"  # 3 Nov 2026, 14:05
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
MONTH_DAY_FORMAT = "j M"  # 3 Nov: within the current season, where the year goes without saying
YEAR_MONTH_FORMAT = "M Y"  # Nov 2026
