"""``python -m digitpad``: the same as the ``digitpad`` command."""

import sys

from digitpad.app.cli.commands import main

# The guard matters: TensorFlow's worker process is started with multiprocessing's "spawn", which
# imports the main module again in the child.
if __name__ == "__main__":
    sys.exit(main())
