// Command mkt is the command-line tool for software vendors on Alibaba Cloud Marketplace.
package main

import (
	"os"

	"github.com/mkt-cli/mkt/internal/cli"
)

func main() {
	os.Exit(cli.Main())
}
