// Package shared is what the `mkt settlement` verbs share: how an account is printed.
package shared

import (
	"github.com/charmbracelet/lipgloss"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// PrintAccount prints a settlement account: -o json|yaml the model, else labelled fields.
func PrintAccount(f *cmdutil.Factory, a marketapi.SettlementAccount) error {
	return f.Print(a, func() error {
		kv := f.IOStreams.NewKeyValue()
		kv.Add(f.T("field.account.account"), a.Account)
		kv.Add(f.T("field.account.type"), f.Enum(i18n.EnumAccountKind, a.AccountType))
		kv.Add(f.T("field.account.company"), a.CompanyName)
		kv.AddStyled(f.T("field.account.status"), f.EnumBeside(i18n.EnumAccountState, a.Status), statusStyle(f, a.Status))
		if a.FailReason != "" {
			kv.Add(f.T("field.account.reason"), a.FailReason)
		}
		return kv.Render()
	})
}

func statusStyle(f *cmdutil.Factory, status string) lipgloss.Style {
	st := f.IOStreams.Styles()
	switch status {
	case marketapi.AccountBound:
		return st.Success
	case marketapi.AccountFailed:
		return st.Error
	case marketapi.AccountVerifying:
		return st.Warning
	}
	return st.Muted
}
