package listing

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/exitcode"
)

const listingYAML = `apiVersion: mkt/v1
kind: Listing
products:
  - key: helper
    name: Invoice Helper
    type: saas
    delivery: license
    activationUrl: https://isv.example.com/activate
    validity: [1m, 1y]
    skus:
      - {name: Basic, price: "99.00"}
`

// Plan shows a create, apply makes it, a rerun plans nothing; --detailed-exitcode says 9 while
// there are changes.
func TestRun(t *testing.T) {
	e := clitest.New(t)
	file := filepath.Join(t.TempDir(), "listing.yaml")
	os.WriteFile(file, []byte(listingYAML), 0o600)
	ctx := context.Background()
	plan := &Options{Factory: e.F, File: file, DryRun: true, DetailedExitcode: true, Parallel: 1}
	if err := Run(ctx, plan); clitest.ExitCode(err) != exitcode.Changes.Code() {
		t.Fatalf("plan with a create: %v", err)
	}
	if !strings.Contains(e.Out.String(), "helper") {
		t.Errorf("plan:\n%s", e.Out)
	}
	if err := Run(ctx, &Options{Factory: e.F, File: file, Parallel: 4}); err != nil {
		t.Fatal(err)
	}
	e.Reset()
	if err := Run(ctx, plan); err != nil {
		t.Errorf("a rerun plans nothing: %v\n%s", err, e.Out)
	}
}

func TestRunRefusesABrokenManifest(t *testing.T) {
	e := clitest.New(t)
	file := filepath.Join(t.TempDir(), "listing.yaml")
	os.WriteFile(file, []byte(strings.Replace(listingYAML, "validity: [1m, 1y]", "validity: [forever]\n    colour: blue", 1)), 0o600)
	if err := Run(context.Background(), &Options{Factory: e.F, File: file, Parallel: 1}); clitest.ExitCode(err) != 2 {
		t.Errorf("broken manifest: %v", err)
	}
}
