"""The secret map of one document: which values are secrets, as text and as places.

Built once per document and only on first use (a clean file never builds it), from:

- the catalog's secret fields (a key's ``value``, Azure ``client_secret``, Bedrock keys, Vertex
  ``auth_credentials``, proxy ``username``/``password``), a value given as an object included;
- credential headers in any ``*headers`` object (the catalog's names and words);
- the net for what is not known: values under a credential-like name (``pasword``, ``valeu``,
  ``X-Db-Password``), URL user-info, private key blocks, and values shaped like a credential;
- the same net run over the raw text, for a file that does not parse and for values the parsed
  data lost (the first of two duplicate keys).

References (``env.NAME``, ``vault.path``), Bifrost's redaction placeholders, booleans and empty
values are never secrets.
"""

from __future__ import annotations

from provlint.findings import Span
from provlint.records import cached_property
from provlint.secrets.lexical import MAX_VALUE, is_reference_text, lexical_ranges
from provlint.secrets.names import HeaderPolicy, NamePolicy, catalog_secret_fields, header_policy, name_policy
from provlint.secrets.shape import PRIVATE_KEY, looks_like_credential
from provlint.source import pointer as jp

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Iterable, Optional

# Shorter pieces are masked by position only (snippets): in free text a short password such as
# "literal" would mask ordinary words of every message. A leak is an 8-character piece of a
# secret, and messages never quote a value they know is secret; this is the net under them.
MIN_PIECE = 8
# The members of a reference object (``{"env_var": "NAME", "from_env": true}``): names, not secrets.
_REFERENCE_MEMBERS = frozenset({"env_var", "ref", "type", "from_env"})
_QUOTES_AND_BLANKS = " \t\r\n\"',"
_BLOCK_INDICATOR = ("|", ">")


