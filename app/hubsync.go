package app

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// HubFormat is the version of the JSON a project writes into a hub's records. A record
// written by a newer Dossier (a higher "v") is refused, not half read.
const HubFormat = 1

// HubRecord is one record as a hub holds it: its kind (actor, article, relation, note, note_image,
// or a decision: mention_decision, dismissed_suggestion, not_same, network_position),
// UUID, the record as JSON (references to other records by their UUIDs), and what the
// hub stamps: its change number and who made and last changed it.
type HubRecord struct {
	Kind      string          `json:"kind"`
	UUID      string          `json:"uuid"`
	Data      json.RawMessage `json:"data"`
	Deleted   bool            `json:"deleted"`
	Seq       int64           `json:"seq"`
	CreatedBy string          `json:"created_by,omitempty"`
	UpdatedBy string          `json:"updated_by,omitempty"`
	UpdatedAt time.Time       `json:"updated_at"`
	// BaseSeq, on a record sent, is the hub's change number the local change was made
	// on (0: a record new to the hub): the hub takes the change only if its record still
	// has that number, so a colleague's change sent meanwhile is never written over.
	BaseSeq int64 `json:"-"`
	// Updated, on a record sent, is its local updated stamp when it was read.
	Updated string `json:"-"`
}

// HubChange names one local record to send to the hub.
type HubChange struct {
	Kind, UUID string
	BaseSeq    int64
	Deleted    bool // a deletion: sent as a deletion marker
}

// HubPlace is a hub and a collection a project syncs with. URL never holds a password.
type HubPlace struct {
	URL        string `json:"url"`
	Collection string `json:"collection"`
}

// Key is the name the project keeps the pairing under.
func (p HubPlace) Key() string { return p.URL + "#" + p.Collection }

// WithoutPassword is a postgres:// URL with any password taken out (from the user part
// and from a password= parameter), so that it can be kept and shown. A URL that does not
// parse loses them by pattern all the same.
func WithoutPassword(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" {
		raw = userPassword.ReplaceAllString(raw, "$1@")
		return passwordParam.ReplaceAllString(raw, "$1")
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	if q.Has("password") {
		q.Del("password")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

var (
	userPassword  = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9+.-]*://[^:/@?#]*):[^@/?#]*@`)
	passwordParam = regexp.MustCompile(`(^|[?&\s])password=[^&\s]*[&]?`)
)

// HubTag is a tag of a hub collection's articles (lower-cased, as subscriptions take
// them) and how many live articles carry it.
type HubTag struct {
	Tag      string
	Articles int
}

// HubSyncState is what a project remembers of its last sync with one hub collection.
type HubSyncState struct {
	Place     HubPlace
	PulledSeq int64
	SyncedAt  time.Time
	Sent      int
	Received  int
	// OnlyTags, when not empty, is the project's subscription: it takes only the
	// articles with one of these tags (and what they support), lower-cased.
	OnlyTags []string
}

// HubSyncOptions steer a sync.
type HubSyncOptions struct {
	// Conflicts is how records changed both here and on the hub are settled; "" refuses
	// the sync (nothing is written) and lists them.
	Conflicts ConflictChoice
	// Batch is how many records are sent per hub transaction (0: 500); Page how many
	// are taken in per local transaction (0: 2000).
	Batch, Page int
	// SendDespiteConflicts sends this project's changes even when the pull stopped on
	// conflicts (the window's syncs): the hub takes only those made on its current
	// version, so the records in conflict stay as they are until settled.
	SendDespiteConflicts bool
}

// HubSyncReport says what a sync did.
type HubSyncReport struct {
	Place HubPlace `json:"hub"`
	// Received counts the records taken from the hub (added, updated, deleted here);
	// Sent those written to the hub.
	Received int `json:"received"`
	Sent     int `json:"sent"`
	// Merge is how the records pulled were merged, by the rules of a project merge.
	Merge ProjectMergeReport `json:"merge"`
	// Deleted lists the records deleted here because a colleague deleted them.
	Deleted []MergeItem `json:"deleted"`
	// Stale counts local changes the hub refused because the record changed there
	// meanwhile (another member sent a change during this sync): the next sync takes
	// them up.
	Stale int       `json:"stale"`
	At    time.Time `json:"at"`
	// OnlyTags is the subscription the sync took records by (none: the whole collection).
	OnlyTags []string `json:"only_tags,omitempty"`
}

// Text is the report in words.
func (r HubSyncReport) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "synced with %s (collection %s): %d sent, %d received\n", r.Place.URL, r.Place.Collection, r.Sent, r.Received)
	if len(r.OnlyTags) > 0 {
		fmt.Fprintf(&b, "subscribed to the articles tagged %s, the relations quoting them, their actors and notes\n", strings.Join(r.OnlyTags, ", "))
	}
	m := r.Merge.Text()
	if i := strings.IndexByte(m, '\n'); i >= 0 {
		m = m[i+1:] // the merge's own first line names a file: the hub is named above
	}
	b.WriteString(m)
	if len(r.Deleted) > 0 {
		fmt.Fprintf(&b, "deleted here, as on the hub: %d\n", len(r.Deleted))
		for _, it := range r.Deleted {
			fmt.Fprintf(&b, "  %s “%s” (%s): %s\n", it.Kind, it.Label, it.UUID, it.Why)
		}
	}
	if r.Stale > 0 {
		b.WriteString(StaleText(r.Stale, len(r.OnlyTags) > 0, "sync with --all-tags") + "\n")
	}
	return b.String()
}

