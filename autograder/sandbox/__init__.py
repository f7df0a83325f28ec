"""Running untrusted student code: the worker process and the trusted client that drives it.

The bottom layer: nothing here imports the course, intake, grading or lab code (the
import-linter contracts in ``pyproject.toml`` check it). The worker loads only this
subpackage, the stage's preloads and the tools module its settings name, before it drops
privileges and loads student code.
"""
