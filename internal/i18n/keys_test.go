package i18n

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// keyUse finds the catalog keys the code passes to the message helpers.
var keyUse = regexp.MustCompile(`(?:\.T|i18n\.M|i18n\.T|FlagError|AuthError|NotFoundError|ConflictError|OutcomeError|WithRemedy|msg|Failure\(err,|Failure\(err, |UnavailableError\(err,)\(\s*"([a-z][a-z0-9_.-]*\.[a-z0-9_.-]+)"`)

// TestEveryUsedKeyExists: a key used in code but missing from the catalog would print the
// bare key to a merchant.
func TestEveryUsedKeyExists(t *testing.T) {
	root := filepath.Join("..", "..")
	seen := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range keyUse.FindAllStringSubmatch(string(b), -1) {
			seen++
			if !Has(m[1]) {
				t.Errorf("%s uses %q, which is not in the catalog", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 50 {
		t.Fatalf("found only %d key uses: the pattern is broken", seen)
	}
}
