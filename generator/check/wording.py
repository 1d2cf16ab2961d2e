"""Load the house wording rules from ``config/wording/*.yaml`` and lint documents with them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..errors import ConfigError
from ..yamlload import YamlMap, check_keys, describe, get_str, load_yaml, require_list, require_map, suggest
from . import suppress
from .document import LANGUAGES, Document, parse_document
from .findings import LEVELS, Finding
from .kinds import KINDS, Common, Rule
from .kinds.base import PERIOD_KINDS, check_placeholders, str_list

COMMON_REQUIRED = ("id", "kind", "level", "message", "source")
COMMON_OPTIONAL = ("description", "ignorecase", "nonword", "periods", "examples_fail", "examples_pass")
# "<language>.<what-it-detects>", e.g. "ko.half-year-comparison"; the prefix must match the file's language.
ID_PATTERN = re.compile(r"^(?P<lang>[a-z]{2})\.[a-z0-9]+(?:-[a-z0-9]+)*$")
_EXAMPLE_PERIOD = {"year": "2025", "half": "2025H1", "quarter": "2025Q1"}


def default_rule_paths(root: Path) -> list[Path]:
    """The project's wording files: ``config/wording/*.yaml`` under ``root``, sorted."""
    return sorted((Path(root) / "config" / "wording").glob("*.yaml"))


def load_rules(paths: Iterable[Path], root: Path) -> dict[str, list[Rule]]:
    """Read wording files (a directory stands for its ``*.yaml``) into rules grouped by language.

    Files are read in sorted order and rules keep their order within a file, so
    findings come out the same on every run. Paths in messages are relative to ``root``.
    Raises ConfigError, located at the offending key, for any invalid file or rule.
    """
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        files.extend(sorted(path.glob("*.yaml")) if path.is_dir() else [path])
    rules: dict[str, list[Rule]] = {}
    defined: dict[str, Common] = {}
    for file in sorted(set(files)):
        language, file_rules = _load_file(file, _display(file, root))
        for rule in file_rules:
            if rule.id in defined:
                first = defined[rule.id]
                raise ConfigError(
                    f"duplicate rule id '{rule.id}' (first defined at {first.path}:{first.line})",
                    path=rule.common.path, line=rule.common.line, column=rule.common.column, key="id", value=rule.id,
                    hint="rule ids must be unique across all wording files",
                )
            defined[rule.id] = rule.common
            rules.setdefault(language, []).append(rule)
    return rules


def rules_for_release(rules: Mapping[str, list[Rule]], config, root: Path) -> dict[str, list[Rule]]:
    """The project's wording rules as one release applies them: its own files added, the rules it
    switches off removed, levels it changes applied, and house money style rules set to its style."""
    import copy
    import dataclasses

    from .kinds.numberstyle import NumberStyle

    extra = {lang: paths for lang, paths in config.wording_files.items()}
    merged = {lang: list(found) for lang, found in rules.items()}
    if extra:
        for lang, found in load_rules([p for paths in extra.values() for p in paths], root).items():
            merged.setdefault(lang, []).extend(found)
    result: dict[str, list[Rule]] = {}
    for lang, found in merged.items():
        chosen = []
        for rule in found:
            if rule.id in config.wording_disabled:
                continue
            if rule.id in config.wording_levels or isinstance(rule, NumberStyle):
                rule = copy.copy(rule)
                if rule.id in config.wording_levels:
                    rule.common = dataclasses.replace(rule.common, level=config.wording_levels[rule.id])
                if isinstance(rule, NumberStyle):
                    rule.style = config.money_style.get(lang, rule.style)
            chosen.append(rule)
        result[lang] = chosen
    return result


def lint(doc: Document, rules: Mapping[str, list[Rule]] | Iterable[Rule]) -> list[Finding]:
    """Run the rules for ``doc.language`` on ``doc``; suppressed findings are dropped, the rest sorted."""
    chosen = rules.get(doc.language, []) if isinstance(rules, Mapping) else [r for r in rules if r.language == doc.language]
    findings = [f for rule in chosen if rule.applies(doc) for f in rule.check(doc)]
    return sorted(set(suppress.apply(findings, doc)))


