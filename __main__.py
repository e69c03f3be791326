"""``python -m digitpad``: the same as the ``digitpad`` command."""

import sys

from digitpad.app.cli import main

sys.exit(main())
