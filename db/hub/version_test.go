package hub

// latestVersion is the schema version init reaches: the number of migrations.
func latestVersion() int {
	names, _ := migrations()
	return len(names)
}
