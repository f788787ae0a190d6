// Package sign is `mkt spi sign`.
package sign

import (
	"fmt"
	"net/url"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/spi/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/spi"
)

// Options are the inputs of `mkt spi sign`.
type Options struct {
	Factory  *cmdutil.Factory
	Params   url.Values
	KeyStdin bool
	URL      string
}

// Signed is what `spi sign -o json` prints.
type Signed struct {
	Token        string `json:"token"`
	StringToSign string `json:"stringToSign"`
	URL          string `json:"url,omitempty"`
}

// NewCmdSign builds `mkt spi sign`; runF replaces the run in tests.
func NewCmdSign(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "sign [--url <production-url>] <key=value>...",
		Short: "Compute the token of a call (and the signed URL)",
		Example: `  mkt spi sign action=createInstance orderBizId=12345 aliUid=1234567890123456
  printf '%s\n' "$ISV_KEY" | mkt spi sign --key-stdin --url https://isv.example.com/spi action=expiredInstance instanceId=12345`,
		Args: cmdutil.MinimumArgs(1, "<key=value>..."),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := shared.ParseKV(args)
			if err != nil {
				return err
			}
			opts.Params = p
			if opts.URL != "" {
				if err := shared.CheckURL(opts.URL, cmd.CommandPath()); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return signRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.KeyStdin, "key-stdin", false, "read the ISV key from standard input")
	cmd.Flags().StringVar(&opts.URL, "url", "", "print the whole signed URL for this production URL")
	return cmd
}

func signRun(opts *Options) error {
	f := opts.Factory
	key, _, err := f.SPIKey(opts.KeyStdin)
	if err != nil {
		return err
	}
	p := opts.Params
	s := Signed{Token: spi.Token(p, key), StringToSign: spi.StringToSign(p, spi.MaskKey(key))}
	if opts.URL != "" {
		u, _ := url.Parse(opts.URL)
		q := u.Query()
		for k, v := range p {
			q[k] = v
		}
		u.RawQuery = spi.Sign(q, key).Encode()
		s.URL = u.String()
	}
	return f.Print(s, func() error {
		out := s.Token
		if s.URL != "" {
			out = s.URL
		}
		_, err := fmt.Fprintln(f.IOStreams.Out, out)
		return err
	})
}
