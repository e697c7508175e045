// Package fonts holds the fonts embedded in Dossier's PDF briefings: DejaVu Sans and
// DejaVu Sans Bold, from Debian's fonts-dejavu-core 2.37 (licence: LICENSE-DejaVu.txt,
// the Bitstream Vera licence; DejaVu's changes are in the public domain). They cover
// Latin with Turkish ı and İ, Cyrillic, Greek and Arabic, including Arabic's
// presentation forms, which the briefing uses to shape Arabic names.
package fonts

import _ "embed"

// Regular is DejaVuSans.ttf.
//
//go:embed DejaVuSans.ttf
var Regular []byte

// Bold is DejaVuSans-Bold.ttf.
//
//go:embed DejaVuSans-Bold.ttf
var Bold []byte
