package app

import (
	"net/url"
	"strings"
	"testing"
	"time"
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

// TestStaleStatusLine: the window's status line says the same as the batch report about
// refused changes, with the window's way to take the whole collection.
func TestStaleStatusLine(t *testing.T) {
	at := time.Date(2026, 12, 3, 14, 2, 0, 0, time.Local)
	part := AutoSyncStatus{State: SyncDone, At: at, Sent: 1, Stale: 1, Subscribed: true}.Text()
	if !strings.Contains(part, "1 change(s) not sent") || !strings.Contains(part, "Subscriptions…") || strings.Contains(part, "sync again") {
		t.Errorf("subscribed project: %q", part)
	}
	whole := AutoSyncStatus{State: SyncOff, At: at, Stale: 2}.Text()
	if !strings.Contains(whole, "2 change(s) not sent") || !strings.Contains(whole, "sync again") {
		t.Errorf("whole collection: %q", whole)
	}
	if none := (AutoSyncStatus{State: SyncDone, At: at}).Text(); strings.Contains(none, "not sent") {
		t.Errorf("nothing refused: %q", none)
	}
}

// TestSubscriptionChange: what the Subscriptions dialog says a choice changes.
func TestSubscriptionChange(t *testing.T) {
	for _, c := range []struct {
		had, want []string
		says      string
		not       string
	}{
		{nil, nil, "No change", "stay"},
		{[]string{"kirkuk"}, []string{"kirkuk"}, "No change", "stay"},
		{nil, []string{"kirkuk"}, "Articles outside these tags stay in your project but will no longer be updated", "from the start"},
		{[]string{"kirkuk"}, nil, "whole collection", "no longer"},
		{[]string{"kirkuk", "mosul"}, []string{"kirkuk"}, "no longer be updated", "from the start"},
		{[]string{"kirkuk"}, []string{"basra", "kirkuk"}, "from the start to take the articles tagged basra", "no longer"},
		{[]string{"kirkuk"}, []string{"basra"}, "tagged basra", "No change"},
	} {
		got := SubscriptionChange(c.had, c.want)
		if !strings.Contains(got, c.says) || strings.Contains(got, c.not) {
			t.Errorf("%v → %v: %q", c.had, c.want, got)
		}
	}
}
