"""Ripple's demo: `seed_demo`, the demo course as data files, and the benchmark dataset.

Sits beside the top of the layers: it may import every app, and no app imports it.
"""
