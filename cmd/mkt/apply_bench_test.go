package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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
func BenchmarkApply1000(b *testing.B) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		b.Skip("go not on PATH")
	}
	dir := b.TempDir()
	mkt := filepath.Join(dir, "mkt")
	wd, _ := os.Getwd()
	buildBinary(b, goBin, mkt, wd)

	base := []string{"HOME=" + dir, "PATH=/usr/bin:/bin", "MKT_SANDBOX_DIR=" + filepath.Join(dir, "sandbox")}
	serve := exec.Command(mkt, "sandbox", "serve", "--addr", "127.0.0.1:0")
	serve.Env = base
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
