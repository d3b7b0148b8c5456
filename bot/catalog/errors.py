"""One error type for bad data, worded so an operator can find and fix the record."""

from __future__ import annotations


class CatalogError(Exception):
    """Bad data: names the file, the record and the field, and what is wrong."""

    def __init__(
        self, file: str, reason: str, record: str | None = None, field: str | None = None
    ) -> None:
        self.file = file
        self.record = record
        self.field = field
        self.reason = reason
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file
        if self.record:
            where += f": {self.record}"
        if self.field:
            where += f", field '{self.field}'"
        return f"{where}: {self.reason}"
