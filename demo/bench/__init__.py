"""The benchmark dataset behind `manage.py make_bench_data` (see tests/benchmarks/).

One course of 12 modules (20 blocks each) and its community book, built from the demo content
with the demo's page builders; then 50 organisations, 400 cohorts, 20,000 learners, 200,000
progress rows, 50,000 teach-back reports and 100,000 comments, written with bulk inserts.
Cohort 1 is the big one: 200 learners and 5,000 reports. Everything is derived from counters,
so two runs make the same data (apart from join codes, tokens, question ids and timestamps).

- sizes.py: how much to make, and the bench sign-ins;
- course.py: the course, its modules and book;
- people.py: accounts, organisations, cohorts, memberships and progress;
- activity.py: teach-back reports, comments and appreciations;
- dataset.py: all of it, in stages, timed; returns the manifest the benchmarks read.
"""
