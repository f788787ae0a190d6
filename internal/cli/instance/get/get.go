// Package get is `mkt instance get`.
package get

import (
	"context"
	"encoding/json"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
)

// Options are the inputs of `mkt instance get`.
type Options struct {
	Factory *cmdutil.Factory
	ID      string
}

// NewCmdGet builds `mkt instance get`; runF replaces the run in tests.
func NewCmdGet(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "get <instance-id>",
		Short: "Show an instance, with what your createInstance answered (appInfo, hostInfo)",
		Example: `  mkt instance get 10000001
  mkt instance get 10000001 -o json`,
		Args: cmdutil.ExactArgs(1, "<instance-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if _, err := strconv.ParseInt(opts.ID, 10, 64); err != nil {
				return cmdutil.FlagError("instance.id.invalid", opts.ID)
			}
			if runF != nil {
				return runF(opts)
			}
			return getRun(cmd.Context(), opts)
		},
	}
}

func getRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	i, err := client.GetInstance(ctx, opts.ID)
	if err != nil {
		return err
	}
	return f.Print(i, func() error {
		kv := f.IOStreams.NewKeyValue()
		add := func(key, v string) {
			if v != "" {
				kv.Add(f.T(key), v)
			}
		}
		add("field.instance.id", strconv.FormatInt(i.InstanceId, 10))
		add("field.instance.order", strconv.FormatInt(i.OrderId, 10))
		add("field.instance.product", i.ProductCode+" "+i.ProductName)
		add("field.instance.sku", i.ProductSkuCode)
		add("field.instance.status", f.Enum(i18n.EnumInstanceState, i.Status))
		add("field.instance.trial", f.T("bool."+strconv.FormatBool(i.IsTrial)))
		add("field.instance.autorenew", autoRenewal(f, i.AutoRenewal))
		kv.AddTime(f.T("field.instance.began"), millis(i.BeganOn))
		kv.AddTime(f.T("field.instance.ends"), millis(i.EndOn))
		add("field.instance.appjson", i.AppJson)
		add("field.instance.hostjson", i.HostJson)
		add("field.instance.license", i.LicenseCode)
		add("field.instance.activation", i.ActiveAddress)
		return kv.Render()
	})
}

// autoRenewal says the AutoRenewal string ({"autoRenewCycle":"Year","autoRenewDuration":1}) in
// words; a string of another shape is shown as it is.
func autoRenewal(f *cmdutil.Factory, s string) string {
	var ar struct {
		Cycle    string `json:"autoRenewCycle"`
		Duration int    `json:"autoRenewDuration"`
	}
	if s == "" || json.Unmarshal([]byte(s), &ar) != nil || ar.Duration < 1 {
		return s
	}
	unit := map[string]string{"Day": "autorenew.cycle.Day", "Month": "autorenew.cycle.Month", "Year": "autorenew.cycle.Year"}[ar.Cycle]
	if unit == "" {
		return s
	}
	return f.T("autorenew.value", ar.Duration, f.T(unit))
}

func millis(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v)
}
