package cmdutil

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"sort"

	"github.com/charmbracelet/lipgloss"

	"github.com/mkt-cli/mkt/internal/iostreams"
)

// Column is one column of a list: its header (localized), its text, and optionally its style
// on a terminal.
type Column[T any] struct {
	Header string
	Text   func(T) string
	Style  func(*iostreams.Styles, T) *lipgloss.Style
}

// ListPrinter prints items as they come, whatever their number: -o json as an array written
// element by element, a table in a pipe row by row; a terminal table and YAML collect the items
// first (a person's screen, not 100,000 rows).
type ListPrinter[T any] struct {
	f      *Factory
	format string
	cols   []Column[T]
	n      int
	buf    []T
	table  *iostreams.Table
	werr   error
	rec    *recordWriter
	// w buffers what is written as it comes; it is flushed after each page and at Close, so
	// a reader still sees a listing page by page, without a system call per item.
	w *bufio.Writer
}

// NewListPrinter starts a list with the given columns.
func NewListPrinter[T any](f *Factory, cols ...Column[T]) *ListPrinter[T] {
	p := &ListPrinter[T]{f: f, format: f.OutputFormat(), cols: cols, w: bufio.NewWriterSize(f.IOStreams.Out, 64<<10)}
	if p.format == "table" {
		headers := make([]string, len(cols))
		for i, c := range cols {
			headers[i] = c.Header
		}
		p.table = f.IOStreams.NewTable(headers...)
		p.table.Stream = true
		p.table.Out = p.w
	}
	return p
}

// records starts -o csv or tsv: the columns are those of the item type, so a list with no
// items still has its csv header.
func (p *ListPrinter[T]) records(first *T) error {
	if p.rec != nil {
		return nil
	}
	p.rec = newRecordWriter(p.w, p.format)
	var zero T
	cols := typeColumns(reflect.TypeOf(zero))
	if cols == nil && first != nil {
		cols = columns("", Machine(*first))
	}
	return p.rec.header(cols)
}

// Streaming reports whether items are written as they are added (not collected). A filtered
// list (--jq, --template) is collected: the filter sees the whole array.
func (p *ListPrinter[T]) Streaming() bool {
	if p.f.Global.Filter != nil {
		return false
	}
	return p.format == "json" || p.format == "csv" || p.format == "tsv" || (p.format == "table" && !p.f.IOStreams.IsStdoutTTY())
}

// Len is the number of items added.
func (p *ListPrinter[T]) Len() int { return p.n }

// Add prints or collects one item.
func (p *ListPrinter[T]) Add(v T) error {
	p.n++
	if p.f.Global.Filter != nil {
		p.buf = append(p.buf, v)
		return nil
	}
	switch p.format {
	case "json":
		b, err := indentJSON(Machine(v))
		if err != nil {
			return err
		}
		sep := ",\n  "
		if p.n == 1 {
			sep = "[\n  "
		}
		p.w.WriteString(sep)
		_, err = p.w.Write(b)
		return err
	case "csv", "tsv":
		if err := p.records(&v); err != nil {
			return err
		}
		return p.rec.row(Machine(v))
	case "table":
		if p.Streaming() {
			p.row(v)
			return nil
		}
	}
	p.buf = append(p.buf, v)
	return nil
}

// AddPage adds the items of one page, stopping at limit items in all (0: no limit) or at a
// write error; it reports whether the caller should fetch the next page, so it can be a
// listing method's callback. Finish reports the error.
func (p *ListPrinter[T]) AddPage(items []T, limit int) bool {
	for _, v := range items {
		if limit > 0 && p.n >= limit {
			return false
		}
		if p.werr = p.Add(v); p.werr != nil {
			return false
		}
	}
	if p.werr = p.w.Flush(); p.werr != nil {
		return false
	}
	return limit == 0 || p.n < limit
}

// Finish closes the list and returns the first error: the listing's (err), a write's, the
// close's.
func (p *ListPrinter[T]) Finish(err error) error {
	if err == nil {
		err = p.werr
	}
	if cerr := p.Close(); err == nil {
		err = cerr
	}
	return err
}

// Sort orders what was collected (a streamed list keeps its arrival order).
func (p *ListPrinter[T]) Sort(less func(a, b T) bool) {
	sort.SliceStable(p.buf, func(i, j int) bool { return less(p.buf[i], p.buf[j]) })
}

func (p *ListPrinter[T]) row(v T) {
	st := p.f.IOStreams.Styles()
	for _, c := range p.cols {
		if c.Style != nil {
			if s := c.Style(st, v); s != nil {
				p.table.AddStyledField(c.Text(v), *s)
				continue
			}
		}
		p.table.AddField(c.Text(v))
	}
	p.table.EndRow()
}

// Close finishes the list.
func (p *ListPrinter[T]) Close() error {
	err := p.close()
	if ferr := p.w.Flush(); err == nil {
		err = ferr
	}
	return err
}

func (p *ListPrinter[T]) close() error {
	out := p.w
	if p.f.Global.Filter != nil {
		if p.buf == nil {
			p.buf = []T{}
		}
		return p.f.Global.Filter.Write(out, Machine(p.buf))
	}
	switch p.format {
	case "json":
		end := "\n]\n"
		if p.n == 0 {
			end = "[]\n"
		}
		_, err := io.WriteString(out, end)
		return err
	case "yaml":
		if p.buf == nil {
			p.buf = []T{}
		}
		return WriteYAML(out, Machine(p.buf))
	case "csv", "tsv":
		if err := p.records(nil); err != nil {
			return err
		}
		return p.rec.flush()
	case "table":
		for _, v := range p.buf {
			p.row(v)
		}
		return p.table.Render()
	}
	return ValidateOutput(p.format)
}

// indentJSON is v as one element of an indented array.
func indentJSON(v any) ([]byte, error) {
	b, err := marshalNoEscape(v)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	err = json.Indent(&out, b, "  ", "  ")
	return out.Bytes(), err
}