def example_document(rule: Rule, text: str) -> Document:
    """A one-paragraph document holding an example sentence, with front matter the rule applies to."""
    period = _EXAMPLE_PERIOD[rule.common.periods[0]] if rule.common.periods else "2025H1"
    front = f"---\nlanguage: {rule.language}\nperiod: '{period}'\n---\n"
    return parse_document(front + text + "\n", f"<example of {rule.id}>")


def _display(path: Path, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return str(path)


def _load_file(path: Path, shown: str) -> tuple[str, list[Rule]]:
    top = require_map(load_yaml(path, display=shown) or YamlMap(), f"wording file {shown}")
    check_keys(top, f"wording file {shown}", required=("language", "rules"))
    language = top["language"]
    if language not in LANGUAGES:
        raise ConfigError(f"unknown language {describe(language)}; expected one of {', '.join(LANGUAGES)}{suggest(str(language), LANGUAGES)}",
                          key="language", value=language, **top.where("language"))
    specs = require_list(top["rules"], "'rules'", parent=top, key="rules")
    return language, [_build(require_map(spec, f"rule {i + 1}", parent=specs, key=i), language) for i, spec in enumerate(specs)]


def _build(spec: YamlMap, language: str) -> Rule:
    rule_id = spec.get("id")
    what = f"rule '{rule_id}'" if isinstance(rule_id, str) else "rule"
    if "kind" not in spec:
        raise ConfigError(f"{what} is missing the required key 'kind'; expected one of {', '.join(KINDS)}", key="kind", **spec.where())
    kind = spec["kind"]
    if kind not in KINDS:
        raise ConfigError(
            f"unknown rule kind {describe(kind)}; expected one of {', '.join(KINDS)}{suggest(str(kind), KINDS)}",
            key="kind", value=kind, **spec.where("kind"),
        )
    cls = KINDS[kind]
    check_keys(spec, what, required=COMMON_REQUIRED + cls.REQUIRED, optional=COMMON_OPTIONAL + cls.OPTIONAL)
    common = _common(spec, language, what)
    return cls.from_spec(spec, common)


def _common(spec: YamlMap, language: str, what: str) -> Common:
    rule_id = get_str(spec, "id", what)
    match = ID_PATTERN.match(rule_id)
    if not match or match["lang"] != language:
        raise ConfigError(
            f"rule id '{rule_id}' does not follow the scheme '{language}.<what-it-detects>' (lower case, words joined by '-')",
            key="id", value=rule_id, hint=f"for example '{language}.no-hype'", **spec.where("id"),
        )
    level = spec["level"]
    if level not in LEVELS:
        raise ConfigError(f"level of {what} must be one of {', '.join(LEVELS)}, got {describe(level)}{suggest(str(level), LEVELS)}",
                          key="level", value=level, **spec.where("level"))
    message = get_str(spec, "message", what)
    check_placeholders(spec, message, KINDS[spec["kind"]].PLACEHOLDERS, what)
    flags = {}
    for key, default in (("ignorecase", False), ("nonword", language != "ko")):
        value = spec.get(key, default)
        if not isinstance(value, bool):
            raise ConfigError(f"'{key}' of {what} must be true or false, got {describe(value)}", key=key, **spec.where(key))
        flags[key] = value
    periods = str_list(spec, "periods", what, required=False)
    for i, period in enumerate(periods):
        if period not in PERIOD_KINDS:
            raise ConfigError(f"'periods' of {what} lists {describe(period)}; expected some of {', '.join(PERIOD_KINDS)}{suggest(period, PERIOD_KINDS)}",
                              key="periods", value=period, **spec["periods"].where(i))
    return Common(
        id=rule_id, kind=spec["kind"], level=level, message=message, source=get_str(spec, "source", what),
        language=language, periods=tuple(periods), description=get_str(spec, "description", what, default=""),
        examples_fail=tuple(str_list(spec, "examples_fail", what, required=False)),
        examples_pass=tuple(str_list(spec, "examples_pass", what, required=False)),
        path=spec.path, line=spec.where("id")["line"], column=spec.where("id")["column"], **flags,
    )


def rule_infos(rules: Mapping[str, list[Rule]] | Iterable[Rule]) -> dict[str, Any]:
    """``{rule_id: RuleInfo}`` for ``formats.render``."""
    flat = [r for group in rules.values() for r in group] if isinstance(rules, Mapping) else list(rules)
    return {r.id: r.info for r in flat}
