"""Stage 5: how fast does the reference LeNet train, and how fast can LeNet train here?

Prints one Markdown table, every row measured in this run on the same data:

- ``book``: the reference ``train`` (the student API: a ``DataLoader``, one batch at a time
  moved to the device) at the book's settings: the classic sigmoid LeNet, batch 256, lr 0.9;
- ``reference, modern``: the same loop with ``lenet(modern=True)``, lr 0.1 (what grading
  uses, at batch 256);
- ``fast ...``: a loop for throughput: the whole data set kept on the device, batches cut
  by indexing a random permutation, a one-cycle learning rate (warm-up, then annealing),
  larger batches, and optionally bfloat16 autocast (``amp``), ``channels_last`` and
  ``torch.compile`` (on CUDA ``mode="max-autotune-no-cudagraphs"`` or ``"reduce-overhead"``,
  i.e. CUDA graphs). The optimiser is SGD with Nesterov momentum at batch 256 and AdamW
  above: measured on the CPU (60,000 images, 10 epochs), SGD at batch 4096 falls back to
  chance at every peak rate tried (0.1-1.6), while AdamW at 0.01 reaches 0.989, as the
  reference does at batch 256; batch 16384 (3 steps an epoch) needs twice the epochs.

The data: the kit's 1,437 training digits, tiled to ``--images`` with random shifts of up
to 2 pixels (so throughput is measured on an MNIST-sized epoch); accuracy is measured on
the 360 held-out digits. Images/s counts training images per second of wall time after the
first epoch (which pays for compilation and warm-up; its time is shown separately).

Usage: python benchmarks/lenet_throughput.py [--device cuda] [--images 60000] [--epochs 10]
       [--only book,fast-4096-amp]
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from autograder.lab import datasets  # noqa: E402


def reference() -> Any:
    spec = importlib.util.spec_from_file_location("lenet_ref", ROOT / "solutions/cnnlab/lenet.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Config:
    name: str
    batch: int
    lr: float
    fast: bool = False  # the on-device loop instead of the reference train
    modern: bool = True
    amp: bool = False
    channels_last: bool = False
    compile_mode: str | None = None
    optimizer: str = "sgd"  # or "adamw"
    epochs_factor: int = 1  # very large batches take few steps an epoch: train for longer


@dataclass
class Row:
    config: Config
    images_per_sec: float
    first_epoch_s: float
    total_s: float
    accuracy: float
    epochs: int


def make_data(n_images: int, seed: int = 0) -> tuple[np.ndarray, ...]:
    images, labels = datasets.load_digits28(ROOT)
    (train_x, train_y), (test_x, test_y) = datasets.split(images, labels, 0.2, seed=seed)
    rng = np.random.default_rng(seed)
    copies = math.ceil(n_images / len(train_y))
    parts = []
    for _ in range(copies):
        dy, dx = rng.integers(-2, 3, size=2)
        parts.append(np.roll(train_x, (int(dy), int(dx)), axis=(2, 3)))
    big_x = np.concatenate(parts)[:n_images]
    big_y = np.tile(train_y, copies)[:n_images]
    return big_x, big_y, test_x, test_y


def sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def run_reference(lab: Any, config: Config, data: tuple[np.ndarray, ...], epochs: int,
                  device: torch.device) -> Row:  # fmt: skip
    train_x, train_y, test_x, test_y = data
    torch.manual_seed(0)
    net = lab.lenet(modern=config.modern)
    started = time.perf_counter()
    history = lab.train(
        net, datasets.data_iters(train_x, train_y, config.batch, seed=0),
        datasets.data_iters(test_x, test_y, 1024, shuffle=False), epochs, config.lr, device,
    )  # fmt: skip
    total = time.perf_counter() - started
    rates = history["examples_per_sec"]
    steady = rates[1:] or rates
    first = len(train_y) / rates[0]
    return Row(config, float(np.mean(steady)), first, total, history["test_acc"][-1], epochs)


Step = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]


def fast_step(net: torch.nn.Module, optimizer: torch.optim.Optimizer, config: Config,
              device: torch.device) -> Step:  # fmt: skip
    """One SGD step; the network (forward and backward) compiled when asked, the optimizer
    left eager so that the learning-rate schedule never triggers a recompilation."""
    model = torch.compile(net, mode=config.compile_mode) if config.compile_mode else net

    def step(X: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=config.amp):
            loss = F.cross_entropy(model(X), y)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        return loss.detach()

    return step


def run_fast(lab: Any, config: Config, data: tuple[np.ndarray, ...], epochs: int,
             device: torch.device) -> Row:  # fmt: skip
    train_x, train_y, test_x, test_y = data
    torch.manual_seed(0)
    net = lab.lenet(modern=config.modern)
    for module in net.modules():
        if isinstance(module, torch.nn.Linear | torch.nn.Conv2d):
            torch.nn.init.xavier_uniform_(module.weight)
    memory_format = torch.channels_last if config.channels_last else torch.contiguous_format
    net.to(device, memory_format=memory_format)
    X = torch.from_numpy(train_x).to(device).contiguous(memory_format=memory_format)
    y = torch.from_numpy(train_y).to(device)
    n, batch = len(y), config.batch
    fused = {"fused": True} if device.type == "cuda" else {}
    optimizer: torch.optim.Optimizer
    if config.optimizer == "adamw":
        optimizer = torch.optim.AdamW(net.parameters(), lr=config.lr, **fused)
    else:
        optimizer = torch.optim.SGD(net.parameters(), lr=config.lr, momentum=0.9,
                                    nesterov=True, **fused)  # fmt: skip
    epochs *= config.epochs_factor
    # large batches want a large learning rate: warm up over the first epoch, then anneal
    schedule = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=config.lr, total_steps=epochs * (n // batch), pct_start=0.15
    )
    step = fast_step(net, optimizer, config, device)
    epoch_times = []
    started = time.perf_counter()
    for _ in range(epochs):
        net.train()
        sync(device)
        epoch_start = time.perf_counter()
        order = torch.randperm(n, device=device)
        for start in range(0, n - batch + 1, batch):  # full batches only: static shapes
            index = order[start : start + batch]
            step(X[index], y[index])
            schedule.step()
        sync(device)
        epoch_times.append(time.perf_counter() - epoch_start)
    total = time.perf_counter() - started
    trained = (n // batch) * batch
    steady = epoch_times[1:] or epoch_times
    net.eval()
    with torch.no_grad():
        logits = net(torch.from_numpy(test_x).to(device).contiguous(memory_format=memory_format))
        accuracy = float((logits.argmax(1).cpu() == torch.from_numpy(test_y)).float().mean())
    return Row(config, trained * len(steady) / sum(steady), epoch_times[0], total, accuracy,
               epochs)  # fmt: skip


def configs(device: torch.device) -> list[Config]:
    cuda = device.type == "cuda"
    out = [
        Config("book (classic, DataLoader)", 256, 0.9, modern=False),
        Config("reference, modern (DataLoader)", 256, 0.1),
        Config("fast-256", 256, 0.05, fast=True),
        Config("fast-1024", 1024, 0.01, fast=True, optimizer="adamw"),
    ]
    if cuda:
        big = {"fast": True, "optimizer": "adamw", "amp": True, "channels_last": True}
        out += [
            Config("fast-4096", 4096, 0.01, fast=True, optimizer="adamw"),
            Config("fast-4096-amp", 4096, 0.01, **big),
            Config("fast-4096-amp-compile", 4096, 0.01, **big,
                   compile_mode="max-autotune-no-cudagraphs"),
            Config("fast-4096-amp-cudagraphs", 4096, 0.01, **big, compile_mode="reduce-overhead"),
            Config("fast-16384-amp-cudagraphs", 16384, 0.01, **big,
                   compile_mode="reduce-overhead", epochs_factor=2),
        ]  # fmt: skip
    else:
        out += [  # bfloat16 autocast pays on CPUs with AMX or AVX-512 BF16
            Config("fast-1024-amp", 1024, 0.01, fast=True, optimizer="adamw", amp=True,
                   channels_last=True),
            Config("fast-1024-compile", 1024, 0.01, fast=True, optimizer="adamw",
                   compile_mode="default"),
        ]  # fmt: skip
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default=None, help="cpu, cuda, mps (default: try_gpu())")
    parser.add_argument("--images", type=int, default=None, help="training images per epoch")
    parser.add_argument("--epochs", type=int, default=None)
    parser.add_argument("--only", default="", help="comma-separated config names")
    args = parser.parse_args()
    lab = reference()
    device = torch.device(args.device) if args.device else lab.try_gpu()
    gpu = device.type != "cpu"
    images = args.images or (60_000 if gpu else 20_000)
    epochs = args.epochs or (10 if gpu else 5)
    data = make_data(images)
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else device.type
    print(f"device: {name}; torch {torch.__version__}; threads {torch.get_num_threads()}; "
          f"{images:,} training images x {epochs} epochs; "
          "accuracy on 360 held-out digits\n")  # fmt: skip
    print("| configuration | batch | epochs | images/s | vs book | first epoch (s) | total (s) "
          "| held-out accuracy |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    book: float | None = None
    wanted = {w.strip() for w in args.only.split(",") if w.strip()}
    for config in configs(device):
        if wanted and config.name not in wanted and not config.name.startswith("book"):
            continue
        try:
            run = run_fast if config.fast else run_reference
            row = run(lab, config, data, epochs, device)
        except Exception as exc:  # noqa: BLE001 - e.g. no compiler for torch.compile
            print(f"| {config.name} | {config.batch} | | failed: {type(exc).__name__}: "
                  f"{str(exc).splitlines()[0][:80]} | | | | |")  # fmt: skip
            continue
        book = book or row.images_per_sec
        print(f"| {config.name} | {config.batch} | {row.epochs} | {row.images_per_sec:,.0f} | "
              f"{row.images_per_sec / book:.1f}x | {row.first_epoch_s:.2f} | "
              f"{row.total_s:.1f} | {row.accuracy:.3f} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
