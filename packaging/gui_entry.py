"""The bundle's windowed ``Framing Annotator`` executable (Windows, macOS): ``annotator gui [PROJECT]``.

Double-clicking a ``.fannot`` file starts it with the file as its one argument; started without
one it opens the last project, or asks for a file. A windowed executable has no console, so
``sys.stdout`` and ``sys.stderr`` are None: they go to the null device (errors are shown in a
message box by the app).
"""

import os
import sys

from annotator.cli import main

if __name__ == "__main__":
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
    sys.exit(main(["gui", *sys.argv[1:2]]))
