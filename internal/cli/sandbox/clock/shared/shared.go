// Package shared is what the `mkt sandbox clock` verbs share: printing the clock.
package shared

import (
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// PrintClock prints the sandbox's clock: its time, its offset and the real time.
func PrintClock(f *cmdutil.Factory, clk marketapi.Clock) error {
	return f.Print(clk, func() error {
		st := f.IOStreams.Styles()
		kv := f.IOStreams.NewKeyValue()
		kv.AddStyled(f.T("col.clock.now"), clk.Now, st.ID)
		kv.Add(f.T("col.clock.offset"), clk.Offset)
		kv.AddStyled(f.T("col.clock.real"), clk.RealNow, st.Muted)
		return kv.Render()
	})
}
