"""The bundle's ``annotator`` executable: the whole command line (``annotator gui`` opens the window)."""

import sys

from annotator.cli import main

if __name__ == "__main__":
    sys.exit(main())
