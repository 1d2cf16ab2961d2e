"""The ``pressgen`` command line: parse arguments, call the library, print, map errors to exit codes."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

from . import __version__
from .errors import GeneratorError, UsageError


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so usage errors get our message and exit code 2."""

    def error(self, message: str):  # type: ignore[override]
        raise UsageError(f"{message}", hint=f"run '{self.prog} --help' for usage")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="pressgen", description="Write and check bilingual statistical press releases from the figures.")
    parser.add_argument("--version", action="version", version=f"pressgen {__version__}")
    parser.add_argument("--traceback", action="store_true", help="show the Python traceback on errors (for debugging pressgen)")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--project", default=".", metavar="DIR", help="release project folder (default: the current folder)")
    common.add_argument("--release", metavar="NAME", help="release definition to use when the project has several")
    common.add_argument("--traceback", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    facts = sub.add_parser("facts", parents=[common], help="print every fact the rules derive for a period")
    facts.add_argument("--period", metavar="P", help="period such as 2025H1, 2024 or 2025Q1 (default: the latest in the data)")
    facts.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")

    draft = sub.add_parser("draft", parents=[common], help="write the English and Korean releases, facts.json and review.md")
    draft.add_argument("--period", metavar="P", help="period(s) to draft, comma-separated (default: the latest in the data)")
    draft.add_argument("--all", action="store_true", help="draft every period in the data")
    draft.add_argument("--latest", type=int, metavar="N", help="draft the N latest periods of each release's own frequency")
    draft.add_argument("--lang", metavar="LANGS", help="languages, comma-separated (default: all the release has, e.g. en,ko)")
    draft.add_argument("--force", action="store_true", help="overwrite releases an editor has changed")
    draft.add_argument("--jobs", type=int, metavar="N", help="worker processes for many periods (default: the number of cores)")
    draft.add_argument("--no-charts", dest="charts", action="store_false",
                       help="skip drawing the charts the release declares (faster; matplotlib is not loaded)")

    check = sub.add_parser("check", parents=[common], help="check release markdown against the data and the house wording rules")
    check.add_argument("paths", nargs="+", metavar="PATH", help="release files, or folders holding release.*.md")
    check.add_argument("--format", default="text", help="text (default), json, github, sarif or rdjson (reviewdog)")
    check.add_argument("--period", metavar="P", help="period, when the files have no front matter")
    check.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    check.add_argument("--jobs", type=int, metavar="N", help="worker processes for many files (default: the number of cores)")
    fixing = check.add_mutually_exclusive_group()
    fixing.add_argument("--fix", action="store_true",
                        help="rewrite each figure the data proves wrong (one right value), in its own style; then report what is left")
    fixing.add_argument("--diff", action="store_true", help="print, as a unified diff, what --fix would change; write nothing")

    sub.add_parser("validate", parents=[common], help="check the figures, item table, release definition and annotations")
    sub.add_parser("periods", parents=[common], help="list the periods in the data and each item's coverage")
    sub.add_parser("rules", parents=[common], help="list the derivation rules")
    sub.add_parser("releases", parents=[common], help="list the release types the project defines")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run pressgen; return the exit code (0 ok, 1 findings, 2 bad usage or input)."""
    parser = build_parser()
    args_list = list(sys.argv[1:] if argv is None else argv)
    show_traceback = "--traceback" in args_list
    try:
        args = parser.parse_args(args_list)
        if not args.command:
            parser.print_help()
            return 2
        return _COMMANDS[args.command](args)
    except GeneratorError as exc:
        if show_traceback:
            raise
        print(f"Error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("Interrupted; files already written are complete, nothing half-written was left.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug in pressgen, not bad input: say so plainly, without a traceback
        if show_traceback:
            raise
        print(f"Error: internal error in pressgen: {type(exc).__name__}: {exc}\n"
              "  hint: please report this with the command you ran; --traceback shows the details", file=sys.stderr)
        return 3


_EXAMPLES = {"draft --period": "pressgen draft --release {name} --period P", "facts": "pressgen facts --release {name}",
             "periods": "pressgen periods --release {name}"}


def _one_release(args, command: str):
    """The project's release for a command that serves one: the one named, or the only one defined."""
    from .config import release_names
    from .project import open_project

    if args.release is None:
        from pathlib import Path

        names = release_names(Path(args.project)) if Path(args.project).is_dir() else []
        if len(names) > 1:
            raise UsageError(f"'{command}' works on one release; the project defines {', '.join(names)}",
                             hint="choose one with --release NAME, e.g. "
                                  + _EXAMPLES.get(command, "pressgen " + command + " --release {name}").format(name=names[0]))
    return open_project(args.project, args.release)


def _cmd_facts(args) -> int:
    from .report import facts_table

    project = _one_release(args, "facts")
    facts = project.facts(project.period(args.period))
    if args.format == "json":
        sys.stdout.write(json.dumps(facts.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(facts_table(facts))
    return 0


def _jobs(value: int | None) -> int | None:
    if value is not None and value < 1:
        raise UsageError(f"--jobs must be 1 or more, got {value}")
    return value


def _cmd_draft(args) -> int:
    from .draftcache import build_cached
    from .progress import Progress
    from .project import open_projects
    from .publish import check_output_root, write_periods

    if sum(bool(x) for x in (args.all, args.period, args.latest)) > 1:
        raise UsageError("give one of --period, --latest or --all, not several")
    if args.latest is not None and args.latest < 1:
        raise UsageError(f"--latest must be 1 or more, got {args.latest}")
    # --period names periods of one release; everything else serves every release of the project.
    projects = [_one_release(args, "draft --period")] if args.period else open_projects(args.project, args.release)
    plans = []
    for project in projects:
        if args.all:
            periods = list(project.dataset.periods)
        elif args.period:
            periods = [project.period(p.strip()) for p in args.period.split(",") if p.strip()]
            if not periods:
                raise UsageError("--period: no period given")
        else:
            periods = project.latest(args.latest or 1)
        plans.append((project, periods))
    languages = tuple(l.strip() for l in args.lang.split(",") if l.strip()) if args.lang else None
    # Every release is built before any is written: a template error in the last release
    # must not leave the first ones redrafted and the rest not.
    built = []
    for project, periods in plans:
        progress = Progress(len(periods), enabled=args.all)
        built.append((project, build_cached(project, periods, languages, on_period=progress.step, jobs=_jobs(args.jobs),
                                                     charts=args.charts), progress))
        progress.clear()
    for project, _, _ in built:
        check_output_root(project)  # obstacles in any release's output stop the run before the first write
    for project, contents, progress in built:
        for line in write_periods(project, contents, force=args.force):
            if line.startswith("kept "):
                print(f"Warning: {line}", file=sys.stderr)
            elif not args.all:
                print(line)
        progress.done(f"drafted {len(contents)} period(s) into {project.config.display(project.output)}/")
    return 0


def _cmd_check(args) -> int:
    from pathlib import Path

    from .check.formats import FORMATS, render
    from .check.run import check_paths, fix_paths

    if args.format not in FORMATS:
        # Before any work: the same message render() gives, with the list of formats.
        render([], args.format)
    paths = [Path(p) for p in args.paths]
    if args.diff:
        from .check.fix import unified_diff

        fixes, _ = fix_paths(paths, Path(args.project), write=False, release=args.release, period=args.period,
                             jobs=_jobs(args.jobs))
        sys.stdout.write(unified_diff(fixes))
        # Like diff(1): 1 when there is something to change.
        return 1 if any(f.changed for f in fixes) else 0
    if args.fix:
        fixes, result = fix_paths(paths, Path(args.project), release=args.release, period=args.period, jobs=_jobs(args.jobs))
        count = sum(len(f.applied) for f in fixes)
        changed = sum(1 for f in fixes if f.changed)
        # On stderr, so stdout stays the remaining findings in the chosen format.
        print(f"fixed {count} figure{'s' if count != 1 else ''} in {changed} file{'s' if changed != 1 else ''}", file=sys.stderr)
    else:
        result = check_paths(paths, Path(args.project), release=args.release, period=args.period, jobs=_jobs(args.jobs))
    output = render(result.findings, args.format, result.rules, sources=result.sources, suppressed=result.suppressed)
    if output:
        sys.stdout.write(output if output.endswith("\n") else output + "\n")
    if result.suppressed:
        # On stderr in every format, so a waived finding is visible without changing stdout's shape.
        noun = "finding" if result.suppressed == 1 else "findings"
        print(f"{result.suppressed} {noun} suppressed by pressgen-disable comments", file=sys.stderr)
    return result.exit_code(args.strict)


def _cmd_validate(args) -> int:
    from .project import open_projects, validate_project

    # Every release is validated before anything is printed: a failing validate prints nothing on stdout.
    lines = [line for project in open_projects(args.project, args.release) for line in validate_project(project)]
    for line in lines:
        print(line)
    return 0


def _cmd_periods(args) -> int:
    from .report import periods_table

    sys.stdout.write(periods_table(_one_release(args, "periods").dataset))
    return 0


def _cmd_releases(args) -> int:
    from .project import open_projects

    for project in open_projects(args.project, args.release):
        config = project.config
        own = project.dataset.periods_of(config.frequency_kind)
        span = f"{own[0]}–{own[-1]}" if own else "no periods"
        print(f"{config.id:<22} {config.frequency:<9} {span:<18} {config.name['en']} ({config.publisher['en']})")
    return 0


def _cmd_rules(args) -> int:
    from .report import rules_table

    sys.stdout.write(rules_table())
    return 0


_COMMANDS = {"check": _cmd_check, "draft": _cmd_draft, "facts": _cmd_facts, "validate": _cmd_validate, "periods": _cmd_periods,
             "rules": _cmd_rules, "releases": _cmd_releases}
