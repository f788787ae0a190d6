// Package verify is `mkt spi verify`.
package verify

import (
	"fmt"
	"net/url"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/spi"
)

// Options are the inputs of `mkt spi verify`.
type Options struct {
	Factory  *cmdutil.Factory
	Params   url.Values
	KeyStdin bool
}

// Verified is what `spi verify -o json` prints.
type Verified struct {
	Valid        bool   `json:"valid"`
	Got          string `json:"got"`
	Expected     string `json:"expected"`
	StringToSign string `json:"stringToSign"`
}

// NewCmdVerify builds `mkt spi verify`; runF replaces the run in tests.
func NewCmdVerify(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "verify '<url or query as received>'",
		Short: "Check a received call's token, and show what should have been hashed",
		Long: `Check the token of a call as your server received it (the full URL, or just its query).
When it does not match, mkt shows the exact string that the key gives (the key masked),
the token expected and the one received — compare it with what your code hashes.
Exit code 8 when the token is wrong.`,
		Example: `  mkt spi verify 'https://isv.example.com/spi?action=renewInstance&instanceId=1&orderId=2&expiredOn=2026-12-29 10:00:00&token=…'`,
		Args:    cmdutil.ExactArgs(1, "<url>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := spi.ParseCall(args[0])
			if err != nil || len(p) == 0 {
				return cmdutil.FlagError("spi.verify.parse", args[0])
			}
			opts.Params = p
			if runF != nil {
				return runF(opts)
			}
			return verifyRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.KeyStdin, "key-stdin", false, "read the ISV key from standard input")
	return cmd
}

func verifyRun(opts *Options) error {
	f := opts.Factory
	key, _, err := f.SPIKey(opts.KeyStdin)
	if err != nil {
		return err
	}
	v := spi.Verify(opts.Params, key)
	res := Verified{Valid: v.Valid, Got: v.Got, Expected: v.Expected, StringToSign: v.StringToSign}
	err = f.Print(res, func() error {
		st := f.IOStreams.Styles()
		if v.Valid {
			_, err := fmt.Fprintln(f.IOStreams.Out, st.Success.Render(f.T("spi.verify.valid")))
			return err
		}
		kv := f.IOStreams.NewKeyValue()
		kv.AddStyled(f.T("spi.verify.result"), f.T("spi.verify.invalid"), st.Error)
		kv.Add(f.T("spi.verify.hashed"), v.StringToSign)
		kv.Add(f.T("spi.verify.expected"), v.Expected)
		kv.Add(f.T("spi.verify.got"), v.Got)
		return kv.Render()
	})
	if err == nil && !v.Valid {
		return cmdutil.SilentError(exitcode.Outcome)
	}
	return err
}
