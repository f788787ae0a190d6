// Command mkt is the command-line tool for software vendors on Alibaba Cloud Marketplace.
package main

import (
	"os"

	"github.com/mkt-cli/mkt/internal/cli"
)

func main() {
	go cli.LastResort(os.Exit) // Ctrl-C ends mkt even in a read that cannot be interrupted
	os.Exit(cli.Main())
}
