package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"github.com/google/uuid"

	"dossier/app"
)

// Note images through the hub: a note shows its pictures as dossier-image:UUID, kept in
// note_images, so a note synced without them would show none on a colleague's laptop.
// A picture is never changed nor deleted once kept (migration 0008), so syncing it is
// sending it once and taking it once: no version to compare, no conflict possible. A
// picture the hub sends is checked as one added here is (a PNG or JPEG within the size
// limit) before it is kept.

// noteImageKind is the hub's kind for a note's picture.
const noteImageKind = "note_image"

// hubNoteImage is a picture as the hub holds it (data as base64, as JSON writes bytes).
type hubNoteImage struct {
	V     int    `json:"v"`
	UUID  string `json:"uuid"`
	Name  string `json:"name"`
	MIME  string `json:"mime"`
	Data  []byte `json:"data"`
	Added string `json:"added"`
}

// noteImageChanges lists the pictures the hub at place has not been sent.
func (s *Store) noteImageChanges(ctx context.Context, place app.HubPlace) ([]app.HubChange, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT uuid, 0 FROM note_images WHERE uuid NOT IN
		(SELECT uuid FROM hub_sync_records WHERE hub = ? AND kind = ?) ORDER BY id`, place.Key(), noteImageKind)
	if err != nil {
		return nil, err
	}
	return appendChanges(nil, rows, noteImageKind, false)
}

// noteImageRecords reads the pictures with these uuids as hub records.
func (s *Store) noteImageRecords(ctx context.Context, uuids []string) ([]app.HubRecord, error) {
	if len(uuids) == 0 {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT uuid, name, mime, data, added FROM note_images
		WHERE uuid IN (SELECT value FROM json_each(?)) ORDER BY id`, jsonList(uuids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []app.HubRecord
	for rows.Next() {
		img := hubNoteImage{V: app.HubFormat}
		if err := rows.Scan(&img.UUID, &img.Name, &img.MIME, &img.Data, &img.Added); err != nil {
			return nil, err
		}
		data, err := json.Marshal(img)
		if err != nil {
			return nil, err
		}
		out = append(out, app.HubRecord{Kind: noteImageKind, UUID: img.UUID, Data: data, Updated: img.Added})
	}
	return out, rows.Err()
}

// parseHubNoteImage reads a picture the hub sent, refusing what a picture added here
// would be refused for, and a record that is not one.
func parseHubNoteImage(r app.HubRecord) (hubNoteImage, error) {
	var img hubNoteImage
	if err := json.Unmarshal(r.Data, &img); err != nil {
		return img, app.Errorf(app.ECORRUPT, "The hub's picture %s is not readable: %v.", r.UUID, err)
	}
	if img.V > app.HubFormat {
		return img, app.Errorf(app.ETOONEW, "The hub's picture %s was written by a newer Dossier (format %d): update Dossier.", r.UUID, img.V)
	}
	if u, err := uuid.Parse(img.UUID); err != nil || u.String() != strings.ToLower(r.UUID) {
		return img, app.Errorf(app.ECORRUPT, "The hub's picture %s names another picture (%q).", r.UUID, img.UUID)
	}
	checked, err := app.NewNoteImage(img.Name, img.Data)
	if err != nil {
		return img, app.Errorf(app.ECORRUPT, "The hub's picture %s cannot be kept: %s", r.UUID, app.ErrorMessage(err))
	}
	img.MIME = checked.MIME // what the bytes are, whatever the record says
	if _, err := time.Parse(time.RFC3339Nano, img.Added); err != nil {
		img.Added = time.Now().UTC().Format(time.RFC3339Nano)
	}
	return img, nil
}

// takeNoteImages keeps the pictures a pull brought, in the pull's transaction, and
// returns the other records; a picture this project has already is left as it is.
func takeNoteImages(ctx context.Context, tx *sql.Tx, place app.HubPlace, recs []app.HubRecord, rep *app.HubSyncReport) ([]app.HubRecord, error) {
	rest := recs[:0:0]
	added := 0
	for _, r := range recs {
		if r.Kind != noteImageKind {
			rest = append(rest, r)
			continue
		}
		if r.Deleted { // pictures are never deleted; a marker is kept as seen, nothing more
			if err := setBase(ctx, tx, place, r, ""); err != nil {
				return nil, err
			}
			continue
		}
		img, err := parseHubNoteImage(r)
		if err != nil {
			return nil, err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO main.note_images(uuid, name, mime, data, added) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (uuid) DO NOTHING`, strings.ToLower(r.UUID), img.Name, img.MIME, img.Data, img.Added)
		if err != nil {
			return nil, err
		}
		if n, _ := res.RowsAffected(); n > 0 {
			added++
		}
		if err := setBase(ctx, tx, place, r, img.Added); err != nil {
			return nil, err
		}
	}
	if added > 0 {
		rep.Merge.Counts = append(rep.Merge.Counts, app.MergeCount{Kind: noteImageKind, Added: added})
	}
	return rest, nil
}
