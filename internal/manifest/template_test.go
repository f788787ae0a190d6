package manifest

import (
	"bytes"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Every template parses as a product file (no unknown field), names its own type, and
// comments every field in the language asked.
func TestProductTemplate(t *testing.T) {
	for _, typ := range []rules.ProductType{rules.TypeSaaS, rules.TypeAPI, rules.TypeImage, rules.TypeService} {
		for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
			src := ProductTemplate(typ, lang)
			var spec ProductSpec
			dec := yaml.NewDecoder(bytes.NewReader([]byte(src)))
			dec.KnownFields(true)
			if err := dec.Decode(&spec); err != nil {
				t.Fatalf("%s/%s: %v\n%s", typ, lang, err, src)
			}
			if pt, ok := rules.ParseType(spec.Type); !ok || pt != typ {
				t.Errorf("%s/%s: type %q", typ, lang, spec.Type)
			}
			if _, v := rules.ParsePeriods(typ, spec.Validity); v != nil {
				t.Errorf("%s/%s: the template's validity is refused: %v", typ, lang, v.Msg)
			}
			for _, l := range strings.Split(strings.TrimSpace(src), "\n")[1:] {
				if !strings.Contains(l, "# ") && !strings.HasPrefix(l, "  - ") {
					t.Errorf("%s/%s: no rule on %q", typ, lang, l)
				}
			}
			if lang == i18n.ZH && !strings.Contains(src, "商品名称") {
				t.Errorf("%s: zh template is not Chinese", typ)
			}
		}
	}
}
