"""TensorFlow's worker process with a fault injected, for tests (the window takes it as worker_target)."""

from __future__ import annotations


def serve_with_poisoned_data(connection, priority: int = 0) -> None:
    """Training images so large that the loss becomes NaN inside the network."""
    import digitpad.model.training.job as job
    from digitpad.model.worker import serve

    original = job.build_training_data

    def poisoned(*args, **kwargs):
        data = original(*args, **kwargs)
        data.x_train[:] = 1e30
        return data

    job.build_training_data = poisoned
    serve(connection, priority)
