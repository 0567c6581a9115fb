"""`python -m newslab`: the same as the `newslab` command."""

import sys

from newslab.cli import main

sys.exit(main())
