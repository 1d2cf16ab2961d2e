"""Release markdown: front matter with hashes, and reading it back (writing files is ``writer.py``)."""

from __future__ import annotations

import hashlib

import yaml

from .yamlload import safe_load_bounded

FRONT_MATTER_KEYS = ("release", "period", "language", "status", "generator", "input_hash", "body_hash")


def sha256(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return "sha256:" + hashlib.sha256(data).hexdigest()


def normalise_body(body: str) -> str:
    """Line endings and trailing blank lines do not count as edits (editors' tools change them)."""
    return body.replace("\r\n", "\n").rstrip("\n") + "\n"


def with_front_matter(meta: dict[str, str], body: str) -> str:
    """The markdown file: YAML front matter (with the body's hash) followed by the body."""
    body = normalise_body(body)
    meta = {**meta, "body_hash": sha256(body)}
    ordered = {key: str(meta[key]) for key in FRONT_MATTER_KEYS if key in meta}
    text = yaml.dump(ordered, Dumper=_FrontMatterDumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=1 << 30)
    return "---\n" + text + "---\n" + body


class _FrontMatterDumper(yaml.SafeDumper):
    """PyYAML decides what needs quoting (``"[x"``, ``"yes"``, ``"2024"`` must stay strings);
    quoted values use double quotes, the form pressgen has always written, so files
    written before the emitter existed keep their bytes."""

    def choose_scalar_style(self):
        style = super().choose_scalar_style()
        return '"' if style == "'" else style


def split_front_matter(text: str) -> tuple[dict | None, str]:
    """Front matter (or None) and the body of a markdown file."""
    text = text.lstrip("\ufeff")
    if not text.startswith("---"):
        return None, text
    lines = text.split("\n")
    for n in range(1, len(lines)):
        if lines[n].strip() == "---":
            try:
                meta = safe_load_bounded("\n".join(lines[1:n]))  # bounded: front matter is user input
            except yaml.YAMLError:
                return None, text
            body = "\n".join(lines[n + 1:])
            return (meta if isinstance(meta, dict) else None), body[1:] if body.startswith("\n") else body
    return None, text
