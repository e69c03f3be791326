"""DigitPad's core: plain Python, never Qt; the window and the command line both stand on it.

The rooms, in the order a drawing travels through them:

- ``ink``: strokes, images and photos of paper become the 28×28 tensor the network reads.
- ``network``: the network run in numpy (no TensorFlow): predictions, every layer's maps, the
  arithmetic of one unit, and *Why?*'s gradients.
- ``numbers`` and ``session``: a drawing split into digits, read, and what the pad shows.
- ``files``: model archives read within limits, MNIST and stroke files, saved drawings, *my drawings*,
  atomic writes.
- ``training``: Keras' and TensorFlow's side: recipes, training data, the training loop, export, and
  the jobs the worker process runs.  Only this room imports TensorFlow.
- ``worker``: the window's client of that worker process.
"""