class SecretMap:
    """Secrets of one text (and its parsed data, when it parsed), computed on first use.

    ``spans`` are where secret values stand (possibly over several lines), ``pieces`` the texts
    masked wherever they appear (a whole value, each line of a multi-line one, the source text
    of an escaped one), longest first; ``pointers`` the JSON Pointers of secret values.
    """

    def __init__(
        self,
        text: str,
        data: Any = None,
        *,
        value_span: Optional[Callable[[str], Optional[Span]]] = None,
        known_names: Iterable[str] = (),
        is_header_secret: Callable[[str], bool] = lambda name: False,
        is_header_exempt: Callable[[str], bool] = lambda name: False,
        text_is_data: bool = False,
    ) -> None:
        self.text = text or ""
        # The text is JSON that holds nothing but ``data`` (see message_pieces).
        self._text_is_data = text_is_data and data is not None
        self._data = data
        self._value_span = value_span
        self._known = frozenset(known_names)
        self._is_header_secret = is_header_secret
        self._is_header_exempt = is_header_exempt

    @classmethod
    def of_document(cls, doc: Any, catalog: Any) -> "SecretMap":
        """The (not yet computed) map of a loaded document under one Bifrost line's catalog."""
        parsed = doc.ok
        headers = _LazyHeaderPolicy(catalog)
        return cls(
            doc.text,
            doc.data if parsed else None,
            value_span=_ValueSpans(doc) if parsed else None,
            known_names=catalog_secret_fields(catalog),
            is_header_secret=headers.is_credential,
            is_header_exempt=headers.is_exempt,
            text_is_data=parsed and doc.format.value == "json" and not doc.has_duplicates
            and "\\" not in doc.text and len(doc.text) <= MAX_VALUE,
        )

    @classmethod
    def of_text(cls, text: str) -> "SecretMap":
        """The net alone, for text provlint has no parsed data for (settings, a baseline)."""
        return cls(text)

    def __getstate__(self) -> dict:
        """What a result sent from a worker process needs (provlint.workers). A map not yet
        computed of JSON or of text alone goes as its inputs (the text and data are the
        result's own, sent once), computed only if a reporter reads it; any other map goes as
        its pieces and spans, computed here."""
        state = dict(self.__dict__)
        for name in ("_names", "_lines", "piece_index"):
            state.pop(name, None)
        if "_found" not in state and (self._value_span is None or self._value_span.of_json):
            return state
        self.pieces  # noqa: B018 - computed before the data goes
        state = dict(self.__dict__)
        for name in ("_data", "_value_span", "_is_header_secret", "_is_header_exempt", "_names", "_lines", "piece_index"):
            state.pop(name, None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        if "_found" in state:
            self._data = self._value_span = None
            self._is_header_secret = self._is_header_exempt = _no_header

    # --- what the map holds ----------------------------------------------------------------

    @cached_property
    def _found(self) -> tuple[list[Span], set[str], set[str]]:
        spans: list[Span] = []
        pieces: set[str] = set()
        pointers: set[str] = set()
        if self._data is not None:
            for pointer, value in self._secret_values():
                pointers.add(pointer)
                span = self._value_span(pointer) if self._value_span else None
                text = value if isinstance(value, str) else self._source(span) or str(value)
                pieces.update(_pieces_of(text))
                if span is not None:
                    spans.append(span)
                    pieces.update(_pieces_of(self._source(span)))
        lines = self._lines
        for start, end in lexical_ranges(self.text, self._known, self._names):
            spans.append(lines.span(start, end))
            pieces.update(_pieces_of(self.text[start:end]))
        return list(dict.fromkeys(spans)), pieces, pointers

    @cached_property
    def _names(self) -> NamePolicy:
        return name_policy(self._known)

    @cached_property
    def _lines(self):
        from provlint.source.text import LineIndex

        return LineIndex(self.text)

    @property
    def spans(self) -> list[Span]:
        return self._found[0]

    @cached_property
    def pieces(self) -> tuple[str, ...]:
        return tuple(sorted(self._found[1], key=lambda p: (-len(p), p)))

    @cached_property
    def piece_index(self):
        """The pieces indexed once for masking many texts (``provlint.secrets.masking``)."""
        from provlint.secrets.masking import PieceIndex

        return PieceIndex(self.pieces)

    def for_messages(self) -> Any:
        """What a message is masked against: the pieces it can hold, computed from the data alone
        where the text holds nothing else (``provlint.secrets.message_pieces``), else this map.
        Either masks every message exactly alike."""
        if "_found" not in self.__dict__ and self._text_is_data:
            from provlint.secrets.message_pieces import message_pieces

            found = message_pieces(self)
            if found is not None:
                return found
        return self

    @property
    def pointers(self) -> frozenset[str]:
        return frozenset(self._found[2])

    def holds(self, pointer: str) -> bool:
        """Whether the value at ``pointer`` is a secret or lies inside one."""
        pointers = self._found[2]
        probe = pointer
        while True:
            if probe in pointers:
                return True
            if not probe:
                return False
            probe = jp.parent(probe)

    def columns_on(self, line: int, text: str) -> list[tuple[int, int]]:
        """1-based [start, end) columns of the secret spans that cover part of ``line`` (whose
        text is ``text``); a line inside a multi-line secret keeps its indentation."""
        found = []
        for span in self.spans:
            if span.start.line <= line <= span.end.line:
                start = span.start.column if span.start.line == line else len(text) - len(text.lstrip()) + 1
                end = span.end.column if span.end.line == line else len(text) + 1
                if end > start:
                    found.append((start, end))
        return found

    # --- building ------------------------------------------------------------------------

    def _secret_values(self):
        """(pointer, value) of each secret scalar in the parsed data, depth first, iteratively.
        A node's pointer is joined only when it is a container or a secret: most scalars are
        neither, and joining a pointer per node was most of the walk."""
        stack: list[tuple[Any, str, Any, bool, bool]] = [(self._data, "", None, False, False)]
        while stack:
            value, parent, token, secret, in_headers = stack.pop()
            if isinstance(value, dict):
                pointer = parent if token is None else jp.join(parent, token)
                for name, member in value.items():
                    inherited = secret and name not in _REFERENCE_MEMBERS
                    member_secret = inherited or self._names_secret(name, in_headers)
                    headers = isinstance(name, str) and "header" in name.lower()
                    stack.append((member, pointer, name, member_secret, headers))
            elif isinstance(value, list):
                pointer = parent if token is None else jp.join(parent, token)
                for index, item in enumerate(value):
                    stack.append((item, pointer, index, secret, False))
            elif _is_literal(value) if secret else isinstance(value, str) and _shaped_like_secret(value):
                yield (parent if token is None else jp.join(parent, token)), value

    def _names_secret(self, name: Any, in_headers: bool) -> bool:
        if not isinstance(name, str):
            return False
        if name in self._known:
            return True
        if in_headers:
            if self._is_header_exempt(name):
                return False
            return self._is_header_secret(name) or self._names.is_credential(name)
        return self._names.is_credential(name)

    def _source(self, span: Optional[Span]) -> str:
        if span is None or not self.text:
            return ""
        start = self._lines.offset(span.start)
        end = self._lines.offset(span.end)
        return self.text[start or 0 : len(self.text) if end is None else end]


def _no_header(name: str) -> bool:
    return False


class _ValueSpans:
    """``value_span`` of a parsed document's position index (built on first use, shared with
    the engine's). Sent to another process, a JSON document's goes as its text alone."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.of_json = doc.format.value == "json"

    def __call__(self, pointer: str) -> Optional[Span]:
        return self.doc.positions.value_span(pointer)

    def __reduce__(self):
        if not self.of_json:
            raise TypeError("only a JSON document's positions are sent as its text")
        return (_ValueSpans, (_JsonText(self.doc.text),))


class _JsonText:
    """A JSON text's positions, for a map received from another process."""

    format = type("JsonFormat", (), {"value": "json"})

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def positions(self) -> Any:
        from provlint.source.json_positions import JsonPositionIndex

        return JsonPositionIndex(self.text)


class _LazyHeaderPolicy:
    """The catalog's header lists normalised on the first header judged, not per document;
    sent to another process as those lists, not as the catalog."""

    def __init__(self, catalog: Any) -> None:
        self.catalog = catalog

    def __getstate__(self) -> dict:
        return {"policy": self.policy}

    @cached_property
    def policy(self) -> HeaderPolicy:
        return header_policy(self.catalog)

    def is_credential(self, name: str) -> bool:
        return self.policy.is_credential(name)

    def is_exempt(self, name: str) -> bool:
        return self.policy.is_exempt(name)


def _is_literal(value: Any) -> bool:
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, (int, float)):
        return True
    return isinstance(value, str) and bool(value.strip()) and not is_reference_text(value)


