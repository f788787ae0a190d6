package iostreams

import (
	"fmt"
	"io"
	"strings"
	"time"

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
	// Stream writes each row as it ends when the output is a pipe, so a long listing uses
	// flat memory and a reader sees rows at once. (A terminal needs every row to align.)
	Stream bool
	// Out, when set, receives the table instead of the streams' Out (a buffered writer the
	// caller flushes).
	Out io.Writer
	// keyed marks a key/value table: the first column is a label.
	keyed   bool
	written bool
	err     error
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

// AddTimeField appends a time: relative in the merchant's language on a terminal ("3 分钟前"),
// RFC 3339 with its offset in a pipe. A zero time is an empty cell.
func (t *Table) AddTimeField(tm time.Time) {
	t.AddField(t.s.formatTime(tm))
}

// AddDurationField appends a duration: in words on a terminal ("2 天 5 小时"), Go's notation
// in seconds in a pipe ("53h0m0s").
func (t *Table) AddDurationField(d time.Duration) {
	t.AddField(t.s.formatDuration(d))
}

// EndRow finishes the current row.
func (t *Table) EndRow() {
	if t.Stream && !t.s.IsStdoutTTY() && t.err == nil {
		if !t.written {
			t.written = true
			if t.HeadersInPipe && len(t.headers) > 0 {
				t.err = writePlainRow(t.out(), t.headers)
			}
		}
		texts := make([]string, len(t.cur))
		for i, c := range t.cur {
			texts[i] = c.text
		}
		if t.err == nil {
			t.err = writePlainRow(t.out(), texts)
		}
		t.cur = nil
		return
	}
	t.rows = append(t.rows, t.cur)
	t.cur = nil
}

// Render writes the table to Out (what streaming has not written already).
func (t *Table) Render() error {
	if len(t.cur) > 0 {
		t.EndRow()
	}
	if t.err != nil {
		return t.err
	}
	if t.Stream && !t.s.IsStdoutTTY() {
		return nil
	}
	if !t.s.IsStdoutTTY() {
		return t.renderPlain(t.out())
	}
	return t.renderTTY(t.out())
}

func (t *Table) out() io.Writer {
	if t.Out != nil {
		return t.Out
	}
	return t.s.Out
}

// KeyValue is the form of `show` and `get` commands: one field a line, its label first. On a
// terminal the labels are aligned and muted; in a pipe each line is "label<TAB>value".
type KeyValue struct{ t *Table }

// NewKeyValue starts a key/value block.
func (s *IOStreams) NewKeyValue() *KeyValue {
	return &KeyValue{t: &Table{s: s, keyed: true}}
}

// Add appends a field (label already localized).
func (kv *KeyValue) Add(label, value string) {
	kv.t.AddField(label)
	kv.t.AddField(value)
	kv.t.EndRow()
}

// AddStyled appends a field whose value is styled on a terminal.
func (kv *KeyValue) AddStyled(label, value string, style lipgloss.Style) {
	kv.t.AddField(label)
	kv.t.AddStyledField(value, style)
	kv.t.EndRow()
}

// AddTime appends a time field (see AddTimeField).
func (kv *KeyValue) AddTime(label string, tm time.Time) { kv.Add(label, kv.t.s.formatTime(tm)) }

// AddDuration appends a duration field (see AddDurationField).
func (kv *KeyValue) AddDuration(label string, d time.Duration) {
	kv.Add(label, kv.t.s.formatDuration(d))
}

// Render writes the block to Out.
func (kv *KeyValue) Render() error { return kv.t.Render() }

func writePlainRow(w io.Writer, texts []string) error {
	var b strings.Builder
	for i, text := range texts {
		if i > 0 {
			b.WriteByte('\t')
		}
		b.WriteString(clean(text))
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// clean keeps a cell on one line and out of the next column, and keeps text that others
// wrote (a buyer's invoice title, a delivery message) from driving the terminal: tabs and line
// breaks become spaces, other control characters (ESC, C1) U+FFFD. Most cells have nothing to
// clean, and they cost no allocation.
func clean(s string) string {
	if strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case isControl(r):
			return '\uFFFD'
		}
		return r
	}, s)
}

func isControl(r rune) bool { return r < 0x20 || (r >= 0x7f && r < 0xa0) }

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
		if t.keyed && len(styles) > 0 && styles[0] == nil {
			styles[0] = &st.Muted
		}
		line(texts, styles)
	}
	_, err := fmt.Fprint(w, b.String())
	return err
}
