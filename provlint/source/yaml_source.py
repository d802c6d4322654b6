"""YAML 1.2 input: ruamel.yaml composes the node graph, provlint builds the plain data itself.

Building the data here, not in ruamel's constructor, is what lets the loader keep the position
of every key and value, keep going past duplicate keys, resolve scalars by the YAML 1.2 core
schema whatever the file's ``%YAML`` directive says, and bound what aliases can expand to.
"""

from __future__ import annotations

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer, ComposerError, MaxDepthExceededError
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag

from provlint.findings import Span
from provlint.source.document import Document, DuplicateKey, Format, ParseError
from provlint.source.pointer import join
from provlint.source.text import decode
from provlint.source.yaml_core import CORE_PATTERN_OF, MAP, MERGE, SEQ, STR, YAML11_DIFFERS, ScalarError, core_tag, scalar_value
from provlint.source.yaml_errors import excerpt, excerpted, quoted_excerpt, reader_message, shown_tag
from provlint.source.yaml_positions import NodeSpans, YamlPositions

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Iterator

# How many nodes aliases may add to the document. A provider config has a few hundred nodes;
# the classic nine-level alias bomb would add a billion.
NODE_BUDGET = 100_000

# How deep collections may nest, directly or through aliases; it also keeps the recursive
# composer and builder far from Python's recursion limit.
MAX_DEPTH = 100

def load_yaml(raw: bytes, path: str) -> Document:
    """Parse one YAML document; never raises for bad input: a failure is ``Document.error``."""
    text = decode(raw, allow_bom=True)
    if isinstance(text, ParseError):
        # The text is only for showing the place; the error already says what is wrong.
        return _failed(path, raw.decode("utf-8", errors="replace"), text)
    spans = NodeSpans(text)
    try:
        root = _compose(text)
        if root is None or _is_blank(root):
            return _failed(path, text, ParseError("the file is empty", spans.at(0)))
        builder = _Builder(spans)
        data = builder.build_document(root)
    except _Failure as failure:
        return _failed(path, text, ParseError(failure.message, spans.of(failure.node)))
    except _SecondDocument as second:
        return _failed(path, text, ParseError(
            "expected a single YAML document, but the file holds more than one",
            spans.at(second.start, second.end),
        ))
    except MarkedYAMLError as exc:
        return _failed(path, text, _ruamel_error(exc, spans))
    except ReaderError as exc:
        return _failed(path, text, ParseError(reader_message(exc), spans.at(exc.position)))
    except Exception as exc:  # noqa: BLE001 - no input may surface as a traceback
        return _failed(path, text, ParseError(
            f"the YAML parser failed ({type(exc).__name__})", spans.at(0)
        ))
    index = builder.positions
    return Document(
        path, text, Format.YAML, data=data,
        has_duplicates=bool(index.duplicates), _index_factory=lambda: index,
    )


def _failed(path: str, text: str, error: ParseError) -> Document:
    return Document(path, text, Format.YAML, data=None, error=error)


def _ruamel_error(exc: MarkedYAMLError, spans: NodeSpans) -> ParseError:
    mark = exc.problem_mark or exc.context_mark
    if isinstance(exc, MaxDepthExceededError):
        message = f"nesting deeper than {MAX_DEPTH} levels"
    else:
        message = excerpted(str(exc.problem or exc.context or "invalid YAML").strip())
    if mark is None:
        return ParseError(message, spans.at(0))
    return ParseError(message, spans.at(mark.index))


# --- composing ---------------------------------------------------------------------------


class _Failure(Exception):
    """A document that composed but cannot become plain data; ``node`` is where it fails."""

    def __init__(self, message: str, node: Any) -> None:
        super().__init__(message)
        self.message = message
        self.node = node


class _SecondDocument(Exception):
    def __init__(self, start: int, end: int) -> None:
        super().__init__("second document")
        self.start, self.end = start, end


class _AliasNode:
    """One use of ``*anchor``: ruamel hands back the anchored node itself and forgets the use."""

    __slots__ = ("target", "anchor", "start_mark", "end_mark")

    def __init__(self, target: Any, anchor: str, start_mark: Any, end_mark: Any) -> None:
        self.target = target
        self.anchor = anchor
        self.start_mark = start_mark
        self.end_mark = end_mark


class _AliasKeepingComposer(Composer):
    def __init__(self, loader: Any = None) -> None:
        super().__init__(loader)
        self.warn_double_anchors = False  # a reused anchor is legal YAML: the later one wins

    def compose_node(self, parent: Any, index: Any) -> Any:
        if not self.parser.check_event(AliasEvent):
            return super().compose_node(parent, index)
        event = self.parser.get_event()
        if event.anchor not in self.anchors:
            raise ComposerError(None, None, f"found undefined alias {quoted_excerpt(event.anchor)}", event.start_mark)
        return _AliasNode(self.anchors[event.anchor], event.anchor, event.start_mark, event.end_mark)


