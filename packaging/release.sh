#!/usr/bin/env bash
# make release: builds every artefact this Linux machine can build into dist/ (git-ignored):
#
#   dossier-VERSION-linux-amd64.tar.xz       fyne package --release's tarball (see below), with
#                                            icons, AppStream metainfo, MIME type, licences and
#                                            install.sh added
#   dossier_DEBVERSION_amd64.deb             the same binary and desktop files, for apt / dpkg
#   dossier-VERSION-windows-amd64.zip        dossier.exe (GUI, no console window), dossier-cli.exe
#                                            (the same program as a console program), licences
#   dossier-VERSION-windows-amd64-setup.exe  NSIS installer: Start menu, .dossier association,
#                                            uninstaller
#   SHA256SUMS                               over all of the above
#
# macOS cannot be built here (no Apple SDK, no codesign/notarytool): packaging/macos/
# builds the .app and .dmg on a Mac or a hosted macOS runner.
#
# One version for everything: the git tag (v1.2.3, or v1.2.3-4-gabc1234 between tags)
# without its v; an untagged tree gives app.BaseVersion-dev+COMMIT, the version an
# untagged build reports. It is linked into the binaries with -X dossier/app.Version.
#
# The Linux binary and .desktop file come from the Fyne tool (FYNE, make release installs
# fyne.io/tools/cmd/fyne at a fixed version): fyne package --release -os linux builds the
# binary stripped (-s -w), with -trimpath and hardened C flags, and writes the .desktop
# file from FyneApp.toml ([Details], [LinuxAndBSD]). The -X version flag goes in through
# GOFLAGS: fyne package has no ldflags option, but takes -ldflags=... out of GOFLAGS and
# adds it to its own -ldflags (release-test checks the binary's dossier version). What
# fyne cannot write is added to its tree here: the .desktop file's MimeType (see there),
# the icons at 16 to 512 px and as SVG (fyne ships one 256 px PNG in pixmaps/), the
# AppStream metainfo, the MIME type, LICENSE, NOTICE and the modules' licences, and
# install.sh. The tarball keeps fyne's layout (usr/local/bin, usr/local/share) and its
# "make install" / "make user-install" interface, but fyne's Makefile is replaced by one
# that runs install.sh: fyne's installs only the binary, the .desktop file and the 256 px
# icon, so .dossier files would not open with Dossier and software centres would not
# know it. The .deb holds the same binary and the same .desktop file.
#
# Needs: go, gcc, fyne, dpkg-dev, ImageMagick (convert), gcc-mingw-w64-x86-64, nsis, zip
# (make release installs them on Debian/Ubuntu).
set -euo pipefail
cd "$(dirname "$0")/.."

ID=io.github.dossier_app.dossier
GO=${GO:-go}
TAGS=migrated_fynedo
DIST=${DIST:-dist}
HOMEPAGE=https://github.com/dossier-app/dossier
SKIP_WINDOWS=${SKIP_WINDOWS:-}
FYNE=${FYNE:-fyne}

for tool in "$GO" "$FYNE" gcc dpkg-deb dpkg-shlibdeps convert x86_64-w64-mingw32-gcc x86_64-w64-mingw32-windres makensis zip sha256sum; do
	command -v "$tool" >/dev/null || { echo "release: $tool is missing (make release installs it)" >&2; exit 1; }
done

