#!/usr/bin/env bash
# make release-test: smoke-tests the artefacts make release left in dist/, each as a user
# gets it, not the build tree:
#
#   .deb  in CI (CI=true, root, a throwaway machine) installed with apt, so its Depends
#         are proven installable, and removed again at the end; elsewhere apt only
#         simulates the install and the package is unpacked into a temporary folder.
#         Then: version, import, list --json, export dossier, the desktop files in
#         place, and the window under Xvfb (screenshot not blank).
#   .tar.xz  fyne package's layout (usr/local/..., Makefile) with ours added: the binary
#         stripped, the same as the .deb's and reporting the release's version; the
#         .desktop file valid (desktop-file-validate) with its Categories, Comment,
#         MimeType and %f; the icons at every size and as SVG; the metainfo valid; the
#         licences. Then installed with install.sh and with its Makefile, and removed.
#   .zip  dossier.exe and dossier-cli.exe under wine: version, import (Windows paths),
#         list --json, export dossier; the window of dossier.exe under Xvfb (not blank).
#   setup.exe  the NSIS installer, silent, under wine: the files, the Start-menu entry,
#         the .dossier association and the uninstaller; then the uninstaller.
#
# Prints one "N passed, N failed" line at the end and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
DIST=${DIST:-dist}
ID=io.github.dossier_app.dossier
passed=0 failed=0
tmp=$(mktemp -d)
cleanup() {
	[ -n "${WINESERVER_STARTED:-}" ] && WINEPREFIX="$tmp/wine" wineserver -k 2>/dev/null
	[ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null
	if [ -n "${DEB_INSTALLED:-}" ]; then apt-get remove -y -qq dossier >/dev/null 2>&1; fi
	rm -rf "$tmp"
}
trap cleanup EXIT

ok() { passed=$((passed + 1)); echo "ok   $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
# check NAME COMMAND...: runs the command, keeps its output in $out.
check() {
	local name=$1
	shift
	if out=$("$@" 2>&1); then ok "$name"; else fail "$name: $out"; fi
}
# expect NAME TEXT: the last command's output contains TEXT.
expect() { if grep -qF -- "$2" <<<"$out"; then ok "$1"; else fail "$1: wanted '$2' in: $out"; fi; }

# An invented article, the sample's kind of text, with an actor the export can name.
article="$tmp/harbour-talks.txt"
cat >"$article" <<'EOF'
Harbour talks stall over dredging fees

PORT ELLWYN, 4 March 2026 - The Ellwyn Harbour Board said on Tuesday that talks with the
Coastal Freight Union had stalled over who pays for dredging the northern basin. Board
chair Mirela Tosk told reporters the union's offer "does not cover a single season".
EOF

deb=$(ls "$DIST"/dossier_*_amd64.deb 2>/dev/null | head -1)
zip=$(ls "$DIST"/dossier-*-windows-amd64.zip 2>/dev/null | head -1)
setup=$(ls "$DIST"/dossier-*-windows-amd64-setup.exe 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "release-test: no .deb in $DIST (run make release)" >&2; exit 1; }
want=$(dpkg-deb -f "$deb" Version)
echo "== release-test: $(cd "$DIST" && ls | tr '\n' ' ')"
check "SHA256SUMS match the artefacts" bash -c "cd '$DIST' && sha256sum --quiet -c SHA256SUMS"
# fyne package writes into the source it builds (a fyne_metadata_init.go, FyneApp.toml's
# Build counted up): make release gives it a copy, so the tree is as it was.
[ ! -e fyne_metadata_init.go ] && ok "no fyne_metadata_init.go left in the source" || fail "make release left fyne_metadata_init.go in the source"
build() { sed -n 's/^ *Build *= *//p'; }
[ "$(build <FyneApp.toml)" = "$(git show HEAD:FyneApp.toml 2>/dev/null | build)" ] &&
	ok "FyneApp.toml's Build is the commit's" || fail "FyneApp.toml's Build differs from the commit's (did fyne package rewrite it?)"

# batch BIN PROJECT ARTICLE PREFIX...: the batch commands every build must run. PREFIX is
# what runs BIN (nothing, or wine).
batch() {
	local label=$1 project=$2 file=$3
	shift 3
	check "$label version" "$@" version
	expect "$label version is the release's" "$version"
	check "$label import" "$@" import --db "$project" --create "$file"
	check "$label list --json" "$@" list articles --db "$project" --json
	expect "$label list shows the article" "Harbour talks stall over dredging fees"
	check "$label actor add" "$@" actor add --db "$project" --name "Ellwyn Harbour Board" --kind organisation
	check "$label export dossier" "$@" export dossier --db "$project" --actor "Ellwyn Harbour Board"
	expect "$label export names the actor" "Ellwyn Harbour Board"
}

# window LABEL PID: the app just started (PID) shows a window that is drawn: a screenshot
# of the screen with more than a blank window's few colours. Then the app is stopped.
window() {
	local label=$1 app=$2 colours=0
	if timeout 90 xdotool search --sync --onlyvisible --name Dossier >/dev/null 2>&1; then
		for _ in $(seq 50); do
			import -window root "$tmp/window.png" 2>/dev/null
			colours=$(identify -format %k "$tmp/window.png" 2>/dev/null || echo 0)
			[ "$colours" -ge 8 ] && break
			sleep 0.2
		done
		[ "$colours" -ge 8 ] && ok "$label window drawn ($colours colours)" || fail "$label window is blank ($colours colours)"
	else
		fail "$label window did not appear: $(cat "$tmp/window.log")"
	fi
	kill "$app" 2>/dev/null
	wait "$app" 2>/dev/null
}

# svg NAME FILE: FILE is an SVG document: well-formed XML whose root is <svg> in the SVG
# namespace, with a viewBox (what lets a desktop draw it at any size).
svg() {
	if out=$(python3 - "$2" 2>&1 <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
if root.tag != "{http://www.w3.org/2000/svg}svg":
    sys.exit("its root element is " + root.tag + ", not svg in the SVG namespace")
if not root.get("viewBox"):
    sys.exit("it has no viewBox")
PY
	); then ok "$1 is a valid SVG"; else fail "$1 is not a valid SVG: $out"; fi
}

# --- the .deb ------------------------------------------------------------------------
if [ "${CI:-}" = true ] && [ "$(id -u)" = 0 ]; then
	# apt, not dpkg -i: the Depends must be met from the archive, as on a user's machine.
	check ".deb installs with apt" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$(realpath "$deb")"
	DEB_INSTALLED=1
	root=""
else
	check ".deb installs with apt (simulated)" apt-get install -s "$(realpath "$deb")"
	root="$tmp/deb"
	dpkg-deb -x "$deb" "$root"
fi
bin="$root/usr/bin/dossier"
# The version the .deb's binary reports, in the form the Windows build must report too.
version=$("$bin" version 2>/dev/null | sed 's/^dossier //')
[ -n "$version" ] && ok ".deb binary runs (version $version; package $want)" || fail ".deb binary does not run"
batch ".deb:" "$tmp/deb.dossier" "$article" "$bin"
for f in "usr/share/applications/$ID.desktop" "usr/share/metainfo/$ID.metainfo.xml" \
	"usr/share/mime/packages/$ID.xml" "usr/share/icons/hicolor/16x16/apps/$ID.png" \
	"usr/share/icons/hicolor/512x512/apps/$ID.png" "usr/share/icons/hicolor/scalable/apps/$ID.svg" \
	usr/share/doc/dossier/copyright; do
	[ -s "$root/$f" ] && ok ".deb has /$f" || fail ".deb lacks /$f"
done
svg ".deb's scalable icon" "$root/usr/share/icons/hicolor/scalable/apps/$ID.svg"

# icons LABEL DIR: DIR (a hicolor theme folder) has the app icon at every size we ship, each
# that size and with transparency.
icons() {
	local label=$1 dir=$2 s icon got
	for s in 16 22 24 32 48 64 128 256 512; do
		icon="$dir/${s}x${s}/apps/$ID.png"
		got=$(identify -format '%wx%h %A' "$icon" 2>/dev/null)
		[ "$got" = "${s}x${s} Blend" ] || [ "$got" = "${s}x${s} True" ] && ok "$label icon ${s}x${s} (with transparency)" || fail "$label icon ${s}x${s} is '$got'"
	done
}
icons ".deb" "$root/usr/share/icons/hicolor"

# --- the tarball: fyne package's tree with ours added -----------------------------------
# desktop LABEL FILE: a .desktop file desktop-file-validate accepts, with what the menu and
# the file manager need: a category, a comment, the .dossier type, the one file as %f.
desktop() {
	local label=$1 file=$2 key want
	check "$label .desktop file validates" desktop-file-validate "$file"
	[ -z "$out" ] || fail "$label desktop-file-validate warns: $out"
	for want in "Exec=dossier %f" "MimeType=application/x-dossier-project;" "Categories=Office;Database;" \
		"Icon=$ID" "Name=Dossier"; do
		grep -qxF -- "$want" "$file" && ok "$label .desktop has $want" || fail "$label .desktop lacks $want: $(cat "$file")"
	done
	for key in Comment GenericName Keywords; do
		grep -q "^$key=." "$file" && ok "$label .desktop has a $key" || fail "$label .desktop has no $key"
	done
}
desktop ".deb" "$root/usr/share/applications/$ID.desktop"

tarball=$(ls "$DIST"/dossier-*-linux-amd64.tar.xz 2>/dev/null | head -1)
if [ -z "$tarball" ]; then
	fail "no Linux tarball in $DIST"
else
	mkdir -p "$tmp/tar"
	tar -C "$tmp/tar" -xJf "$tarball"
	tdir=$(ls -d "$tmp"/tar/dossier-*-linux-amd64)
	usr="$tdir/usr/local"
	# fyne package's layout (its binary, .desktop file and pixmaps icon, the Makefile it
	# installs with), then ours.
	for f in usr/local/bin/dossier "usr/local/share/applications/$ID.desktop" "usr/local/share/pixmaps/$ID.png" \
		Makefile install.sh LICENSE NOTICE "usr/local/share/metainfo/$ID.metainfo.xml" \
		"usr/local/share/mime/packages/$ID.xml"; do
		[ -s "$tdir/$f" ] && ok "tarball has $f" || fail "tarball lacks $f"
	done
	n=$(find "$tdir/licenses" -type f 2>/dev/null | wc -l)
	[ "$n" -gt 10 ] && ok "tarball has the modules' licences ($n files)" || fail "tarball has $n licence files"
	# fyne package --release strips the binary (-s -w): file says "stripped", not "not stripped".
	check "tarball binary: file" file -b "$usr/bin/dossier"
	case $out in *"not stripped"*) fail "tarball binary is not stripped: $out" ;;
	*stripped*) ok "tarball binary is stripped" ;;
	*) fail "file does not say whether the binary is stripped: $out" ;; esac
	check "tarball binary version" "$usr/bin/dossier" version
	expect "tarball binary version is the release's" "dossier $version"
	cmp -s "$usr/bin/dossier" "$bin" && ok "tarball and .deb hold the same binary" || fail "tarball and .deb binaries differ"
	desktop "tarball" "$usr/share/applications/$ID.desktop"
	icons "tarball" "$usr/share/icons/hicolor"
	svg "tarball's scalable icon" "$usr/share/icons/hicolor/scalable/apps/$ID.svg"
	check "tarball metainfo validates" appstreamcli validate --no-net "$usr/share/metainfo/$ID.metainfo.xml"

	# Installed as a user would: install.sh into a prefix, and the Makefile's user-install
	# (fyne's interface) into a home; then both removed again.
	files="bin/dossier share/applications/$ID.desktop share/icons/hicolor/48x48/apps/$ID.png share/icons/hicolor/scalable/apps/$ID.svg share/metainfo/$ID.metainfo.xml share/mime/packages/$ID.xml"
	check "tarball install.sh installs into a prefix" env PREFIX="$tmp/prefix" sh "$tdir/install.sh"
	for f in $files; do
		[ -s "$tmp/prefix/$f" ] && ok "tarball installs $f" || fail "tarball does not install $f"
	done
	svg "tarball's installed scalable icon" "$tmp/prefix/share/icons/hicolor/scalable/apps/$ID.svg"
	check "installed tarball binary runs" "$tmp/prefix/bin/dossier" version
	expect "installed tarball binary version is the release's" "dossier $version"
	check "tarball install.sh --uninstall" env PREFIX="$tmp/prefix" sh "$tdir/install.sh" --uninstall
	left=$(for f in $files; do [ -e "$tmp/prefix/$f" ] && echo "$f"; done)
	[ -z "$left" ] && ok "tarball uninstall removes what it installed" || fail "tarball uninstall left: $left"
	check "tarball make user-install" make -C "$tdir" user-install HOME="$tmp/makehome"
	for f in $files; do
		[ -s "$tmp/makehome/.local/$f" ] && ok "make user-install installs $f" || fail "make user-install does not install $f"
	done
	check "tarball make user-uninstall" make -C "$tdir" user-uninstall HOME="$tmp/makehome"
	[ ! -e "$tmp/makehome/.local/bin/dossier" ] && ok "make user-uninstall removes the binary" || fail "make user-uninstall left the binary"
