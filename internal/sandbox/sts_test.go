package sandbox

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"strconv"
	"testing"

	"github.com/mkt-cli/mkt/internal/market"
)

// A served sandbox answers STS GetCallerIdentity for its own key, as STS answers an account's
// own AccessKey — so mkt in live mode, pointed at it, finds the seller's listed products — and
// refuses a foreign key and a Market action under STS's version.
func TestGetCallerIdentity(t *testing.T) {
	store, srv, c := newSandbox(t)
	var uid int64
	if err := store.readTx(context.Background(), func(tx *sql.Tx) error {
		var err error
		uid, err = sellerUID(tx)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	got, err := c.CallerIdentity(context.Background(), srv.URL)
	if err != nil || got != strconv.FormatInt(uid, 10) {
		t.Fatalf("CallerIdentity = %q, %v; want %d", got, err, uid)
	}
	var out map[string]string
	if err := c.Call(context.Background(), market.Request{Product: "Sts", Action: "GetCallerIdentity", Method: http.MethodGet}, &out); err != nil {
		t.Fatal(err)
	}
	id := strconv.FormatInt(uid, 10)
	want := map[string]string{"AccountId": id, "UserId": id, "PrincipalId": id, "IdentityType": "Account", "Arn": "acs:ram::" + id + ":root"}
	for k, v := range want {
		if out[k] != v {
			t.Errorf("%s = %q, want %q", k, out[k], v)
		}
	}
	if out["RequestId"] == "" {
		t.Error("no RequestId")
	}

	id2, _, _ := store.Credentials()
	wrong := market.New(market.Options{Endpoint: srv.URL, Credential: market.Credential{AccessKeyID: id2, AccessKeySecret: "wrong"}, Retry: market.RetryPolicy{MaxAttempts: 1}})
	var apiErr *market.APIError
	if _, err := wrong.CallerIdentity(context.Background(), srv.URL); !errors.As(err, &apiErr) || apiErr.Code != "SignatureDoesNotMatch" {
		t.Errorf("wrong secret: %v", err)
	}
	err = c.Call(context.Background(), market.Request{Action: "DescribeProducts", Version: "2015-04-01"}, nil)
	if !errors.As(err, &apiErr) || apiErr.Code != "InvalidAction.NotFound" {
		t.Errorf("a Market action under STS's version: %v", err)
	}
}
