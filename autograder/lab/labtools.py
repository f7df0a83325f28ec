"""Helpers that the stage-5 tests run next to the student's code: the ``tools`` fixture.

While grading, ``tools.data_iter(images, labels)`` runs *in the sandboxed worker*, so the
data iterator (a PyTorch object) stays there and the test holds a handle to it; the test
then passes that handle to ``submission.train``. When students run the public tests
themselves, the same functions run in their own process (``cnngrade release`` copies this
file into the template as ``tests/labtools.py``). So one test file works in both places.

The functions take plain data (NumPy arrays, numbers, strings) and objects such as an
``nn.Module``; what they return is plain data, or an object that stays where it was made.
This module imports only NumPy at import time; torch is imported when a tool runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

try:  # the course kit; in a student template the same code is cnnlab/data.py
    from autograder.lab.datasets import data_iters
except ImportError:  # pragma: no cover - exercised in the student template
    from cnnlab.data import data_iters  # type: ignore[no-redef,import-not-found]

#: where the tensors went: ("model" | "X" | "y", device) in call order, read by device_log()
_LOG: list[tuple[str, str]] = []


def _torch() -> Any:
    import torch

    return torch


# -- data ------------------------------------------------------------------------------------


def data_iter(images: np.ndarray, labels: np.ndarray, batch_size: int = 64,
              shuffle: bool = False, seed: int = 0) -> Any:  # fmt: skip
    """A ``DataLoader`` over the arrays (float32 images, int64 labels), seeded."""
    images = np.ascontiguousarray(images, dtype=np.float32)
    labels = np.ascontiguousarray(labels, dtype=np.int64)
    return data_iters(images, labels, int(batch_size), shuffle=bool(shuffle), seed=int(seed))


class TracedIter:
    """A data iterator whose batches note every move to a device in the device log."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.batches = 0

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        batch_class = _batch_class()
        for X, y in self.inner:
            self.batches += 1
            yield _tag(X.as_subclass(batch_class), "X"), _tag(y.as_subclass(batch_class), "y")

    def __len__(self) -> int:
        return len(self.inner)

    def __getattr__(self, name: str) -> Any:  # .dataset, .batch_size, ... of the DataLoader
        return getattr(self.inner, name)


def traced_iter(images: np.ndarray, labels: np.ndarray, batch_size: int = 64) -> TracedIter:
    """Like :func:`data_iter` (not shuffled), but every ``.to(device)`` of a batch is noted."""
    return TracedIter(data_iter(images, labels, batch_size))


def batches_served(iterator: TracedIter) -> int:
    return iterator.batches


def _tag(tensor: Any, role: str) -> Any:
    tensor._cnngrade_role = role
    return tensor


_BATCH_CLASS: Any = None


def _batch_class() -> Any:
    """A tensor subclass that logs ``.to()``/``.cuda()``/``.cpu()`` and otherwise behaves as
    a plain tensor: every result, including that of the move itself, is a plain tensor."""
    global _BATCH_CLASS
    if _BATCH_CLASS is not None:
        return _BATCH_CLASS
    torch = _torch()

    class TracedBatch(torch.Tensor):  # type: ignore[misc,name-defined]
        @classmethod
        def __torch_function__(cls, func: Any, types: Any, args: Any = (), kwargs: Any = None):  # type: ignore[no-untyped-def]
            kwargs = kwargs or {}
            name = getattr(func, "__name__", "")
            if name in ("to", "cuda", "cpu") and args and isinstance(args[0], cls):
                target = _target(name, args[1:], kwargs)
                if target is not None:
                    _LOG.append((getattr(args[0], "_cnngrade_role", "?"), target))
            with torch._C.DisableTorchFunctionSubclass():
                result = func(*args, **kwargs)
                if isinstance(result, cls):
                    result = torch.Tensor.as_subclass(result, torch.Tensor)
            return result

    _BATCH_CLASS = TracedBatch
    return TracedBatch


