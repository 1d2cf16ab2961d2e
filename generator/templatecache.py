"""Compiled templates kept between runs: Jinja's bytecode cache, keyed by content.

Compiling a release's four templates was the largest part of a cold draft after the
imports (``check_templates`` in a profile of ``pressgen draft``). Jinja stores each
template's compiled code with a checksum of its source and recompiles when the source
differs, so an edited template is never served stale. Its cache key is only the
template's name and file, though: the compiled code also depends on how the
environment compiles (sandbox, trim_blocks, extensions, Jinja and Python versions),
so those are part of the key here, and a change of any of them misses the cache.

The cache lives outside the project (``$PRESSGEN_CACHE_DIR``, else
``$XDG_CACHE_HOME/pressgen``, else ``~/.cache/pressgen``), so drafting never adds files
to a project tree or a commit. ``PRESSGEN_CACHE_DIR=off`` turns it off. A cache that
cannot be read or written is skipped silently: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

from .cachedir import cache_root  # noqa: F401 - where it was first defined; callers import it from here
from .cachedir import maybe_prune

# Compiled templates kept on disk (a few to a hundred kilobytes each).
KEEP_ON_DISK = 512


def fingerprint(env: jinja2.Environment) -> str:
    """What, besides the source, decides a template's compiled code."""
    parts = (
        jinja2.__version__, sys.version, f"{type(env).__module__}.{type(env).__qualname__}",
        f"{env.code_generator_class.__module__}.{env.code_generator_class.__qualname__}",
        env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string, str(env.line_statement_prefix), str(env.line_comment_prefix),
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, repr(env.autoescape),
        env.optimized, sorted(env.extensions), sorted(getattr(env, "intercepted_binops", ())),
        sorted(getattr(env, "intercepted_unops", ())),
    )
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:16]


class TemplateCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache with the environment's fingerprint in every key, never failing a draft."""

    def __init__(self, directory: Path) -> None:
        super().__init__(str(directory), "%s.jinja")
        self._fingerprint = ""

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None, source: str) -> Bucket:
        if not self._fingerprint:
            self._fingerprint = fingerprint(environment)
        return super().get_bucket(environment, name, filename, source)

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return hashlib.sha256(f"{self._fingerprint}|{name}|{filename}".encode("utf-8")).hexdigest()

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged or foreign file: compile as if there were none
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            Path(self.directory).mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            return  # read-only home, full disk: the next run compiles again
        # One entry per template file and environment, so every temporary project (and every
        # pressgen build) adds its own: keep the most recent.
        maybe_prune(Path(self.directory), bucket.key, KEEP_ON_DISK, ".jinja")


def template_cache() -> TemplateCache | None:
    root = cache_root()
    return None if root is None else TemplateCache(root / "templates")
