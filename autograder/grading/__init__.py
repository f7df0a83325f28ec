"""The trusted grading side: pytest plugin, submission proxy, timing, the run itself."""
