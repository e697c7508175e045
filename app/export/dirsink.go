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

// Writing a vault as a folder costs the file system one new file per record, over
// 100,000 for a large project. pipeSink overlaps that with the export: the export fills a
// buffer per file, and a background writer creates and writes the files meanwhile, each
// with one write from that buffer and no fsync (the folder is flushed once, at the end,
// by WriteVaultDir).
//
// Measured on ext4 (issue 13): the file system's time is in creating the files, not in
// writing them, and it depends on what was deleted last. A file system without a journal
// skips, for every new file, the inodes freed in the last minute (six while their
// inode-table block is dirty), looking each one up: after a 105,000-file vault was
// deleted, making the next one takes twice as long or more. No order or number of
// writers avoids that, and files are created in one folder under that folder's lock.

// pipeWriters is how many goroutines create files. One: files in one folder are created
// under the folder's lock, so a second writer mostly waits on the first; what gains time
// is creating files while the export reads and formats the next ones.
const pipeWriters = 1

// The files are handed to the writer in batches of pipeBatch files or pipeBatchBytes,
// whichever comes first: one hand-over per file woke the writer's thread for each file
// (a futex call and a thread switch per file). pipeQueue bounds the batches waiting, and
// so the memory held (about pipeQueue × pipeBatchBytes, plus one huge article at most).
const (
	pipeBatch      = 64
	pipeBatchBytes = 512 << 10
	pipeQueue      = 4
)

// pipeSink writes a vault's files under a new folder on a background goroutine. Close
// waits for every file and returns the first failure, naming its file. Each file is
// created new (O_EXCL): two records that would share a file are an error, never one
// overwriting the other. Create and the files' Close are called from one goroutine.
type pipeSink struct {
	dir   string
	jobs  chan []*pipeFile
	wg    sync.WaitGroup
	bufs  sync.Pool
	batch []*pipeFile // filled by the export, not yet handed over
	size  int         // bytes in batch

	mu   sync.Mutex
	err  error
	made map[string]bool // folders made so far
	done bool
}

func newPipeSink(dir string) *pipeSink {
	p := &pipeSink{dir: dir, jobs: make(chan []*pipeFile, pipeQueue), made: map[string]bool{}}
	p.bufs.New = func() any { return new(bytes.Buffer) }
	for range pipeWriters {
		p.wg.Add(1)
		go p.writer()
	}
	return p
}

// pipeFile is one file being filled by the export; Close hands it to the writer.
type pipeFile struct {
	sink *pipeSink
	path string
	buf  *bytes.Buffer
}

func (f *pipeFile) Write(b []byte) (int, error) { return f.buf.Write(b) }

func (f *pipeFile) Close() error {
	p := f.sink
	p.batch = append(p.batch, f)
	p.size += f.buf.Len()
	if len(p.batch) >= pipeBatch || p.size >= pipeBatchBytes {
		p.handOver()
	}
	return p.failed()
}

// handOver gives the files filled so far to the writer.
func (p *pipeSink) handOver() {
	if len(p.batch) > 0 {
		p.jobs <- p.batch
		p.batch, p.size = make([]*pipeFile, 0, pipeBatch), 0
	}
}

// Create starts the file at path. It fails, without waiting, once the writer has failed,
// so that the export stops soon after the first file that could not be written.
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
	for batch := range p.jobs {
		for _, f := range batch {
			if p.failed() == nil {
				p.fail(f.path, p.write(f))
			}
			if f.buf.Cap() <= 1<<20 { // a huge article's buffer is let go
				p.bufs.Put(f.buf)
			}
		}
	}
}

// fail keeps the first failure to write a file, naming the file; nil is no failure.
func (p *pipeSink) fail(path string, err error) {
	if err == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.err == nil {
		p.err = &app.Error{Code: app.EINTERNAL, Err: err, Message: fmt.Sprintf("Cannot write %s in the vault: %v.", path, err)}
	}
}

func (p *pipeSink) write(f *pipeFile) error {
	full := filepath.Join(p.dir, filepath.FromSlash(f.path))
	if err := p.folder(filepath.Dir(full)); err != nil {
		return err
	}
	return createFile(full, f.buf.Bytes())
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

// Close hands over the last files, waits for every file and returns the first failure.
func (p *pipeSink) Close() error {
	p.mu.Lock()
	if p.done {
		p.mu.Unlock()
		return p.failed()
	}
	p.done = true
	p.mu.Unlock()
	p.handOver()
	close(p.jobs)
	p.wg.Wait()
	return p.failed()
}
