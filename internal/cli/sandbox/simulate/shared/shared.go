// Package shared is what the `mkt sandbox simulate` verbs share: sending a buyer event and
// printing what it did.
package shared

import (
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// InstanceVerb builds a buyer event on an instance (renew, upgrade, expire, release, refund);
// fill adds the verb's own parameters.
func InstanceVerb(f *cmdutil.Factory, name, short, action string, fill func(*market.BuyerEvent)) *cobra.Command {
	return &cobra.Command{
		Use:     name + " <instance-id>",
		Short:   short,
		Example: fmt.Sprintf("  mkt sandbox simulate %s 10000001", name),
		Args:    cmdutil.ExactArgs(1, "<instance-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := strconv.ParseInt(args[0], 10, 64); err != nil {
				return cmdutil.FlagError("instance.id.invalid", args[0])
			}
			e := market.BuyerEvent{InstanceId: args[0]}
			if fill != nil {
				fill(&e)
			}
			return Run(cmd, f, action, e)
		},
	}
}

// Run sends a buyer event and reports what the sandbox (and the product's SPI) did.
func Run(cmd *cobra.Command, f *cmdutil.Factory, action string, e market.BuyerEvent) error {
	client, err := f.SandboxClient()
	if err != nil {
		return err
	}
	res, err := client.Simulate(cmd.Context(), action, e)
	if err != nil {
		return err
	}
	ios := f.IOStreams
	if res.Spi != nil {
		if res.Spi.Error != "" {
			fmt.Fprintf(ios.ErrOut, "%s %s\n", ios.StylesErr().Warning.Render("!"), f.T("simulate.spi.failed", res.Spi.Action, res.Spi.Calls, res.Spi.Error))
		} else {
			f.Success("simulate.spi.ok", res.Spi.Action, res.Spi.Calls)
		}
	}
	f.Success("simulate.done", res.InstanceId, i18n.E(i18n.EnumInstanceState, res.Status), res.OrderId)
	return f.Print(res, func() error { return PrintPurchase(f, res) })
}

// PrintPurchase prints what a buyer event did: the instance ID alone in a pipe.
func PrintPurchase(f *cmdutil.Factory, res marketapi.Purchase) error {
	ios := f.IOStreams
	if !ios.IsStdoutTTY() {
		// In a pipe, the instance ID alone, for scripts.
		_, err := fmt.Fprintln(ios.Out, res.InstanceId)
		return err
	}
	kv := ios.NewKeyValue()
	row := func(key, v string) {
		if v != "" && v != "0" {
			kv.Add(f.T(key), v)
		}
	}
	row("field.instance.id", strconv.FormatInt(res.InstanceId, 10))
	row("field.instance.order", strconv.FormatInt(res.OrderId, 10))
	row("field.instance.status", f.Enum(i18n.EnumInstanceState, res.Status))
	row("field.instance.ends", res.EndOn)
	row("field.instance.license", res.LicenseCode)
	if res.Spi != nil {
		row("field.instance.isv", res.Spi.IsvInstanceId)
	}
	return kv.Render()
}
