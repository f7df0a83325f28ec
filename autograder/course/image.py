"""What a stage's Gradescope image installs: the one list that the zip's requirements and
the worker's import environment are both made from, so that an upload imports the same
packages in ``cnngrade grade``, in ``batch`` and on Gradescope."""

from __future__ import annotations

from autograder.course.config import AssignmentConfig
from autograder.sandbox.imports import requirement_name

#: What stages 1-4 install on Gradescope's Python 3.10: NumPy and the framework's own needs,
#: pinned (direct and transitive). No SciPy, no torch: no library convolution to call.
BASE_REQUIREMENTS = (
    "numpy==2.2.6",
    "click==8.1.8",
    "pytest==8.3.5",
    "pluggy==1.5.0",
    "iniconfig==2.1.0",
    "packaging==25.0",
    "exceptiongroup==1.3.0; python_version < '3.11'",
    "tomli==2.2.1; python_version < '3.11'",
    "gradescope-utils==0.5.0",
    # notebook uploads: nbformat and what it needs
    "nbformat==5.10.4",
    "fastjsonschema==2.22.3",
    "jsonschema==4.26.0",
    "jsonschema-specifications==2025.9.1",
    "referencing==0.37.0",
    "rpds-py==0.30.0",
    "attrs==26.1.0",
    "jupyter-core==5.9.1",
    "platformdirs==4.12.4",
    "traitlets==5.16.1",
    "typing-extensions==4.16.0",
)
#: the framework's own packages, installed from its wheel without dependencies
FRAMEWORK_PACKAGES = ("autograder",)


def image_requirements(config: AssignmentConfig) -> list[str]:
    """The pinned requirement lines of the stage's image (``requirements.txt``)."""
    return [*BASE_REQUIREMENTS, *config.gradescope.requirements]


def image_distributions(config: AssignmentConfig) -> tuple[str, ...]:
    """The names of the distributions the stage's image installs from its requirements
    (the framework comes as :data:`FRAMEWORK_PACKAGES`)."""
    names = [requirement_name(line) for line in image_requirements(config)]
    return tuple(dict.fromkeys(n for n in names if n))
