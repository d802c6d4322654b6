"""Where a pydantic error points: its ``loc`` turned into data tokens, read against the models.

A ``loc`` mixes data keys with parts that are not in the data: the tag of the union branch
that was tried (``string``/``object`` for an EnvVar) and ``[key]`` for an error on a map key.
Walking the loc together with the model types tells the two apart without guessing, and
yields what the message needs: the model that owns the member and the type expected there.
"""

from __future__ import annotations

import types
from typing import Annotated, Any, Literal, Optional, Union, get_args, get_origin

from pydantic import BaseModel, Tag

from provlint.structure.wording import Step, Where

MAP_KEY_PART = "[key]"


def _strip_annotated(tp: Any) -> Any:
    while get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    return tp


def _is_union(tp: Any) -> bool:
    return get_origin(tp) in (Union, types.UnionType)


def _tag_of(member: Any) -> Optional[str]:
    if get_origin(member) is Annotated:
        for meta in get_args(member)[1:]:
            if isinstance(meta, Tag):
                return meta.tag
    return None


def non_null(tp: Any) -> tuple[Any, bool]:
    """``tp`` without Annotated wrappers and without an Optional's None; and whether it was Optional."""
    tp = _strip_annotated(tp)
    if _is_union(tp):
        members = [m for m in get_args(tp) if m is not type(None)]
        if len(members) == 1 and len(members) < len(get_args(tp)):
            return _strip_annotated(members[0]), True
    return tp, False


def tagged_members(tp: Any) -> dict[str, Any]:
    """The branches of a tagged union by tag; empty for anything else."""
    tp, _ = non_null(tp)
    if not _is_union(tp):
        return {}
    tags = {_tag_of(m): m for m in get_args(tp)}
    return {} if None in tags else tags


def is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def wire_fields(model: type[BaseModel]) -> dict[str, Any]:
    """The model's fields by the name they have in documents."""
    return {(info.alias or name): info for name, info in model.model_fields.items()}


def locate(root: type[BaseModel], loc: tuple[str | int, ...]) -> Where:
    """Read a pydantic error ``loc`` against the model types, starting at ``root``."""
    expected: Any = root
    owner: Optional[type[BaseModel]] = None  # the model whose member the last model step names
    steps: list[Step] = []
    on_key = False
    map_type: Any = None  # the dict type the last map step was taken from
    for part in loc:
        tagged = tagged_members(expected)
        if tagged and part in tagged:
            expected = tagged[part]  # the union branch tried: not a data key
            continue
        if part == MAP_KEY_PART and steps and steps[-1].container == "map":
            on_key = True  # follows the key it is about: the error is on that key
            expected = get_args(map_type)[0]
            continue
        base, _ = non_null(expected)
        origin = get_origin(base)
        if is_model(base):
            owner = base
            info = wire_fields(base).get(part)
            steps.append(Step(part, "model"))
            # FieldInfo keeps the union tags on the members, which is all the walk needs.
            expected = info.annotation if info is not None else None
        elif origin is dict:
            steps.append(Step(part, "map"))
            map_type, expected = base, get_args(base)[1]
        elif origin is list:
            steps.append(Step(part, "list"))
            expected = get_args(base)[0]
        else:
            steps.append(Step(part, "value"))
            expected = None
    owner_fields = tuple(wire_fields(owner)) if owner is not None else None
    return Where(tuple(steps), owner_fields, literal_values(expected), non_null(expected)[1], on_key)


def literal_values(tp: Any) -> tuple[Any, ...]:
    """The allowed values when ``tp`` is a Literal (possibly Optional), else ()."""
    base, _ = non_null(tp)
    return get_args(base) if get_origin(base) is Literal else ()
