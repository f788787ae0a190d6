// Package shared is what the `mkt sandbox clock` verbs share: printing the clock.
package shared

import (
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/timeutil"
)

// PrintClock prints the sandbox's clock: its time, its offset and the real time.
func PrintClock(f *cmdutil.Factory, clk marketapi.Clock) error {
	return f.Print(clk, func() error {
		st := f.IOStreams.Styles()
		kv := f.IOStreams.NewKeyValue()
		kv.AddStyled(f.T("col.clock.now"), clk.Now, st.ID)
		offset := clk.Offset
		if d, err := timeutil.ParseDuration(offset); err == nil && f.Lang() == i18n.ZH {
			offset = i18n.Duration(i18n.ZH, d)
		}
		kv.Add(f.T("col.clock.offset"), offset)
		kv.AddStyled(f.T("col.clock.real"), clk.RealNow, st.Muted)
		return kv.Render()
	})
}
