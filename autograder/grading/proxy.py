"""The submission proxy: what tests call instead of the student's module.

``submission.correlate2d(X, K)`` sends plain data to the worker and returns a plain value
built in the trusted process. ``submission.last_call`` records what the worker observed
about the call (inputs it modified, results sharing memory with an input).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from autograder.grading.session import GradingSession
from autograder.sandbox.client import Keep
from autograder.sandbox.protocol import Handle, Strided
from autograder.sandbox.target import Target


@dataclass(frozen=True)
class CallRecord:
    function: str
    description: str
    mutated: tuple[int | str, ...]  # array arguments the call modified (position or name)
    aliased: tuple[int | str, ...]  # array arguments the result shares memory with


def describe_value(value: Any) -> str:
    if isinstance(value, Strided):
        view = value.view
        return f"{view.dtype} array of shape {view.shape} (non-contiguous)"
    if isinstance(value, np.ndarray):
        return f"{value.dtype} array of shape {value.shape}"
    if isinstance(value, Handle):
        return f"your {value.type_name}"
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, tuple | list) and len(value) <= 4:
        inner = ", ".join(describe_value(v) for v in value)
        return f"({inner})" if isinstance(value, tuple) else f"[{inner}]"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def describe_call(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    parts = [describe_value(a) for a in args]
    parts += [f"{k}={describe_value(v)}" for k, v in kwargs.items()]
    return f"{name}({', '.join(parts)})"


class SubmissionProxy:
    """Module-like access to the student's functions, every call run in the worker.

    ``submission.keep.lenet()`` leaves the result in the worker and returns a
    :class:`Handle` (for an ``nn.Module``, a data iterator); handles can be passed back as
    arguments, and ``submission.method(handle, "state_dict")`` calls a method on one. In a
    stage with ``grading.keep_objects``, results that are not plain data come back as
    handles on their own, so that tests read like calls to the module itself.
    ``submission.tools`` runs the stage's test helpers (``[grading] tools``) in the worker.
    """

    def __init__(self, session: GradingSession, keep: Keep | None = None) -> None:
        self._session = session
        auto: Keep = "auto" if session.config.grading.keep_objects else "plain"
        self._keep: Keep = keep or auto
        self.last_call: CallRecord | None = None

    @property
    def keep(self) -> SubmissionProxy:
        return SubmissionProxy(self._session, keep="handle")

    @property
    def tools(self) -> ToolsProxy:
        return ToolsProxy(self._session)

    def method(self, handle: Handle, name: str, *args: Any) -> Any:
        """Call ``handle.name(*args)`` in the worker; the result as plain data."""
        description = f"{handle.type_name}.{describe_call(name, args, {})}"
        return self._session.call(Target.method(handle, name), args, {}, description,
                                  keep=self._keep).value  # fmt: skip

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name.startswith("_"):
            raise AttributeError(name)

        def call(*args: Any, **kwargs: Any) -> Any:
            description = describe_call(name, args, kwargs)
            self.last_call = None
            result = self._session.call(Target.function(name), args, kwargs, description,
                                        keep=self._keep)  # fmt: skip
            self.last_call = CallRecord(
                name, description, tuple(result.mutated), tuple(result.aliased)
            )
            return result.value

        call.__name__ = name
        return call

    def __repr__(self) -> str:
        return f"<submission proxy for {self._session.config.module}>"


class ToolsProxy:
    """``tools.data_iter(images, labels)`` and the other helpers of the stage's ``[grading]
    tools`` module, run in the student's worker next to the student's objects;
    results that are not plain data stay there as handles."""

    def __init__(self, session: GradingSession) -> None:
        self._session = session

    def _names(self) -> set[str]:
        """The tools the stage's config names (a module beside the framework, imported by
        name: grading depends on no course module)."""
        module = self._session.config.grading.tools
        return set(importlib.import_module(module).TOOLS) if module else set()

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name.startswith("_") or name not in self._names():
            module = self._session.config.grading.tools or "none: [grading] tools is empty"
            raise AttributeError(f"this stage has no tool {name!r} (its tools module: {module})")

        def call(*args: Any, **kwargs: Any) -> Any:
            description = "the test helper " + describe_call(name, args, kwargs)
            return self._session.call(Target.tool(name), args, kwargs, description,
                                      keep="auto").value  # fmt: skip

        call.__name__ = name
        return call
