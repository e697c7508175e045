package app

// HubHit is one article of a hub found by a hub search.
type HubHit struct {
	Collection string  `json:"collection"`
	UUID       string  `json:"uuid"`
	Title      string  `json:"title"`
	Date       string  `json:"date"`
	Source     string  `json:"source"`
	Rank       float64 `json:"rank"`
	// Snippet is a passage of the body, matched terms between MatchStart and MatchEnd.
	Snippet   string `json:"snippet"`
	CreatedBy string `json:"created_by"`
	// Here says this project already holds the article (under its UUID).
	Here bool `json:"here"`
}

// HubSearchResults are the best articles of a hub search, best first; More says that
// more articles match than are listed.
type HubSearchResults struct {
	Query string   `json:"query"`
	Hits  []HubHit `json:"hits"`
	More  bool     `json:"more"`
	// Recent says so many articles match that the best were picked from the most
	// recently changed ones only.
	Recent bool `json:"recent"`
}

// HubSearchLimit is how many hits a hub search lists when no limit is given.
const HubSearchLimit = 20
