"""The article record of DESIGN.md: Article, Media, Dateline, Attribution and their JSON form.

Every extractor (HTML, text dump) fills an Article; every sink (CLI, store, Spark job) reads
`Article.to_dict()`. Field names and types here are a contract: change them only with DESIGN.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import orjson


@dataclass(slots=True)
class Media:
    """A photo, gallery item or video; its caption and credit never go into the body."""

    position: int
    url: str | None = None
    caption: str | None = None
    credit: str | None = None


@dataclass(slots=True)
class Dateline:
    """`BRUSSELS (AP) —` → place "BRUSSELS", agency "AP"."""

    place: str
    agency: str | None = None


@dataclass(slots=True)
class Attribution:
    """Who said what: one attributed content span (see quotes/GUIDELINES.md).

    `para` indexes the article body; `start`/`end` are character offsets of `content`'s first
    span in that paragraph (for a quote split by its attribution, `end` closes the last span).
    """

    para: int
    kind: str  # direct | indirect | mixed | according_to
    content: str
    source: str | None
    speaker: str | None
    speaker_type: str | None  # person | organization | group | anonymous
    role: str | None
    cue: str | None
    start: int
    end: int


@dataclass(slots=True)
class Article:
    """One extracted document. `text` is derived from `body`; `error` is set only on failure."""

    id: str | None = None
    url: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    dateline: Dateline | None = None
    language: str | None = None
    site_name: str | None = None
    description: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    image: str | None = None
    body: list[str] = field(default_factory=list)
    media: list[Media] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    truncated: bool = False
    warnings: list[str] = field(default_factory=list)
    fetched_at: str | None = None
    source: str | None = None
    attributions: list[Attribution] | None = None
    error: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.body)

    def to_dict(self) -> dict[str, Any]:
        """The JSON record: `text` added, `attributions` only when computed, `error` only on failure."""
        out = asdict(self)
        out["text"] = self.text
        if self.attributions is None:
            del out["attributions"]
        if self.error is None:
            del out["error"]
        return out

    def to_json(self, indent: bool = False) -> bytes:
        return orjson.dumps(self.to_dict(), option=orjson.OPT_INDENT_2 if indent else 0)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Inverse of `to_dict` (unknown keys such as `text` are ignored)."""
        kwargs = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        if kwargs.get("dateline"):
            kwargs["dateline"] = Dateline(**kwargs["dateline"])
        kwargs["media"] = [Media(**m) for m in kwargs.get("media") or []]
        if kwargs.get("attributions") is not None:
            kwargs["attributions"] = [Attribution(**a) for a in kwargs["attributions"]]
        return cls(**kwargs)
