"""Ripple's date formats per language (FORMAT_MODULE_PATH): one style on the site and in the
admin. Templates name a format (`|date:"DATE_FORMAT"`) instead of spelling one out."""
