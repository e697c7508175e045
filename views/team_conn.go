package views

import (
	"context"
	"sync"

	"dossier/app"
)

// The session's connections to the hub. Opening one costs a TCP (and TLS) handshake and
// a SCRAM exchange, and each holds a server process: the automatic sync, which runs every
// few minutes for as long as the window is open, keeps one rather than opening one per
// sync. A connection that was cut meanwhile (the server restarted, the laptop slept, an
// administrator ended it) is found by a ping before use and replaced. At most hubIdle
// are kept between uses: History… or Subscriptions… opened during a sync get a second one
// rather than waiting for the sync. Disconnect, switching project and quitting close them.

// hubIdle is how many idle connections the session keeps.
const hubIdle = 2

// hubPool is the session's connections to one hub, as one member.
type hubPool struct {
	connect HubConnector

	mu     sync.Mutex
	url    string // with the password: the connections' address
	idle   []TeamHub
	closed bool
}

// get returns a working connection to url: an idle one that answers a ping, else a new
// one. A different url (another hub or password) closes those kept for the old one.
func (p *hubPool) get(ctx context.Context, url string) (TeamHub, error) {
	for {
		h, stale := p.take(url)
		for _, s := range stale {
			s.Close(context.Background())
		}
		if h == nil {
			return p.connect(ctx, url)
		}
		if err := h.Ping(ctx); err == nil {
			return h, nil
		}
		h.Close(context.Background()) // cut: the next idle one, or a new connection
	}
}

// take pops an idle connection to url (nil: none), and hands back for closing those
// kept for another url.
func (p *hubPool) take(url string) (TeamHub, []TeamHub) {
	p.mu.Lock()
	defer p.mu.Unlock()
	var stale []TeamHub
	if p.url != url {
		stale, p.idle, p.url = p.idle, nil, url
	}
	if len(p.idle) == 0 {
		return nil, stale
	}
	h := p.idle[len(p.idle)-1]
	p.idle = p.idle[:len(p.idle)-1]
	return h, stale
}

// put gives back a connection got for url after use. err is how the use ended: a
// connection that failed as unreachable is closed, not kept.
func (p *hubPool) put(h TeamHub, url string, err error) {
	p.mu.Lock()
	keep := !p.closed && p.url == url && len(p.idle) < hubIdle && !app.IsCode(err, app.ELOCKED)
	if keep {
		p.idle = append(p.idle, h)
	}
	p.mu.Unlock()
	if !keep {
		h.Close(context.Background())
	}
}

// close closes the idle connections; those in use are closed when given back.
func (p *hubPool) close() {
	p.mu.Lock()
	idle := p.idle
	p.idle, p.closed = nil, true
	p.mu.Unlock()
	for _, h := range idle {
		h.Close(context.Background())
	}
}

// withHub runs f with a connection of the session's pool to the hub connected (its
// address with the password given this session), and gives it back.
func (mw *Window) withHub(ctx context.Context, f func(h TeamHub, place app.HubPlace) error) error {
	ts := mw.teamState()
	ts.mu.Lock()
	place, url := ts.place, withPassword(ts.place.URL, ts.password)
	if ts.pool == nil {
		ts.pool = &hubPool{connect: mw.projects.ConnectHub}
	}
	pool := ts.pool
	ts.mu.Unlock()
	h, err := pool.get(ctx, url)
	if err != nil {
		return err
	}
	err = f(h, place)
	pool.put(h, url, err)
	return err
}
