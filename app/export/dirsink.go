package export

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"dossier/app"
)

// Writing a vault as a folder costs the file system one new file per record, and
// creating a file (not writing it: no fsync, no rename per file is made) is what made
// the folder slower than the zip: about 50 µs each on an idle machine, ten times that on
// a busy one, for over 100,000 files, while the export itself waits on SQLite and the
// formatting. pipeSink overlaps the two: the export fills a buffer per file, and a
// background writer creates and writes the files meanwhile.

// pipeWriters is how many goroutines create files. One: files in one folder are created
// under the folder's lock, so a second writer mostly waits (or spins) on the first; what
// gains time is creating files while the export reads and formats the next ones.
const pipeWriters = 1

// pipeQueue bounds the files waiting to be written, and so the memory held.
const pipeQueue = 64

// pipeSink writes a vault's files under a new folder on background goroutines. Close
// waits for every file and returns the first failure, naming its file. Each file is
// created new (O_EXCL): two records that would share a file are an error, never one
// overwriting the other.
type pipeSink struct {
	dir  string
	jobs chan *pipeFile
	wg   sync.WaitGroup
	bufs sync.Pool

	mu   sync.Mutex
	err  error
	made map[string]bool // folders made so far
	done bool
}

func newPipeSink(dir string) *pipeSink {
	p := &pipeSink{dir: dir, jobs: make(chan *pipeFile, pipeQueue), made: map[string]bool{}}
	p.bufs.New = func() any { return new(bytes.Buffer) }
	for range pipeWriters {
		p.wg.Add(1)
		go p.writer()
	}
	return p
}

// pipeFile is one file being filled by the export; Close hands it to the writers.
type pipeFile struct {
	sink *pipeSink
	path string
	buf  *bytes.Buffer
}

func (f *pipeFile) Write(b []byte) (int, error) { return f.buf.Write(b) }

func (f *pipeFile) Close() error {
	f.sink.jobs <- f
	return f.sink.failed()
}

// Create starts the file at path. It fails, without waiting, once a writer has failed,
// so that the export stops at the first file that could not be written.
func (p *pipeSink) Create(path string) (io.WriteCloser, error) {
	if err := p.failed(); err != nil {
		return nil, err
	}
	buf := p.bufs.Get().(*bytes.Buffer)
	buf.Reset()
	return &pipeFile{sink: p, path: path, buf: buf}, nil
}

func (p *pipeSink) failed() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.err
}

func (p *pipeSink) writer() {
	defer p.wg.Done()
	for f := range p.jobs {
		if p.failed() == nil {
			if err := p.write(f); err != nil {
				p.mu.Lock()
				if p.err == nil {
					p.err = &app.Error{Code: app.EINTERNAL, Err: err,
						Message: fmt.Sprintf("Cannot write %s in the vault: %v.", f.path, err)}
				}
				p.mu.Unlock()
			}
		}
		if f.buf.Cap() <= 1<<20 { // a huge article's buffer is let go
			p.bufs.Put(f.buf)
		}
	}
}

func (p *pipeSink) write(f *pipeFile) error {
	full := filepath.Join(p.dir, filepath.FromSlash(f.path))
	if err := p.folder(filepath.Dir(full)); err != nil {
		return err
	}
	out, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = out.Write(f.buf.Bytes())
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// folder makes dir once: a vault has three folders, and asking the file system about
// them for every file cost a call per file.
func (p *pipeSink) folder(dir string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.made[dir] {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	p.made[dir] = true
	return nil
}

// Close waits for every file handed over and returns the first failure.
func (p *pipeSink) Close() error {
	p.mu.Lock()
	if p.done {
		p.mu.Unlock()
		return p.failed()
	}
	p.done = true
	p.mu.Unlock()
	close(p.jobs)
	p.wg.Wait()
	return p.failed()
}
