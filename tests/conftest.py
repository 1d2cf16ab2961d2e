"""Shared fixtures for the pressgen test suite (helpers that build projects live in ``helpers.py``)."""

from __future__ import annotations

import shutil
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
    """A copy of the bundled project (config/, data/, templates/) in tmp_path, safe to break."""
    root = tmp_path / "project"
    root.mkdir()
    for part in ("config", "data", "templates"):
        source = repo_root / part
        if source.is_dir():
            shutil.copytree(source, root / part)
    return root


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
