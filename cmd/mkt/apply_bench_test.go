package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// BenchmarkApply1000 measures mkt apply creating 1,000 products (four types, SKUs, validity
// periods) against a real mkt sandbox serve over loopback HTTP, as a release pipeline would.
// Each run applies a manifest with new keys, so every run creates 1,000 products. Reported:
// seconds per apply (target under 10 s) and the apply process's peak RSS.
//
//	go test ./cmd/mkt -run '^$' -bench Apply1000 -benchtime 3x
func BenchmarkApply1000(b *testing.B) { benchApply(b) }

// BenchmarkApply1000Throttled is BenchmarkApply1000 against a sandbox that throttles as
// production does, at 50 requests a second per AccessKey (sandbox serve --throttle 50): every
// product must still be created (mkt waits flow control out), in about the time the limit
// implies. Reported besides: the requests the server answered, how many it refused with
// Throttling.User, and the seconds 50 requests a second imply for the ones it served.
//
//	go test ./cmd/mkt -run '^$' -bench Apply1000Throttled -benchtime 1x
func BenchmarkApply1000Throttled(b *testing.B) { benchApply(b, "--throttle", "50") }

// lineCounter counts the request log lines of sandbox serve: all, and the throttled ones.
type lineCounter struct {
	mu              sync.Mutex
	partial         []byte
	lines, refusals int
}

func (c *lineCounter) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.partial = append(c.partial, p...)
	for {
		i := bytes.IndexByte(c.partial, '\n')
		if i < 0 {
			return len(p), nil
		}
		line := string(c.partial[:i])
		c.partial = c.partial[i+1:]
		if f := strings.Fields(line); len(f) == 4 && len(f[0]) == 8 { // "15:04:05 Action status duration"
			c.lines++
			if f[2] == "400" {
				c.refusals++
			}
		}
	}
}

func (c *lineCounter) counts() (int, int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lines, c.refusals
}

func benchApply(b *testing.B, serveArgs ...string) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		b.Skip("go not on PATH")
	}
	dir := b.TempDir()
	mkt := filepath.Join(dir, "mkt")
	wd, _ := os.Getwd()
	buildBinary(b, goBin, mkt, wd)

	base := []string{"HOME=" + dir, "PATH=/usr/bin:/bin", "MKT_SANDBOX_DIR=" + filepath.Join(dir, "sandbox")}
	serve := exec.Command(mkt, append([]string{"sandbox", "serve", "--addr", "127.0.0.1:0"}, serveArgs...)...)
	serve.Env = base
	log := &lineCounter{}
	serve.Stderr = log
	stdout, _ := serve.StdoutPipe()
	if err := serve.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() {
		_ = serve.Process.Signal(os.Interrupt)
		_ = serve.Wait()
	}()
	env := append([]string(nil), base...)
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		line, ok := strings.CutPrefix(sc.Text(), "export ")
		if !ok {
			continue
		}
		env = append(env, line)
		if strings.HasPrefix(line, "MKT_ACCESS_KEY_SECRET=") {
			break
		}
	}
	if len(env) != len(base)+3 {
		b.Fatalf("sandbox serve did not print its endpoint and credentials: %v", env[len(base):])
	}
	go func() { // keep draining so that the server never blocks on its stdout
		for sc.Scan() {
		}
	}()

	run := 0
	var total time.Duration
	var maxRSS int64
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		run++
		file := filepath.Join(dir, fmt.Sprintf("listing-%d.yaml", run))
		if err := os.WriteFile(file, manifest1000(run), 0o644); err != nil {
			b.Fatal(err)
		}
		var out, errb bytes.Buffer
		cmd := exec.Command(mkt, "--sandbox", "apply", "-f", file)
		cmd.Env, cmd.Stdout, cmd.Stderr = env, &out, &errb
		b.StartTimer()
		start := time.Now()
		err := cmd.Run()
		total += time.Since(start)
		b.StopTimer()
		if err != nil {
			b.Fatalf("apply: %v\n%s", err, errb.String())
		}
		if n := strings.Count(out.String(), "created\tproduct"); n != 1000 {
			b.Fatalf("created %d products, want 1000\n%s", n, errb.String())
		}
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			maxRSS = max(maxRSS, ru.Maxrss) // KiB on Linux
		}
		b.StartTimer()
	}
	b.ReportMetric(total.Seconds()/float64(b.N), "s/apply")
	if len(serveArgs) > 0 {
		served, refused := log.counts()
		b.ReportMetric(float64(served)/float64(b.N), "requests/apply")
		b.ReportMetric(float64(refused)/float64(b.N), "throttled/apply")
		b.ReportMetric(float64(served-refused)/50/float64(b.N), "implied-s/apply")
	}
	b.ReportMetric(float64(maxRSS)/1024, "MiB-peak-RSS")
}

// manifest1000 is a listing of 1,000 products of the four types, keys unique to run.
func manifest1000(run int) []byte {
	var m bytes.Buffer
	m.WriteString("apiVersion: mkt/v1\nkind: Listing\nproducts:\n")
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&m, "  - key: r%d-p%04d\n    name: Product %d-%04d\n", run, i, run, i)
		switch i % 4 {
		case 0:
			fmt.Fprintf(&m, "    type: saas\n    delivery: spi\n    productionUrl: https://isv.example.com/spi/%d\n    validity: [1m, 1y]\n", i)
		case 1:
			fmt.Fprintf(&m, "    type: api\n    productionUrl: https://api.example.com/%d\n    apiGroup: g%d\n    apiPrefix: r%d-api-%04d\n    validity: [1m]\n", i, i, run, i)
		case 2:
			fmt.Fprintf(&m, "    type: image\n    imageId: m-%04d\n    imageRegion: cn-hangzhou\n    validity: [1m, 1y]\n", i)
		default:
			m.WriteString("    type: service\n    validity: [3m, 1y]\n")
		}
		fmt.Fprintf(&m, "    skus:\n      - name: Basic\n        price: \"%d.00\"\n      - name: Pro\n        price: \"%d.50\"\n", i%500, i%500+100)
	}
	return m.Bytes()
}
