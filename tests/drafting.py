"""Helpers for the draft tests: copying projects, running ``draft``, and reading numbers back out of text.

The number readers are written from the house style (DESIGN.md and the reference
article), not from pressgen's formatters, so they can catch a formatter that drifts:
"4.53 billion dollars", "$4.53 billion", "45억3000만달러", "45억3000만 달러", "45.3억달러",
"9000만달러", "1조2000억달러", "6.5%", "5.5 times", "tenfold", "5.5배".
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable

import yaml

from helpers import FIGURES, make_project

REPO_ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden"
BUNDLED_PERIODS = ("2010", "2022H2", "2023H1", "2024H1", "2024H2", "2024", "2025H1")


# ------------------------------------------------------------------------------- projects
BUNDLED_RELEASE = "knowledge_services"


def copy_bundled(target: Path, release: str | None = BUNDLED_RELEASE) -> Path:
    """Copy the bundled project to ``target`` (no output/).

    By default only the knowledge services release (its definition, data and templates,
    plus the shared config/wording/): the draft tests are about that release, and a
    project with one release needs no ``--release``. ``release=None`` copies every release.
    """
    target.mkdir(parents=True, exist_ok=True)
    if release is None:
        for part in ("config", "data", "templates"):
            shutil.copytree(REPO_ROOT / part, target / part)
        return target
    (target / "config").mkdir(exist_ok=True)
    shutil.copyfile(REPO_ROOT / "config" / f"{release}.yaml", target / "config" / f"{release}.yaml")
    if (REPO_ROOT / "config" / "wording").is_dir():
        shutil.copytree(REPO_ROOT / "config" / "wording", target / "config" / "wording")
    for part in ("data", "templates"):
        shutil.copytree(REPO_ROOT / part / release, target / part / release)
    return target


def synthetic_project(tmp_path: Path, figures_csv: Path, annotations: Path | None = None, *, name: str = "proj") -> Path:
    """A ``make_project`` project with ``figures_csv`` as its figures and the bundled templates."""
    root = make_project(tmp_path, [], name=name)
    shutil.copyfile(figures_csv, root / FIGURES)
    shutil.copytree(REPO_ROOT / "templates" / "knowledge_services", root / "templates" / "test")
    if annotations is not None and annotations.is_dir():
        for path in annotations.glob("*.yaml"):
            shutil.copyfile(path, root / "data" / "test" / "annotations" / path.name)
    return root


def golden_case_project(case: str, tmp_path: Path) -> tuple[Path, str]:
    """Build the project of golden case ``case`` under ``tmp_path``; return (root, period)."""
    folder = GOLDEN / case
    spec = yaml.safe_load((folder / "case.yaml").read_text(encoding="utf-8"))
    period = str(spec["period"])
    if spec["project"] == "bundled":
        return copy_bundled(tmp_path / "project"), period
    return synthetic_project(tmp_path, folder / "figures.csv", folder / "annotations"), period


# ------------------------------------------------------------------------------- front matter
def split_front_matter(text: str) -> tuple[dict, str]:
    """(front matter, body) of a release file; fails the test when there is no front matter."""
    assert text.startswith("---\n"), "a release starts with YAML front matter"
    end = text.index("\n---\n", 4)
    meta = yaml.safe_load(text[4:end])
    body = text[end + len("\n---\n"):]
    if body.startswith("\n"):
        body = body[1:]
    return meta, body


def body_of(text: str) -> str:
    return split_front_matter(text)[1]


# ------------------------------------------------------------------------------- numbers in text
@dataclass(frozen=True)
class Amount:
    """A money amount read from text, in millions of US dollars (absolute), with the text it came from."""

    millions: Decimal
    text: str
    negative: bool = False


_EN_SCALE = {"million": Decimal(1), "billion": Decimal(1000), "trillion": Decimal(1_000_000)}
_EN_MONEY = re.compile(
    r"(?<![\w.])(-)?(\$)?(\d{1,3}(?:,\d{3})*(?:\.\d+)?) (million|billion|trillion)\b(?: dollars\b)?",
    re.IGNORECASE,
)
_KO_MONEY = re.compile(r"(-)?((?:\d[\d,]*조)?(?:\d[\d,]*(?:\.\d+)?억)?(?:\d+만)?(?:\d+)?)( ?)달러")
_KO_PART = re.compile(r"(\d[\d,]*(?:\.\d+)?)(조|억|만)?")
_KO_UNIT = {"조": Decimal(1_000_000), "억": Decimal(100), "만": Decimal("0.01"), None: Decimal("0.000001")}
_PERCENT = re.compile(r"(?<![\d.])(-?\d+(?:\.\d+)?)%")
_TIMES_EN = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?) times\b")
_TIMES_KO = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)배")
_FOLD = {"twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "sixfold": 6, "sevenfold": 7,
         "eightfold": 8, "ninefold": 9, "tenfold": 10}


def amounts(text: str, lang: str) -> list[Amount]:
    """Every money amount written in ``text``, in order."""
    found = []
    if lang == "en":
        for m in _EN_MONEY.finditer(text):
            number = Decimal(m.group(3).replace(",", ""))
            found.append(Amount(number * _EN_SCALE[m.group(4).lower()], m.group(0), bool(m.group(1))))
        return found
    for m in _KO_MONEY.finditer(text):
        spelled = m.group(2)
        if not spelled or not any(c.isdigit() for c in spelled):
            continue
        total = Decimal(0)
        for part in _KO_PART.finditer(spelled):
            total += Decimal(part.group(1).replace(",", "")) * _KO_UNIT[part.group(2)]
        found.append(Amount(total, m.group(0), bool(m.group(1))))
    return found


def percents(text: str) -> list[Decimal]:
    return [Decimal(m.group(1)) for m in _PERCENT.finditer(text)]


def multiples(text: str, lang: str) -> list[Decimal]:
    if lang == "ko":
        return [Decimal(m.group(1)) for m in _TIMES_KO.finditer(text)]
    found = [Decimal(m.group(1)) for m in _TIMES_EN.finditer(text)]
    found += [Decimal(n) for word, n in _FOLD.items() if re.search(rf"\b{word}\b", text)]
    return found


# ------------------------------------------------------------------------------- numbers in facts
_MONEY_KEYS = ("value", "base_value", "delta", "child_value", "child_base_value", "child_delta",
               "with_delta", "against_delta", "total")
_MEMBER_LISTS = ("members", "opposite", "with", "against")


def _dec(value: Any) -> Decimal:
    return Decimal(str(value))


def fact_money(fact) -> set[Decimal]:
    """Every amount a fact carries (absolute, in millions): its own and its members'."""
    data = fact.to_dict() if hasattr(fact, "to_dict") else fact
    found = {abs(_dec(data[k])) for k in _MONEY_KEYS if isinstance(data.get(k), (int, float))}
    for key in _MEMBER_LISTS:
        for member in data.get(key) or []:
            if isinstance(member, dict):
                found |= {abs(_dec(member[k])) for k in ("value", "base_value", "delta") if isinstance(member.get(k), (int, float))}
    return found


def fact_percents(fact) -> set[Decimal]:
    data = fact.to_dict()
    return {_dec(data[k]) for k in ("percent", "share") if isinstance(data.get(k), (int, float))}


def fact_multiples(fact) -> set[Decimal]:
    data = fact.to_dict()
    return {_dec(data["multiple"])} if isinstance(data.get("multiple"), (int, float)) else set()


def squash(text: str) -> str:
    """Whitespace folded to single spaces (annotation texts are folded YAML)."""
    return " ".join(text.split())


def first_index(text: str, needles: Iterable[str]) -> int:
    return min(i for i in (text.find(n) for n in needles) if i >= 0)
