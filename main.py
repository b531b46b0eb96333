"""Start the coding window: ``python main.py [PROJECT] [--coder NAME]`` (same as ``annotator gui``)."""

from __future__ import annotations

import sys

from annotator.cli import main

if __name__ == "__main__":
    sys.exit(main(["gui", *sys.argv[1:]]))
