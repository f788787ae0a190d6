// Package verify is `mkt cross-account verify`.
package verify

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/market"
)

// Options are the inputs of `mkt cross-account verify`.
type Options struct {
	Factory *cmdutil.Factory
	Token   string
}

// Grant is what -o json|yaml prints.
type Grant struct {
	Account   string   `json:"account"`
	Name      string   `json:"name"`
	GrantedAt string   `json:"grantedAt"`
	Roles     []string `json:"roles"`
}

// NewCmdVerify builds `mkt cross-account verify`; runF replaces the run in tests.
func NewCmdVerify(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "verify <token>",
		Short: "Show who granted you which roles, and when, for a cross-account token",
		Long: `Ask the marketplace about a cross-account token (CrossAccountVerifyToken): the buyer's account
and name, when they granted it, and the roles granted. A token the marketplace does not know
exits 5.`,
		Example: `  mkt cross-account verify C19D103FEA2D50A584410267CE9FBA56
  mkt cross-account verify "$TOKEN" -o json`,
		Args: cmdutil.ExactArgs(1, "<token>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Token = strings.TrimSpace(args[0])
			if opts.Token == "" {
				return cmdutil.FlagError("crossaccount.token.empty")
			}
			if runF != nil {
				return runF(opts)
			}
			return verifyRun(cmd.Context(), opts)
		},
	}
}

func verifyRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	auth, err := client.VerifyCrossAccountToken(ctx, opts.Token)
	var unknown *market.ErrTokenUnknown
	if errors.As(err, &unknown) {
		return &cmdutil.Error{Kind: exitcode.NotFound, Msg: i18n.M("crossaccount.token.unknown", unknown.Code, unknown.Message), Err: err}
	}
	if err != nil {
		return err
	}
	g := Grant{Account: auth.Uid, Name: auth.Name, Roles: auth.AuthRoles}
	at := time.UnixMilli(auth.AuthTime)
	if auth.AuthTime > 0 {
		g.GrantedAt = at.Format(time.RFC3339)
	}
	if g.Roles == nil {
		g.Roles = []string{}
	}
	return f.Print(g, func() error {
		kv := f.IOStreams.NewKeyValue()
		kv.Add(f.T("field.grant.account"), g.Account)
		kv.Add(f.T("field.grant.name"), g.Name)
		if auth.AuthTime > 0 {
			kv.AddTime(f.T("field.grant.at"), at)
		}
		kv.Add(f.T("field.grant.roles"), strings.Join(g.Roles, ", "))
		return kv.Render()
	})
}
