"""Spanish dates as Ripple writes them: “3 Ene 2026”, the same named formats as English
(config/formats/en), so every template's `|date:"DATE_FORMAT"` reads naturally in Spanish.
Django's own Spanish formats stay in use for anything not named here.
"""

DATE_FORMAT = "j M Y"  # 3 Ene 2026 (the month abbreviated and capitalised, as in English)
DATETIME_FORMAT = "j M Y, H:i"  # 3 Ene 2026, 14:05
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
MONTH_DAY_FORMAT = "j M"  # 3 Ene
YEAR_MONTH_FORMAT = "M Y"  # Ene 2026
