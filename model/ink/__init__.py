"""From ink to tensor: strokes, images and photos of paper become 28×28 MNIST-style tensors."""
