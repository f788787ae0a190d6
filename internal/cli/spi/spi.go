// Package spi is `mkt spi`: the SaaS production protocol from the ISV's side.
package spi

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/spi/check"
	"github.com/mkt-cli/mkt/internal/cli/spi/key/set"
	"github.com/mkt-cli/mkt/internal/cli/spi/listen"
	"github.com/mkt-cli/mkt/internal/cli/spi/sign"
	"github.com/mkt-cli/mkt/internal/cli/spi/trigger"
	"github.com/mkt-cli/mkt/internal/cli/spi/verify"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdSPI builds `mkt spi`.
func NewCmdSPI(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "spi <command>",
		Short: "The SaaS production protocol (SPI): sign, verify, trigger, check, listen",
		Long: `After a purchase the marketplace calls your production URL (生产接口地址) with
createInstance, and later renewInstance, upgradeInstance, expiredInstance,
releaseInstance… Every call carries token = md5("k1=v1&k2=v2…&key=<ISV key>") over all its
parameters but token, sorted by name.

These commands let you compute and check tokens, send one correctly signed call, run the
conformance suite against your endpoint, and receive the marketplace's calls locally.

The ISV key comes from --key-stdin, MKT_SPI_KEY, the profile ('mkt spi key set'), or, when
mkt uses the sandbox, the sandbox's own key. It is never taken as a flag.`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	key := &cobra.Command{
		Use:   "key <command>",
		Short: "Store the ISV key in the profile",
		Args:  cobra.ArbitraryArgs,
		RunE:  cmdutil.GroupRunE,
	}
	key.AddCommand(set.NewCmdSet(f, nil))
	cmd.AddCommand(sign.NewCmdSign(f, nil), verify.NewCmdVerify(f, nil), trigger.NewCmdTrigger(f, nil),
		check.NewCmdCheck(f, nil), listen.NewCmdListen(f, nil), key)
	return cmd
}
