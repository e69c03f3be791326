"""Augmentation: small changes a person's hand makes that a label does not care about.

Two places: ``augment_strokes`` bends and re-pens a drawing's vectors before it
is rendered (numpy only), and ``augment_batch_fn`` applies small affine changes
and stroke-thickness changes to image batches inside the tf.data pipeline.
"""

from __future__ import annotations

import math

import numpy as np


def augment_strokes(strokes: list[np.ndarray], rng: np.random.Generator) -> list[np.ndarray]:
    """A slightly different hand: rotation, shear, aspect change and a smooth wobble of the points."""
    points = np.concatenate(strokes)
    centre = (points.min(axis=0) + points.max(axis=0)) / 2
    extent = float((points.max(axis=0) - points.min(axis=0)).max()) or 1.0
    angle = math.radians(rng.uniform(-12, 12))
    shear = rng.uniform(-0.25, 0.25)
    aspect = math.exp(rng.uniform(-0.2, 0.2))
    rotation = np.array([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]])
    linear = rotation @ np.array([[aspect, shear], [0.0, 1.0 / aspect]])
    wobble = _smooth_field(rng, extent * rng.uniform(0.0, 0.05))
    changed = []
    for stroke in strokes:
        local = (stroke - centre) @ linear.T
        changed.append(local + wobble((stroke - centre) / extent))
    return changed


def _smooth_field(rng: np.random.Generator, amplitude: float):
    """A random low-frequency displacement field (a few sine waves), like a gentle elastic distortion."""
    frequencies = rng.uniform(0.5, 2.0, size=(3, 2, 2))
    phases = rng.uniform(0, 2 * math.pi, size=(3, 2))
    weights = rng.normal(size=(3, 2)) * amplitude / math.sqrt(3)

    def displace(normalised: np.ndarray) -> np.ndarray:
        out = np.zeros_like(normalised)
        for k in range(3):
            for axis in range(2):
                wave = np.sin(normalised @ frequencies[k, axis] * math.pi + phases[k, axis])
                out[:, axis] += weights[k, axis] * wave
        return out

    return displace


def augment_batch_fn(seed: int):
    """A tf.data map function: random small affine warp and thickness change of each image."""
    import tensorflow as tf

    generator = tf.random.Generator.from_seed(seed)

    def augment(images, labels):
        batch = tf.shape(images)[0]
        angle = generator.uniform([batch], -0.17, 0.17)
        scale = generator.uniform([batch], 0.9, 1.1)
        shear = generator.uniform([batch], -0.15, 0.15)
        shift = generator.uniform([batch, 2], -1.5, 1.5)
        cos, sin = tf.cos(angle) / scale, tf.sin(angle) / scale
        centre = 13.5
        # Output pixel (x, y) samples input (a0 x + a1 y + a2, b0 x + b1 y + b2).
        a0, a1 = cos, -sin + shear
        b0, b1 = sin, cos
        a2 = centre - a0 * centre - a1 * centre + shift[:, 0]
        b2 = centre - b0 * centre - b1 * centre + shift[:, 1]
        zeros = tf.zeros([batch])
        transforms = tf.stack([a0, a1, a2, b0, b1, b2, zeros, zeros], axis=1)
        warped = tf.raw_ops.ImageProjectiveTransformV3(
            images=images,
            transforms=transforms,
            output_shape=[28, 28],
            fill_value=0.0,
            interpolation="BILINEAR",
            fill_mode="CONSTANT",
        )
        # A third of the images get a thicker pen, a third a thinner one.
        choice = generator.uniform([batch, 1, 1, 1])
        thicker = tf.nn.max_pool2d(warped, 2, 1, "SAME")
        thicker = 0.5 * (thicker + warped)
        thinner = -tf.nn.max_pool2d(-warped, 2, 1, "SAME")
        thinner = 0.5 * (thinner + warped)
        images = tf.where(choice < 1 / 3, thicker, tf.where(choice < 2 / 3, thinner, warped))
        return images, labels

    return augment


def random_scribble(rng: np.random.Generator) -> list[np.ndarray]:
    """A drawing that is not a digit (zig-zags, hatching, tangles, confetti, shading), for teaching the
    network to be unsure of such things: it trains on them with every digit equally likely."""
    kind = rng.integers(5)
    if kind == 0:  # a jagged zig-zag across the pad
        return [rng.uniform(30, 250, (rng.integers(7, 22), 2))]
    if kind == 1:  # parallel hatching
        angle = rng.uniform(0, math.pi)
        along = np.array([math.cos(angle), math.sin(angle)])
        across = np.array([-along[1], along[0]])
        spacing, length = rng.uniform(10, 30), rng.uniform(60, 110)
        count = rng.integers(3, 9)
        return [np.array([140 + across * (k - count / 2) * spacing - along * length,
                          140 + across * (k - count / 2) * spacing + along * length]) for k in range(count)]
    if kind == 2:  # a tangle: the pen going round and round, turning as it goes, steady or shaky
        return [_tangle(rng)]
    if kind == 3:  # confetti: many short strokes scattered around
        starts = rng.uniform(30, 250, (rng.integers(6, 14), 2))
        return [np.array([s, s + rng.normal(0, 14, 2)]) for s in starts]
    # shading: dense back-and-forth filling a patch
    rows = rng.integers(8, 20)
    xs = np.where(np.arange(rows) % 2 == 0, 60.0, 220.0)
    ys = np.linspace(60, 220, rows)
    return [np.stack([xs + rng.normal(0, 8, rows), ys + rng.normal(0, 3, rows)], axis=1)]


def _tangle(rng: np.random.Generator) -> np.ndarray:
    """A scribbled tangle: a heading that keeps turning (loops, curls, spirals), with a shaky hand
    half of the time.  (A smooth random walk, tried first, mostly made single arcs that look like a
    1, a 7 or a 2; training those towards "unsure" taught the wrong thing.)"""
    turn = rng.uniform(0.2, 0.6) * rng.choice([-1, 1])
    # At least two and a half turns: a single loop is a 0, not a scribble.
    count = int(rng.integers(math.ceil(5 * math.pi / abs(turn)), 220))
    headings = np.cumsum(turn + rng.normal(0, rng.uniform(0.1, 0.5), count)) + rng.uniform(0, 2 * math.pi)
    path = np.cumsum(np.stack([np.cos(headings), np.sin(headings)], axis=1) * rng.uniform(0.6, 1.4, (count, 1)), axis=0)
    path += rng.normal(0, 0.3, (count, 2)) * (rng.random() < 0.5)
    path -= (path.min(axis=0) + path.max(axis=0)) / 2
    return 140 + path * (100 / max(1e-6, np.abs(path).max()))
