"""Stage 5's course code: data (the kit's digits, IDX files, the per-grading disguise),
the trusted NumPy LeNet, and the tools hidden tests run in the worker. Not the framework:
the grader runs without it, and the worker imports the tools a stage's config names."""
