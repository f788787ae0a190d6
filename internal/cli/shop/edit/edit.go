// Package edit is `mkt shop edit`.
package edit

import (
	"context"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/shop/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Options are the inputs of `mkt shop edit`; nil fields are not changed.
type Options struct {
	Factory      *cmdutil.Factory
	Name, Intro  *string
	Logo, Banner string
}

// NewCmdEdit builds `mkt shop edit`; runF replaces the run in tests.
func NewCmdEdit(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	var name, intro string
	cmd := &cobra.Command{
		Use:   "edit [--name …] [--intro …] [--logo logo.png] [--banner banner.png]",
		Short: "Decorate the shop: name, introduction, logo, banner",
		Long: `Set the shop's name (1–50 characters), introduction (up to 2000), logo and banner (png,
jpg, gif or webp, up to 10 MiB; checked before upload). The shop counts as decorated
once it has a name, a logo and an introduction (FAQ 二 Q1).`,
		Example: `  mkt shop edit --name 示例科技 --logo logo.png --intro "CRM 与发票工具"
  mkt shop edit --banner banner.jpg`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("name") {
				opts.Name = &name
			}
			if cmd.Flags().Changed("intro") {
				opts.Intro = &intro
			}
			if opts.Name == nil && opts.Intro == nil && opts.Logo == "" && opts.Banner == "" {
				return cmdutil.FlagError("shop.nothing").WithRemedy("remedy.help", cmd.CommandPath())
			}
			if runF != nil {
				return runF(opts)
			}
			return editRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&name, "name", "", "the shop's name")
	cmd.Flags().StringVar(&intro, "intro", "", "the introduction buyers read")
	cmd.Flags().StringVar(&opts.Logo, "logo", "", "logo image file")
	cmd.Flags().StringVar(&opts.Banner, "banner", "", "banner image file")
	return cmd
}

func editRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	var ch marketapi.ShopChange
	if opts.Name != nil {
		if v := rules.CheckShopName(*opts.Name); v != nil {
			return cmdutil.RuleViolation(v)
		}
		n := strings.TrimSpace(*opts.Name)
		ch.Name = &n
	}
	if opts.Intro != nil {
		if v := rules.CheckShopIntro(*opts.Intro); v != nil {
			return cmdutil.RuleViolation(v)
		}
		ch.Introduction = opts.Intro
	}
	// Both images are checked before either is uploaded.
	images := []struct {
		flag, path string
		id         **string
	}{{"--logo", opts.Logo, &ch.LogoFileId}, {"--banner", opts.Banner, &ch.BannerFileId}}
	contents := make([][]byte, len(images))
	for i, img := range images {
		if img.path == "" {
			continue
		}
		b, err := readImage(img.flag, img.path)
		if err != nil {
			return err
		}
		contents[i] = b
	}
	client, err := f.Client()
	if err != nil {
		return err
	}
	for i, img := range images {
		if contents[i] == nil {
			continue
		}
		up, err := client.UploadFile(ctx, filepath.Base(img.path), contents[i], market.ContentToken("img", contents[i]))
		if err != nil {
			return err
		}
		*img.id = &up.FileId
	}
	s, err := client.ModifyShop(ctx, ch, "")
	if err != nil {
		return err
	}
	f.Success("shop.saved")
	return shared.PrintShop(f, s)
}

// readImage checks an image's type and size and reads it.
func readImage(flag, path string) ([]byte, error) {
	if !rules.IsImage(path) {
		return nil, cmdutil.FlagError("shop.image.type", flag, path)
	}
	return cmdutil.ReadUpload(path, marketapi.MaxUploadBytes)
}
