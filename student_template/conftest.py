"""Makes your own modules available to the public tests as the ``submission`` fixture.

Run ``pytest`` in this folder. ``tests/test_padding.py`` receives ``cnnlab.padding``, and so
on. During grading, the same tests receive a proxy that runs your code in a sandbox; here
they simply import ``cnnlab`` from this folder. The stage-5 tests also use ``tools``
(``tests/labtools.py``): small helpers that build data iterators and read a network.
"""

import importlib
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))


@pytest.fixture
def submission(request):
    stage_module = Path(str(request.path)).stem.removeprefix("test_")
    return importlib.import_module(f"cnnlab.{stage_module}")


@pytest.fixture
def tools():
    sys.path.insert(0, str(HERE / "tests"))
    return importlib.import_module("labtools")
