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

// SetVaultTempDir makes the vault write its temporary files (sorted runs, the zip's
// directory) in dir, for the external tests;
// the returned function puts the default back.
func SetVaultTempDir(dir string) (restore func()) {
	old := vaultTempDir
	vaultTempDir = dir
	return func() { vaultTempDir = old }
}
