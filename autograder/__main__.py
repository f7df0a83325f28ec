"""``python -m autograder`` is ``cnngrade``."""

from autograder.cli import main

main()
