"""Reading one input and judging it before anything is checked: the one place for both.

``check`` and ``hash`` read every input here and act on the verdict: a Bifrost document is
linted or hashed; a file that is none is reported when the user named it (PL003 for ``check``)
and passed over in silence when a folder walk found it; a file that cannot be read or parsed
is reported (PL001), except an unparseable walked file that does not look like Bifrost's at
all. No rule runs on a file before its verdict, so a stranger is never linted.
"""

from __future__ import annotations

import re
from enum import Enum

from provlint.catalog import Catalog
from provlint.discovery import DEFAULT_MAX_FILE_MIB, STDIN, InputFile, read_limited, read_regular_file
from provlint.records import Record
from provlint.source import Document, DocumentKind, detect_kind, load_bytes
from provlint.source import pointer as jp

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, BinaryIO, Iterable, Optional, Sequence


class Verdict(str, Enum):
    BIFROST = "bifrost"  # a Bifrost document of ``kind``: check it
    STRANGER = "stranger"  # parsed, not Bifrost's, and named by the user: say so
    UNREADABLE = "unreadable"  # the bytes could not be read: ``reason`` says why
    UNPARSEABLE = "unparseable"  # not valid JSON or YAML: ``document.error`` says where
    SKIPPED = "skipped"  # found by a folder walk and not Bifrost's: nothing to say


class JudgedInput(Record):
    """One input after reading, parsing and judging; nothing about it has been checked yet.

    ``path`` is the name to report. ``document`` is set unless the input was unreadable;
    ``kind`` is the document's kind (UNKNOWN for anything but a Bifrost document).
    """

    __slots__ = ("path", "explicit", "verdict", "document", "kind", "reason")

    def __init__(
        self,
        path: str,
        explicit: bool,
        verdict: Verdict,
        document: Optional[Document] = None,
        kind: DocumentKind = DocumentKind.UNKNOWN,
        reason: Optional[str] = None,
    ) -> None:
        self.path = path
        self.explicit = explicit
        self.verdict = verdict
        self.document = document
        self.kind = kind
        self.reason = reason


def judge_input(
    item: InputFile,
    shown: str,
    catalogs: Sequence[Catalog],
    *,
    kind: Optional[DocumentKind] = None,
    root: str = "",
    stdin: Optional[BinaryIO] = None,
    max_bytes: int = DEFAULT_MAX_FILE_MIB << 20,
) -> JudgedInput:
    """Read ``item`` (``stdin`` for ``-``), parse it and judge it.

    ``catalogs`` are the Bifrost lines whose shapes make a document Bifrost's, in order of
    preference (the first that recognises it gives the kind); ``kind`` forces one; ``root``
    is the JSON Pointer of the Bifrost config inside the file (settings ``roots``).
    """
    try:
        raw = _read(item, stdin, max_bytes)
    except OSError as exc:
        return JudgedInput(shown, item.explicit, Verdict.UNREADABLE, reason=f"cannot read the file: {exc.strerror or exc}")
    doc = load_bytes(raw, shown)  # the format follows the name shown (--stdin-filename for `-`)
    if not doc.ok:
        names = {name for catalog in catalogs for name in catalog.settings_fields}
        if item.explicit or may_be_bifrost(raw, names):
            return JudgedInput(shown, item.explicit, Verdict.UNPARSEABLE, doc)
        return JudgedInput(shown, item.explicit, Verdict.SKIPPED, doc)
    if root and jp.resolve(doc.data, root) is None:
        # The settings say this file holds a Bifrost config at `root`: a pointer that names
        # nothing is a mistake to report even in a walk, never a silent skip (issue 11).
        return JudgedInput(shown, item.explicit, Verdict.STRANGER, doc)
    found = kind or _kind(doc.data, root, catalogs, strict=not item.explicit)
    if found is not DocumentKind.UNKNOWN:
        return JudgedInput(shown, item.explicit, Verdict.BIFROST, doc, found)
    return JudgedInput(shown, item.explicit, Verdict.STRANGER if item.explicit else Verdict.SKIPPED, doc)


def _kind(data: Any, root: str, catalogs: Sequence[Catalog], *, strict: bool) -> DocumentKind:
    if root:
        data = jp.resolve(data, root)
    for catalog in catalogs:
        kind = detect_kind(data, catalog, strict=strict)
        if kind is not DocumentKind.UNKNOWN:
            return kind
    return DocumentKind.UNKNOWN


def _read(item: InputFile, stdin: Optional[BinaryIO], max_bytes: int) -> bytes:
    """The input's bytes, at most ``max_bytes`` (the `max-file-size` setting), checked while
    reading; special files are refused before they are opened (discovery)."""
    if item.path == STDIN:
        return read_limited(stdin, max_bytes) if stdin is not None else b""
    return read_regular_file(item.path, max_bytes)


def may_be_bifrost(raw: bytes, member_names: Iterable[str]) -> bool:
    """Whether an unparseable walked file uses a Bifrost member name as a key (JSON or YAML),
    so a broken gateway config is reported while a broken stranger that merely mentions
    "provider" in a value stays quiet."""
    names = b"|".join(re.escape(n.encode()) for n in ("providers", "provider", *sorted(member_names)))
    key = re.compile(rb'"(?:%s)"\s*:|^\s*(?:%s)\s*:' % (names, names), re.MULTILINE)
    return b"getbifrost" in raw or key.search(raw) is not None


__all__ = ["JudgedInput", "Verdict", "judge_input", "may_be_bifrost"]