fi

# The window, from the installed binary, on a screen of its own.
if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
	exec 3>"$tmp/display"
	Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 2>"$tmp/xvfb.log" &
	XVFB_PID=$!
	exec 3>&-
	for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
	export DISPLAY=":$(head -1 "$tmp/display")"
	HOME="$tmp/home" XDG_DATA_HOME="$tmp/home" "$bin" --db "$tmp/deb.dossier" >"$tmp/window.log" 2>&1 &
	window ".deb" $!
else
	fail ".deb window: Xvfb and xdotool are missing (make release-test installs them)"
fi

# --- Windows under wine ----------------------------------------------------------------
if [ -z "$zip" ] || [ -z "$setup" ]; then
	fail "no Windows artefacts in $DIST"
elif ! command -v wine >/dev/null; then
	fail "wine is missing (make release-test installs wine64)"
else
	export WINEPREFIX="$tmp/wine" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
	WINESERVER_STARTED=1
	wineboot --init >/dev/null 2>&1
	# Wine 8 reports Windows 7 unless told otherwise; the installer wants Windows 10.
	wine reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null 2>&1
	(cd "$tmp" && unzip -q "$OLDPWD/$zip")
	wdir=$(ls -d "$tmp"/dossier-*-windows-amd64)
	# Go's Windows runtime takes its random numbers from ProcessPrng (bcryptprimitives.dll,
	# loaded from System32 only), which Windows 10 and 11 have and wine 8 lacks: without it
	# every Go program dies at start under wine 8 ("bcryptprimitives.dll not found"). The
	# test puts a stand-in in the wine prefix's System32 (see the .c file); it is not part
	# of any artefact.
	x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
		packaging/windows/wine/bcryptprimitives.c -ladvapi32
	wproject=$(winepath -w "$tmp/win.dossier" 2>/dev/null)
	warticle=$(winepath -w "$article" 2>/dev/null)
	batch "dossier.exe:" "$wproject" "$warticle" wine "$wdir/dossier.exe"
	batch "dossier-cli.exe:" "$(winepath -w "$tmp/win-cli.dossier")" "$warticle" wine "$wdir/dossier-cli.exe"

	# The window of the GUI build, drawn by wine (its OpenGL goes to Xvfb's Mesa).
	if [ -n "${DISPLAY:-}" ]; then
		wine "$wdir/dossier.exe" --db "$wproject" >"$tmp/window.log" 2>&1 &
		window "dossier.exe (wine)" $!
		wineserver -k 2>/dev/null
	fi

	# The installer, silent (/S), for all users; then its uninstaller.
	check "installer runs silently" wine "$setup" /S
	pf="$WINEPREFIX/drive_c/Program Files/Dossier"
	for f in dossier.exe dossier-cli.exe uninstall.exe LICENSE.txt NOTICE.txt; do
		[ -s "$pf/$f" ] && ok "installer put $f in Program Files" || fail "installer did not install $f"
	done
	ls "$WINEPREFIX/drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs/Dossier.lnk" >/dev/null 2>&1 &&
		ok "installer made the Start-menu entry" || fail "no Start-menu entry"
	check "installer associated .dossier" wine reg query 'HKLM\Software\Classes\.dossier'
	expect "the association names Dossier" "Dossier.Project"
	check "installed .dossier opens with dossier.exe" wine reg query 'HKLM\Software\Classes\Dossier.Project\shell\open\command'
	expect "the open command passes the file" 'dossier.exe" "%1"'
	check "uninstaller runs" wine "$pf/uninstall.exe" /S _?="$(winepath -w "$pf")"
	[ ! -e "$pf/dossier.exe" ] && ok "uninstaller removed dossier.exe" || fail "uninstaller left dossier.exe"
	if wine reg query 'HKLM\Software\Classes\.dossier' >/dev/null 2>&1; then
		fail "uninstaller left the .dossier association"
	else
		ok "uninstaller removed the .dossier association"
	fi
fi

echo "release-test: $passed passed, $failed failed"
[ "$failed" = 0 ]
