"""The reporter lifecycle: start, one call per file (in path order), finish."""

from __future__ import annotations

from typing import TextIO

from provlint.findings import FileResult


class Reporter:
    def __init__(self, stream: TextIO, *, quiet: bool = False) -> None:
        self.stream = stream
        self.quiet = quiet

    def start(self) -> None:
        pass

    def file(self, result: FileResult) -> None:
        pass

    def finish(self, results: list[FileResult]) -> None:
        pass

    def write(self, text: str) -> None:
        self.stream.write(text)
