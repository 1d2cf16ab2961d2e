"""Shared fixtures for the pressgen test suite (helpers that build projects live in ``helpers.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

# Assertions inside the shared helpers get pytest's detailed failure messages too.
pytest.register_assert_rewrite("helpers")

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def repo_root() -> Path:
    """The repository root, which is also the bundled example release project."""
    return REPO_ROOT


@pytest.fixture
def project_copy(tmp_path: Path, repo_root: Path) -> Path:
    """A copy of the bundled knowledge services release (its config, data and templates) in
    tmp_path, safe to break; a project with that one release, so no ``--release`` is needed."""
    from drafting import copy_bundled

    return copy_bundled(tmp_path / "project")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the expected files under tests/golden/ from the current output (review the diff!)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when pytest was started with --update-golden (golden tests then rewrite their files)."""
    return bool(request.config.getoption("--update-golden"))


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """Print the mutation score that test_mutation.py recorded (nothing when it did not run)."""
    import sys

    corpus = sys.modules.get("test_check_corpus")
    scores = config.stash.get(corpus.REPORT_KEY, None) if corpus is not None else None
    if scores:
        terminalreporter.section("pressgen check corpus (tests/check_corpus)")
        for key in sorted(k for k in scores if k != "details"):
            caught, wrong, false, right = scores[key]
            terminalreporter.write_line(f"{key[0]} {key[1]:<20} caught {caught:>3}/{wrong:<3} {caught / max(wrong, 1):6.1%}   "
                                        f"false alarms {false:>3}/{right:<3} {false / max(right, 1):6.1%}")
    mutation = sys.modules.get("mutation")
    report = config.stash.get(mutation.REPORT_KEY, None) if mutation is not None else None
    if not report:
        return
    terminalreporter.section("pressgen check mutation score")
    for kind, (caught, total) in report["kinds"].items():
        share = caught / total if total else 0.0
        terminalreporter.write_line(f"{kind:<10} {caught:>4}/{total:<4} caught  {share:6.1%}")
    caught, total = report["overall"]
    terminalreporter.write_line(f"{'overall':<10} {caught:>4}/{total:<4} caught  {caught / total:6.1%}  ({report['seconds']:.1f} s)")
    for label in report["survivors"]:
        terminalreporter.write_line(f"  survived: {label}")


# Property-based tests (tests/test_properties.py): a small, repeatable budget by default so
# the suite stays fast and CI runs are deterministic; HYPOTHESIS_PROFILE=thorough for more.
try:
    import os as _os

    from hypothesis import HealthCheck, settings as _hypothesis_settings

    _hypothesis_settings.register_profile(
        "ci", max_examples=25, deadline=None, derandomize=True, print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    _hypothesis_settings.register_profile(
        "thorough", max_examples=500, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    _hypothesis_settings.load_profile(_os.environ.get("HYPOTHESIS_PROFILE", "ci"))
except ImportError:  # pragma: no cover - hypothesis is a test dependency
    pass
