// Package hubtest starts a throwaway PostgreSQL cluster for the hub's tests: Debian's
// packaged server (apt-get install postgresql), a fresh data folder, listening on
// 127.0.0.1 with SCRAM passwords and on a private socket, stopped and removed at the end.
package hubtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
)

// Cluster is a running throwaway server.
type Cluster struct {
	dir, bin, sock string
	port           int
	asPostgres     bool // root cannot run the server: it runs as the postgres user
	kept           bool // StartKept's: Stop leaves the data folder for the next run
}

// Start makes and starts a cluster; call Stop when done (TestMain does both).
func Start() (*Cluster, error) {
	bin, err := serverBin()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "dossier-hubtest-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{dir: dir, bin: bin, sock: filepath.Join(dir, "sock"), asPostgres: os.Geteuid() == 0}
	if err := c.prepare(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return c, nil
}

// StartKept starts the cluster whose files are kept in dir, making it the first time:
// a benchmark whose hub takes minutes to fill fills it once and reuses it in later runs.
// Stop stops it and leaves its files; removing dir starts afresh.
func StartKept(dir string) (*Cluster, error) {
	bin, err := serverBin()
	if err != nil {
		return nil, err
	}
	c := &Cluster{dir: dir, bin: bin, sock: filepath.Join(dir, "sock"), asPostgres: os.Geteuid() == 0, kept: true}
	if _, err := os.Stat(filepath.Join(dir, "data", "PG_VERSION")); err == nil {
		return c, c.start()
	}
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := c.prepare(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return c, nil
}

// serverBin finds the newest installed PostgreSQL's programs.
func serverBin() (string, error) {
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	sort.Slice(found, func(i, j int) bool { return version(found[i]) > version(found[j]) })
	if len(found) == 0 {
		return "", errors.New("PostgreSQL is not installed: the hub's tests need it (apt-get install postgresql; `make test` installs it)")
	}
	return filepath.Dir(found[0]), nil
}

func version(initdb string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(initdb))))
	return n
}

func (c *Cluster) prepare() error {
	data := filepath.Join(c.dir, "data")
	if err := os.Mkdir(c.sock, 0o700); err != nil {
		return err
	}
	if c.asPostgres {
		u, err := user.Lookup("postgres")
		if err != nil {
			return fmt.Errorf("running as root, the test server needs the postgres user: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		for _, p := range []string{c.dir, c.sock} {
			if err := os.Chown(p, uid, gid); err != nil {
				return err
			}
		}
	}
	pw := filepath.Join(c.dir, "pw")
	if err := os.WriteFile(pw, []byte("admin-secret\n"), 0o600); err != nil {
		return err
	}
	if c.asPostgres {
		if err := c.chownPostgres(pw); err != nil {
			return err
		}
	}
	if out, err := c.run("initdb", "-D", data, "-U", "postgres", "--pwfile", pw, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C"); err != nil {
		return fmt.Errorf("initdb: %v\n%s", err, out)
	}
	return c.start()
}

// start starts the server of the cluster's data folder on a free port; a kept cluster
// on the port it had when it is free, so that the URLs a kept project syncs with stay.
func (c *Cluster) start() error {
	data := filepath.Join(c.dir, "data")
	port, err := c.keptPort()
	if err != nil {
		return err
	}
	c.port = port
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -c port=%d -c unix_socket_directories=%s -c fsync=off", port, c.sock)
	// A benchmark of a large hub may ask for the shared memory a real server is given
	// (PostgreSQL's default, 128 MB, is meant for small machines).
	if sb := os.Getenv("DOSSIER_HUBTEST_SHARED_BUFFERS"); sb != "" {
		opts += " -c shared_buffers=" + sb
	}
	if out, err := c.run("pg_ctl", "-D", data, "-o", opts, "-l", filepath.Join(c.dir, "log"), "-w", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(c.dir, "log"))
		return fmt.Errorf("pg_ctl start: %v\n%s\n%s", err, out, log)
	}
	return nil
}

func (c *Cluster) chownPostgres(p string) error {
	u, err := user.Lookup("postgres")
	if err != nil {
		return err
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return os.Chown(p, uid, gid)
}

// run runs one of the server's programs, as the postgres user when we are root.
func (c *Cluster) run(prog string, args ...string) ([]byte, error) {
	path := filepath.Join(c.bin, prog)
	var cmd *exec.Cmd
	if c.asPostgres {
		cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--", path}, args...)...)
	} else {
		cmd = exec.Command(path, args...)
	}
	cmd.Dir = c.dir
	return cmd.CombinedOutput()
}

// keptPort is a kept cluster's last port when it is free, else a free one (kept for
// the next start).
func (c *Cluster) keptPort() (int, error) {
	if !c.kept {
		return freePort()
	}
	file := filepath.Join(c.dir, "port")
	if b, err := os.ReadFile(file); err == nil {
		if p, err := strconv.Atoi(string(b)); err == nil {
			if l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", p)); err == nil {
				l.Close()
				return p, nil
			}
		}
	}
	p, err := freePort()
	if err != nil {
		return 0, err
	}
	return p, os.WriteFile(file, []byte(strconv.Itoa(p)), 0o644)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Stop stops the server and removes its files (a kept cluster's stay, shut down cleanly).
func (c *Cluster) Stop() {
	if c.kept {
		c.run("pg_ctl", "-D", filepath.Join(c.dir, "data"), "-m", "fast", "-w", "stop")
		return
	}
	c.run("pg_ctl", "-D", filepath.Join(c.dir, "data"), "-m", "immediate", "-w", "stop")
	os.RemoveAll(c.dir)
}

// AdminURL is the superuser's URL for database db, over the private socket.
func (c *Cluster) AdminURL(db string) string {
	return fmt.Sprintf("postgres://postgres@/%s?host=%s&port=%d&sslmode=disable", db, c.sock, c.port)
}

// UserURL is user's URL for database db over TCP, where SCRAM passwords are asked.
func (c *Cluster) UserURL(db, user, password string) string {
	return fmt.Sprintf("postgres://%s:%s@127.0.0.1:%d/%s?sslmode=disable", user, password, c.port, db)
}

// NewDatabase creates an empty database for one test and returns its name.
func (c *Cluster) NewDatabase(ctx context.Context) (string, error) {
	conn, err := pgx.Connect(ctx, c.AdminURL("postgres"))
	if err != nil {
		return "", err
	}
	defer conn.Close(ctx)
	name := fmt.Sprintf("hubtest_%d", time.Now().UnixNano())
	_, err = conn.Exec(ctx, "CREATE DATABASE "+name)
	return name, err
}
