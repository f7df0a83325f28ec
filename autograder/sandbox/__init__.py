"""Running untrusted student code: the worker process and the trusted client that drives it.

Nothing in this subpackage imports the grading side; the worker imports only
:mod:`autograder.sandbox.protocol` and :mod:`autograder.sandbox.worker` before it drops
privileges and loads student code.
"""
