"""What one call runs in the worker: a student function, a method of a kept object, or one
of the stage's tools. Every call, whichever it is, takes the same road: its arguments are
stashed, the target runs on them, and the result is fetched."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from autograder.sandbox.protocol import Handle

Kind = Literal["function", "method", "tool"]


@dataclass(frozen=True)
class Target:
    name: str
    kind: Kind = "function"
    handle: int | None = None  # the kept object whose method runs

    @classmethod
    def function(cls, name: str) -> Target:
        """A function of the student's module."""
        return cls(name)

    @classmethod
    def method(cls, on: Handle, name: str) -> Target:
        """The method ``name`` of an object the worker keeps (student code too)."""
        return cls(name, "method", on.id)

    @classmethod
    def tool(cls, name: str) -> Target:
        """A trusted helper of the stage's tools module, run next to the student's objects."""
        return cls(name, "tool")

    @property
    def is_student_function(self) -> bool:
        return self.kind == "function"

    def wire(self) -> dict[str, Any]:
        """How the target travels to the worker."""
        return {"kind": self.kind, "name": self.name, "handle": self.handle}
