"""Plain records for the lint path: what ``@dataclass`` gave it, without its start-up cost.

Every ``provlint check`` defines these classes before it reads a byte. ``@dataclass`` writes
each class's methods with ``exec`` (about 0.8 ms a frozen class on the 2-core machine, and
importing ``dataclasses`` pulls in ``inspect``: 8 ms more); a class with ``__slots__`` and a
hand-written ``__init__`` costs about 0.01 ms. So a record lists its fields in ``__slots__``
(in the order of its ``__init__``'s parameters, which are named as the fields) and assigns
them in ``__init__``; ``Record`` gives it what a frozen dataclass had: equality and hashing
over the fields, a ``Name(field=value, ...)`` repr, and ``replace``.

A record is immutable by convention: nothing assigns to a field after ``__init__``
(``replace`` makes a changed copy). One that is built up or holds caches says so and sets
``__hash__ = None``, as a mutable dataclass is unhashable. A field can be left out of equality
and hashing (``_not_compared``) or of the repr (``_not_shown``). A record whose class needs an
instance ``__dict__`` (``functools.cached_property``) puts ``"__dict__"`` in its slots.
"""

from __future__ import annotations

from operator import attrgetter

_NOT_FIELDS = ("__dict__", "__weakref__")


class Record:
    __slots__ = ()
    _fields: tuple = ()  # every field, in __init__'s order (set for each subclass)
    _not_compared: tuple = ()
    _not_shown: tuple = ()

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if "_fields" not in cls.__dict__:
            cls._fields = tuple(
                name for klass in reversed(cls.__mro__) for name in klass.__dict__.get("__slots__", ())
                if name not in _NOT_FIELDS
            )
        compared = tuple(name for name in cls._fields if name not in cls._not_compared)
        # attrgetter is no descriptor: the class attribute is called with the record itself.
        cls._compared_values = attrgetter(*compared) if compared else _no_values
        cls._shown = tuple(name for name in cls._fields if name not in cls._not_shown)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._compared_values(self) == other._compared_values(other)

    def __hash__(self) -> int:
        return hash(self._compared_values(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
        return f"{self.__class__.__qualname__}({shown})"


def _no_values(record: Record) -> tuple:
    return ()


def replace(record: Record, /, **changes):
    """A copy of ``record`` with ``changes`` (``dataclasses.replace`` for records); a name that
    is no field is a TypeError, as there."""
    values = {name: getattr(record, name) for name in record._fields}
    unknown = changes.keys() - values.keys()
    if unknown:
        raise TypeError(f"{record.__class__.__qualname__} has no field {sorted(unknown)[0]!r}")
    values.update(changes)
    return record.__class__(**values)

