package sandbox

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/mkt-cli/mkt/internal/acs"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// FuzzServe sends the sandbox any action with any parameters and body, signed (so that it
// reaches the action's handler) or not: nothing panics, every answer is the error envelope or
// an answer (JSON unless XML was asked for), and no input makes the sandbox fail on itself
// (500 InternalError); the documented 500 codes of some real actions are allowed.
func FuzzServe(f *testing.F) {
	store, err := Open(f.TempDir())
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { store.Close() })
	s := NewServer(store)
	id, secret, _ := store.Credentials()
	f.Add("DescribeProducts", "PageSize=1000&PageNumber=-1", "", true)
	f.Add("DescribeInvoiceForIsv", "", "InvoiceId=abc&Status=%zz", true)
	f.Add("UploadFile", "", "FileName=a.pdf&Content=JVBERi0=", true)
	f.Add("CreateOrder", "ProductCode=cmgj00000001&SkuCode=&Quantity=99999999999", "", true)
	f.Add("PushMeteringData", "", "Metering=[{\"InstanceId\":1e308}]", true)
	f.Add("DescribeProducts", "Format=XML", "", false)
	f.Fuzz(func(t *testing.T, action, rawQuery, body string, signed bool) {
		method := http.MethodPost
		if row, ok := marketapi.Lookup(action); ok {
			method = row.Sends()
		}
		r := httptest.NewRequest(method, "http://127.0.0.1/", strings.NewReader(body))
		r.URL.RawQuery = rawQuery
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if signed {
			version := marketapi.Version
			if row, ok := marketapi.Lookup(action); ok {
				version = row.Version
			}
			r.Header.Set("x-acs-action", action)
			r.Header.Set("x-acs-version", version)
			r.Header.Set("x-acs-date", time.Now().UTC().Format(acs.TimeFormat))
			r.Header.Set("x-acs-signature-nonce", uuid.NewString())
			acs.SignV3(r, []byte(body), id, secret)
		}
		w := httptest.NewRecorder()
		done := make(chan struct{})
		go func() { s.ServeHTTP(w, r); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("%s %q %q: no answer within 10 s", action, rawQuery, body)
		}
		out := w.Body.String()
		if strings.HasPrefix(out, "<") {
			return // the XML form, asked for
		}
		var env struct{ Code string }
		if err := json.Unmarshal(w.Body.Bytes(), &env); err != nil {
			t.Fatalf("%s %s: not JSON (%d): %q", action, url.QueryEscape(rawQuery), w.Code, out)
		}
		if w.Code >= 500 && (env.Code == "InternalError" || env.Code == "") {
			t.Fatalf("%s %q %q: the sandbox failed: %s", action, rawQuery, body, out)
		}
	})
}
