"""Organisations, cohorts, memberships and learner progress (see ARCHITECTURE.md)."""
