package main

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/sandbox"
)

// BenchmarkInvoiceDue: the whole `mkt invoice due -o json` over 10,000 and 100,000 open
// requests in the embedded sandbox (1,000 pages of 100 for the larger). Reported: ms/op and
// the process's peak resident memory; memory must not grow with the number of requests.
//
//	go test ./cmd/mkt -run '^$' -bench InvoiceDue -benchtime 3x
func BenchmarkInvoiceDue(b *testing.B) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		b.Skip("go not on PATH")
	}
	dir := b.TempDir()
	mkt := filepath.Join(dir, "mkt")
	wd, _ := os.Getwd()
	buildBinary(b, goBin, mkt, wd)

	peak := map[int]int64{}
	for _, n := range []int{10_000, 100_000} {
		sbx := filepath.Join(dir, "sandbox-"+strconv.Itoa(n))
		store, err := sandbox.Open(sbx)
		if err != nil {
			b.Fatal(err)
		}
		id, secret, _ := store.Credentials()
		c := market.New(market.Options{Endpoint: "http://sandbox.mkt.local", Transport: sandbox.Transport{Handler: sandbox.NewServer(store)},
			Credential: market.Credential{AccessKeyID: id, AccessKeySecret: secret}})
		if err := c.Call(context.Background(), market.Request{Action: "SandboxRequestInvoice", Form: url.Values{"Count": {strconv.Itoa(n)}, "Spread": {"10d"}}}, nil); err != nil {
			b.Fatal(err)
		}
		store.Close()
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			var total time.Duration
			var maxRSS int64
			for b.Loop() {
				cmd := exec.Command(mkt, "invoice", "due", "-o", "json")
				cmd.Env = []string{"HOME=" + dir, "PATH=/usr/bin:/bin", "MKT_SANDBOX_DIR=" + sbx}
				devnull, _ := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
				cmd.Stdout = devnull
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				start := time.Now()
				if err := cmd.Run(); err != nil {
					b.Fatalf("%v: %s", err, stderr.String())
				}
				total += time.Since(start)
				devnull.Close()
				if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
					maxRSS = max(maxRSS, ru.Maxrss) // KiB on Linux
				}
			}
			peak[n] = maxRSS
			b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/op")
			b.ReportMetric(float64(maxRSS)/1024, "peak-MiB")
		})
	}
	if peak[10_000] > 0 && peak[100_000] > 2*peak[10_000] {
		b.Errorf("peak memory grows with the requests: %d KiB for 10k, %d KiB for 100k", peak[10_000], peak[100_000])
	}
}
