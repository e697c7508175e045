package mention

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkMatchVsGrep is the speed goal of issue #4, measured side by side in one run:
// the aliases of 10,000 actors matched in a few MB of news-like text by Matcher (with
// its folding and word-boundary rules, one Find per article, as the app does), by GNU
// `grep -F -i -o -f aliases.txt` and by case-sensitive `grep -F -o -f aliases.txt` over
// the same text. Each iteration runs all three in turn, so machine noise falls on all of
// them alike. The figures it reports:
//
//	matcher-MB/s, grep-i-MB/s, grep-MB/s  throughputs (grep's include starting it and
//	                                      reading the aliases: it is run as a program)
//	x-grep-i  matcher ÷ grep -F -i (goal ≥ 2)
//	x-grep    matcher ÷ grep -F    (goal ≥ 0.5)
//	x-grep-i-scan, x-grep-scan  the same with grep's start-up (the same grep on an empty
//	          file: process, locale, reading and compiling the aliases) taken off its time
//	x-grep-i-build, x-grep-build  the same with grep's start-up left in and the
//	          matcher's build (New over the aliases, which the app does once per change of
//	          names) added to the matcher's time
//
// grep runs with LC_ALL=C, its fastest mode (byte comparisons, ASCII-only -i).
// DOSSIER_GREP_MB sets the size of the text (default 8).
func BenchmarkMatchVsGrep(b *testing.B) {
	benchMatchVsGrep(b, "C", 8)
}

// BenchmarkMatchVsGrepUTF8 is BenchmarkMatchVsGrep with grep in a UTF-8 locale, as a
// desktop shell would run it (where grep -i is far slower: 1 MB of text by default).
func BenchmarkMatchVsGrepUTF8(b *testing.B) {
	benchMatchVsGrep(b, "C.UTF-8", 1)
}

func benchMatchVsGrep(b *testing.B, locale string, mb int) {
	grep, err := exec.LookPath("grep")
	if err != nil {
		b.Skip("grep is not installed")
	}
	if out, _ := exec.Command(grep, "--version").Output(); !bytes.Contains(out, []byte("GNU grep")) {
		b.Skip("grep is not GNU grep")
	}
	if v := os.Getenv("DOSSIER_GREP_MB"); v != "" {
		if _, err := fmt.Sscan(v, &mb); err != nil || mb <= 0 {
			b.Fatalf("DOSSIER_GREP_MB=%q is not a number of megabytes", v)
		}
	}
	size := mb << 20
	actors := newsActors(10_000, 1)
	pats := newsPatterns(actors)
	articles := newsCorpus(actors, size, 4000, 1)
	text := strings.Join(articles, "\n")

	dir := b.TempDir()
	aliasFile, textFile := filepath.Join(dir, "aliases.txt"), filepath.Join(dir, "text.txt")
	var al strings.Builder
	for _, p := range pats {
		al.WriteString(p.Text)
		al.WriteByte('\n')
	}
	if err := os.WriteFile(aliasFile, []byte(al.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(textFile, []byte(text), 0o600); err != nil {
		b.Fatal(err)
	}
	emptyFile := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(emptyFile, nil, 0o600); err != nil {
		b.Fatal(err)
	}

	var tm, tb, tgi, tg, tgi0, tg0 time.Duration
	var nm, ngi, ng int
	b.ResetTimer()
	for b.Loop() {
		t0 := time.Now()
		m := New(pats)
		tb += time.Since(t0)

		t0 = time.Now()
		nm = 0
		for _, a := range articles {
			nm += len(m.Find(a))
		}
		tm += time.Since(t0)

		t0 = time.Now()
		ngi = runGrep(b, grep, locale, "-F", "-i", "-o", "-f", aliasFile, textFile)
		tgi += time.Since(t0)

		t0 = time.Now()
		ng = runGrep(b, grep, locale, "-F", "-o", "-f", aliasFile, textFile)
		tg += time.Since(t0)

		t0 = time.Now()
		runGrep(b, grep, locale, "-F", "-i", "-o", "-f", aliasFile, emptyFile)
		tgi0 += time.Since(t0)
		t0 = time.Now()
		runGrep(b, grep, locale, "-F", "-o", "-f", aliasFile, emptyFile)
		tg0 += time.Since(t0)
	}
	b.StopTimer()
	mbps := func(d time.Duration) float64 { return float64(len(text)*b.N) / d.Seconds() / 1e6 }
	b.ReportMetric(mbps(tm), "matcher-MB/s")
	b.ReportMetric(mbps(tgi), "grep-i-MB/s")
	b.ReportMetric(mbps(tg), "grep-MB/s")
	b.ReportMetric(tgi.Seconds()/tm.Seconds(), "x-grep-i")
	b.ReportMetric(tg.Seconds()/tm.Seconds(), "x-grep")
	b.ReportMetric((tgi-tgi0).Seconds()/tm.Seconds(), "x-grep-i-scan")
	b.ReportMetric((tg-tg0).Seconds()/tm.Seconds(), "x-grep-scan")
	b.ReportMetric(tgi.Seconds()/(tm+tb).Seconds(), "x-grep-i-build")
	b.ReportMetric(tg.Seconds()/(tm+tb).Seconds(), "x-grep-build")
	b.ReportMetric(float64(tb.Microseconds())/float64(b.N)/1000, "matcher-build-ms")
	b.ReportMetric(float64(tgi0.Microseconds())/float64(b.N)/1000, "grep-i-startup-ms")
	b.ReportMetric(float64(nm), "matches")
	b.ReportMetric(float64(ngi), "grep-i-matches")
	b.ReportMetric(float64(ng), "grep-matches")
	b.ReportMetric(float64(len(pats)), "aliases")
	b.ReportMetric(float64(len(text))/1e6, "text-MB")
}

// runGrep runs grep and returns how many matches it printed. Its output goes through a
// pipe: GNU grep notices an output of /dev/null and stops at the first match.
func runGrep(b *testing.B, grep, locale string, args ...string) int {
	cmd := exec.Command(grep, args...)
	cmd.Env = append(os.Environ(), "LC_ALL="+locale)
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	n := countLines(out)
	// Status 1 means nothing matched, which is what the empty file gives.
	if err := cmd.Wait(); err != nil && cmd.ProcessState.ExitCode() != 1 {
		b.Fatalf("grep %v: %v", args, err)
	}
	return n
}

func countLines(r io.Reader) int {
	br := bufio.NewReaderSize(r, 1<<16)
	buf := make([]byte, 1<<16)
	n := 0
	for {
		k, err := br.Read(buf)
		n += bytes.Count(buf[:k], []byte{'\n'})
		if err != nil {
			return n
		}
	}
}

// BenchmarkFindNews is the matcher alone on the text of BenchmarkMatchVsGrep (1 MB of
// it), for profiling.
func BenchmarkFindNews(b *testing.B) {
	actors := newsActors(10_000, 1)
	m := New(newsPatterns(actors))
	articles := newsCorpus(actors, 1<<20, 4000, 1)
	n := 0
	for _, a := range articles {
		n += len(a)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		for _, a := range articles {
			m.Find(a)
		}
	}
}
