package shared

import (
	"encoding/json"
	"os"
	"strings"

	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// JSONArg reads a JSON flag value: the text itself, or @file for a file's content. It must
// be JSON.
func JSONArg(flag, v string) (string, error) {
	if name, ok := strings.CutPrefix(v, "@"); ok {
		b, err := os.ReadFile(name)
		if err != nil {
			return "", cmdutil.FlagError("nest.flag.file", flag, name, err.Error())
		}
		v = string(b)
	}
	if !json.Valid([]byte(v)) {
		return "", cmdutil.FlagError("nest.flag.json", flag)
	}
	return v, nil
}

// SetEndpoint writes an SPI service's endpoint into its deploy metadata (the Endpoint key),
// keeping everything else.
func SetEndpoint(meta, endpoint string) (string, error) {
	m := map[string]any{}
	if strings.TrimSpace(meta) != "" {
		if err := json.Unmarshal([]byte(meta), &m); err != nil {
			return "", err
		}
	}
	m["Endpoint"] = endpoint
	b, err := json.Marshal(m)
	return string(b), err
}
