package app

import (
	"net/url"
	"strings"
	"testing"
)

// FuzzWithoutPassword: whatever user, password, host and rest are typed, the password
// given in the URL (user part or password= parameter) is not in what the project keeps.
func FuzzWithoutPassword(f *testing.F) {
	f.Add("ayse", "s3cr3t-pw", "hub.example", "/team?sslmode=verify-full")
	f.Add("ayse", "p@ss:w/rd", "hub", "/team")
	f.Add("", "s3cr3t-pw", "", "#x")
	f.Fuzz(func(t *testing.T, user, pass, host, rest string) {
		if len(pass) < 6 || strings.ContainsAny(user+host, ":/@?#") || strings.Contains(user+host+rest, pass) {
			return
		}
		esc := strings.TrimPrefix(url.UserPassword("", pass).String(), ":") // as a URL's user part writes it
		withUser := (&url.URL{Scheme: "postgres", User: url.UserPassword(user, pass), Host: host}).String()
		for _, raw := range []string{withUser + rest, "postgres://" + user + "@" + host + "/db?password=" + url.QueryEscape(pass) + "&x=1"} {
			got := WithoutPassword(raw)
			if strings.Contains(got, ":"+esc+"@") || strings.Contains(got, "password=") {
				t.Errorf("WithoutPassword(%q) = %q keeps the password", raw, got)
			}
		}
	})
}

func TestWithoutPassword(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://ayse:s3cr3t@hub/team?sslmode=require":   "postgres://ayse@hub/team?sslmode=require",
		"postgres://ayse@hub/team?password=s3cr3t&x=1":      "postgres://ayse@hub/team?x=1",
		" postgres://ayse@hub/team ":                        "postgres://ayse@hub/team",
		"postgres://ayse@/team?host=/run/postgresql&port=5": "postgres://ayse@/team?host=/run/postgresql&port=5",
	} {
		if got := WithoutPassword(in); got != want {
			t.Errorf("WithoutPassword(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestStaleChangesSayWhatHelps: a change the hub refused is taken up by the next sync,
// except in a subscribed project, where a record outside the subscription is never pulled
// again: then the report says how to take its latest version instead of "sync again".
func TestStaleChangesSayWhatHelps(t *testing.T) {
	whole := HubSyncReport{Stale: 2}.Text()
	if !strings.Contains(whole, "2 change(s) not sent") || !strings.Contains(whole, "sync again") {
		t.Errorf("whole collection:\n%s", whole)
	}
	part := HubSyncReport{Stale: 1, OnlyTags: []string{"kirkuk"}}.Text()
	if !strings.Contains(part, "1 change(s) not sent") || !strings.Contains(part, "--all-tags") || strings.Contains(part, "sync again") {
		t.Errorf("subscribed project:\n%s", part)
	}
}
