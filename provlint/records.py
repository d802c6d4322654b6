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
instance ``__dict__`` (``cached_property``, below) puts ``"__dict__"`` in its slots.

A record pickles as its class and its fields' values, rebuilt by ``__init__`` (what a worker
process sends back, ``provlint.workers``): the default for a class with slots pickles a dict of
them per object and restores it attribute by attribute, and loaded twice as slowly (3,392
diagnostics of 1,000 heavy files: 26 ms to dump and 16 ms to load, against 15 and 7). What an
instance ``__dict__`` holds is a cache and is not sent.
"""

from __future__ import annotations

from operator import attrgetter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

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
        # Static: the class attribute is called with the record itself (a bare function would bind).
        cls._compared_values = staticmethod(_values_of(compared))
        cls._shown = tuple(name for name in cls._fields if name not in cls._not_shown)
        cls._field_values = staticmethod(_values_of(cls._fields))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._compared_values(self) == other._compared_values(other)

    def __hash__(self) -> int:
        return hash(self._compared_values(self))

    def __reduce__(self) -> tuple:
        return self.__class__, self._field_values(self)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
        return f"{self.__class__.__qualname__}({shown})"


def _no_values(record: Record) -> tuple:
    return ()


def _values_of(fields: tuple) -> Callable[[Record], tuple]:
    """A function giving a record's values of ``fields`` as a tuple (attrgetter of one name
    gives the bare value)."""
    if len(fields) > 1:
        return attrgetter(*fields)
    if fields:
        get = attrgetter(fields[0])
        return lambda record: (get(record),)
    return _no_values


class cached_property:
    """``functools.cached_property`` without the lock Python 3.10 and 3.11 take on every first
    read (3.12 dropped it): computed on the first read, then kept in the instance ``__dict__``,
    where later reads find it without calling this. A clean file's rule context fills about
    ten of these, and the lock doubled each first read (0.53 us against 0.27)."""

    def __init__(self, func: Callable) -> None:
        self.func = func
        self.attrname = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.attrname = name

    def __get__(self, instance: object, owner: type = None):
        if instance is None:
            return self
        value = instance.__dict__[self.attrname] = self.func(instance)
        return value


def replace(record: Record, /, **changes):
    """A copy of ``record`` with ``changes`` (``dataclasses.replace`` for records); a name that
    is no field is a TypeError, as there."""
    values = {name: getattr(record, name) for name in record._fields}
    unknown = changes.keys() - values.keys()
    if unknown:
        raise TypeError(f"{record.__class__.__qualname__} has no field {sorted(unknown)[0]!r}")
    values.update(changes)
    return record.__class__(**values)

