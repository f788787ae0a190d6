// Package meter is `mkt nest instance meter`.
package meter

import (
	"context"
	"encoding/json"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt nest instance meter`.
type Options struct {
	Factory  *cmdutil.Factory
	ID       string
	File     string
	Metering string
}

// NewCmdMeter builds `mkt nest instance meter`.
func NewCmdMeter(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "meter <service-instance-id> -f <metering.json>",
		Short: "Push a pay-as-you-go service instance's usage (PushMeteringData)",
		Long: `Push the usage of a pay-as-you-go service instance: a JSON list of entries, each with
StartTime and EndTime (Unix seconds) and the metered values (VirtualCpu, Memory, Frequency…), as
Compute Nest's PushMeteringData takes them. The push is sent once: it takes no ClientToken, so
when its answer is lost (exit 7) check the instance's bill before sending it again.`,
		Example: `  mkt nest instance meter si-5f8e9d0c1b2a3f4e -f usage.json`,
		Args:    cmdutil.ExactArgs(1, "<service-instance-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if err := check(opts); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return meterRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.File, "file", "f", "", "the entries, a JSON list (- for standard input)")
	return cmd
}

// maxBytes bounds the entries read from standard input.
const maxBytes = 16 << 20

func check(opts *Options) error {
	if opts.File == "" {
		return cmdutil.FlagError("nest.flag.required", "--file")
	}
	var b []byte
	var err error
	if opts.File == "-" {
		b, err = io.ReadAll(io.LimitReader(opts.Factory.IOStreams.In, maxBytes))
	} else {
		b, err = os.ReadFile(opts.File)
	}
	if err != nil {
		return cmdutil.FlagError("nest.flag.file", "--file", opts.File, err.Error())
	}
	var entries []map[string]any
	if json.Unmarshal(b, &entries) != nil || len(entries) == 0 {
		return cmdutil.FlagError("nest.meter.invalid", opts.File)
	}
	opts.Metering = string(b)
	return nil
}

func meterRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	if err := client.PushNestMetering(ctx, opts.ID, opts.Metering); err != nil {
		return err
	}
	f.Success("nest.metered", opts.ID)
	return f.Print(map[string]string{"serviceInstanceId": opts.ID, "status": "Pushed"}, nil)
}
