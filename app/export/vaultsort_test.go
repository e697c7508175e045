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
