package iostreams

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// Table prints rows: aligned with a styled header on a terminal, tab-separated with no header
// and no colour in a pipe, so that `cut -f2` and `while read` work on it.
type Table struct {
	s       *IOStreams
	headers []string
	rows    [][]cell
	cur     []cell
	// HeadersInPipe prints the header line in a pipe too.
	HeadersInPipe bool
}

type cell struct {
	text  string
	style *lipgloss.Style
}

// NewTable starts a table with the given column headers (already localized).
func (s *IOStreams) NewTable(headers ...string) *Table {
	return &Table{s: s, headers: headers}
}

// AddField appends a cell to the current row.
func (t *Table) AddField(text string) { t.cur = append(t.cur, cell{text: text}) }

// AddStyledField appends a cell that is styled on a terminal.
func (t *Table) AddStyledField(text string, style lipgloss.Style) {
	t.cur = append(t.cur, cell{text: text, style: &style})
}

// EndRow finishes the current row.
func (t *Table) EndRow() {
	t.rows = append(t.rows, t.cur)
	t.cur = nil
}

// Len is the number of finished rows.
func (t *Table) Len() int { return len(t.rows) }

// Render writes the table to Out.
func (t *Table) Render() error {
	if len(t.cur) > 0 {
		t.EndRow()
	}
	if !t.s.IsStdoutTTY() {
		return t.renderPlain(t.s.Out)
	}
	return t.renderTTY(t.s.Out)
}

// clean keeps a cell on one line and out of the next column. Most cells have nothing to
// clean, and they cost no allocation.
func clean(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if c == '\t' || c == '\n' || c == '\r' {
			b[i] = ' '
		}
	}
	return string(b)
}

func (t *Table) renderPlain(w io.Writer) error {
	var b strings.Builder
	if t.HeadersInPipe && len(t.headers) > 0 {
		for i, h := range t.headers {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(clean(h))
		}
		b.WriteByte('\n')
	}
	for _, row := range t.rows {
		for i, c := range row {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(clean(c.text))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (t *Table) renderTTY(w io.Writer) error {
	st := t.s.Styles()
	cols := len(t.headers)
	for _, r := range t.rows {
		cols = max(cols, len(r))
	}
	widths := make([]int, cols)
	for i, h := range t.headers {
		widths[i] = lipgloss.Width(h)
	}
	for _, r := range t.rows {
		for i, c := range r {
			widths[i] = max(widths[i], lipgloss.Width(clean(c.text)))
		}
	}
	var b strings.Builder
	line := func(texts []string, styles []*lipgloss.Style) {
		for i, text := range texts {
			pad := widths[i] - lipgloss.Width(text)
			if styles[i] != nil {
				text = styles[i].Render(text)
			}
			b.WriteString(text)
			if i < len(texts)-1 {
				b.WriteString(strings.Repeat(" ", pad+2))
			}
		}
		b.WriteByte('\n')
	}
	if len(t.headers) > 0 {
		styles := make([]*lipgloss.Style, len(t.headers))
		for i := range styles {
			styles[i] = &st.Header
		}
		line(t.headers, styles)
	}
	for _, r := range t.rows {
		texts := make([]string, len(r))
		styles := make([]*lipgloss.Style, len(r))
		for i, c := range r {
			texts[i] = clean(c.text)
			styles[i] = c.style
		}
		line(texts, styles)
	}
	_, err := fmt.Fprint(w, b.String())
	return err
}
