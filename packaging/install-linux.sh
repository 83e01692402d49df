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
# The desktop entry, with Exec and TryExec pointing into this folder. The path is escaped
# as the Desktop Entry Specification asks: inside Exec's double quotes \ " ` $ get a
# backslash, % becomes %%, and then (as in every string value) each \ is doubled; TryExec is
# a plain string (\ doubled). awk reads the lines from the environment, so no character of
# the folder's name means anything to the shell, sed or awk.
case "$here" in
  *"
"*) echo "install-linux.sh: the folder name holds a line break; move ildesk to another folder" >&2
      exit 1 ;;
esac
exe="$here/ildesk"
quoted=$(printf '%s' "$exe" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g' -e 's/%/%%/g')
plain=$(printf '%s' "$exe" | sed -e 's/\\/\\\\/g')
ILDESK_EXEC="Exec=\"$quoted\" %u" ILDESK_TRYEXEC="TryExec=$plain" awk '
  /^Exec=/ { print ENVIRON["ILDESK_EXEC"]; next }
  /^TryExec=/ { print ENVIRON["ILDESK_TRYEXEC"]; next }
  { print }' "$res/ildesk.desktop" > "$apps/ildesk.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
command -v xdg-mime >/dev/null 2>&1 && xdg-mime default ildesk.desktop x-scheme-handler/ildesk || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$icons" 2>/dev/null || true
echo "ildesk is in your application menu; it runs $here/ildesk."
