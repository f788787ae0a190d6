package cli

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// An endpoint that serves the public actions but not the seller-console extension (as the
// real marketplace does): mkt todo skips those parts, says so, and still lists the rest.
func TestTodoWithoutSellerExtension(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		action := r.Form.Get("Action")
		if action == "" {
			action = r.Header.Get("x-acs-action")
		}
		w.Header().Set("Content-Type", "application/json")
		switch action {
		case "DescribeProductsForIsv":
			_ = json.NewEncoder(w).Encode(map[string]any{"RequestId": "R", "Products": []any{
				map[string]any{"Code": "cmgj00000001", "Name": "CRM", "Type": "SAAS", "Status": "REJECTED", "AuditFailMsg": "SPI too slow"}},
				"TotalCount": 1, "MaxResults": 100})
		case "DescribeInvoiceForIsv":
			_ = json.NewEncoder(w).Encode(map[string]any{"RequestId": "R", "Data": map[string]any{"TotalCount": 0, "PageNumber": 1, "PageSize": 100, "InvoiceList": []any{}}})
		default:
			w.WriteHeader(404)
			_ = json.NewEncoder(w).Encode(map[string]any{"RequestId": "R", "Code": "InvalidAction.NotFound", "Message": "Specified api is not found: " + action})
		}
	}))
	defer srv.Close()
	env := map[string]string{"MKT_ACCESS_KEY_ID": "LTAItest", "MKT_ACCESS_KEY_SECRET": "test-secret", "MKT_ENDPOINT": srv.URL}
	r := run(t, env, "", false, "todo")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if got := strings.Count(r.stderr, "skipped (the endpoint does not serve this seller-console extension)"); got != 3 {
		t.Errorf("skip notices: %d\n%s", got, r.stderr)
	}
	if r.stdout != "product\tproduct cmgj00000001 (CRM) was rejected: SPI too slow\tmkt product edit cmgj00000001 …, then mkt product submit cmgj00000001\n" {
		t.Errorf("stdout %q", r.stdout)
	}
}
