"""The ``cnngrade`` command line: a thin layer over the commands (:mod:`autograder.cli.app`)
and the text reports it prints (:mod:`autograder.cli.report`)."""

from autograder.cli.app import main

__all__ = ["main"]
