// Package get is `mkt license get`.
package get

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
)

// Options are the inputs of `mkt license get`.
type Options struct {
	Factory *cmdutil.Factory
	Code    string
}

// NewCmdGet builds `mkt license get`; runF replaces the run in tests.
func NewCmdGet(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:     "get <license-code>",
		Short:   "Show a license code's state, product and buyer",
		Example: "  mkt license get ABCDEFGHIJKLMN-ABCDEFGH_… -o json",
		Args:    cmdutil.ExactArgs(1, "<license-code>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Code = args[0]
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
	l, err := client.GetLicense(ctx, opts.Code)
	if err != nil {
		return err
	}
	return f.Print(l, func() error {
		kv := f.IOStreams.NewKeyValue()
		for _, field := range [][2]string{{"field.license.status", f.Enum(i18n.EnumLicenseState, l.LicenseStatus)}, {"field.instance.id", l.InstanceId},
			{"field.instance.product", l.ProductCode + " " + l.ProductName}, {"field.instance.sku", l.ProductSkuId},
			{"field.license.created", l.CreateTime}, {"field.license.expires", l.ExpiredTime}, {"field.license.activated", l.ActivateTime}} {
			if field[1] != "" {
				kv.Add(f.T(field[0]), field[1])
			}
		}
		return kv.Render()
	})
}
