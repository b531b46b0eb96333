#!/bin/sh
# Install the Framing Annotator bundle for this user: run it from the unpacked bundle folder
# (sh install.sh). Copies the folder to ~/.local/opt/framing-annotator, puts `annotator` on
# ~/.local/bin, adds the app to the desktop menu and makes .fannot files open in it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
target=$HOME/.local/opt/framing-annotator
mkdir -p "$HOME/.local/opt" "$HOME/.local/bin" "$data/applications" "$data/mime/packages"
if [ "$here" != "$target" ]; then
  rm -rf "$target"
  cp -R "$here" "$target"
fi
ln -sf "$target/annotator" "$HOME/.local/bin/annotator"
sed "s|^Exec=annotator |Exec=\"$target/annotator\" |" "$here/framing-annotator.desktop" \
  > "$data/applications/framing-annotator.desktop"
cp "$here/framing-annotator-mime.xml" "$data/mime/packages/framing-annotator.xml"
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v xdg-mime >/dev/null && \
  xdg-mime default framing-annotator.desktop application/x-framing-annotator || true
echo "installed in $target; double-click a .fannot file, or run: annotator gui FILE.fannot"
