package export

// SetVaultRunBytes makes the vault sort its relations in runs of about n bytes (0: the
// default), for the external tests; the returned function puts the default back.
func SetVaultRunBytes(n int) (restore func()) {
	old := vaultRunBytes
	if n > 0 {
		vaultRunBytes = n
	}
	return func() { vaultRunBytes = old }
}

// SetVaultSortDir makes the vault write its sorted runs in dir, for the external tests;
// the returned function puts the default back.
func SetVaultSortDir(dir string) (restore func()) {
	old := vaultSortDir
	vaultSortDir = dir
	return func() { vaultSortDir = old }
}
