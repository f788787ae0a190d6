package acs

import (
	"net/http"
	"net/url"
	"testing"
)

// go test ./internal/acs -run '^$' -bench . -benchmem
func BenchmarkSignV3(b *testing.B) {
	body := []byte("FileName=plan.pdf&Content=JVBERi0xLjQ%3D")
	b.ReportAllocs()
	for b.Loop() {
		r, _ := http.NewRequest("POST", "https://market.aliyuncs.com/?Code=cmgj00012345&QueryDraft=true", nil)
		r.Header.Set("x-acs-action", "DescribeProduct")
		r.Header.Set("x-acs-version", "2015-11-01")
		r.Header.Set("x-acs-date", "2026-11-29T12:00:00Z")
		r.Header.Set("x-acs-signature-nonce", "5f0c1f3e9a6b4d2c8e7f1a2b3c4d5e6f")
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		SignV3(r, body, "LTAIbenchmark0001", "benchmark-secret")
	}
}

func BenchmarkVerifyV1(b *testing.B) {
	v := verifier()
	v.Nonces = nil // the same signed request is verified again and again
	r := read(v1Request("GET", url.Values{"Code": {"cmgj00012345"}, "SignatureType": {""}}, "sandbox-secret", false))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := v.Verify(r); err != nil {
			b.Fatal(err)
		}
	}
}
