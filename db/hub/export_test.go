package hub

import (
	"testing"

	"dossier/db/hub/hubtest"
)

// SharedCluster is the package's test server, for the external tests of the batch commands.
func SharedCluster() *hubtest.Cluster { return cluster }

// SetPushHook makes fn run before each record a push writes (nil: none).
func SetPushHook(fn func(i int) error) { pushHook = fn }

// RequireServer fails a test, and skips a benchmark, when no PostgreSQL could be started.
func RequireServer(t testing.TB) { requireServer(t) }
