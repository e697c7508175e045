package hub

import "dossier/db/hub/hubtest"

// SharedCluster is the package's test server, for the external tests of the batch commands.
func SharedCluster() *hubtest.Cluster { return cluster }
