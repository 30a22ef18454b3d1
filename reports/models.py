"""Teach-back reports, comments and appreciation (see ARCHITECTURE.md)."""
