"""cnngrade: a course kit and secure autograder for a unit on convolutional neural networks.

Importing this package is cheap and has no side effects: the sandbox worker imports
``autograder.sandbox`` before it runs student code, so nothing here may pull in the
grading side (hidden tests, reference solutions, pytest).
"""

__version__ = "0.1.0"
