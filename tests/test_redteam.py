"""The red team's eighteen rows (issue 11), each mapped to the tests that hold it, plus
sibling attacks of the same classes run as real CLI processes (exit 2, one located
message, no traceback, the project tree byte-for-byte unchanged).

Row → tests
 1 templates sandboxed: test_hardening_inputs::test_a_template_reaching_for_python_internals_is_refused_and_runs_nothing,
   corpus 120, here test_a_template_escape_or_exhaustion_is_exit_2_located (escapes, huge range,
   repetition, powers, widths, joins, replace, recursion, nested loops) and
   test_a_template_writing_an_endless_sentence_is_refused, test_honest_template_operations_still_work
 2 directives in prose: test_hardening_inputs::test_annotation_prose_with_a_comment_or_directive_is_refused_located,
   ::test_remark_speakers_and_sources_are_prose_too, ::test_item_names_with_a_directive_are_refused_located,
   corpus 125, 130; check side: test_check_text::test_disable_all_does_not_hide_data_rules_unless_they_are_named,
   ::test_text_format_says_on_stderr_how_many_findings_were_suppressed, ::test_machine_formats_report_the_suppressed_count
 3 alias bombs: test_hardening_inputs::test_an_alias_bomb_in_an_annotation_file_fails_fast_and_located,
   ::test_an_alias_bomb_in_front_matter_fails_fast_in_check_and_in_draft_edit_detection,
   ::test_aliases_are_counted_one_by_one_and_by_what_they_expand_to, corpus 121, 132;
   here test_every_yaml_the_tool_reads_refuses_a_bomb_and_deep_nesting (release definition, wording)
 4 deep nesting: test_hardening_inputs::test_yaml_nested_500_deep_is_a_located_error_not_a_recursion_error,
   corpus 122; here test_every_yaml_the_tool_reads_refuses_a_bomb_and_deep_nesting
 5 data paths: test_hardening_inputs::test_data_paths_must_stay_inside_the_project,
   ::test_a_symlink_inside_the_project_pointing_out_of_it_is_caught, ::test_allow_outside_project_reads_regular_files_outside,
   ::test_only_regular_files_are_opened, ::test_a_fifo_as_figures_does_not_hang_the_cli,
   ::test_errors_about_a_file_that_is_no_table_never_show_its_content, corpus 126, 127, 131
 6 huge workbooks: test_hardening_inputs::test_a_workbook_declaring_a_huge_used_range_is_refused_before_reading,
   ::test_a_workbook_whose_dimension_lies_stops_at_the_row_cap, ::test_a_value_beyond_the_column_cap_is_reported_not_dropped
 7 annotation file names: test_hardening_inputs::test_an_annotation_file_named_almost_after_a_period_is_reported_with_the_right_name,
   ::test_suggestions_take_period_names_as_strings_and_parse_nothing, corpus 123, 124
 8 release ids / front matter: test_hardening_inputs::test_release_ids_are_plain_names, ::test_the_release_id_is_the_file_name,
   test_outputs::test_front_matter_values_round_trip, corpus 128, 129
 9 front-matter-only edit: test_outputs::test_a_front_matter_only_edit_is_an_edit
10 edited .new file: test_outputs::test_an_edited_new_file_is_never_overwritten_or_deleted_without_force
11 crashes: test_crash::test_a_failure_at_every_step_leaves_each_period_all_old_or_all_new,
   ::test_real_kills_at_random_instants_and_at_every_rename, test_outputs::test_a_missing_manifest_does_not_make_unchanged_files_edited
12 umask: test_outputs::test_output_files_get_the_users_umask
13 NFD: test_check_text::test_a_wrong_amount_in_decomposed_korean_is_found_at_the_files_column,
   ::test_the_unchanged_release_in_nfd_is_clean, test_hardening_inputs::test_nfd_item_names_and_annotations_draft_exactly_like_nfc
14 long paragraph: test_check_document::test_parsing_time_grows_linearly_with_the_document, ::test_a_one_megabyte_release_parses
15 deep lists/quotes: test_check_text::test_a_wrong_amount_deep_in_a_list_and_a_quote_is_found_where_it_is,
   test_check_document::test_sentences_in_deeply_nested_lists_keep_their_position, ::..._quotes_keep_their_position
16 obstacles: test_outputs::test_an_obstacle_is_reported_before_anything_is_written
17 relative paths: test_outputs::test_figures_outside_the_project_are_written_relative_to_it
18 concurrent drafts: test_outputs::test_a_second_run_waits_then_stops_naming_the_holder, ::test_two_concurrent_drafts_both_succeed
 + disk full / read-only: test_outputs::test_a_full_disk_is_exit_2_and_says_what_to_do,
   ::test_a_read_only_output_folder_is_exit_2_and_says_what_to_do
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from drafting import REPO_ROOT, copy_bundled

SENTENCES = "templates/knowledge_services/en/sentences.md.j2"
LAYOUT = "templates/knowledge_services/ko/release.md.j2"
ANCHOR = "{% macro headline(s) -%}"


def tree(root: Path) -> dict[str, str]:
    """Every entry under ``root`` with the hash of its bytes (links and folders by kind)."""
    result = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            if path.is_symlink():
                result[path.relative_to(root).as_posix()] = "link:" + os.readlink(path)
            elif path.is_dir():
                result[path.relative_to(root).as_posix()] = "folder"
            else:
                result[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return result


def pressgen(root: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args, "--project", str(root)], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=timeout)


def refused(root: Path, *args: str, where: str) -> str:
    """Run pressgen as a process, expecting exit 2 with one message at ``where``, no traceback
    and the project unchanged; return stderr."""
    before = tree(root)
    result = pressgen(root, *args)
    err = result.stderr
    assert result.returncode == 2, err
    assert "Traceback" not in err and err.count("Error:") == 1, err
    assert err.startswith(f"Error: {where}"), err
    assert tree(root) == before, "a refused command must leave the project as it was"
    return err


def insert(root: Path, rel: str, anchor: str, text: str) -> None:
    path = root / rel
    source = path.read_text(encoding="utf-8")
    assert anchor in source
    path.write_text(source.replace(anchor, anchor + text, 1), encoding="utf-8")


# Row 1: each would otherwise run Python internals, hang, exhaust memory or recurse (exit 3).
@pytest.mark.parametrize("payload, reason", [
    ("{{ self._TemplateReference__context }}", "Python internals"),
    ("{{ range.__class__ }}", "Python internals"),
    ("{{ namespace.__init__.__globals__ }}", "Python internals"),
    ("{{ joiner.__init__.__globals__ }}", "Python internals"),
    ("{{ '{0.__class__}'.format(1) }}", "Python internals"),
    ("{{ range(10**12)|list|length }}", "range of 1,000,000,000,000"),
    ("{% for i in range(10**12) %}x{% endfor %}", "range of"),
    ("{{ 'a' * 10**10 }}", "repeats"),
    ("{{ [1] * 10**10 }}", "repeats"),
    ("{{ 10**10 * 'a' }}", "repeats"),
    ("{{ '%s' % ('a' * 10**9) }}", "repeats"),
    ("{{ (10**100)**100 }}", "too large"),
    ("{{ '%*d' % (1000000000, 1) }}", "width"),
    ("{{ '%1000000000d' % 1 }}", "width"),
    ("{{ '{:>1000000000}'.format(1) }}", "width"),
    ("{{ '{:>{}}'.format(1, 10**9) }}", "width"),
    ("{{ 'a'|center(10**10) }}", "width"),
    ("{{ 'a'|indent(10**10) }}", "width"),
    ("{{ ('ab' * 50000)|list|join('c' * 50000) }}", "joins"),
    ("{{ ('a' * 90000)|replace('a', 'b' * 90000) }}", "replace"),
    ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "itself"),
])
def test_a_template_escape_or_exhaustion_is_exit_2_located(tmp_path, payload, reason):
    root = copy_bundled(tmp_path / "project")
    insert(root, SENTENCES, ANCHOR, payload)
    err = refused(root, "draft", "--period", "2025H1", where=f"{SENTENCES}:")
    assert reason in err, err


def test_nested_loops_that_would_run_for_hours_stop_at_the_render_budget(tmp_path):
    root = copy_bundled(tmp_path / "project")
    insert(root, SENTENCES, ANCHOR, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    # The timer interrupts wherever the loop is, so only the language's template folder is named.
    err = refused(root, "draft", "--period", "2025H1", where="templates/knowledge_services/en")
    assert "longer than" in err


@pytest.mark.parametrize("rel, anchor, payload, where", [
    # Each operation is within its cap, but the text is no sentence and no release.
    (SENTENCES, ANCHOR, "{{ 'a'|replace('', 'x' * 100000) }}", SENTENCES),
    (LAYOUT, "{% for section in story.sections %}", "{{ 'x' * 99999 }}{{ 'x' * 99999 }}{{ 'x' * 99999 }}", LAYOUT),
])
def test_a_template_writing_an_endless_sentence_is_refused(tmp_path, rel, anchor, payload, where):
    root = copy_bundled(tmp_path / "project")
    insert(root, rel, anchor, payload)
    err = refused(root, "draft", "--period", "2025H1", where=where)
    assert "characters; at most" in err


def test_honest_template_operations_still_work():
    from generator.sandbox import BoundedSandbox

    env = BoundedSandbox()
    source = ("{{ range(3)|list }} {{ range(5)|length }} {{ range(3)[1] }} {{ 'ab' * 3 }} {{ 2 ** 10 }} "
              "{{ '%05.1f' % 3.14159 }} {{ '{:>6}'.format('x') }} {{ 'a'|center(5) }}| {{ [1, 2]|join('-') }} "
              "{{ 'aXa'|replace('a', 'b') }} {{ 7 % 4 }}")
    assert env.from_string(source).render() == "[0, 1, 2] 5 1 ababab 1024 003.1      x   a  | 1-2 bXb 3"


# Rows 3 and 4 in files other than annotations and front matter.
def _bomb() -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{n}: &a{n} [" + ",".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 9)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("rel", ["config/knowledge_services.yaml", "config/wording/en.yaml"])
@pytest.mark.parametrize("attack", ["bomb", "flow", "block"])
def test_every_yaml_the_tool_reads_refuses_a_bomb_and_deep_nesting(tmp_path, rel, attack):
    root = copy_bundled(tmp_path / "project")
    path = root / rel
    text = path.read_text(encoding="utf-8")
    if attack == "bomb":
        text += _bomb()
    elif attack == "flow":
        text += "deep: " + "[" * 500 + "]" * 500 + "\n"
    else:
        text += "".join("  " * n + f"k{n}:\n" for n in range(500)) + "  " * 500 + "v\n"
    path.write_text(text, encoding="utf-8")
    # validate does not read the wording rules; draft does (its review sheet runs them).
    command = ("validate",) if rel.startswith("config/knowledge") else ("draft", "--period", "2025H1")
    refused(root, *command, where=f"{rel}:")
