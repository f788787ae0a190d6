// Package build holds the version information stamped into the binary.
package build

import (
	"runtime/debug"
	"strings"
)

// These are set with -ldflags "-X github.com/mkt-cli/mkt/internal/build.Version=…" by the
// release build. A plain `go build` or `go install` leaves them empty and Info falls back to
// the module's build information.
var (
	Version = ""
	Commit  = ""
	Date    = ""
)

// Info is the version information of the running binary.
type Info struct {
	Version   string `json:"version"`
	Commit    string `json:"commit,omitempty"`
	Date      string `json:"date,omitempty" mkt:"time"`
	GoVersion string `json:"goVersion"`
}

// Read returns the stamped version, or what the Go toolchain recorded when it is not stamped.
func Read() Info {
	info := Info{Version: Version, Commit: Commit, Date: Date}
	bi, ok := debug.ReadBuildInfo()
	if ok {
		info.GoVersion = bi.GoVersion
		if info.Version == "" && bi.Main.Version != "" {
			info.Version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if info.Commit == "" {
					info.Commit = s.Value
				}
			case "vcs.time":
				if info.Date == "" {
					info.Date = s.Value
				}
			}
		}
	}
	// Placeholders some builds stamp (a snapshot with no commit, a zero date) say nothing.
	if info.Commit == "none" || info.Commit == "unknown" {
		info.Commit = ""
	}
	if strings.HasPrefix(info.Date, "0001-") {
		info.Date = ""
	}
	if info.Version == "" || info.Version == "(devel)" {
		info.Version = "dev"
	}
	info.Version = strings.TrimPrefix(info.Version, "v")
	return info
}

// String is the one-line form printed by `mkt --version`.
func (i Info) String() string {
	var b strings.Builder
	b.WriteString("mkt version ")
	b.WriteString(i.Version)
	if i.Commit != "" || i.Date != "" {
		b.WriteString(" (")
		if i.Commit != "" {
			c := i.Commit
			if len(c) > 12 {
				c = c[:12]
			}
			b.WriteString(c)
		}
		if i.Date != "" {
			if i.Commit != "" {
				b.WriteString(", ")
			}
			b.WriteString(i.Date)
		}
		b.WriteString(")")
	}
	return b.String()
}