// StaleText says what can be done about n changes the hub refused because its record
// changed since this project took it; takeAll is how a subscribed project takes the
// whole collection ("sync with --all-tags" in batch, the Subscriptions dialog in the
// window). A record outside the subscription is never pulled again, so syncing again
// cannot take up a change made here on an old copy of it.
func StaleText(n int, subscribed bool, takeAll string) string {
	if subscribed {
		return fmt.Sprintf("%d change(s) not sent: the hub's record changed since this project took it; if it is outside the subscription, %s to take its latest version, then edit again", n, takeAll)
	}
	return fmt.Sprintf("%d change(s) not sent: the hub's record changed during this sync; sync again", n)
}

// HubAuthor is who created and last changed a record on the hub (the hub's user names),
// as this project last saw it there.
type HubAuthor struct {
	CreatedBy, UpdatedBy string
	UpdatedAt            time.Time
}

// Text is the dossier's words for it: "added by ayse", "added by ayse, changed by
// bruno on 3 Dec 2026".
func (a HubAuthor) Text() string {
	if a.CreatedBy == "" {
		return ""
	}
	s := "added by " + a.CreatedBy
	if a.UpdatedBy != "" && a.UpdatedBy != a.CreatedBy {
		s += ", changed by " + a.UpdatedBy
		if !a.UpdatedAt.IsZero() {
			s += " on " + a.UpdatedAt.Local().Format("2 Jan 2006")
		}
	}
	return s
}

// SubscriptionChange says what saving the subscription want (tags, lower-cased; none:
// the whole collection) changes for a project subscribed to had, in the words the
// Subscriptions dialog shows before it is saved.
func SubscriptionChange(had, want []string) string {
	added, removed := tagDiff(had, want), tagDiff(want, had)
	switch {
	case len(added) == 0 && len(removed) == 0 && (len(had) == 0) == (len(want) == 0):
		return "No change: this is the current subscription."
	case len(want) == 0:
		return "The next sync takes the whole collection: it reads the collection again from the start, skipping what this project already holds."
	}
	var s []string
	if len(had) == 0 || len(removed) > 0 {
		s = append(s, "Articles outside these tags stay in your project but will no longer be updated; an edit made here to one of them is refused by the hub if a colleague changed it meanwhile.")
	}
	if len(had) > 0 && len(added) > 0 {
		s = append(s, fmt.Sprintf("The next sync reads the collection again from the start to take the articles tagged %s, skipping what this project already holds.", strings.Join(added, ", ")))
	}
	return strings.Join(append(s, "All of this project's own changes are still sent."), " ")
}

// tagDiff is the tags of b that a lacks, in b's order.
func tagDiff(a, b []string) []string {
	in := map[string]bool{}
	for _, t := range a {
		in[t] = true
	}
	var out []string
	for _, t := range b {
		if !in[t] {
			out = append(out, t)
		}
	}
	return out
}

// recordKindWords are the words a window shows for a record kind.
var recordKindWords = map[string]string{
	"mention_decision": "mention decision", "dismissed_suggestion": "dismissed name",
	"not_same": "“not the same” pair", "network_position": "network position",
	"note_image": "note image", "relation_type": "relation type", "evidence": "evidence",
}

// RecordKindLabel is a record kind as a window names it ("mention decision", not
// "mention_decision"); kinds without their own words lose their underscores.
func RecordKindLabel(kind string) string {
	if w, ok := recordKindWords[kind]; ok {
		return w
	}
	return strings.ReplaceAll(kind, "_", " ")
}
