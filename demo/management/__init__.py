"""Management commands that fill a database with demo or benchmark data."""
