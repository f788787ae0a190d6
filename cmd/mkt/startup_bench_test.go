package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkStartup compares `mkt --version` with a hello-world Go binary (docs/performance.md: within
// 3×). Both are built with the release flags; runs alternate so that machine noise hits both
// alike. Reported: ns/op of one mkt run, and x-hello, mkt's time over hello's.
//
//	go test ./cmd/mkt -run '^$' -bench Startup -benchtime 200x
func BenchmarkStartup(b *testing.B) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		b.Skip("go not on PATH")
	}
	dir := b.TempDir()
	hello := filepath.Join(dir, "hello")
	mkt := filepath.Join(dir, "mkt")

	helloSrc := filepath.Join(dir, "hellosrc")
	os.MkdirAll(helloSrc, 0o755)
	os.WriteFile(filepath.Join(helloSrc, "go.mod"), []byte("module hello\n\ngo 1.26\n"), 0o644)
	os.WriteFile(filepath.Join(helloSrc, "main.go"), []byte("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello\") }\n"), 0o644)
	buildBinary(b, goBin, hello, helloSrc)
	wd, _ := os.Getwd()
	buildBinary(b, goBin, mkt, wd)

	env := []string{"HOME=" + dir, "PATH=/usr/bin:/bin"}
	run := func(bin string, args ...string) time.Duration {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		start := time.Now()
		if err := cmd.Run(); err != nil {
			b.Fatalf("%s: %v", bin, err)
		}
		return time.Since(start)
	}
	// Warm the page cache.
	run(hello)
	run(mkt, "--version")

	var tHello, tMkt time.Duration
	b.ResetTimer()
	for b.Loop() {
		tHello += run(hello)
		tMkt += run(mkt, "--version")
	}
	b.StopTimer()
	b.ReportMetric(float64(tMkt.Nanoseconds())/float64(b.N), "mkt-ns/op")
	b.ReportMetric(float64(tHello.Nanoseconds())/float64(b.N), "hello-ns/op")
	b.ReportMetric(float64(tMkt)/float64(tHello), "x-hello")
}

// buildBinary builds the package in pkgDir with the release flags.
func buildBinary(b *testing.B, goBin, out, pkgDir string) {
	b.Helper()
	cmd := exec.Command(goBin, "build", "-trimpath", "-ldflags=-s -w", "-o", out, ".")
	cmd.Dir = pkgDir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("build %s: %v\n%s", out, err, msg)
	}
}
