package db

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"dossier/app"
)

// BenchmarkImportPeakMemory imports eight 50 MB files of each kind and reports the
// process's peak memory during the import (peak-MB: the resident set's high-water mark on
// Linux, else the Go runtime's memory sampled every millisecond) and before it
// (base-MB), the Go runtime's share of the peak (go-MB, sampled; the rest is SQLite's),
// with 2 and 8 reading goroutines (GOMAXPROCS). The goal: a peak
// under 300 MB, whatever GOMAXPROCS is.
//
//   - text-line: one 50 MB line of words, the case. Beyond what an article holds,
//     it is refused from its first bytes.
//   - page: a saved web page holding a short article and 50 MB of inline image data, as
//     single-file page savers write them. Filed.
//   - text-20MB: plain text of 20 MB, the most an article holds, so parsed and filed.
//   - feed: an RSS feed of 125 items of 400 KB, filed an article per item. It files 400 MB
//     of text, which takes minutes: only when DOSSIER_MEM_KINDS names it.
//
// DOSSIER_MEM_KINDS picks kinds (comma-separated); the default is all but feed.
func BenchmarkImportPeakMemory(b *testing.B) {
	kinds := []struct {
		name, ext string
		size      int64
		write     func(w *bufio.Writer, i int, size int64)
	}{
		{"text-line", ".txt", 50 << 20, writeOneLine},
		{"page", ".html", 50 << 20, writeBigPage},
		{"text-20MB", ".txt", app.MaxBody, writeLongText},
		{"feed", ".xml", 50 << 20, writeBigFeed},
	}
	want := os.Getenv("DOSSIER_MEM_KINDS")
	if want == "" {
		want = "text-line,page,text-20MB"
	}
	for _, k := range kinds {
		if !strings.Contains(","+want+",", ","+k.name+",") {
			continue
		}
		dir := b.TempDir()
		for i := range 8 {
			writeBenchFile(b, filepath.Join(dir, fmt.Sprintf("%02d%s", i, k.ext)), func(w *bufio.Writer) { k.write(w, i, k.size) })
		}
		for _, procs := range []int{2, 8} {
			b.Run(k.name+"/GOMAXPROCS="+strconv.Itoa(procs), func(b *testing.B) {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				var peak, goPeak, base float64
				for b.Loop() {
					b.StopTimer()
					s := openBench(b, filepath.Join(b.TempDir(), "mem.dossier"))
					runtime.GC()
					debug.FreeOSMemory()
					m := startPeak()
					base = max(base, m.base)
					b.StartTimer()
					sum, err := s.ImportFiles(context.Background(), []string{dir}, app.ImportOptions{})
					b.StopTimer()
					p, gp := m.stop()
					peak, goPeak = max(peak, p), max(goPeak, gp)
					if err != nil || sum.Files != 8 {
						b.Fatalf("%+v, %v", sum, err)
					}
					s.Close()
					b.StartTimer()
				}
				b.ReportMetric(peak, "peak-MB")
				b.ReportMetric(base, "base-MB")
				b.ReportMetric(goPeak, "go-MB")
			})
		}
	}
}

func writeBenchFile(b *testing.B, path string, write func(*bufio.Writer)) {
	b.Helper()
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	write(w)
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
}

func writeOneLine(w *bufio.Writer, i int, size int64) {
	fmt.Fprintf(w, "Levy%d ", i)
	for n := int64(w.Buffered()); n+7 <= size; n += 7 {
		w.WriteString("harbor ")
	}
}

func writeBigPage(w *bufio.Writer, i int, size int64) {
	fmt.Fprintf(w, `<!doctype html><html><head><title>Harbour levy vote %d</title></head><body><article><h1>Harbour levy vote %d</h1>
<p>The council voted on Tuesday to raise the harbour levy by two per cent, the first rise in six years, after a long debate on the ferry schedule.</p>
<p>Opponents said the money would be better spent on the breakwater.</p><img alt="chart" src="data:image/png;base64,`, i, i)
	const tail = `"></article></body></html>`
	chunk := bytes.Repeat([]byte("QUJD"), 1024)
	for n := int64(w.Buffered()); n+int64(len(chunk))+int64(len(tail)) <= size; n += int64(len(chunk)) {
		w.Write(chunk)
	}
	w.WriteString(tail)
}

func writeBigFeed(w *bufio.Writer, i int, size int64) {
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbour wire</title>`)
	per := size / 125
	for item := 0; item < 125; item++ {
		fmt.Fprintf(w, "<item><title>Harbour bulletin %d-%d</title><link>https://wire.example/%d/%d</link><description>", i, item, i, item)
		for n := int64(0); n < per-400; {
			m, _ := fmt.Fprintf(w, "Bulletin %d-%d: the ferry sailed late and the levy was debated again. ", i, item)
			n += int64(m)
		}
		w.WriteString("</description></item>\n")
	}
	w.WriteString("</channel></rss>")
}

func writeLongText(w *bufio.Writer, i int, size int64) {
	fmt.Fprintf(w, "Harbour levy report %d\n\n", i)
	for n := int64(w.Buffered()); ; {
		m, _ := fmt.Fprintf(w, "The council met for session %d and discussed the levy, the ferry and the breakwater.\n\n", n)
		if n += int64(m); n+100 > size {
			return
		}
	}
}

// peakMeter measures the memory peak of the process from startPeak to stop.
type peakMeter struct {
	base   float64
	linux  bool
	done   chan struct{}
	wg     sync.WaitGroup
	sample float64
}

// startPeak resets the resident set's high-water mark where Linux allows it
// (/proc/self/clear_refs), and samples the Go runtime's memory every millisecond.
func startPeak() *peakMeter {
	m := &peakMeter{done: make(chan struct{})}
	if os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil {
		if hwm, ok := procStatusMB("VmHWM:"); ok {
			m.linux, m.base = true, hwm
		}
	}
	m.sample = goMemMB()
	if !m.linux {
		m.base = m.sample
	}
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-m.done:
				return
			case <-t.C:
				m.sample = max(m.sample, goMemMB())
			}
		}
	}()
	return m
}

// stop returns the peak in MB, and the Go runtime's part of it as sampled.
func (m *peakMeter) stop() (peak, goPeak float64) {
	close(m.done)
	m.wg.Wait()
	if m.linux {
		hwm, _ := procStatusMB("VmHWM:")
		return hwm, m.sample
	}
	return m.sample, m.sample
}

func procStatusMB(field string) (float64, bool) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, field); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024, err == nil
		}
	}
	return 0, false
}

// goMemMB is the memory the Go runtime holds from the system and has not given back.
func goMemMB() float64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	return float64(s[0].Value.Uint64()-s[1].Value.Uint64()) / (1 << 20)
}