def _target(method: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str | None:
    """The device type a ``.to``/``.cuda``/``.cpu`` call moves to (None: a dtype change)."""
    torch = _torch()
    if method == "cpu":
        return "cpu"
    if method == "cuda":
        return "cuda"
    if args and isinstance(args[0], torch.Tensor):  # .to(other_tensor)
        return str(args[0].device.type)
    try:
        device = torch._C._nn._parse_to(*args, **kwargs)[0]
    except (TypeError, RuntimeError):
        return None
    return None if device is None else str(device.type)


def watch(net: Any) -> None:
    """Note every ``net.to(...)`` / ``net.cuda()`` / ``net.cpu()`` in the device log."""
    for method in ("to", "cuda", "cpu"):
        original = getattr(net, method)

        def moved(*args: Any, _method: str = method, _original: Any = original, **kwargs: Any):  # type: ignore[no-untyped-def]
            target = _target(_method, args, kwargs)
            if target is not None:
                _LOG.append(("model", target))
            return _original(*args, **kwargs)

        object.__setattr__(net, method, moved)


def device_log() -> list[list[str]]:
    """The moves noted since the last call, oldest first, as ``[what, device type]``."""
    entries = [list(entry) for entry in _LOG]
    _LOG.clear()
    return entries


# -- devices ---------------------------------------------------------------------------------


def device(name: str) -> Any:
    """``torch.device(name)``."""
    return _torch().device(str(name))


def device_type(value: Any) -> str:
    """``"cpu"``, ``"cuda"``, ``"mps"``, ... of a device (or of a device's name)."""
    return str(_torch().device(value).type)


def accelerator() -> str:
    """What ``try_gpu`` should find here: ``"cuda"``, else ``"mps"``, else ``"cpu"``."""
    torch = _torch()
    if torch.cuda.is_available():
        return "cuda"
    mps = getattr(torch.backends, "mps", None)
    return "mps" if mps is not None and mps.is_available() else "cpu"


def parameter_devices(net: Any) -> list[str]:
    """The device types the network's parameters live on."""
    return sorted({str(p.device.type) for p in net.parameters()})


# -- networks --------------------------------------------------------------------------------


def is_module(value: Any) -> bool:
    return isinstance(value, _torch().nn.Module)


def parameter_count(net: Any) -> int:
    return int(sum(p.numel() for p in net.parameters()))


def parameters(net: Any) -> list[np.ndarray]:
    """The network's parameters in registration order, as float64 arrays."""
    return [p.detach().cpu().double().numpy() for p in net.parameters()]


def forward(net: Any, images: np.ndarray) -> np.ndarray:
    """The network's outputs for ``images``, in evaluation mode, without gradients."""
    torch = _torch()
    first = next(iter(net.parameters()), None)
    where = first.device if first is not None else torch.device("cpu")
    net.eval()
    with torch.no_grad():
        out = net(torch.from_numpy(np.ascontiguousarray(images, dtype=np.float32)).to(where))
    return np.asarray(out.detach().cpu().double().numpy())


def constant_net(label: int, classes: int = 10) -> Any:
    """An ``nn.Module`` that predicts ``label`` for every image (one dummy parameter)."""
    torch = _torch()

    class Constant(torch.nn.Module):  # type: ignore[misc,name-defined]
        def __init__(self) -> None:
            super().__init__()
            self.bias = torch.nn.Parameter(torch.zeros(classes))
            self.bias.data[int(label)] = 1.0

        def forward(self, X: Any) -> Any:
            return self.bias.expand(X.shape[0], classes)

    return Constant()


#: what the worker lets a test call (by name); nothing else in this module is reachable
TOOLS = {
    fn.__name__: fn
    for fn in (
        data_iter, traced_iter, batches_served, watch, device_log, device, device_type,
        accelerator, parameter_devices, is_module, parameter_count, parameters, forward,
        constant_net,
    )
}  # fmt: skip
