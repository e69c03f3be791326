"""Colour scales for activations and kernels, as 256-entry lookup tables and QImage helpers."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QImage

# The answer when the network is sure of it, and when it is not (chart, number, digit boxes).
WINNER_COLOUR = QColor("#1f77d0")
UNSURE_COLOUR = QColor("#d08a1f")

# Anchors of matplotlib's "magma" (dark = 0, bright = high activation) and a blue–white–red diverging scale.
_MAGMA = [(0, 0, 4), (40, 11, 84), (101, 21, 110), (159, 42, 99), (212, 72, 66), (245, 125, 21), (250, 193, 39),
          (252, 253, 191)]
_DIVERGING = [(33, 102, 172), (103, 169, 207), (209, 229, 240), (247, 247, 247), (253, 219, 199), (239, 138, 98),
              (178, 24, 43)]


def _lookup(anchors: list[tuple[int, int, int]]) -> np.ndarray:
    anchors_array = np.asarray(anchors, np.float64)
    positions = np.linspace(0, 255, len(anchors))
    table = np.stack([np.interp(np.arange(256), positions, anchors_array[:, c]) for c in range(3)], axis=1)
    rgb = table.round().astype(np.uint32)
    return (0xFF000000 | (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]).astype(np.uint32)


MAGMA = _lookup(_MAGMA)
DIVERGING = _lookup(_DIVERGING)


def to_qimage(levels: np.ndarray, table: np.ndarray = MAGMA) -> QImage:
    """A uint8 2-D array of levels 0..255 as an ARGB32 QImage through ``table`` (the image owns a copy)."""
    argb = np.ascontiguousarray(table[levels])
    height, width = argb.shape
    image = QImage(argb.data, width, height, width * 4, QImage.Format.Format_ARGB32)
    return image.copy()


def scale_levels(values: np.ndarray, top: float) -> np.ndarray:
    """Non-negative values 0..top to levels 0..255."""
    if top <= 0:
        return np.zeros(values.shape, np.uint8)
    return np.clip(values * (255.0 / top), 0, 255).astype(np.uint8)


def signed_levels(values: np.ndarray, extent: float) -> np.ndarray:
    """Values -extent..extent to levels 0..255 with zero in the middle (white)."""
    if extent <= 0:
        return np.full(values.shape, 128, np.uint8)
    return np.clip((values / extent + 1.0) * 127.5, 0, 255).astype(np.uint8)


def greyscale_qimage(values: np.ndarray) -> QImage:
    """Values in [0, 1] as an 8-bit grey QImage (white = 1), e.g. the 28×28 input."""
    grey = np.ascontiguousarray(np.clip(values * 255, 0, 255).astype(np.uint8))
    height, width = grey.shape
    return QImage(grey.data, width, height, width, QImage.Format.Format_Grayscale8).copy()


def test_image_qimage(image: np.ndarray) -> QImage:
    """A 28×28 test image (white ink on black) as the pad shows images: dark ink on paper (the pad
    enlarges it with square pixels, so what is seen is what the network reads)."""
    values = np.asarray(image, np.float64)
    values = values / 255.0 if np.asarray(image).dtype == np.uint8 else values
    return greyscale_qimage(1.0 - np.clip(values, 0.0, 1.0) * 0.9)


def attribution_qimage(values: np.ndarray, signed: bool, smooth: bool = False) -> QImage:
    """A translucent heat map of attributions: red where the pixel pushed toward the answer and, when
    ``signed``, blue where it pushed toward the other digit.  Opacity grows with the square root of the share
    of the largest credit, so faint credit on single pixels stays visible; a ``smooth`` map (a class map, a
    field that falls gently to nothing) in proportion to it: the square root's steep start drew its low edges
    as hard lines across the pad."""
    values = np.asarray(values, np.float64)
    extent = float(np.abs(values).max()) if signed else float(np.maximum(values, 0).max())
    rgba = np.zeros(values.shape + (4,), np.uint8)
    if extent > 0:
        strength = np.clip(values / extent, -1.0, 1.0)
        positive = np.clip(strength, 0, 1)
        negative = np.clip(-strength, 0, 1) if signed else np.zeros_like(strength)
        rgba[..., 0] = np.where(positive > 0, 230, 40)
        rgba[..., 1] = np.where(positive > 0, 40, 110)
        rgba[..., 2] = np.where(positive > 0, 40, 230)
        share = np.maximum(positive, negative)
        rgba[..., 3] = ((share if smooth else np.sqrt(share)) * 235).astype(np.uint8)
    height, width = values.shape
    image = QImage(np.ascontiguousarray(rgba).data, width, height, width * 4, QImage.Format.Format_RGBA8888)
    return image.copy()
