"""Training and export: recipes, training data, Keras' training loop, and the worker's jobs.

The only room of the core that imports TensorFlow or Keras (in ``loop``, ``callbacks``,
``keras_network``, ``keras_models``, ``export`` and ``worker_jobs``); ``recipes`` and ``job``'s
request are plain data the window may hold.
"""
