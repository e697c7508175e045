package sampledata

import (
	"encoding/json"
	"testing"
)

func TestJSONIsValid(t *testing.T) {
	if !json.Valid(JSON) {
		t.Fatal("sample.json is not valid JSON")
	}
}
