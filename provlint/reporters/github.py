"""``github``: workflow commands GitHub Actions turns into annotations, one a finding, grouped
per file; and, when the environment names a GITHUB_STEP_SUMMARY file, a markdown summary appended
to it (GitHub shows only ten annotations of each kind per step, the summary shows the rest)."""

from __future__ import annotations

from urllib.parse import quote

from provlint.findings import Diagnostic, FileResult
from provlint.reporters.base import Reporter, Summary, count_by_rule, summary_line
from provlint.reporters.concise import one_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Mapping, Optional

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
# The step summary's table stops here; the counts above it cover every finding.
MAX_SUMMARY_ROWS = 100


def escape_data(text: str) -> str:
    """As @actions/core's escapeData, then any other control character as \\uXXXX so one
    finding stays one line."""
    return one_line(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """As @actions/core's escapeProperty: the data escapes, and ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(d: Diagnostic, path: str) -> str:
    end = d.span.end
    properties = {
        "file": path,
        "line": d.line,
        "col": d.column,
        "endLine": end.line,
        "endColumn": end.column,
        "title": f"provlint ({d.code} {d.name})",
    }
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{COMMANDS[d.severity.value]} {listed}::{escape_data(d.message)}\n"


class GithubReporter(Reporter):
    reads_documents = False  # the diagnostics, and whether a fix is available

    def start(self, rules) -> None:
        super().start(rules)
        self.shown: list[tuple[str, Diagnostic]] = []

    def file(self, result: FileResult) -> None:
        if not result.diagnostics:
            return
        path = self.shown_path(result.path)
        self.write(f"::group::{escape_data(path)}\n")
        for diagnostic in result.diagnostics:
            self.write(annotation(diagnostic, path))
            self.shown.append((path, diagnostic))
        self.write("::endgroup::\n")

    def finish(self, summary: Summary) -> None:
        target = self.environment.get("GITHUB_STEP_SUMMARY")
        if target:
            with open(target, "a", encoding="utf-8", errors="backslashreplace") as handle:
                handle.write(step_summary(self.shown, summary, self.environment))


def step_summary(shown: list[tuple[str, Diagnostic]], summary: Summary, environment: Mapping[str, str]) -> str:
    lines = ["## provlint", "", summary_line(summary), "", _lines_used(summary), ""]
    if not shown:
        return "\n".join(lines) + "\n"
    lines += [
        "| rule | severity | findings |",
        "|---|---|---:|",
    ]
    lines += [f"| {code} {name} | {severity} | {count} |" for (code, name, severity), count in count_by_rule([d for _, d in shown])]
    lines += ["", "| place | rule | message |", "|---|---|---|"]
    base = _blob_url(environment)
    for path, d in shown[:MAX_SUMMARY_ROWS]:
        place = _cell(f"{path}:{d.line}:{d.column}")
        if base:
            place = f"[{place}]({base}/{quote(path, safe='/')}#L{d.line})"
        lines.append(f"| {place} | {d.code} {d.name} | {_cell(d.message)} |")
    if len(shown) > MAX_SUMMARY_ROWS:
        lines += ["", f"{len(shown) - MAX_SUMMARY_ROWS} more findings are not listed; run provlint locally to see them all."]
    return "\n".join(lines) + "\n\n"


def _lines_used(summary: Summary) -> str:
    lines = summary.target_versions
    if not lines:
        return "Bifrost line: none (no file checked)"
    return f"Bifrost line{'s' if len(lines) > 1 else ''}: {', '.join(lines)}"


def _blob_url(environment: Mapping[str, str]) -> Optional[str]:
    """The commit's files on GitHub, when the run says where it is (GitHub sets these)."""
    server, repository, sha = (environment.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    if not (server and repository and sha):
        return None
    return f"{server.rstrip('/')}/{repository}/blob/{sha}"


def _cell(text: str) -> str:
    """Text that stays inside one markdown table cell and renders as text."""
    escaped = one_line(text).replace("\\", "\\\\").replace("|", "\\|")
    return escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("`", "\\`")
