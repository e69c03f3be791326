"""The network in numpy: predictions with every layer's maps, one unit's arithmetic, and gradients.

Nothing here imports TensorFlow: the window runs models it read as data.
"""
