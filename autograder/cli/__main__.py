"""``python -m autograder.cli``: the same as ``cnngrade``."""

from autograder.cli.app import main

main()
