"""Every hostile case of the corpus, each bounded in time and memory (see ``tests/hostile/__init__.py``).

The cases run in two worker processes side by side (the suite's machines have
two cores) when the module starts; each test then reports its own case.
"""

from __future__ import annotations

import sys

import pytest

from tests.hostile.corpus import all_cases
from tests.hostile.harness import run_all

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS and process groups")

CASES = all_cases()


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    """The outcome of every case, by name."""
    done = run_all(CASES, tmp_path_factory.mktemp("hostile"))
    return {outcome.case.name: outcome for outcome in done}


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_case(case, outcomes):
    outcome = outcomes[case.name]
    assert outcome.ok, f"{case.category}/{case.name}:\n{outcome.summary()}"
