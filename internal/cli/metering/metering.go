// Package metering is `mkt metering push`.
package metering

import (
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/metering"
)

// Summary is what `metering push -o json` prints.
type Summary struct {
	Records  int `json:"records"`
	Sent     int `json:"sent"`
	Skipped  int `json:"skipped"`
	Requests int `json:"requests"`
}

// NewCmdMetering builds `mkt metering`.
func NewCmdMetering(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "metering <command>",
		Short: "Push usage records (PushMeteringData)",
		Args:  cobra.ArbitraryArgs,
		RunE:  cmdutil.GroupRunE,
	}
	var file, progress string
	var interval time.Duration
	push := &cobra.Command{
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
			if file == "" {
				return cmdutil.FlagError("metering.file.missing").WithRemedy("remedy.help", cmd.CommandPath())
			}
			in, err := os.Open(file)
			if err != nil {
				return cmdutil.FlagError("product.file.read", file, err)
			}
			recs, err := metering.Read(file, in)
			in.Close()
			if err != nil {
				return cmdutil.FlagError("product.file.parse", file, err)
			}
			if progress == "" {
				progress = file + ".progress"
			}
			journal, err := metering.OpenJournal(progress)
			if err != nil {
				return cmdutil.FlagError("product.file.read", progress, err)
			}
			client, err := f.Client()
			if err != nil {
				return err
			}
			sum := Summary{Records: len(recs)}
			var todo []marketapi.MeteringRecord
			for _, r := range recs {
				if journal.Done(r) {
					sum.Skipped++
				} else {
					todo = append(todo, r)
				}
			}
			products := map[string]string{}
			productOf := func(id string) string {
				if p, ok := products[id]; ok {
					return p
				}
				if i, err := client.GetInstance(cmd.Context(), id); err == nil {
					products[id] = i.ProductCode
				} else {
					products[id] = "?" + id // the API will refuse it, naming the instance
				}
				return products[id]
			}
			last := map[string]time.Time{}
			for _, b := range metering.Plan(todo, productOf) {
				wait := time.Duration(0)
				for _, inst := range b.Instances {
					if t, ok := last[inst]; ok {
						wait = max(wait, interval-time.Since(t))
					}
				}
				if wait > 0 {
					if f.IOStreams.IsStderrTTY() {
						fmt.Fprintln(f.IOStreams.ErrOut, f.T("metering.wait", wait.Round(time.Second)))
					}
					select {
					case <-cmd.Context().Done():
						return cmd.Context().Err()
					case <-time.After(wait):
					}
				}
				if err := client.PushMeteringData(cmd.Context(), b.Records); err != nil {
					f.Success("metering.partial", sum.Sent, progress)
					return err
				}
				if err := journal.Record(b.Records); err != nil {
					return cmdutil.Failure(err, "error.config.write", progress)
				}
				now := time.Now()
				for _, inst := range b.Instances {
					last[inst] = now
				}
				sum.Sent += len(b.Records)
				sum.Requests++
			}
			f.Success("metering.done", sum.Sent, sum.Requests, sum.Skipped)
			return f.Print(sum, func() error {
				_, err := fmt.Fprintf(f.IOStreams.Out, "%d\t%d\t%d\n", sum.Sent, sum.Requests, sum.Skipped)
				return err
			})
		},
	}
	push.Flags().StringVarP(&file, "from-file", "f", "", "usage file (.csv or .json)")
	push.Flags().StringVar(&progress, "progress", "", "journal of accepted records (default <file>.progress)")
	push.Flags().DurationVar(&interval, "interval", 60*time.Second, "least time between two requests for one instance")
	cmd.AddCommand(push)
	return cmd
}
