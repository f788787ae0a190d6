package iostreams

import (
	"io"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Styles is mkt's one lipgloss theme. Commands use these fields and never build styles of
// their own, so the look of the tool is decided here.
type Styles struct {
	Title   lipgloss.Style
	Header  lipgloss.Style
	Muted   lipgloss.Style
	Success lipgloss.Style
	Warning lipgloss.Style
	Error   lipgloss.Style
	ID      lipgloss.Style
	Bold    lipgloss.Style
}

// newStyles builds the theme for one writer. The colour profile is set explicitly so lipgloss
// and termenv never query the terminal (no background-colour probe on the way to a command).
func newStyles(w io.Writer, color bool) *Styles {
	profile := termenv.Ascii
	if color {
		profile = termenv.ANSI
	}
	r := lipgloss.NewRenderer(w, termenv.WithProfile(profile))
	r.SetColorProfile(profile)
	r.SetHasDarkBackground(true)
	st := &Styles{
		Title:   r.NewStyle().Bold(true),
		Header:  r.NewStyle().Bold(true).Foreground(lipgloss.Color("4")),
		Muted:   r.NewStyle().Foreground(lipgloss.Color("8")),
		Success: r.NewStyle().Foreground(lipgloss.Color("2")),
		Warning: r.NewStyle().Foreground(lipgloss.Color("3")),
		Error:   r.NewStyle().Foreground(lipgloss.Color("1")).Bold(true),
		ID:      r.NewStyle().Foreground(lipgloss.Color("6")),
		Bold:    r.NewStyle().Bold(true),
	}
	if !color {
		// Bold and underline are escapes too; in a pipe or with NO_COLOR nothing is styled.
		plain := r.NewStyle()
		st.Title, st.Header, st.Muted, st.Success = plain, plain, plain, plain
		st.Warning, st.Error, st.ID, st.Bold = plain, plain, plain, plain
	}
	return st
}
