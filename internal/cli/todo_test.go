package cli

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"

	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Against a live endpoint without the seller extension (as the real marketplace is), mkt todo
// sends only public actions, lists what they show (a failed notification here) and says, one
// line each, what it could not check.
func TestTodoWithoutSellerExtension(t *testing.T) {
	var mu sync.Mutex
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		action := r.Form.Get("Action")
		if action == "" {
			action = r.Header.Get("x-acs-action")
		}
		mu.Lock()
		got = append(got, action)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		switch action {
		case "DescribeFailedNotifications":
			_ = json.NewEncoder(w).Encode(map[string]any{"RequestId": "R", "TotalCount": 1, "NotificationList": []any{
				map[string]any{"NotificationRequestId": "abc123", "Action": "createInstance", "Message": "{}", "CreateTime": 1700000000000}}})
		case "DescribeInvoiceForIsv":
			_ = json.NewEncoder(w).Encode(map[string]any{"RequestId": "R", "Code": "200", "Success": true, "Count": "0", "Result": []any{}})
		default:
			w.WriteHeader(404)
			_ = json.NewEncoder(w).Encode(map[string]any{"RequestId": "R", "Code": "InvalidAction.NotFound", "Message": "Specified api is not found, please check your url and method."})
		}
	}))
	defer srv.Close()
	env := map[string]string{"MKT_ACCESS_KEY_ID": "LTAItest", "MKT_ACCESS_KEY_SECRET": "test-secret", "MKT_ENDPOINT": srv.URL}
	r := run(t, env, "", false, "todo")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	// The four seller-console parts, and Compute Nest's usage requests (public, but this
	// endpoint does not answer them).
	if n := strings.Count(r.stderr, "not checked: "); n != 5 || !strings.Contains(r.stderr, "ListServiceUsages") {
		t.Errorf("'not checked' lines: %d\n%s", n, r.stderr)
	}
	if r.stdout != "notification\tSPI notification createInstance (abc123) was not delivered: handle it, then confirm it\tmkt notification confirm abc123\n" {
		t.Errorf("stdout %q", r.stdout)
	}
	for _, a := range got {
		if !clitest.PublicAction(a) && !clitest.PublicAction(marketapi.Key(marketapi.NestProduct, a)) {
			t.Errorf("sent %s, which is not a public action", a)
		}
	}
}
