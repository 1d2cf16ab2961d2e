"""Render a planned story to markdown with Jinja templates per language; helpers are filters."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from babel.dates import format_date

from .config import ReleaseConfig
from .errors import TemplateError
from .lang import josa, join, money_en, money_ko, multiple, percent, period_headline, period_name
from .lang.periods_text import comparison_phrase
from .periods import Period
from .plan import Story

# Headline case: these stay lower case inside a headline (as in the reference article).
_SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "of", "on", "or", "the", "to", "vs", "with"}
_TEMPLATE_FILES = ("release.md.j2", "sentences.md.j2")


def _headline_case(text: str) -> str:
    """Headline capitalisation; a leading "the" is dropped, as headlines do."""
    if text[:4].lower() == "the ":
        text = text[4:]
    words = text.split(" ")
    out = []
    for n, word in enumerate(words):
        if n and word.lower() in _SMALL_WORDS and not (len(word) == 1 and word.isupper()):
            out.append(word.lower())
        elif word[:1].islower():
            out.append(word[:1].upper() + word[1:])
        else:
            out.append(word)
    # Hyphenated compounds: "half-year" → "Half-Year".
    return re.sub(r"-([a-z])", lambda m: "-" + m.group(1).upper(), " ".join(out))


@dataclass(frozen=True)
class Language:
    """The formatting helpers of one language, bound to the release's style and release date."""

    lang: str
    config: ReleaseConfig
    items: dict
    release_date: dt.date | None
    period: Period

    def money(self, value: Any) -> str:
        """An amount without its sign (the sentence says surplus or deficit)."""
        return self.smoney(abs(Decimal(value)))

    def smoney(self, value: Any) -> str:
        return _money(Decimal(value), self.lang, self.config.money_style[self.lang])

    def name(self, code: str) -> str:
        return self.items[code].name(self.lang)

    def period_text(self, period: Any = None, relative: bool = True) -> str:
        p = self.period if period is None else (period if isinstance(period, Period) else Period.parse(str(period)))
        if relative and self.release_date is not None:
            return period_name(p, self.lang, release_year=self.release_date.year, relative=True)
        return period_name(p, self.lang)

    def headline_period(self, period: Period) -> str:
        """"First Half" when the release is in the period's year; otherwise the period in full."""
        if self.release_date is not None and self.release_date.year == period.year or period.kind == "Y":
            return period_headline(period, self.lang)
        return period_name(period, self.lang)

    def filters(self) -> dict[str, Callable]:
        lang = self.lang
        return {
            "money": self.money,
            "smoney": self.smoney,
            "name": self.name,
            "period": self.period_text,
            "phead": lambda p: period_headline(p if isinstance(p, Period) else Period.parse(str(p)), lang),
            "hperiod": self.headline_period,
            "compare": lambda basis: comparison_phrase(basis, self.period, lang),
            "josa": _josa if lang == "ko" else (lambda word, pair: word),
            "andlist": lambda items: _join(tuple(items), lang),
            "pct": lambda v: percent(Decimal(str(v)), lang),
            "times": lambda v: multiple(Decimal(str(v)), lang),
            "date": self.date,
            "cap": lambda s: s[:1].upper() + s[1:],
            "headline": _headline_case if lang == "en" else (lambda s: s),
        }

    def date(self, value: dt.date) -> str:
        pattern = "MMMM d" if self.lang == "en" else "M월 d일"
        return format_date(value, pattern, locale=self.lang)


@functools.lru_cache(maxsize=4096)
def _money(value: Decimal, lang: str, style: str) -> str:
    # The same few amounts are written many times per release; Babel formatting is the slow part.
    return money_en(value, style) if lang == "en" else money_ko(value, style)


@functools.lru_cache(maxsize=4096)
def _josa(word: str, pair: str) -> str:
    return josa.attach(word, pair)


@functools.lru_cache(maxsize=4096)
def _join(items: tuple[str, ...], lang: str) -> str:
    return join(list(items), lang)


_FILTER_NAMES = ("money", "smoney", "name", "period", "phead", "hperiod", "compare", "josa", "andlist",
                 "pct", "times", "date", "cap", "headline")
_ENVIRONMENTS: dict[str, jinja2.Environment] = {}


def _dispatch(name: str) -> Callable:
    # Filters find the language helpers in the render context ("H"), so one environment
    # (and its compiled templates) serves every language, period and release date.
    @jinja2.pass_context
    def call(context, *args, **kwargs):
        return context["H"][name](*args, **kwargs)

    return call


