package i18n

import (
	"embed"
	"fmt"
	"hash/fnv"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// The help catalog: every command's short and long text, its examples and its flags' usage in
// Chinese, keyed by the command's path ("mkt product create"). The English is the command's own
// text in the code; Src is a fingerprint of that English (HelpFingerprint), so a test sees when
// the English changed and its translation did not.
//
//go:embed help/*.yaml
var helpFiles embed.FS

// HelpEntry is one command's translated help.
type HelpEntry struct {
	Src     string            `yaml:"src"`
	Short   string            `yaml:"short"`
	Long    string            `yaml:"long,omitempty"`
	Example string            `yaml:"example,omitempty"`
	Flags   map[string]string `yaml:"flags,omitempty"`
}

var (
	helpOnce sync.Once
	helpZH   map[string]HelpEntry
	helpErr  error
)

// HelpZH returns the Chinese help catalog. The files are embedded, so an error is a defect
// that the catalog test reports.
func HelpZH() (map[string]HelpEntry, error) {
	helpOnce.Do(func() { helpZH, helpErr = loadHelp(helpFiles) })
	return helpZH, helpErr
}

func loadHelp(fsys fs.FS) (map[string]HelpEntry, error) {
	names, err := fs.Glob(fsys, "help/*.yaml")
	if err != nil {
		return nil, err
	}
	all := map[string]HelpEntry{}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		var part map[string]HelpEntry
		dec := yaml.NewDecoder(strings.NewReader(string(b)))
		dec.KnownFields(true)
		if err := dec.Decode(&part); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for path, e := range part {
			e.Example = indentExample(e.Example)
			if _, dup := all[path]; dup {
				return nil, fmt.Errorf("%s: %q is translated twice", name, path)
			}
			all[path] = e
		}
	}
	return all, nil
}

// indentExample indents each line of an example by two spaces, as cobra prints examples
// (the catalog's files are easier to write without the indent).
func indentExample(s string) string {
	if s == "" {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "  " + l
		}
	}
	return strings.Join(lines, "\n")
}

// HelpFingerprint is the fingerprint of a command's English help: its short and long text,
// its examples and the usage of the flags it defines (name → usage).
func HelpFingerprint(short, long, example string, flags map[string]string) string {
	names := make([]string, 0, len(flags))
	for n := range flags {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString(short + "\x00" + long + "\x00" + example + "\x00")
	for _, n := range names {
		b.WriteString(n + "=" + flags[n] + "\n")
	}
	h := fnv.New64a() // a fingerprint, not a secret
	h.Write([]byte(b.String()))
	return fmt.Sprintf("%016x", h.Sum64())[:10]
}
