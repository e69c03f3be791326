"""The export formats, in words the window can use without loading TensorFlow (``export`` writes them)."""

from __future__ import annotations

FORMATS = ("savedmodel", "tflite", "keras", "onnx")


def default_suffix(format: str) -> str:
    """What an exported file's name ends in ("" for a SavedModel, which is a folder)."""
    return {"savedmodel": "", "tflite": ".tflite", "keras": ".keras", "onnx": ".onnx"}[checked_format(format)]


def onnx_available() -> bool:
    """True when the optional ONNX exporter and runtime are installed (``pip install 'digitpad[onnx]'``)."""
    from importlib.util import find_spec

    return find_spec("tf2onnx") is not None and find_spec("onnxruntime") is not None


def checked_format(format: str) -> str:
    if format not in FORMATS:
        raise ValueError(f"the export format must be one of {', '.join(FORMATS)}, got {format!r}")
    return format
