#!/bin/sh
# Installs Dossier from this folder: into ~/.local for you alone, or, run as
# "sudo PREFIX=/usr/local ./install.sh", for every user. Then Dossier is in the desktop's
# app menu and opens .dossier files. ./install.sh --uninstall removes what it installed.
# (The Makefile beside it runs this script: make user-install, sudo make install.)
set -eu
cd "$(dirname "$0")/usr/local"
ID=io.github.dossier_app.dossier
PREFIX=${PREFIX:-$HOME/.local}
files="bin/dossier share/applications/$ID.desktop share/metainfo/$ID.metainfo.xml share/mime/packages/$ID.xml"
for f in share/icons/hicolor/*/apps/$ID.png share/icons/hicolor/scalable/apps/$ID.svg; do files="$files $f"; done
if [ "${1:-}" = "--uninstall" ]; then
	for f in $files; do rm -f "$PREFIX/$f"; done
	echo "Dossier removed from $PREFIX (your projects are left where they are)."
else
	for f in $files; do
		mkdir -p "$PREFIX/$(dirname "$f")"
		cp "$f" "$PREFIX/$f"
	done
	echo "Dossier installed in $PREFIX: run $PREFIX/bin/dossier, or find it in the app menu."
fi
# Tell the desktop, where the tools exist (they are optional).
command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/share/applications" || true
command -v update-mime-database >/dev/null && update-mime-database "$PREFIX/share/mime" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -qtf "$PREFIX/share/icons/hicolor" || true
