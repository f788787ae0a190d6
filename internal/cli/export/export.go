// Package export is `mkt export`.
package export

import (
	"context"

	"go.yaml.in/yaml/v3"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/catalog"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/manifest"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Options are the inputs of `mkt export`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdExport builds `mkt export`.
func NewCmdExport(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "export",
		Short: "Write your current listings as a manifest (to adopt mkt apply)",
		Example: `  mkt export > listing.yaml
  mkt plan -f listing.yaml      # nothing to do`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return exportRun(cmd.Context(), opts)
		},
	}
}

func exportRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	// A manifest is a document, not a table: YAML (the file itself) or its JSON form.
	if o := f.OutputFormat(); o != "yaml" && o != "json" && o != "table" {
		return cmdutil.FlagError("export.output", o)
	}
	client, err := f.Client()
	if err != nil {
		return err
	}
	var snap manifest.Snapshot
	if f.PublicOnly() {
		snap, err = liveSnapshot(ctx, f, client)
	} else {
		snap, err = manifest.Fetch(ctx, client)
	}
	if err != nil {
		return err
	}
	b, err := manifest.Encode(manifest.Export(snap))
	if err != nil {
		return err
	}
	if f.OutputFormat() == "json" {
		// The manifest's JSON form has the file's own field names (apiVersion, products, …).
		var doc any
		if err := yaml.Unmarshal(b, &doc); err != nil {
			return err
		}
		return f.PrintJSON(doc)
	}
	_, err = f.IOStreams.Out.Write(b)
	return err
}

// liveSnapshot is the caller's listed products as the public API shows them (no drafts, no
// prices, no bundles, no shop).
func liveSnapshot(ctx context.Context, f *cmdutil.Factory, client *market.Client) (manifest.Snapshot, error) {
	var snap manifest.Snapshot
	account, err := f.CallerAccount(ctx)
	if err != nil {
		return snap, err
	}
	var codes []string
	if err := client.ListedProducts(ctx, account, func(items []marketapi.ProductItem) bool {
		for _, it := range items {
			codes = append(codes, it.Code)
		}
		return true
	}); err != nil {
		return snap, err
	}
	for _, code := range codes {
		pub, err := client.PublicProduct(ctx, code)
		if err != nil {
			return snap, err
		}
		snap.Products = append(snap.Products, catalog.FromPublic(pub))
	}
	return snap, nil
}
