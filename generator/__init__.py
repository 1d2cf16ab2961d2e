"""pressgen: bilingual statistical press releases written from the figures, and checked against them.

The library API (the CLI is a thin layer over it)::

    from generator import open_project, build_draft, write_draft, check_paths
    project = open_project(".")
    draft = build_draft(project, project.period("2025H1"))
    write_draft(project, draft)
    result = check_paths([Path("output/2025H1")], Path("."))
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# Public names and the modules they live in; imported on first use so that
# `import generator` stays cheap for commands that need little of it.
_EXPORTS = {
    "open_project": "project",
    "validate_project": "project",
    "Project": "project",
    "derive_facts": "facts",
    "Fact": "facts",
    "FactSet": "facts",
    "RULES": "facts",
    "build_draft": "draft",
    "write_draft": "draft",
    "draft_periods": "draft",
    "check_paths": "check.run",
    "CheckResult": "check.run",
    "Period": "periods",
    "GeneratorError": "errors",
    "DataError": "errors",
    "ConfigError": "errors",
    "AnnotationError": "errors",
    "TemplateError": "errors",
    "UsageError": "errors",
    "InputError": "errors",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str):
    if name in _EXPORTS:
        module = importlib.import_module(f".{_EXPORTS[name]}", __name__)
        return getattr(module, name)
    raise AttributeError(f"module 'generator' has no attribute '{name}'")
