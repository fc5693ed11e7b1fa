"""``python -m newsprism`` runs the command line."""

import sys

from .cli import main

# main() returns the exit code a command asked for (doctor's 1 when a check fails), as the console script does
sys.exit(main())
