"""Docs cannot drift: every rule and command is documented where users look (GUIDELINES 15)."""

from __future__ import annotations

import argparse

import pytest

from generator.check.kinds import KINDS
from generator.check.lexicon import DATA_RULES
from generator.cli import build_parser, main
from generator.facts.rules import RULES


def _subcommands() -> dict[str, str]:
    """Each subcommand with the help text ``pressgen --help`` shows for it."""
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {choice.dest: choice.help for choice in action._choices_actions}


def _readme(repo_root) -> str:
    return (repo_root / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_derivation_rule_has_a_summary_and_is_listed(rule, capsys):
    assert rule.summary and rule.summary.endswith("."), f"{rule.name} needs a one-line docstring"
    assert main(["rules"]) == 0
    assert f"{rule.code}  {rule.name}" in capsys.readouterr().out


def test_every_command_has_help_and_appears_in_the_readme(repo_root):
    readme = _readme(repo_root)
    commands = _subcommands()
    assert set(commands) == {"draft", "facts", "check", "validate", "periods", "rules", "releases"}
    for name, text in commands.items():
        assert text and len(text) > 10, f"'pressgen {name}' has no help text"
        assert f"pressgen {name}" in readme, f"README does not show 'pressgen {name}'"


def _options(command: str) -> dict[str, str]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    sub = action.choices[command]
    return {opt: a.help for a in sub._actions for opt in a.option_strings}


@pytest.mark.parametrize("option", ["--period", "--latest", "--all", "--lang", "--force", "--jobs"])
def test_every_draft_option_has_help_and_appears_in_the_readme(repo_root, option):
    help_text = _options("draft")[option]
    assert help_text and len(help_text) > 10, f"'pressgen draft {option}' has no help text"
    commands = _readme(repo_root).split("## Commands", 1)[1].split("\n## ", 1)[0]
    assert option in commands, f"the README's Commands section does not show 'draft {option}'"


def test_the_readme_says_what_runs_without_release(repo_root):
    """Commands that serve one release need --release in a project of several; the README says which."""
    commands = _readme(repo_root).split("## Commands", 1)[1].split("\n## ", 1)[0]
    assert "pressgen facts   --release R" in commands and "pressgen periods --release R" in commands
    assert "`draft` drafts the latest period of each release" in " ".join(commands.split())


def test_every_data_rule_and_wording_kind_is_documented(repo_root):
    readme = _readme(repo_root)
    for rule in DATA_RULES:
        assert f"`{rule}`" in readme or rule.split(".")[1] in readme, rule
    for kind in KINDS:
        assert f"`{kind}`" in readme, f"wording rule kind '{kind}' is not described in the README"


def test_the_package_exports_its_public_api():
    import generator

    for name in generator.__all__:
        assert getattr(generator, name) is not None, name
