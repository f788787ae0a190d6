package cli

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A verb never imports another verb: a package under internal/cli imports only its own
// subcommands, a shared package (<noun>/shared, listing) or the test helper. The composition
// root (this package and root) wires everything.
func TestNoVerbImportsAnother(t *testing.T) {
	const base = "github.com/mkt-cli/mkt/internal/cli"
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
			return err
		}
		dir := filepath.ToSlash(filepath.Dir(p))
		if dir == "." || dir == "root" || dir == "factory" || dir == "clitest" {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			q, _ := strconv.Unquote(imp.Path.Value)
			rel, ok := strings.CutPrefix(q, base+"/")
			if !ok {
				continue
			}
			switch {
			case strings.HasPrefix(rel, dir+"/"): // its own subcommands
			case path.Base(rel) == "shared", rel == "listing", rel == "clitest":
			default:
				t.Errorf("%s imports %s: a verb never imports another verb (share through <noun>/shared, cmdutil or a domain package)", p, rel)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
