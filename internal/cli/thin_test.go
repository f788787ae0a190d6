package cli

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// Commands are thin: a RunE only fills Options and rejects bad flag combinations; the work is
// in a run function, a domain package or the client. A RunE over 30 lines is work in the wrong
// place.
func TestRunEIsThin(t *testing.T) {
	const limit = 30
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			kv, ok := n.(*ast.KeyValueExpr)
			if !ok {
				return true
			}
			if id, ok := kv.Key.(*ast.Ident); !ok || id.Name != "RunE" {
				return true
			}
			lit, ok := kv.Value.(*ast.FuncLit)
			if !ok {
				return true
			}
			lines := fset.Position(lit.End()).Line - fset.Position(lit.Pos()).Line + 1
			if lines > limit {
				t.Errorf("%s: RunE of %d lines (at most %d): move the work to a run function or a domain package", fset.Position(lit.Pos()), lines, limit)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
