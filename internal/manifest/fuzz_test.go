package manifest

import (
	"testing"

	"github.com/mkt-cli/mkt/internal/i18n"
)

// FuzzParse: any input gives a manifest or problems — never a panic, never both, and a
// parsed manifest always plans against an empty marketplace.
func FuzzParse(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte(good + "bundles:\n  - name: s\n    products: [app, app]\n    discount: 10%\n"))
	f.Add([]byte("apiVersion: mkt/v1\nkind: Listing\nproducts:\n  - key: a\n\tname: x\n"))
	f.Add([]byte("products: {key: 1}\n"))
	f.Add([]byte("- a\n- b\n"))
	f.Add([]byte("apiVersion: ${X}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		m, err := Parse(src, env(map[string]string{"X": "mkt/v1"}))
		if (m == nil) == (err == nil) {
			t.Fatalf("manifest %v and error %v", m, err)
		}
		if err != nil {
			_ = err.(Problems).In(i18n.ZH)
			return
		}
		_ = MakePlan(m, Snapshot{})
	})
}
