// Package autorenew is `mkt instance auto-renew`.
package autorenew

import (
	"context"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt instance auto-renew`.
type Options struct {
	Factory  *cmdutil.Factory
	ID       string
	Every    string
	Off      bool
	Cycle    string // Day, Month or Year
	Duration int
}

// cycles are the renewal cycles AutoRenewInstance takes, by the unit letter of --every.
var cycles = map[byte]string{'d': "Day", 'm': "Month", 'y': "Year"}

// MaxDuration is the most cycles one renewal may take.
const MaxDuration = 36

// NewCmdAutoRenew builds `mkt instance auto-renew`; runF replaces the run in tests.
func NewCmdAutoRenew(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "auto-renew <instance-id> (--every PERIOD | --off)",
		Short: "Turn an instance's auto-renewal on or off (AutoRenewInstance)",
		Long: `Turn auto-renewal on for an instance — at its end the marketplace renews it for PERIOD (1y, 3m,
7d: a number of years, months or days) and calls your renewInstance — or off. The marketplace
names the instance by its orderBizId; 'mkt instance get' shows the setting.`,
		Example: `  mkt instance auto-renew 10000001 --every 1y
  mkt instance auto-renew 10000001 --off`,
		Args: cmdutil.ExactArgs(1, "<instance-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if _, err := strconv.ParseInt(opts.ID, 10, 64); err != nil {
				return cmdutil.FlagError("instance.id.invalid", opts.ID)
			}
			if err := opts.parse(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return autoRenewRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Every, "every", "", "renew for this long at each end: Ny, Nm or Nd (N from 1 to 36)")
	cmd.Flags().BoolVar(&opts.Off, "off", false, "turn auto-renewal off")
	return cmd
}

func (o *Options) parse() error {
	switch {
	case o.Off && o.Every != "":
		return cmdutil.FlagError("autorenew.both")
	case o.Off:
		return nil
	case o.Every == "":
		return cmdutil.FlagError("autorenew.none")
	}
	unit := o.Every[len(o.Every)-1]
	n, err := strconv.Atoi(o.Every[:len(o.Every)-1])
	if cycles[unit] == "" || err != nil || n < 1 || n > MaxDuration || strconv.Itoa(n) != o.Every[:len(o.Every)-1] {
		return cmdutil.FlagError("autorenew.every", o.Every, MaxDuration)
	}
	o.Cycle, o.Duration = cycles[unit], n
	return nil
}

func autoRenewRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	if err := client.AutoRenew(ctx, opts.ID, opts.Cycle, opts.Duration); err != nil {
		return err
	}
	if opts.Off {
		f.Success("autorenew.off", opts.ID)
		return nil
	}
	f.Success("autorenew.on", opts.ID, opts.Every)
	return nil
}