class _ImplicitTag(Tag):
    """A tag resolved from a plain scalar's text, so that ``!!str yes`` is not mistaken for ``yes``."""


class _CoreResolver(VersionedResolver):
    """Plain scalars by the YAML 1.2 core schema; the parser still follows ``%YAML`` for syntax."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            return _IMPLICIT_TAGS[core_tag(value)]
        return super().resolve(kind, value, (False, False))


# Shared instances: a Tag decodes its URI character by character on first use.
_IMPLICIT_TAGS = {tag: _ImplicitTag(suffix=tag) for tag in (*CORE_PATTERN_OF, STR)}


def _compose(text: str) -> Any:
    """The root node of the only document in ``text``, or None when there is no document."""
    yaml = YAML(typ="safe", pure=True)
    yaml.Composer = _AliasKeepingComposer
    yaml.Resolver = _CoreResolver
    yaml.max_depth = MAX_DEPTH
    documents = yaml.compose_all(text)
    try:
        root = next(documents, None)
        if root is not None and yaml.composer.check_node():
            event = yaml.parser.peek_event()
            raise _SecondDocument(event.start_mark.index, event.end_mark.index)
        return root
    finally:
        documents.close()


def _is_blank(node: Any) -> bool:
    """A document with nothing in it (a bare ``---``), which reads as an empty file."""
    return (
        isinstance(node, ScalarNode)
        and isinstance(node.ctag, _ImplicitTag)
        and node.value == ""
        and node.start_mark.index == node.end_mark.index
    )


# --- building ----------------------------------------------------------------------------


def _children(node: Any) -> Iterator[Any]:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            yield key
            yield value
    elif isinstance(node, SequenceNode):
        yield from node.value


def _target(node: Any) -> Any:
    return node.target if isinstance(node, _AliasNode) else node


class _Member:
    """A mapping entry before it is built; ``via_alias`` when a merge took it from an anchor."""

    __slots__ = ("key", "value", "via_alias")

    def __init__(self, key: Any, value: Any, via_alias: bool) -> None:
        self.key, self.value, self.via_alias = key, value, via_alias


class _Builder:
    """Turns the composed node graph into plain data, filling the position index as it goes."""

    def __init__(self, spans: NodeSpans) -> None:
        self.spans = spans
        self.positions = YamlPositions()
        self.extents: dict[int, tuple[int, int]] = {}  # id(node) -> (nodes, depth) once expanded
        self.expanded = 0  # nodes added by aliases so far
        self.inside_alias = 0  # > 0 while building what an alias expanded to
        self.checked_mappings: set[int] = set()
        self.seen_scalars: set[int] = set()
        self.scalars: dict[int, Any] = {}  # id(node) -> value; aliases rebuild the same nodes

    def build_document(self, root: Any) -> Any:
        self._measure(root, set())
        return self._build(root, "", 1)

    # Sizes first: an alias is admitted or refused before any of its expansion is built.
    def _measure(self, node: Any, open_nodes: set[int]) -> tuple[int, int]:
        if isinstance(node, _AliasNode):
            if id(node.target) in open_nodes:
                raise _Failure(f"recursive alias *{excerpt(node.anchor)}: the anchor contains itself", node)
            return self.extents.get(id(node.target)) or self._measure(node.target, open_nodes)
        known = self.extents.get(id(node))
        if known is not None:
            return known
        open_nodes.add(id(node))
        size, depth = 1, 0
        for child in _children(node):
            child_size, child_depth = self._measure(child, open_nodes)
            size, depth = size + child_size, max(depth, child_depth)
        open_nodes.discard(id(node))
        self.extents[id(node)] = (size, depth + 1)
        return size, depth + 1

    def _admit(self, alias: _AliasNode, depth: int) -> None:
        size, alias_depth = self.extents[id(alias.target)]
        if depth + alias_depth - 1 > MAX_DEPTH:
            raise _Failure(f"nesting deeper than {MAX_DEPTH} levels through aliases", alias)
        if self.inside_alias:
            return  # the enclosing alias's size already counts this one
        self.expanded += size
        if self.expanded > NODE_BUDGET:
            raise _Failure(f"the document expands to more than {NODE_BUDGET} nodes through aliases", alias)

    def _build(self, node: Any, pointer: str, depth: int) -> Any:
        self.positions.values[pointer] = self.spans.of(node)
        if isinstance(node, _AliasNode):
            self._admit(node, depth)
            return self._through_alias(self._build_node, node.target, pointer, depth)
        return self._build_node(node, pointer, depth)

    def _through_alias(self, build: Callable[..., Any], *args: Any) -> Any:
        self.inside_alias += 1
        try:
            return build(*args)
        finally:
            self.inside_alias -= 1

    def _build_node(self, node: Any, pointer: str, depth: int) -> Any:
        if isinstance(node, MappingNode):
            self._require_tag(node, MAP, "mapping")
            return self._mapping(node, pointer, depth)
        if isinstance(node, SequenceNode):
            self._require_tag(node, SEQ, "sequence")
            return [self._build(item, join(pointer, i), depth + 1) for i, item in enumerate(node.value)]
        self._note_ambiguous(node, pointer, self.spans.of(node))
        return self._scalar(node)

    def _scalar(self, node: ScalarNode) -> Any:
        if id(node) not in self.scalars:
            try:
                self.scalars[id(node)] = scalar_value(node.tag, node.value)
            except ScalarError as exc:
                raise _Failure(str(exc), node) from None
        return self.scalars[id(node)]

    def _require_tag(self, node: Any, expected: str, kind: str) -> None:
        if node.tag != expected:
            raise _Failure(f"unsupported tag {shown_tag(node.tag)} on a {kind}", node)

    def _mapping(self, node: MappingNode, pointer: str, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, member in self._members(node, pointer, depth).items():
            member_pointer = join(pointer, key)
            key_span = self.spans.of(member.key)
            self.positions.keys[member_pointer] = key_span
            self._note_ambiguous(_target(member.key), member_pointer, key_span)
            if member.via_alias:  # the merging alias already paid for it in the budget
                result[key] = self._through_alias(self._build, member.value, member_pointer, depth + 1)
            else:
                result[key] = self._build(member.value, member_pointer, depth + 1)
        return result

    def _members(self, node: MappingNode, pointer: str, depth: int) -> dict[str, _Member]:
        """The entries of a mapping after merges: written keys win, then earlier merge sources."""
        written: dict[str, _Member] = {}
        merge_sources: list[Any] = []
        # A mapping reached again through an alias has had its duplicates reported already.
        report_duplicates = id(node) not in self.checked_mappings
        self.checked_mappings.add(id(node))
        for key_node, value_node in node.value:
            if _is_merge_key(key_node):
                merge_sources.append(value_node)
                continue
            key = self._key_text(key_node)
            if report_duplicates and key in written:
                self._record_duplicate(join(pointer, key), key, written[key].key, key_node)
            written.pop(key, None)  # the last occurrence wins, in its own place
            written[key] = _Member(key_node, value_node, via_alias=False)
        if not merge_sources:
            return written
        inherited: dict[str, _Member] = {}
        for source in merge_sources:
            for mapping, via_alias in self._merge_mappings(source, depth):
                if via_alias:
                    members = self._through_alias(self._members, mapping, pointer, depth)
                else:
                    members = self._members(mapping, pointer, depth)
                for key, member in members.items():
                    inherited.setdefault(key, _Member(member.key, member.value, via_alias or member.via_alias))
        return {**{k: m for k, m in inherited.items() if k not in written}, **written}

    def _merge_mappings(self, source: Any, depth: int) -> list[tuple[MappingNode, bool]]:
        """What ``<<`` takes, one mapping or a sequence of them, each with whether an alias gave it."""
        if isinstance(source, SequenceNode):
            self._require_tag(source, SEQ, "sequence")
            items = source.value
        else:
            items = [source]
        mappings = []
        for item in items:
            if isinstance(item, _AliasNode):
                self._admit(item, depth)
            mapping = _target(item)
            if not isinstance(mapping, MappingNode):
                raise _Failure("a merge key (<<) takes a mapping or a sequence of mappings", item)
            self._require_tag(mapping, MAP, "mapping")
            mappings.append((mapping, isinstance(item, _AliasNode)))
        return mappings

    def _key_text(self, key_node: Any) -> str:
        """Keys stay as written: ``1: x`` and ``true: x`` give the keys "1" and "true"."""
        node = _target(key_node)
        if not isinstance(node, ScalarNode):
            kind = "mapping" if isinstance(node, MappingNode) else "sequence"
            raise _Failure(f"a {kind} cannot be a mapping key; keys must be scalars", key_node)
        self._scalar(node)  # rejects unsupported tags and values their tag cannot read
        return node.value

    def _record_duplicate(self, pointer: str, key: str, first: Any, second: Any) -> None:
        self.positions.duplicates.append(
            DuplicateKey(pointer, key, first=self.spans.of(first), second=self.spans.of(second))
        )

    def _note_ambiguous(self, node: Any, pointer: str, span: Span) -> None:
        # An anchored scalar is built at every alias; its text needs reporting once.
        if id(node) in self.seen_scalars or not _reads_differently_in_yaml11(node):
            return
        self.seen_scalars.add(id(node))
        self.positions.ambiguous.append((pointer, span, node.value))


def _is_merge_key(node: Any) -> bool:
    return isinstance(node, ScalarNode) and node.tag == MERGE


def _reads_differently_in_yaml11(node: Any) -> bool:
    return (
        isinstance(node, ScalarNode)
        and node.style is None
        and isinstance(node.ctag, _ImplicitTag)
        and YAML11_DIFFERS.fullmatch(node.value) is not None
    )


__all__ = ["MAX_DEPTH", "NODE_BUDGET", "load_yaml"]
