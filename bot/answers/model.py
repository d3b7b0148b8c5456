"""The Answer: structured first (numbers, winners, sentences, caveats), rendered later."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, model_validator


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
    keys: int = Field(
        default=1,
        description="Leading columns that say what a row is (a label; a place and a name): "
        "repeated in each part when the table is split to fit a phone.",
    )


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


class ChartSeries(BaseModel):
    name: str = Field(description="The model's display name, as the answer shows it.")
    values: list[float | None] = Field(description="One per axis; None is no data, never 0.")


class Chart(BaseModel):
    """What to draw, filled by the composer from the numbers the answer itself shows, so the
    picture can never disagree with the table beside it."""

    kind: Literal["radar", "bars"]
    title: str
    axes: list[str] = Field(description="Radar: category labels; bars: group labels.")
    series: list[ChartSeries] = Field(description="One per model, in the answer's order.")
    scale_max: float = Field(default=100, gt=0)
    note: str | None = Field(default=None, description="A short line under the chart.")

    @model_validator(mode="after")
    def _one_value_per_axis(self) -> Chart:
        for s in self.series:
            if len(s.values) != len(self.axes):
                raise ValueError(
                    f"series {s.name!r} has {len(s.values)} values for {len(self.axes)} axes"
                )
        return self


class Short(BaseModel):
    """The first message: the answer in its first line, then the few numbers that decide it side
    by side (a table narrow enough for a phone), then at most one note that changes the reading."""

    lead: str
    columns: list[str] = Field(default_factory=list, description="Column heads, label first.")
    rows: list[list[str]] = Field(default_factory=list, description="[label, value per column].")
    note: str | None = None


class Section(BaseModel):
    """Details behind a button: which of the answer's blocks it shows."""

    id: str
    label: str
    blocks: list[int] = Field(description="Indexes into Answer.blocks, in order.")
    caveats: bool = Field(default=False, description="Show the answer's notes too.")


class Answer(BaseModel):
    intent: str
    title: str = ""
    headline: str = ""
    short: Short | None = None
    sections: list[Section] = Field(default_factory=list)
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
    chart: Chart | None = None
