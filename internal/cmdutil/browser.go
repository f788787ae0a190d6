package cmdutil

import (
	"os/exec"
	"runtime"
	"strings"
)

// OpenBrowser opens url with $BROWSER when set, else the platform's opener, and waits for the
// opener (xdg-open, open, rundll32) to hand the URL over.
func (f *Factory) OpenBrowser(url string) error {
	var cmd *exec.Cmd
	if b := f.Getenv("BROWSER"); b != "" {
		parts := strings.Fields(b)
		cmd = exec.Command(parts[0], append(parts[1:], url)...)
	} else {
		switch runtime.GOOS {
		case "darwin":
			cmd = exec.Command("open", url)
		case "windows":
			cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
		default:
			cmd = exec.Command("xdg-open", url)
		}
	}
	return cmd.Run()
}
