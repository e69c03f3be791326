"""What TensorFlow can compute on, and which device training uses."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Device:
    name: str  # TensorFlow's logical name, e.g. "/GPU:0"
    kind: str  # "GPU" or "CPU"
    description: str  # what a person reads, e.g. "NVIDIA A100 (40 GB)"
    cores: int | None = None  # a CPU's cores (the window says "CPU (2 cores)" in its own language)


def list_devices() -> list[Device]:
    """Each GPU TensorFlow sees (by name and memory where known), then the CPU."""
    import tensorflow as tf

    devices = []
    for index, gpu in enumerate(tf.config.list_physical_devices("GPU")):
        details = {}
        try:
            details = tf.config.experimental.get_device_details(gpu)
        except (ValueError, RuntimeError):
            pass
        label = details.get("device_name", gpu.name)
        memory = _gpu_memory_text(index)
        devices.append(Device(f"/GPU:{index}", "GPU", f"{label}{memory}"))
    cores = _cpu_count()
    devices.append(Device("/CPU:0", "CPU", f"CPU ({cores} cores)", cores))
    return devices


def pick_device(requested: str | None = None) -> str:
    """The requested device if TensorFlow has it, else the first GPU, else the CPU."""
    available = [device.name for device in list_devices()]
    if requested:
        normalised = requested if requested.startswith("/") else f"/{requested}"
        normalised = normalised.upper().replace("/DEVICE:", "/")
        if normalised not in available:
            raise ValueError(f"device {requested} is not available; TensorFlow sees {', '.join(available)}")
        return normalised
    return available[0]


def _gpu_memory_text(index: int) -> str:
    """Total memory of GPU ``index`` from nvidia-smi, or "" where it cannot tell (TensorFlow does not say)."""
    import shutil
    import subprocess

    if shutil.which("nvidia-smi") is None:
        return ""
    try:
        output = subprocess.run(
            ["nvidia-smi", f"--id={index}", "--query-gpu=memory.total", "--format=csv,noheader,nounits"],
            capture_output=True, text=True, timeout=3, check=True,
        ).stdout.strip()
        return f" ({int(output) / 1024:.0f} GB)"
    except (OSError, subprocess.SubprocessError, ValueError):
        return ""


def _cpu_count() -> int:
    import os

    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
