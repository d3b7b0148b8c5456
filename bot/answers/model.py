"""The Answer: structured first (numbers, winners, sentences, caveats), rendered later."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field


class Text(BaseModel):
    kind: Literal["text"] = "text"
    title: str | None = None
    text: str


class Table(BaseModel):
    kind: Literal["table"] = "table"
    title: str | None = None
    columns: list[str]
    rows: list[list[str]]
    note: str | None = None


class Facts(BaseModel):
    kind: Literal["facts"] = "facts"
    title: str | None = None
    columns: list[str] = Field(default_factory=list, description="One per model, when comparing.")
    rows: list[list[str]] = Field(description="[label, value per column...]")


class FAQ(BaseModel):
    kind: Literal["faq"] = "faq"
    title: str = "Frequently asked"
    items: list[tuple[str, str]]


Block = Annotated[Text | Table | Facts | FAQ, Field(discriminator="kind")]


class Candidate(BaseModel):
    id: str
    name: str
    detail: str = ""


class Answer(BaseModel):
    intent: str
    title: str = ""
    headline: str = ""
    blocks: list[Block] = Field(default_factory=list)
    caveats: list[str] = Field(default_factory=list)
    model_ids: list[str] = Field(default_factory=list)
    models: list[str] = Field(default_factory=list, description="Display names, in order.")
    category: str | None = None
    metric: str | None = None
    candidates: list[Candidate] = Field(default_factory=list)
    unknown: list[str] = Field(default_factory=list)
    data: dict[str, Any] = Field(default_factory=dict, description="The numbers behind it.")
    footer: str = ""
