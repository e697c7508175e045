#!/usr/bin/env bash
# Builds Dossier.app (one universal binary: arm64 and x86_64) and Dossier-VERSION-macos.dmg
# in dist/. Runs on a Mac with Xcode's command-line tools and Go only (clang, lipo, sips,
# iconutil, codesign, hdiutil, xcrun): Linux has no Apple SDK, so make release cannot
# build it, and nothing here has been run on this project's Linux CI.
# .github/workflows/release-macos.yml runs it on a hosted macOS runner.
#
# Signing: with MACOS_SIGN_IDENTITY set (a "Developer ID Application: ..." identity in the
# keychain) the app is signed with the hardened runtime; with APPLE_ID, APPLE_TEAM_ID and
# APPLE_APP_PASSWORD also set, the .dmg is notarized and stapled. Without them the app is
# signed ad hoc (arm64 Macs run nothing unsigned) and Gatekeeper asks the user to confirm:
# packaging/macos/README.md says how.
set -euo pipefail
cd "$(dirname "$0")/../.."
ID=io.github.dossier_app.dossier
DIST=${DIST:-dist}
export MACOSX_DEPLOYMENT_TARGET=12.0 # Go 1.26's minimum

base=$(sed -n 's/^const BaseVersion = "\(.*\)"$/\1/p' app/version.go)
tag=$(git describe --tags --dirty --match 'v[0-9]*' 2>/dev/null || true)
VERSION=${tag#v}
[ -n "$VERSION" ] || VERSION="$base-dev+$(git rev-parse --short=12 HEAD)"
short=$(printf '%s' "$VERSION" | grep -oE '^[0-9]+\.[0-9]+\.[0-9]+')

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$DIST"
for arch in arm64 amd64; do
	CGO_ENABLED=1 GOOS=darwin GOARCH=$arch go build -tags migrated_fynedo -trimpath \
		-ldflags "-s -w -X dossier/app.Version=$VERSION" -o "$work/dossier-$arch" .
done

app="$work/Dossier.app"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
lipo -create -output "$app/Contents/MacOS/dossier" "$work/dossier-arm64" "$work/dossier-amd64"

# The icon at every size macOS asks for (the source is 256 px: larger ones are scaled up).
iconset="$work/icon.iconset"
mkdir -p "$iconset"
for s in 16 32 128 256 512; do
	sips -z $s $s assets/icon.png --out "$iconset/icon_${s}x${s}.png" >/dev/null
	sips -z $((s * 2)) $((s * 2)) assets/icon.png --out "$iconset/icon_${s}x${s}@2x.png" >/dev/null
done
iconutil -c icns -o "$app/Contents/Resources/icon.icns" "$iconset"
cp LICENSE NOTICE "$app/Contents/Resources/"

# No CFBundleDocumentTypes: a Mac hands a double-clicked document to the app as an Apple
# Event, not as an argument, and Fyne does not pass that event on, so declaring .dossier
# would open Dossier on its default project instead of the file the user chose.
cat >"$app/Contents/Info.plist" <<PLIST
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>CFBundleName</key><string>Dossier</string>
	<key>CFBundleDisplayName</key><string>Dossier</string>
	<key>CFBundleIdentifier</key><string>$ID</string>
	<key>CFBundleExecutable</key><string>dossier</string>
	<key>CFBundleIconFile</key><string>icon.icns</string>
	<key>CFBundlePackageType</key><string>APPL</string>
	<key>CFBundleShortVersionString</key><string>$short</string>
	<key>CFBundleVersion</key><string>$VERSION</string>
	<key>LSMinimumSystemVersion</key><string>$MACOSX_DEPLOYMENT_TARGET</string>
	<key>LSApplicationCategoryType</key><string>public.app-category.productivity</string>
	<key>NSHighResolutionCapable</key><true/>
	<key>NSHumanReadableCopyright</key><string>Copyright 2026 The Dossier authors. Apache License 2.0.</string>
</dict>
</plist>
PLIST

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
	codesign --force --options runtime --timestamp --sign "$MACOS_SIGN_IDENTITY" "$app"
else
	echo "build-macos: MACOS_SIGN_IDENTITY is not set: the app is signed ad hoc, not notarized" >&2
	codesign --force --sign - "$app"
fi
codesign --verify --strict "$app"

dmgdir="$work/dmg"
mkdir -p "$dmgdir"
cp -R "$app" "$dmgdir/"
ln -s /Applications "$dmgdir/Applications"
dmg="$DIST/Dossier-$VERSION-macos.dmg"
hdiutil create -volname Dossier -srcfolder "$dmgdir" -ov -format UDZO "$dmg"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ] && [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
	codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
	xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" --password "$APPLE_APP_PASSWORD" --wait
	xcrun stapler staple "$dmg"
else
	echo "build-macos: no notarization (APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD)" >&2
fi

# Smoke test: the universal binary runs on this Mac and reports the release's version.
"$app/Contents/MacOS/dossier" version
(cd "$DIST" && shasum -a 256 "$(basename "$dmg")" >"$(basename "$dmg").sha256")
echo "build-macos: $dmg"
