"""``try_gpu`` compares the GPU count with ``>= i``: with no GPU at all, ``try_gpu()``
returns ``cuda:0``.

Where real code does this: d2l's ``try_gpu`` tests ``torch.cuda.device_count() >= i + 1``;
rewritten from memory as ``>= i``, it claims GPU 0 exists whenever the count is 0, and
the first ``.to(device)`` then fails with "Torch not compiled with CUDA enabled".
"""

BREAKS = "try_gpu"
LOSES = ["test_try_gpu"]
HINT = "device_count() > i"


def try_gpu(i=0):
    if torch.cuda.device_count() >= i:
        return torch.device(f"cuda:{i}")
    if torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")