# --- the version -------------------------------------------------------------------
base=$(sed -n 's/^const BaseVersion = "\(.*\)"$/\1/p' app/version.go)
[ -n "$base" ] || { echo "release: no BaseVersion in app/version.go" >&2; exit 1; }
tag=$(git describe --tags --dirty --match 'v[0-9]*' 2>/dev/null || true)
if [ -n "$tag" ]; then
	VERSION=${tag#v}
else
	VERSION="$base-dev+$(git rev-parse --short=12 HEAD)"
	[ -z "$(git status --porcelain --untracked-files=no)" ] || VERSION="$VERSION.dirty"
fi
# Debian: no hyphen in a version without a revision; ~ sorts a development build before
# the release it leads to.
DEBVERSION=$(printf '%s' "$VERSION" | sed -E 's/-dev\+/~dev+/; s/-([0-9]+)-g/+\1.g/; s/-dirty$/.dirty/; s/-/./g')
# Windows: four numbers (major.minor.patch.commits-since-tag).
IFS=. read -r vmaj vmin vpat _ <<<"$(printf '%s' "$VERSION" | grep -oE '^[0-9]+\.[0-9]+\.[0-9]+')"
vbuild=$(printf '%s' "$VERSION" | sed -nE 's/^[0-9.]+-([0-9]+)-g.*/\1/p')
VIVERSION="$vmaj.$vmin.$vpat.${vbuild:-0}"
LDFLAGS="-s -w -X dossier/app.Version=$VERSION"
echo "release: version $VERSION (deb $DEBVERSION, windows $VIVERSION)"

work=$(mktemp -d)
trap 'rm -rf "$work" rsrc_windows_amd64.syso' EXIT
rm -rf "$DIST"
mkdir -p "$DIST"

# licences GOOS DIR: the licence files of every module the program is built from, as
# NOTICE requires of every release package.
licences() {
	local goos=$1 dir=$2 path mdir f
	mkdir -p "$dir"
	GOOS=$goos CGO_ENABLED=1 "$GO" list -tags "$TAGS" -deps -f '{{with .Module}}{{if not .Main}}{{.Path}} {{.Dir}}{{end}}{{end}}' . | sort -u |
		while read -r path mdir; do
			found=
			for f in "$mdir"/LICENSE* "$mdir"/LICENCE* "$mdir"/COPYING* "$mdir"/NOTICE* "$mdir"/PATENTS; do
				[ -f "$f" ] || continue
				mkdir -p "$dir/$path"
				install -m644 "$f" "$dir/$path/"
				found=1
			done
			# Go's vendored golang.org/x modules keep theirs at the root only; every module must have one.
			[ -n "$found" ] || { echo "release: no licence file in $mdir ($path)" >&2; exit 1; }
		done
}

# icons DIR: the app icon at the sizes desktops ask for, in the hicolor theme layout, and
# as SVG (assets/icon.svg, the same drawing) for any other size. The PNGs' source is 256 px:
# the 512 px icon is scaled up from it (softer than a drawn one).
icons() {
	local dir=$1 s
	for s in 16 22 24 32 48 64 128 256 512; do
		mkdir -p "$dir/${s}x${s}/apps"
		convert assets/icon.png -filter Lanczos -resize "${s}x${s}" -strip "PNG32:$dir/${s}x${s}/apps/$ID.png"
	done
	install -Dm644 assets/icon.svg "$dir/scalable/apps/$ID.svg"
}

# share DIR: what the Linux desktop needs, under a share/ folder: fyne's .desktop file
# (with its MimeType), and ours.
share() {
	local dir=$1
	install -Dm644 "$work/$ID.desktop" "$dir/applications/$ID.desktop"
	install -Dm644 packaging/linux/$ID.metainfo.xml "$dir/metainfo/$ID.metainfo.xml"
	install -Dm644 packaging/linux/$ID.mime.xml "$dir/mime/packages/$ID.xml"
	icons "$dir/icons/hicolor"
}

# --- Linux ---------------------------------------------------------------------------
echo "release: fyne package --release for Linux"
# fyne package writes into the source folder it builds: a fyne_metadata_init.go while it
# builds (a go test running beside it then fails to compile) and FyneApp.toml, rewritten
# without its comments and with Build counted up, afterwards. So it builds a copy of the
# source (the files git tracks and the untracked ones it does not ignore): the tree
# make test and editors work in is never changed. With -trimpath the copy's packages
# share the build cache with the tree's.
src="$work/src"
mkdir -p "$src"
git ls-files -z --cached --others --exclude-standard |
	while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
	tar --null -T - -cf - | tar -C "$src" -xf -
# fyne writes its tarball into the folder it runs in and builds the binary at
# --executable (then removes it): both in $work, so a ./dossier from make build stays.
# Its app version must be semver (x.y.z with an optional -pre-release and +build), which
# ours is; the build number is the count of commits since the tag (1 on the tag).
mkdir -p "$work/fyne"
(cd "$work/fyne" && GO="$GO" GOFLAGS="${GOFLAGS:+$GOFLAGS }-ldflags=-X=dossier/app.Version=$VERSION" \
	"$FYNE" package --release -os linux --tags "$TAGS" --src "$src" --executable "$work/fyne/dossier" \
	--name Dossier --app-id "$ID" --icon "$src/assets/icon.png" --app-version "$VERSION" --app-build "${vbuild:-1}")
tdir="$work/dossier-$VERSION-linux-amd64"
mkdir -p "$tdir"
tar -C "$tdir" --strip-components=1 -xJf "$work/fyne/Dossier.tar.xz"
# fyne puts its tree in usr/local when the machine it runs on has a /usr/local, else in usr:
# the tarball always has usr/local, what fyne's Makefile and install.sh read.
if [ ! -d "$tdir/usr/local" ]; then
	mkdir "$work/usr-local" && mv "$tdir/usr"/* "$work/usr-local/" && mv "$work/usr-local" "$tdir/usr/local"
fi
usr="$tdir/usr/local"
[ -x "$usr/bin/dossier" ] && [ -f "$usr/share/applications/$ID.desktop" ] ||
	{ echo "release: fyne's tarball lacks usr/local/bin/dossier or the .desktop file: $(cd "$tdir" && find . | sort | tr '\n' ' ')" >&2; exit 1; }
got=$("$usr/bin/dossier" version)
[ "$got" = "dossier $VERSION" ] || [ "$got" = "$VERSION" ] || { echo "release: the binary says '$got', not $VERSION" >&2; exit 1; }
cp "$usr/bin/dossier" "$work/dossier"

# The MimeType fyne cannot write as we need it: its [CanOpen] MimeTypes adds the line but
# also puts %F (a list of files) after Exec, and Dossier opens one project (%f, from
# [LinuxAndBSD] ExecParams); both would be two field codes, which the spec forbids. The
# type is read from our MIME file, so the two cannot disagree.
mimetype=$(sed -n 's/.*<mime-type type="\([^"]*\)".*/\1/p' packaging/linux/$ID.mime.xml)
[ -n "$mimetype" ] || { echo "release: no mime-type in packaging/linux/$ID.mime.xml" >&2; exit 1; }
! grep -q '^MimeType=' "$usr/share/applications/$ID.desktop" ||
	{ echo "release: fyne's .desktop file already has a MimeType: see FyneApp.toml [CanOpen]" >&2; exit 1; }
sed "/^Exec=/a MimeType=$mimetype;" "$usr/share/applications/$ID.desktop" >"$work/$ID.desktop"
licences linux "$work/licenses-linux"

# The tarball: fyne's tree with ours added, and a Makefile that runs install.sh.
share "$usr/share"
install -Dm644 LICENSE "$tdir/LICENSE"
install -Dm644 NOTICE "$tdir/NOTICE"
cp -r "$work/licenses-linux" "$tdir/licenses"
install -Dm755 packaging/linux/install.sh "$tdir/install.sh"
install -Dm644 packaging/linux/Makefile "$tdir/Makefile"
tar -C "$work" --owner=0 --group=0 --sort=name -cJf "$DIST/dossier-$VERSION-linux-amd64.tar.xz" "dossier-$VERSION-linux-amd64"

# The .deb: its dependencies are the shared libraries the binary links to, as
# dpkg-shlibdeps finds them (the GL and X11 libraries, libc).
droot="$work/deb"
install -Dm755 "$work/dossier" "$droot/usr/bin/dossier"
share "$droot/usr/share"
install -Dm644 NOTICE "$droot/usr/share/doc/dossier/copyright"
printf '\nThe Dossier licence, Apache-2.0, is in /usr/share/common-licenses/Apache-2.0.\n' >>"$droot/usr/share/doc/dossier/copyright"
cp -r "$work/licenses-linux" "$droot/usr/share/doc/dossier/licenses"
mkdir -p "$work/shlib/debian" "$droot/DEBIAN"
touch "$work/shlib/debian/control"
depends=$(cd "$work/shlib" && dpkg-shlibdeps -O -e "$droot/usr/bin/dossier" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "release: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
cat >"$droot/DEBIAN/control" <<EOF
Package: dossier
Version: $DEBVERSION
Architecture: amd64
Maintainer: The Dossier authors <$HOMEPAGE>
Installed-Size: $(du -sk --exclude=DEBIAN "$droot" | cut -f1)
Depends: $depends
Section: misc
Priority: optional
Homepage: $HOMEPAGE
Description: research notebook for news articles and the actors in them
 Dossier is an offline research app: file news articles, record the people,
 organisations and places in them and the sourced relations between them,
 and read a dossier per actor. It also has a batch interface for scripts.
EOF
dpkg-deb --root-owner-group -Zxz --build "$droot" "$DIST/dossier_${DEBVERSION}_amd64.deb" >/dev/null

# --- Windows -------------------------------------------------------------------------
if [ -n "$SKIP_WINDOWS" ]; then
	echo "release: SKIP_WINDOWS is set: no Windows artefacts" >&2
else
	echo "release: cross-building for Windows (mingw-w64)"
	wdir="$work/windows"
	mkdir -p "$wdir"
	convert assets/icon.png -define icon:auto-resize=256,128,64,48,32,24,16 "$wdir/dossier.ico"
	cp packaging/windows/dossier.exe.manifest "$wdir/"
	# The icon, the manifest and the version information, as a resource object the Go
	# linker takes from the main package's folder (windows/amd64 builds only).
	cat >"$wdir/dossier.rc" <<EOF
#include <winver.h>
1 ICON "dossier.ico"
1 24 "dossier.exe.manifest"
1 VERSIONINFO
FILEVERSION ${VIVERSION//./,}
PRODUCTVERSION ${VIVERSION//./,}
FILEFLAGSMASK 0x3f
FILEFLAGS $(case $VERSION in *-*|*+*) echo VS_FF_PRERELEASE ;; *) echo 0 ;; esac)
FILEOS VOS_NT_WINDOWS32
FILETYPE VFT_APP
FILESUBTYPE 0
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040904b0"
    BEGIN
      VALUE "CompanyName", "The Dossier authors"
      VALUE "FileDescription", "Dossier"
      VALUE "FileVersion", "$VERSION"
      VALUE "InternalName", "dossier"
      VALUE "LegalCopyright", "Copyright 2026 The Dossier authors. Apache License 2.0."
      VALUE "OriginalFilename", "dossier.exe"
      VALUE "ProductName", "Dossier"
      VALUE "ProductVersion", "$VERSION"
      VALUE "Comments", "$HOMEPAGE"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x409, 1200
  END
END
EOF
	(cd "$wdir" && x86_64-w64-mingw32-windres -O coff -o rsrc.syso dossier.rc)
	mv "$wdir/rsrc.syso" rsrc_windows_amd64.syso
	winenv=(env GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc)
	"${winenv[@]}" "$GO" build -tags "$TAGS" -trimpath -ldflags "$LDFLAGS -H windowsgui" -o "$wdir/dossier.exe" .
	"${winenv[@]}" "$GO" build -tags "$TAGS" -trimpath -ldflags "$LDFLAGS" -o "$wdir/dossier-cli.exe" .
	rm -f rsrc_windows_amd64.syso
	licences windows "$wdir/licenses"
	sed 's/$/\r/' LICENSE >"$wdir/LICENSE.txt"
	sed 's/$/\r/' NOTICE >"$wdir/NOTICE.txt"

	zdir="$work/dossier-$VERSION-windows-amd64"
	mkdir -p "$zdir"
	cp -r "$wdir/dossier.exe" "$wdir/dossier-cli.exe" "$wdir/LICENSE.txt" "$wdir/NOTICE.txt" "$wdir/licenses" "$zdir/"
	(cd "$work" && zip -qrX "$OLDPWD/$DIST/dossier-$VERSION-windows-amd64.zip" "dossier-$VERSION-windows-amd64")
	makensis -V2 -DVERSION="$VERSION" -DVIVERSION="$VIVERSION" -DSRC="$wdir" \
		-DOUTFILE="$PWD/$DIST/dossier-$VERSION-windows-amd64-setup.exe" packaging/windows/installer.nsi
fi

# --- checksums -----------------------------------------------------------------------
(cd "$DIST" && sha256sum -- * >SHA256SUMS)
echo "release: in $DIST/:"
(cd "$DIST" && ls -l)
