# Dossier: `make run` builds and starts the app, `make test` runs every test.
# On Debian/Ubuntu both install the system packages they need with apt-get (via sudo
# when not root); elsewhere they say what is missing.

GO      ?= go
TAGS    := migrated_fynedo
DEBS    := gcc pkg-config libgl1-mesa-dev xorg-dev libxkbcommon-dev
TESTDEBS := xvfb xdotool imagemagick sqlite3 postgresql python3-networkx python3-jsonschema nodejs poppler-utils unzip
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The version is the git tag (v1.2.3, or v1.2.3-4-gabc1234-dirty between tags); without a
# tag the binary reports FyneApp.toml's version as a development build (app.CurrentVersion).
VERSION := $(shell git describe --tags --dirty --match 'v[0-9]*' 2>/dev/null)
LDFLAGS := $(if $(VERSION),-X dossier/app.Version=$(VERSION))

.PHONY: run build test bench fuzz deps test-deps vet

run: deps
	$(GO) run -tags $(TAGS) -ldflags "$(LDFLAGS)" . $(ARGS)

build: deps
	$(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o dossier .

test: deps test-deps
	$(GO) vet -tags $(TAGS) ./...
	LANG=en_US.UTF-8 $(GO) test -tags $(TAGS) -count=1 -timeout 40m ./...

bench: deps
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchtime 20x ./db/ ./app/...

# Each fuzz target for 30 s (go test -fuzz takes one target at a time).
fuzz:
	@for t in $$($(GO) test -list 'Fuzz.*' ./app/... | grep '^Fuzz'); do \
	  pkg=$$(grep -rl "func $$t(" --include='*_test.go' app | head -1 | xargs dirname); \
	  echo "== $$t ($$pkg)"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime 30s ./$$pkg || exit 1; done

deps:
	@command -v $(GO) >/dev/null || { echo "Go 1.26 or newer is needed: https://go.dev/dl/"; exit 1; }
	@$(MAKE) --no-print-directory install PKGS="$(DEBS)"

# The FtM model the export tests load exports in (npm @alephdata/followthemoney, pinned by
# app/export/testdata/ftm/package-lock.json) goes into that folder's git-ignored node_modules.
# npm comes with NodeSource's nodejs; Debian's nodejs needs Debian's npm beside it.
test-deps:
	@$(MAKE) --no-print-directory install PKGS="$(TESTDEBS)"
	@command -v npm >/dev/null || $(MAKE) --no-print-directory install PKGS=npm
	@cd app/export/testdata/ftm && { [ -f node_modules/@alephdata/followthemoney/package.json ] || npm ci --no-audit --no-fund --silent; }

install:
	@if command -v dpkg >/dev/null && command -v apt-get >/dev/null; then \
	  missing=$$(for p in $(PKGS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	  if [ -n "$$missing" ]; then echo "installing:" $$missing; \
	    $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi; \
	else echo "not Debian/Ubuntu: make sure you have the equivalent of: $(PKGS)"; fi

# --- Release packages (issue 10) -------------------------------------------------------
# make release: the Linux tarball and .deb, the Windows .zip and installer, SHA256SUMS, in
# dist/ (packaging/release.sh says what each holds). make release-test: builds them and
# smoke-tests the .deb (installed with apt in CI, unpacked elsewhere) and the .exe under
# wine (packaging/release-test.sh). The packaging tests in make test need the validators.
RELEASEDEBS := dpkg-dev imagemagick gcc-mingw-w64-x86-64 nsis zip
SMOKEDEBS   := wine64 unzip xvfb xdotool imagemagick python3
TESTDEBS    += desktop-file-utils appstream

.PHONY: release release-test

release: deps
	@$(MAKE) --no-print-directory install PKGS="$(RELEASEDEBS)"
	GO="$(GO)" packaging/release.sh

release-test: release
	@$(MAKE) --no-print-directory install PKGS="$(SMOKEDEBS)"
	GO="$(GO)" packaging/release-test.sh

# --- Static checks (issue 10) ----------------------------------------------------------
# make test runs staticcheck and gocyclo first (then go vet and the tests); they are installed
# from the Go module proxy on first use, at fixed versions so a new release's checks cannot
# break CI unannounced. gocyclo holds every function of db/ and views/ (tests aside) to a
# cyclomatic complexity of 15 at most: split a longer one into named steps.
STATICCHECK_VERSION := v0.8.2
GOCYCLO_VERSION     := v0.6.0
GOBIN ?= $(shell $(GO) env GOPATH)/bin

.PHONY: lint race race-concurrent

test: lint race-concurrent

lint: deps
	@[ -x "$(GOBIN)/staticcheck" ] && "$(GOBIN)/staticcheck" -version | grep -q "($(STATICCHECK_VERSION:v%=%))" || \
	  GOBIN="$(GOBIN)" $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	"$(GOBIN)/staticcheck" -tags $(TAGS) ./...
	@[ -x "$(GOBIN)/gocyclo" ] && $(GO) version -m "$(GOBIN)/gocyclo" | grep -q "github.com/fzipp/gocyclo[[:space:]]*$(GOCYCLO_VERSION)" || \
	  GOBIN="$(GOBIN)" $(GO) install github.com/fzipp/gocyclo/cmd/gocyclo@$(GOCYCLO_VERSION)
	"$(GOBIN)/gocyclo" -over 15 -ignore '_test' db views

# The race detector. make test runs it on the code that runs concurrently: app/ingest
# (files read in parallel) and db's tests of its concurrent parts (the import's reading
# goroutines, writers waiting their turn beside readers, backups checked in parallel):
# about 50 s and 2 min under -race against 13 s and 22 s without (2 cores). Not the rest:
# under -race SQLite (C translated to Go) runs over ten times slower, and db's whole suite
# did not end within an hour on 2 shared cores, the batch interface's took 34 minutes and
# views' over 25 (its tests run the background work inline, so -race finds little there).
# make race runs every package under it.
RACE_DB_TESTS := TestImport|TestWrites|TestWrite|TestStoreKeeps|TestCancel|TestOpenToRead|TestBackup|TestVerifyBackup

race-concurrent: deps test-deps
	LANG=en_US.UTF-8 CGO_ENABLED=1 $(GO) test -race -tags $(TAGS) -count=1 ./app/ingest/
	LANG=en_US.UTF-8 CGO_ENABLED=1 $(GO) test -race -tags $(TAGS) -count=1 -run '$(RACE_DB_TESTS)' ./db/

race: deps test-deps
	LANG=en_US.UTF-8 CGO_ENABLED=1 $(GO) test -race -tags $(TAGS) -count=1 -timeout 180m ./...
