"""Safe YAML reading that remembers where every value came from.

PyYAML's composer gives nodes with positions; we build plain data from them
ourselves so that (a) every path in the data maps to a line and column, (b) only
standard tags construct values (no `!!python/object`), (c) aliases cannot expand
into a "billion laughs" bomb, and (d) duplicate keys are an error, not a silent
overwrite.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from checker.model.diagnostics import Code, Diagnostic, InputError

try:  # the C composer is several times faster; positions are identical
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

# What a document costs is what its aliases expand to: plain values are bounded by the file's
# size limit (a registry of 100,000 entities is a few hundred thousand of them), but an alias
# repeats a whole subtree, and a few lines of nested aliases ("billion laughs") expand to billions.
MAX_ALIAS_EXPANSION = 100_000  # values built again through aliases; no honest claim file needs one
MAX_NODES = 20_000_000  # a backstop far above what any file within the size limits holds
MAX_DEPTH = 64

DataPath = tuple[str | int, ...]
Position = tuple[int, int]  # 1-based line, column

_STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "str", "timestamp")
)
_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


@dataclass(frozen=True)
class YamlDocument:
    data: Any
    positions: dict[DataPath, Position]

    def position(self, path: DataPath) -> Position:
        """Position of the deepest known node on the path (a missing key points at its parent)."""
        for cut in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:cut]))
            if found is not None:
                return found
        return (1, 1)


def parse_yaml(text: str, path: str) -> YamlDocument:
    """Parse one YAML document into plain data (dict, list, str, int, float, bool, None)."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = error.problem or error.context or "invalid YAML"
        lines = text.splitlines()
        tabbed = 0 < line <= len(lines) and "\t" in lines[line - 1]
        hint = ("YAML indents with spaces, never tabs: replace the tabs on this line" if tabbed
                else "check indentation, colons and quotes around this line")
        raise InputError(Diagnostic(path, line, column, Code.YAML_SYNTAX, f"YAML syntax error: {problem}", hint)) from None
    except yaml.YAMLError as error:
        raise InputError(
            Diagnostic(path, 1, 1, Code.YAML_SYNTAX, f"YAML cannot be read: {error}", "save the file as plain YAML")
        ) from None
    if node is None:
        return YamlDocument(None, {(): (1, 1)})
    builder = _Builder(path)
    data = builder.build(node, (), 0)
    return YamlDocument(data, builder.positions)


class _Builder:
    def __init__(self, path: str) -> None:
        self.path = path
        self.positions: dict[DataPath, Position] = {}
        self.visited = 0
        self.expanded = 0  # values built a second time, through an alias
        self.seen: set[int] = set()
        self.inside_alias = 0
        self.constructor = SafeConstructor()

    def fail(self, node: Node, message: str, hint: str, code: Code = Code.YAML_FORBIDDEN) -> InputError:
        mark = node.start_mark
        return InputError(Diagnostic(self.path, mark.line + 1, mark.column + 1, code, message, hint))

    def build(self, node: Node, path: DataPath, depth: int) -> Any:
        repeated = id(node) in self.seen
        self.seen.add(id(node))
        self.inside_alias += repeated
        try:
            return self._build(node, path, depth)
        finally:
            self.inside_alias -= repeated

    def _build(self, node: Node, path: DataPath, depth: int) -> Any:
        self.visited += 1
        self.expanded += self.inside_alias > 0
        if self.expanded > MAX_ALIAS_EXPANSION or self.visited > MAX_NODES:
            line, column = self.positions.get(path[:1], (1, 1))  # the entry that expands, not the anchor
            raise InputError(Diagnostic(self.path, line, column, Code.YAML_FORBIDDEN,
                                        f"aliases expand the document by more than {MAX_ALIAS_EXPANSION:,} values",
                                        "remove anchors and aliases (&name / *name); write values out"))
        if depth > MAX_DEPTH:
            raise self.fail(node, f"nesting deeper than {MAX_DEPTH} levels", "flatten the structure")
        self.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, MappingNode):
            return self.build_mapping(node, path, depth)
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ_TAG:
                raise self.fail(node, *_tag_refused(node.tag))
            return [self.build(item, (*path, index), depth + 1) for index, item in enumerate(node.value)]
        return self.build_scalar(node)

    def build_mapping(self, node: MappingNode, path: DataPath, depth: int) -> dict[str, Any]:
        if node.tag != _MAP_TAG:
            raise self.fail(node, *_tag_refused(node.tag))
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.fail(key_node, "merge keys (<<) are not allowed", "write the keys out")
            key = self.build_scalar(key_node) if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str):
                raise self.fail(key_node, "keys must be plain text", "quote the key or rename it")
            if key in result:
                raise self.fail(key_node, f"key {key!r} appears twice in the same mapping",
                                "keep one of them; YAML would silently drop the first")
            result[key] = self.build(value_node, (*path, key), depth + 1)
        return result

    def build_scalar(self, node: ScalarNode) -> Any:
        if node.tag == _STR_TAG:  # most values: the constructor would return the node's text as it is
            return node.value
        if node.tag not in _STANDARD_TAGS:
            raise self.fail(node, *_tag_refused(node.tag))
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (ConstructorError, ValueError, OverflowError) as error:
            raise self.fail(node, f"value cannot be read: {error}", "write a real date or number, or quote it as text",
                            Code.VALUE) from None
        if isinstance(value, dt.datetime):
            return value.isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        return value


def _tag_refused(tag: str) -> tuple[str, str]:
    return f"tag {tag} is not allowed", "claim files hold plain text, numbers, lists and mappings only: remove the tag"
