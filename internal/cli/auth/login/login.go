// Package login is `mkt auth login`.
package login

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/config"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/iostreams"
)

// Options are the inputs of `mkt auth login`.
type Options struct {
	Factory     *cmdutil.Factory
	IO          *iostreams.IOStreams
	Profile     string
	AccessKeyID string
	SecretStdin bool
	Endpoint    string
	Region      string
}

// NewCmdLogin builds `mkt auth login`.
func NewCmdLogin(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f, IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "login",
		Short: "Store an AccessKey pair in a profile",
		Long: `Store an AccessKey pair (and optionally an endpoint and region) in a profile of
mkt's configuration file, written with mode 0600.

On a terminal mkt asks for what is missing and does not echo the secret. In a script,
pass the AccessKey ID as a flag and the secret on standard input: a secret is never
taken as a command-line argument, where other users and shell history could see it.`,
		Example: `  # interactive
  mkt auth login

  # in a script or CI job
  printf '%s\n' "$SECRET" | mkt auth login --access-key-id LTAI... --access-key-secret-stdin

  # a second profile for the international site
  mkt auth login --profile intl --region ap-southeast-1`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Profile = f.Global.Profile
			opts.Endpoint = f.Global.Endpoint
			opts.Region = f.Global.Region
			if opts.Profile != "" && !config.ValidProfileName(strings.ToLower(opts.Profile)) {
				return cmdutil.FlagError("error.profile.name", opts.Profile)
			}
			if runF != nil {
				return runF(opts)
			}
			return loginRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.AccessKeyID, "access-key-id", "", "AccessKey ID")
	cmd.Flags().BoolVar(&opts.SecretStdin, "access-key-secret-stdin", false, "read the AccessKey secret from standard input")
	return cmd
}

func loginRun(opts *Options) error {
	f, ios := opts.Factory, opts.IO
	file, err := f.Config()
	if err != nil {
		return err
	}
	name := strings.ToLower(opts.Profile)
	if name == "" {
		name = file.CurrentProfile
	}
	if name == "" {
		name = config.DefaultProfile
	}

	if opts.Endpoint != "" {
		if _, err := config.NormalizeEndpoint(opts.Endpoint); err != nil {
			return cmdutil.FlagError("config.endpoint.invalid", config.RedactEndpoint(opts.Endpoint), "--endpoint", err.Error()).WithRemedy("remedy.endpoint")
		}
	}
	if opts.Region != "" && !config.ValidRegion(opts.Region) {
		return cmdutil.FlagError("config.region.invalid", opts.Region, "--region").WithRemedy("remedy.region")
	}

	id := strings.TrimSpace(opts.AccessKeyID)
	if id == "" {
		if opts.SecretStdin || !ios.CanPrompt() {
			return cmdutil.FlagError("error.login.noid").WithRemedy("remedy.login.script")
		}
		fmt.Fprint(ios.ErrOut, f.T("prompt.akid"))
		line, err := iostreams.ReadLine(ios.In)
		if err != nil {
			return cmdutil.SilentError(exitcode.Interrupted)
		}
		id = strings.TrimSpace(line)
	}
	if id == "" || strings.ContainsAny(id, " \t") {
		return cmdutil.FlagError("error.login.badid")
	}

	var secret string
	switch {
	case opts.SecretStdin:
		line, err := iostreams.ReadLine(ios.In)
		if err != nil {
			return cmdutil.FlagError("error.login.nostdin").WithRemedy("remedy.login.script")
		}
		secret = strings.TrimSpace(line)
	case ios.CanPrompt():
		fmt.Fprint(ios.ErrOut, f.T("prompt.secret"))
		s, err := ios.ReadSecret()
		fmt.Fprintln(ios.ErrOut)
		if err != nil {
			return cmdutil.SilentError(exitcode.Interrupted)
		}
		secret = strings.TrimSpace(s)
	default:
		return cmdutil.FlagError("error.login.nosecret").WithRemedy("remedy.login.script")
	}
	if secret == "" {
		return cmdutil.FlagError("error.login.emptysecret").WithRemedy("remedy.login.script")
	}

	if err := file.Update(func(cur *config.File) error {
		p := cur.EnsureProfile(name)
		p.AccessKeyID, p.AccessKeySecret, p.SecurityToken = id, secret, ""
		if opts.Endpoint != "" {
			p.Endpoint = opts.Endpoint
		}
		if opts.Region != "" {
			p.Region = opts.Region
		}
		if cur.CurrentProfile == "" || opts.Profile != "" {
			cur.CurrentProfile = name
		}
		return nil
	}); err != nil {
		return cmdutil.Failure(err, "error.config.write", file.FilePath())
	}

	st := ios.StylesErr()
	fmt.Fprintf(ios.ErrOut, "%s %s\n", st.Success.Render("✓"), f.T("login.saved", name, config.MaskID(id), file.FilePath()))
	for _, k := range []string{"MKT_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_ID"} {
		if f.Getenv(k) != "" {
			fmt.Fprintf(ios.ErrOut, "%s %s\n", st.Warning.Render("!"), f.T("login.envoverride", k))
			break
		}
	}
	return nil
}
