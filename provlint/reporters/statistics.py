"""``--statistics``: the number of findings per rule, the most frequent first, instead of the findings."""

from __future__ import annotations

from provlint.findings import Diagnostic, FileResult
from provlint.reporters.base import Reporter, Summary, count_by_rule


class StatisticsReporter(Reporter):
    reads_documents = False  # the diagnostics alone

    def start(self, rules) -> None:
        super().start(rules)
        self.diagnostics: list[Diagnostic] = []

    def file(self, result: FileResult) -> None:
        self.diagnostics.extend(result.diagnostics)

    def finish(self, summary: Summary) -> None:
        for (code, name, severity), count in count_by_rule(self.diagnostics):
            self.write(f"{count:>5}\t{code}\t{name}\t[{severity}]\n")
