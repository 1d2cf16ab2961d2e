"""The wording rule kinds, chosen by ``kind:`` in a wording YAML file."""

from __future__ import annotations

from .base import Common, Rule
from .numberstyle import NumberStyle
from .placeholder import Placeholder
from .terms import Consistency, Existence, Occurrence, Substitution

KINDS: dict[str, type[Rule]] = {
    "existence": Existence,
    "substitution": Substitution,
    "consistency": Consistency,
    "occurrence": Occurrence,
    "placeholder": Placeholder,
    "numberstyle": NumberStyle,
}

__all__ = ["KINDS", "Common", "Rule"]