# Answers of _shaped_like_secret, kept across the documents of a run (configs repeat their
# values: model names, URLs, references); bounded whatever the files hold.
_SHAPE_ANSWERS: dict[str, bool] = {}
_MAX_SHAPE_ANSWERS = 65536


def _shaped_like_secret(value: str) -> bool:
    """A string under an ordinary name that is a secret all the same (a pure function of the
    value, so remembered)."""
    answer = _SHAPE_ANSWERS.get(value)
    if answer is None:
        if len(_SHAPE_ANSWERS) >= _MAX_SHAPE_ANSWERS:
            _SHAPE_ANSWERS.clear()
        answer = _SHAPE_ANSWERS[value] = _is_literal(value) and _looks_secret_anywhere(value)
    return answer


def _looks_secret_anywhere(value: Any) -> bool:
    """A value under an ordinary name: secret by its shape, a key block or URL user-info."""
    if not isinstance(value, str):
        return False
    if PRIVATE_KEY.search(value) or looks_like_credential(value):
        return True
    scheme = value.find("://")
    return scheme != -1 and "@" in value[scheme + 3:].split("/", 1)[0]


def _pieces_of(text: str) -> set[str]:
    """The whole text and each of its lines, trimmed of quotes and blanks, long enough to mask;
    PEM armour lines (``-----BEGIN CERTIFICATE-----``) are not secret."""
    found = set()
    scheme_and_token = text.split()
    extra = [scheme_and_token[1]] if len(scheme_and_token) == 2 else []  # "Bearer <token>"
    for piece in [text, *text.splitlines(), *extra]:
        piece = piece.strip(_QUOTES_AND_BLANKS)
        if piece.startswith(_BLOCK_INDICATOR) and len(piece) <= 3:
            continue
        if len(piece) >= MIN_PIECE and not piece.startswith("-----"):
            found.add(piece)
        userinfo_at = piece.find("://")
        if userinfo_at != -1:
            authority = piece[userinfo_at + 3:].split("/", 1)[0]
            if "@" in authority:
                found.discard(piece)  # the URL stays readable; its user-info is the secret
                userinfo = authority.rsplit("@", 1)[0]
                found.update(p for p in (userinfo, *userinfo.split(":")) if len(p) >= MIN_PIECE)
    return found
