"""`seed_demo` and `make_bench_data`."""
