"""``junit``: JUnit XML, one testsuite, one testcase per checked file, one failure per finding at
error or warning level (an info is no failure)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from provlint.findings import FileResult
from provlint.reporters.base import Reporter, Summary
from provlint.reporters.concise import concise_line, one_line

FAILING = ("error", "warning")


class JunitReporter(Reporter):
    reads_documents = False  # the diagnostics, and whether a fix is available

    def start(self, rules) -> None:
        super().start(rules)
        self.suite = ET.Element("testsuite", name="provlint")

    def file(self, result: FileResult) -> None:
        path = self.shown_path(result.path)
        case = ET.SubElement(self.suite, "testcase", name=path, classname="provlint", file=path)
        for d in result.diagnostics:
            if d.severity.value not in FAILING:
                continue
            line = concise_line(d, path)
            failure = ET.SubElement(case, "failure", type=d.code, message=line)
            # XML 1.0 cannot hold most control characters, so the text goes through one_line too.
            failure.text = "\n".join(one_line(part) for part in (line, f"pointer: {d.pointer or '/'}", f"help: {d.fix}" if d.fix else "") if part)

    def finish(self, summary: Summary) -> None:
        properties = ET.Element("properties")
        ET.SubElement(properties, "property", name="target-versions", value=", ".join(summary.target_versions))
        self.suite.insert(0, properties)  # the schema JUnit readers follow puts properties first
        cases = self.suite.findall("testcase")
        failures = sum(len(case.findall("failure")) for case in cases)
        self.suite.set("tests", str(len(cases)))
        self.suite.set("failures", str(failures))
        self.suite.set("errors", "0")
        self.suite.set("skipped", "0")
        root = ET.Element("testsuites", name="provlint", tests=str(len(cases)), failures=str(failures), errors="0")
        root.append(self.suite)
        ET.indent(root)
        self.write('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n")
