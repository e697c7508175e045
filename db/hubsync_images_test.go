package db

import (
	"encoding/json"
	"strings"
	"testing"

	"dossier/app"
)

// FuzzHubNoteImage: whatever a hub sends as a picture, reading it never panics, and what
// it accepts is a PNG or JPEG within the size limit, under the UUID the record has.
func FuzzHubNoteImage(f *testing.F) {
	const id = "0193b000-0000-7000-8000-000000000001"
	png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 40)...)
	good, _ := json.Marshal(hubNoteImage{V: 1, UUID: id, Name: "a.png", MIME: "image/png", Data: png, Added: "2026-12-03T12:00:00Z"})
	f.Add(string(good), id)
	f.Add(`{"v": 1, "uuid": "`+id+`", "name": "x", "data": "PGh0bWw+"}`, id)
	f.Add(`{"v": 9}`, id)
	f.Add(`[]`, "nope")
	f.Add(strings.Replace(string(good), id, "0193b000-0000-7000-8000-000000000002", 1), id)
	f.Fuzz(func(t *testing.T, data, uuid string) {
		img, err := parseHubNoteImage(app.HubRecord{Kind: noteImageKind, UUID: uuid, Data: json.RawMessage(data)})
		if err != nil {
			return
		}
		if img.MIME != "image/png" && img.MIME != "image/jpeg" || len(img.Data) > app.MaxNoteImage || !strings.EqualFold(img.UUID, uuid) {
			t.Fatalf("accepted %q (%s, %d bytes) for %s", img.UUID, img.MIME, len(img.Data), uuid)
		}
	})
}
