// Package shared is what the `mkt shop` verbs share: how a shop is printed.
package shared

import (
	"strconv"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// PrintShop prints a shop: -o json|yaml the model, else one labelled field a line.
func PrintShop(f *cmdutil.Factory, s marketapi.Shop) error {
	return f.Print(s, func() error {
		kv := f.IOStreams.NewKeyValue()
		kv.Add(f.T("field.shop.name"), s.Name)
		kv.Add(f.T("field.shop.introduction"), s.Introduction)
		kv.Add(f.T("field.shop.logo"), s.LogoFileId)
		kv.Add(f.T("field.shop.banner"), s.BannerFileId)
		kv.Add(f.T("field.shop.decorated"), f.T("bool."+strconv.FormatBool(s.Decorated)))
		kv.Add(f.T("field.shop.wangwang"), s.Contacts.Wangwang)
		kv.Add(f.T("field.shop.hotline"), s.Contacts.Hotline)
		kv.Add(f.T("field.shop.ticketurl"), s.Contacts.TicketUrl)
		return kv.Render()
	})
}
