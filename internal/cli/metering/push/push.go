// Package push is `mkt metering push`.
package push

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/metering"
)

// Options are the inputs of `mkt metering push`.
type Options struct {
	Factory  *cmdutil.Factory
	File     string
	Progress string
	Interval time.Duration
	// ResendUnknown sends records whose earlier outcome is unknown.
	ResendUnknown bool
}

// NewCmdPush builds `mkt metering push`; runF replaces the run in tests.
func NewCmdPush(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "push --from-file <usage.csv|usage.json>",
		Short: "Push usage records by the API's rules, resumably",
		Long: `Push usage records from a file, by the API's rules: at most 100 records per request, the
instances of one request all of one product, one request per instance every 60 s (mkt
waits when it must). Records need meteringAssit, the metering-item ID shown in the seller
console.

CSV files have the header instance_id,start_time,end_time,key,value,metering_assit (one
entity per line; times in Unix seconds); JSON files are an array of records in the API's
shape. Accepted records are journaled (default: <file>.progress), so a rerun after a
failure skips them and sends the rest.`,
		Example: `  mkt metering push --from-file usage.csv
  mkt metering push --from-file usage.json --progress /var/lib/mkt/usage.progress`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.File == "" {
				return cmdutil.FlagError("metering.file.missing").WithRemedy("remedy.help", cmd.CommandPath())
			}
			if opts.Progress == "" {
				opts.Progress = opts.File + ".progress"
			}
			if runF != nil {
				return runF(opts)
			}
			return pushRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.File, "from-file", "f", "", "usage file (.csv or .json)")
	cmd.Flags().StringVar(&opts.Progress, "progress", "", "journal of accepted records (default <file>.progress)")
	cmd.Flags().DurationVar(&opts.Interval, "interval", 60*time.Second, "least time between two requests for one instance")
	cmd.Flags().BoolVar(&opts.ResendUnknown, "resend-unknown", false, "send again records an earlier push sent without learning the outcome (they may be billed twice)")
	return cmd
}

func pushRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	in, err := os.Open(opts.File)
	if err != nil {
		return cmdutil.FlagError("product.file.read", opts.File, i18n.OSErr(err))
	}
	recs, err := metering.Read(opts.File, in)
	in.Close()
	if err != nil {
		return cmdutil.FlagError("product.file.parse", opts.File, err)
	}
	journal, err := metering.OpenJournal(opts.Progress)
	if err != nil {
		return cmdutil.FlagError("product.file.read", opts.Progress, i18n.OSErr(err))
	}
	client, err := f.Client()
	if err != nil {
		return err
	}
	products := map[string]string{}
	p := &metering.Pusher{Journal: journal, Interval: opts.Interval, Send: client.PushMeteringData, Now: time.Now, Sleep: sleep,
		ResendUnknown: opts.ResendUnknown,
		ProductOf: func(id string) string {
			if _, ok := products[id]; !ok {
				products[id] = "?" + id // the API will refuse it, naming the instance
				if i, err := client.GetInstance(ctx, id); err == nil {
					products[id] = i.ProductCode
				}
			}
			return products[id]
		},
		Waiting: func(d time.Duration) {
			if f.IOStreams.IsStderrTTY() {
				fmt.Fprintln(f.IOStreams.ErrOut, f.T("metering.wait", d.Round(time.Second)))
			}
		}}
	sum, err := p.Push(ctx, recs)
	var je *metering.JournalError
	var ue *metering.UnknownError
	switch {
	case errors.As(err, &je):
		return cmdutil.Failure(je.Err, "error.config.write", je.Path)
	case errors.As(err, &ue) && ue.Err == nil:
		// Held back: sent by an earlier push whose answer was lost.
		fmt.Fprintln(f.IOStreams.ErrOut, f.T("metering.partial", sum.Sent, opts.Progress))
		return &cmdutil.Error{Kind: exitcode.Outcome, Msg: i18n.M("metering.unknown.held", ue.Records, opts.Progress),
			Remedy: i18n.M("remedy.metering.unknown"), Err: err}
	case errors.As(err, &ue):
		fmt.Fprintln(f.IOStreams.ErrOut, f.T("metering.partial", sum.Sent, opts.Progress))
		return &cmdutil.Error{Kind: exitcode.Unavailable, Msg: i18n.M("metering.unknown.lost", ue.Records, ue.Err.Error()),
			Remedy: i18n.M("remedy.metering.unknown"), Err: err}
	case err != nil:
		// Not a success: no check mark, only what was kept for the rerun.
		fmt.Fprintln(f.IOStreams.ErrOut, f.T("metering.partial", sum.Sent, opts.Progress))
		return err
	}
	f.Success("metering.done", sum.Sent, sum.Requests, sum.Skipped)
	return f.Print(sum, func() error {
		kv := f.IOStreams.NewKeyValue()
		kv.Add(f.T("field.metering.sent"), strconv.Itoa(sum.Sent))
		kv.Add(f.T("field.metering.requests"), strconv.Itoa(sum.Requests))
		kv.Add(f.T("field.metering.skipped"), strconv.Itoa(sum.Skipped))
		return kv.Render()
	})
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
