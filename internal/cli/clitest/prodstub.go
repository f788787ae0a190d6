package clitest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/sandbox"
)

// ProdStub stands in for the real marketplace: it serves exactly the action table's public
// actions — Market, ComputeNestSupplier and STS GetCallerIdentity — by the sandbox's handler,
// so the answers are real, and answers every other action as production answers one it does
// not have. It records what it received.
type ProdStub struct {
	URL string
	// Seller reaches the stub's state with every action (to seed listed products, purchases…).
	Seller *market.Client
	store  *sandbox.Store
	id     string
	secret string
	mu     sync.Mutex
	got    []string

	backupOnce sync.Once
	backup     []byte
	backupErr  error
}

// NewProdStub starts a stub on 127.0.0.1; the test stops it.
func NewProdStub(t testing.TB) *ProdStub {
	t.Helper()
	store, err := sandbox.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	id, secret, _ := store.Credentials()
	handler := sandbox.NewServer(store)
	s := &ProdStub{store: store, id: id, secret: secret}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		// Compute Nest's uploads go to OSS, which production answers: the stub's store stands in.
		if strings.HasPrefix(r.URL.Path, "/"+sandbox.NestBucket+"/") {
			handler.ServeHTTP(w, r)
			return
		}
		form, _ := url.ParseQuery(string(body))
		param := func(name string) string {
			if v := r.URL.Query().Get(name); v != "" {
				return v
			}
			return form.Get(name)
		}
		action, version := r.Header.Get("x-acs-action"), r.Header.Get("x-acs-version")
		if action == "" {
			action = param("Action")
		}
		if version == "" {
			version = param("Version")
		}
		product, _ := marketapi.ProductOfVersion(version)
		row, known := marketapi.LookupIn(product, action)
		if product == marketapi.NestProduct {
			action = marketapi.Key(product, action)
		}
		s.mu.Lock()
		s.got = append(s.got, action)
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json;charset=utf-8")
		if known && row.Kind == marketapi.Public {
			handler.ServeHTTP(w, r)
			return
		}
		w.WriteHeader(http.StatusNotFound)
		_ = json.NewEncoder(w).Encode(map[string]string{"RequestId": "STUB", "HostId": "market.aliyuncs.com",
			"Code": "InvalidAction.NotFound", "Message": "Specified api is not found, please check your url and method."})
	}))
	t.Cleanup(srv.Close)
	s.URL = srv.URL
	s.Seller = market.New(market.Options{Endpoint: "http://stub.local", Credential: market.Credential{AccessKeyID: id, AccessKeySecret: secret},
		Transport: sandbox.Transport{Handler: handler}})
	return s
}

// PublicAction reports whether an action the stub received (a Market name, or a
// ComputeNestSupplier one as marketapi.Key gives it) is one production offers.
func PublicAction(received string) bool {
	product, name, ok := strings.Cut(received, ".")
	if !ok {
		product, name = marketapi.APIProduct, received
	}
	row, ok := marketapi.LookupIn(product, name)
	return ok && row.Kind == marketapi.Public
}

// Env is the environment of a live run against the stub: credentials and the endpoint.
func (s *ProdStub) Env() map[string]string {
	return map[string]string{"MKT_ACCESS_KEY_ID": s.id, "MKT_ACCESS_KEY_SECRET": s.secret, "MKT_ENDPOINT": s.URL}
}

// Copy restores a copy of the stub's state into a new directory and returns it, for a command
// to run on with --sandbox (each on its own copy, so that one deleting a product does not
// change what the next sees).
func (s *ProdStub) Copy(t testing.TB) string {
	t.Helper()
	s.backupOnce.Do(func() {
		var buf bytes.Buffer
		if _, err := s.store.Backup(context.Background(), &buf); err != nil {
			s.backupErr = err
			return
		}
		s.backup = buf.Bytes()
	})
	if s.backupErr != nil {
		t.Fatal(s.backupErr)
	}
	dir := filepath.Join(t.TempDir(), "sandbox")
	if err := sandbox.Restore(dir, bytes.NewReader(s.backup)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Received is every action the stub was sent, in order.
func (s *ProdStub) Received() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.got...)
}

// Reset forgets what was received.
func (s *ProdStub) Reset() {
	s.mu.Lock()
	s.got = nil
	s.mu.Unlock()
}

// ListedProduct creates, submits and approves a license-mode SaaS product on the stub.
func (s *ProdStub) ListedProduct(t testing.TB, name string, price string) marketapi.Product {
	t.Helper()
	ctx := context.Background()
	mode, act := "license", "https://isv.example.com/activate"
	p, err := s.Seller.CreateProduct(ctx, market.ProductInput{Type: "SAAS", Name: &name, DeliveryMode: &mode, ActivationUrl: &act,
		Skus: []marketapi.SKU{{Name: "Basic", Price: price}}, ValidityPeriods: []string{"1m", "1y"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Seller.SubmitProduct(ctx, p.Code, "review", ""); err != nil {
		t.Fatal(err)
	}
	if p, err = s.Seller.ReviewProduct(ctx, p.Code, "approve", ""); err != nil {
		t.Fatal(err)
	}
	return p
}
