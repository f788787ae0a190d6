package create

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdCreate(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdCreate, "--name", "img", "--image-id", "m-bp1abcdefghijklmnop"); err != nil || opts.Region != "cn-hangzhou" {
		t.Fatalf("%+v %v", opts, err)
	}
	// Every problem at once: no name, two sources.
	_, err := clitest.Parse(t, NewCmdCreate, "--url", "https://x/y", "--image-id", "m-bp1abcdefghijklmnop")
	if clitest.ExitCode(err) != 2 || !strings.Contains(err.Error(), "--name") || !strings.Contains(err.Error(), "exactly one") {
		t.Errorf("%v", err)
	}
	if _, err := clitest.Parse(t, NewCmdCreate, "--name", "f", "--file", "/nonexistent"); clitest.ExitCode(err) != 2 {
		t.Errorf("missing file: %v", err)
	}
}

func Test_createRun(t *testing.T) {
	e := clitest.New(t)
	file := filepath.Join(t.TempDir(), "app.tgz")
	os.WriteFile(file, []byte("package"), 0o600)
	if err := createRun(context.Background(), &Options{Factory: e.F, Name: "app", VersionName: "v1", File: file}); err != nil {
		t.Fatal(err)
	}
	if out := e.Out.String(); !strings.Contains(out, "Status\tCreated") || !strings.Contains(out, "/mkt-sandbox-nest/uploads/") {
		t.Fatalf("%s", out)
	}
	list, _ := e.Client(t).ListArtifacts(context.Background(), nil, "")
	// A new version of it (--from), from another file.
	e.Reset()
	if err := createRun(context.Background(), &Options{Factory: e.F, From: list[0].ArtifactId, VersionName: "v2", File: file}); err != nil || !strings.Contains(e.Out.String(), "Version\t2 (v2)") {
		t.Errorf("%v %s", err, e.Out)
	}
	// A bad image ID is the API's refusal, exit 2.
	if err := createRun(context.Background(), &Options{Factory: e.F, Name: "img", VersionName: "v1", ImageID: "ami-1", Region: "cn-hangzhou"}); clitest.ExitCode(err) != 2 {
		t.Errorf("bad image: %v", err)
	}
}
