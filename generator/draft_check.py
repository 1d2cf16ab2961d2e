"""``pressgen check`` run on a draft in memory, so the review page shows its findings at draft time.

A fresh draft should have none; when it has some (a template that states a figure the
rules cannot prove, a wording rule the templates break), the editor sees them on the page
before anyone edits, located in the file ``draft`` is about to write.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .check.findings import Finding
    from .draft import Draft
    from .project import Project


def check_draft(project: "Project", draft: "Draft") -> dict[str, list["Finding"]]:
    """The data and wording findings of each language's release text, by language (as ``check`` reports them).

    Remembered by the texts and the project's inputs (``check.memo``): a redraft of unchanged
    inputs writes the same texts, whose findings are already known.
    """
    from .check import memo
    from .inputs import project_inputs

    folder = f"output/{project.config.id}/{draft.period}"
    texts = [part for lang in sorted(draft.releases) for part in (lang, draft.releases[lang])]
    name = memo.key("draft-check", str(project.root.resolve()), folder, *texts)
    stamped = memo.remembered(name, lambda: (_check_draft(project, draft), memo.stamp_inputs(project_inputs(project.root, project.config))),
                              valid=lambda value: memo.unchanged(value[1]))
    return {lang: list(found) for lang, found in stamped[0].items()}


def _check_draft(project: "Project", draft: "Draft") -> dict[str, list["Finding"]]:
    from .check import suppress
    from .check.agreement import Agreement
    from .check.document import parse_document
    from .check.run import _parity, _rules_cached
    from .check.wording import lint, rules_for_release

    config = project.config
    folder = f"output/{config.id}/{draft.period}"
    annotations = project.annotations(draft.period)
    agreement = Agreement(config, project.dataset.items, draft.facts, annotations, config.check_levels)
    rules = rules_for_release(_rules_cached(project.root), config, project.root)
    found: dict[str, list] = {}
    stated_by_lang: dict[str, tuple] = {}
    for lang, text in draft.releases.items():
        doc = parse_document(text, f"{folder}/release.{lang}.md")
        data, stated = agreement.check(doc)
        wording = lint(replace(doc, suppressions=()), rules)
        found[lang] = suppress.partition(wording, doc)[0] + suppress.partition(data, doc)[0]
        stated_by_lang[lang] = (doc, stated)
    if len(stated_by_lang) == 2:
        kept, _ = _parity(stated_by_lang, agreement.levels)
        for lang in found:
            path = stated_by_lang[lang][0].path
            found[lang] += [f for f in kept if f.path == path]
    return {lang: sorted(items) for lang, items in found.items()}
