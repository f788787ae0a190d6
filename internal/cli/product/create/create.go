// Package create is `mkt product create`.
package create

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/product/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Options are the inputs of `mkt product create`.
type Options struct {
	Factory     *cmdutil.Factory
	Input       market.ProductInput
	ClientToken string
}

// NewCmdCreate builds `mkt product create`.
func NewCmdCreate(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	var fields shared.Fields
	cmd := &cobra.Command{
		Use:   "create",
		Short: "Create a product (SaaS, API, image or service) in draft",
		Long: `Create a product in DRAFT from flags and/or a product file. The marketplace assigns the
code: cmgj… SaaS, cmapi… API, cmjj… image, cmfw… service.

Per type:
  saas     --delivery spi --production-url URL   (主动通知: the marketplace calls your SPI)
           --delivery license --activation-url URL (授权码激活: buyers activate on your page)
  api      --api-group GROUP --api-prefix PREFIX (the prefix is globally unique; once the
           product is submitted, its name stays bound to the prefix: FAQ 三 Q4)
  image    --image-id m-… --image-region REGION
  service  --delivery-template 401  (and every validity period ≥ 3 months: FAQ 三 Q6)

The same rules are checked here before anything is sent, and again by the marketplace.
In a pipe the new product's code is printed alone, for scripts.`,
		Example: `  mkt product create --type saas --name "Invoice Helper" --sku basic:99 --sku pro:299 \
    --validity 1m,3m,1y --delivery spi --production-url https://isv.example.com/spi
  mkt product create -f product.yaml
  CODE=$(mkt product create -f product.yaml --name "Invoice Helper (beta)")`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			in, t, probs, err := fields.Input(cmd, f.IOStreams.In, "")
			if err != nil {
				return err
			}
			// On a terminal, with nothing wrong so far, ask for what is missing; in a pipe
			// never (a script gets every problem at once instead).
			// Only when the type or the name — what a product cannot be created without — is
			// missing: a merchant who gave both gets the draft they asked for.
			needed := in.Type == "" || in.Name == nil || *in.Name == ""
			if p, ok := f.Prompter(); ok && needed && len(probs) == 0 && fields.FromFile == "" {
				if t, err = promptMissing(f, p, &in, t); err != nil {
					return err
				}
			}
			probs = append(probs, missing(in, t)...)
			if err := cmdutil.Join(probs, "product.problems"); err != nil {
				return err
			}
			opts.Input = in
			if runF != nil {
				return runF(opts)
			}
			return createRun(cmd.Context(), opts)
		},
	}
	fields.Register(cmd, true, true)
	cmd.Flags().StringVar(&opts.ClientToken, "client-token", "", "the ClientToken to send (a rerun after exit 7 with the token it printed creates nothing twice)")
	return cmd
}

// missing lists what a product cannot be created without, and a SaaS delivery that does not
// hold together.
func missing(in market.ProductInput, t rules.ProductType) []error {
	var probs []error
	if in.Type == "" {
		probs = append(probs, cmdutil.FlagError("product.type.missing").WithRemedy("remedy.product.init"))
	}
	if in.Name == nil || *in.Name == "" {
		probs = append(probs, cmdutil.FlagError("product.name.missing").WithRemedy("remedy.product.init"))
	}
	if t == rules.TypeSaaS && in.DeliveryMode != nil && *in.DeliveryMode != "" {
		if v := rules.CheckDelivery(t, *in.DeliveryMode, deref(in.ProductionUrl), deref(in.ActivationUrl)); v != nil {
			probs = append(probs, cmdutil.RuleViolation(v))
		}
	}
	return probs
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func createRun(ctx context.Context, opts *Options) error {
	token := opts.ClientToken
	if token == "" {
		token = market.NewClientToken()
	}
	err := shared.Mutate(opts.Factory, func(c *market.Client) (marketapi.Product, error) { return c.CreateProduct(ctx, opts.Input, token) },
		"product.created", func(p marketapi.Product) []any { return []any{p.Code, i18n.E(i18n.EnumProductState, p.Status)} })
	return cmdutil.RerunWithToken(err, token)
}
