import sys

from digitpad.app.cli import main

sys.exit(main())
