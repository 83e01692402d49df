#!/bin/sh
# Add ildesk to your desktop's application menu (for you only, no root needed):
#     ./install-linux.sh            # from the unpacked ildesk folder, which stays where it is
#     ./install-linux.sh --remove   # take it out of the menu again
# It writes ~/.local/share/applications/ildesk.desktop (pointing to this folder), the icons
# under ~/.local/share/icons/hicolor, and makes ildesk the handler of ildesk:// links.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps="$data/applications"
icons="$data/icons/hicolor"
res="$here/_internal/resources"

if [ "${1:-}" = "--remove" ]; then
  rm -f "$apps/ildesk.desktop"
  for size in 16 32 48 64 128 256 512; do rm -f "$icons/${size}x${size}/apps/ildesk.png"; done
  rm -f "$icons/scalable/apps/ildesk.svg"
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
  echo "ildesk was taken out of the application menu (the folder $here is untouched)."
  exit 0
fi

[ -x "$here/ildesk" ] || { echo "install-linux.sh: run it from the unpacked ildesk folder" >&2; exit 1; }
mkdir -p "$apps" "$icons/scalable/apps"
for size in 16 32 48 64 128 256 512; do
  mkdir -p "$icons/${size}x${size}/apps"
  cp "$res/icons/ildesk-$size.png" "$icons/${size}x${size}/apps/ildesk.png"
done
cp "$res/icons/ildesk.svg" "$icons/scalable/apps/ildesk.svg"
# The desktop entry, with Exec and TryExec pointing into this folder (quoted for spaces).
sed -e "s|^Exec=ildesk|Exec=\"$here/ildesk\"|" -e "s|^TryExec=ildesk|TryExec=$here/ildesk|" \
  "$res/ildesk.desktop" > "$apps/ildesk.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
command -v xdg-mime >/dev/null 2>&1 && xdg-mime default ildesk.desktop x-scheme-handler/ildesk || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$icons" 2>/dev/null || true
echo "ildesk is in your application menu; it runs $here/ildesk."
