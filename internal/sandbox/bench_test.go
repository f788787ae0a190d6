package sandbox

import (
	"context"
	"net/url"
	"testing"

	"github.com/mkt-cli/mkt/internal/market"
)

// One DescribeProducts through the in-process transport: client signing, handler
// verification, one SQLite transaction, JSON both ways.
//
//	go test ./internal/sandbox -run '^$' -bench . -benchmem
func BenchmarkInProcessCall(b *testing.B) {
	store, err := Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	id, secret, _ := store.Credentials()
	c := market.New(market.Options{Endpoint: "http://sandbox.mkt.local", Transport: Transport{Handler: NewServer(store)},
		Credential: market.Credential{AccessKeyID: id, AccessKeySecret: secret}})
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if err := c.Call(ctx, market.Request{Action: "DescribeProducts", Query: url.Values{"PageSize": {"10"}}}, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// sandbox serve over loopback TCP with parallel clients; req/s is the throughput.
//
//	go test ./internal/sandbox -run '^$' -bench ServeParallel -cpu 2
func BenchmarkServeParallel(b *testing.B) {
	_, _, c := newSandbox(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.SetParallelism(4) // 4 clients per CPU
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := c.Call(ctx, market.Request{Action: "DescribeProducts"}, nil); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}