def environment(templates: Path) -> jinja2.Environment:
    """The Jinja environment of a template folder: strict undefined, no autoescape (markdown),
    trailing newline kept. Cached per folder, so templates compile once per process; Jinja
    recompiles a template whose file changed.
    """
    key = str(templates)
    env = _ENVIRONMENTS.get(key)
    if env is None:
        # Sandboxed: templates are project files, not code; one reaching for Python internals
        # (cycler.__init__.__globals__.os) raises SecurityError instead of running anything.
        # Not the immutable sandbox: the templates build lists with {% do parts.append(...) %}.
        env = SandboxedEnvironment(
            loader=jinja2.FileSystemLoader(key),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            extensions=["jinja2.ext.do"],
        )
        env.filters.update({name: _dispatch(name) for name in _FILTER_NAMES})
        _ENVIRONMENTS[key] = env
    return env


def _template_error(exc: Exception, config: ReleaseConfig, lang: str) -> TemplateError:
    if isinstance(exc, SecurityError):
        line = _template_line(exc)
        where = config.display(config.templates / lang / line[0]) if line else config.display(config.templates / lang)
        return TemplateError(f"template reaches for Python internals, which templates may not: {exc}", path=where,
                             line=line[1] if line else None,
                             hint="use only the sentence's fields, the filters and the macros (see generator/plan.py)")
    if isinstance(exc, jinja2.TemplateSyntaxError):
        path = config.templates / (exc.name or "")
        return TemplateError(f"template syntax error: {exc.message}", path=config.display(path), line=exc.lineno,
                             hint="fix the template; see https://jinja.palletsprojects.com/templates/")
    if isinstance(exc, jinja2.TemplateNotFound):
        return TemplateError(f"template not found: {exc.name}", path=config.display(config.templates),
                             hint=f"each language folder needs {', '.join(_TEMPLATE_FILES)}")
    if isinstance(exc, jinja2.UndefinedError):
        line = _template_line(exc)
        where = config.display(config.templates / lang / line[0]) if line else config.display(config.templates / lang)
        return TemplateError(f"undefined variable in template: {exc.message}", path=where, line=line[1] if line else None,
                             hint="check the variable name against the sentence's arguments (see generator/plan.py)")
    return TemplateError(f"template failed: {exc}", path=config.display(config.templates / lang))


def _template_line(exc: BaseException) -> tuple[str, int] | None:
    """The template file and line of a rendering error, from the traceback Jinja rewrites."""
    tb = exc.__traceback__
    found = None
    while tb is not None:
        # Jinja marks the frames of compiled templates; map their lines back to the source.
        template = tb.tb_frame.f_globals.get("__jinja_template__")
        filename = tb.tb_frame.f_code.co_filename
        if template is not None and template.filename:
            found = (Path(template.filename).name, template.get_corresponding_lineno(tb.tb_lineno))
        elif filename.endswith(".j2"):  # a frame Jinja has already rewritten to template lines
            found = (Path(filename).name, tb.tb_lineno)
        tb = tb.tb_next
    return found


_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")


def check_templates(config: ReleaseConfig, languages) -> None:
    """Compile every template of the release, raising ``TemplateError`` for the first broken one."""
    env = environment(config.templates)
    for lang in languages:
        for name in ("sentences.md.j2", "release.md.j2"):  # the order a draft loads them in
            try:
                env.get_template(f"{lang}/{name}")
            except jinja2.TemplateError as exc:
                raise _template_error(exc, config, lang) from None


def render_story(story: Story, config: ReleaseConfig, items: dict, lang: str) -> str:
    """Render every sentence with its macro, then the layout; return the markdown body.

    Sets ``sentence.text`` for each sentence (the review sheet lists them). Raises
    ``TemplateError`` with the template file and line for syntax errors and undefined
    variables.
    """
    release_date = story.annotations.release_date if story.annotations else None
    helpers = Language(lang, config, items, release_date, Period.parse(story.period))
    env = environment(config.templates)
    context = {"H": helpers.filters(), "config": config, "lang": lang, "period": Period.parse(story.period),
               "annotations": story.annotations, "release_date": release_date}
    try:
        macros = env.get_template(f"{lang}/sentences.md.j2").make_module(context)
        for sentence in story.sentences():
            macro = getattr(macros, sentence.kind, None)
            if macro is None:
                raise TemplateError(
                    f"no macro '{sentence.kind}' in the {lang} sentence templates",
                    path=config.display(config.templates / lang / "sentences.md.j2"),
                    hint=f"add {{% macro {sentence.kind}(s) %}}...{{% endmacro %}}",
                )
            text = _SPACES.sub(" ", str(macro(sentence))).strip()
            sentence.text = sentence.texts[lang] = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
        return env.get_template(f"{lang}/release.md.j2").render(story=story, **context)
    except (jinja2.TemplateError, TemplateError) as exc:
        if isinstance(exc, TemplateError):
            raise
        raise _template_error(exc, config, lang) from None
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        line = _template_line(exc)
        where = config.display(config.templates / lang / line[0]) if line else config.display(config.templates / lang)
        raise TemplateError(f"template failed: {exc}", path=where, line=line[1] if line else None) from None
