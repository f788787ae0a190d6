package iostreams

import (
	"strings"
	"testing"
	"time"
)

func fill(s *IOStreams) *Table {
	st := s.Styles()
	t := s.NewTable("CODE", "名称")
	t.AddStyledField("cmgj001", st.ID)
	t.AddField("中文商品")
	t.EndRow()
	t.AddField("cmapi00042")
	t.AddField("has\ttab")
	t.EndRow()
	return t
}

func TestTablePipe(t *testing.T) {
	s, _, out, _ := Test()
	if err := fill(s).Render(); err != nil {
		t.Fatal(err)
	}
	want := "cmgj001\t中文商品\ncmapi00042\thas tab\n"
	if out.String() != want {
		t.Errorf("pipe output %q, want %q", out.String(), want)
	}
}

func TestTableTTY(t *testing.T) {
	s, _, out, _ := Test()
	s.SetStdoutTTY(true)
	if err := fill(s).Render(); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if !strings.Contains(got, "\x1b[") {
		t.Errorf("no colour on a terminal: %q", got)
	}
	lines := strings.Split(strings.TrimRight(stripANSI(got), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("lines: %q", lines)
	}
	// The second column starts at the same display column on every line.
	if idx := strings.Index(lines[1], "中文商品"); idx != strings.Index(lines[2], "has tab") {
		t.Errorf("columns not aligned:\n%s", strings.Join(lines, "\n"))
	}
}

func TestNoColor(t *testing.T) {
	for name, set := range map[string]func(*IOStreams){
		"NO_COLOR":   func(s *IOStreams) { s.SetEnvNoColor(true) },
		"--no-color": func(s *IOStreams) { s.SetNoColor(true) },
	} {
		s, _, out, _ := Test()
		s.SetStdoutTTY(true)
		set(s)
		if err := fill(s).Render(); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out.String(), "\x1b[") {
			t.Errorf("%s: ANSI escapes in %q", name, out.String())
		}
		if !strings.HasPrefix(out.String(), "CODE") {
			t.Errorf("%s: header missing on a terminal: %q", name, out.String())
		}
	}
}

func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func TestReadLine(t *testing.T) {
	r := strings.NewReader("first\r\nsecond")
	if l, err := ReadLine(r); err != nil || l != "first" {
		t.Errorf("%q %v", l, err)
	}
	if l, err := ReadLine(r); err != nil || l != "second" {
		t.Errorf("%q %v", l, err)
	}
	if _, err := ReadLine(r); err == nil {
		t.Error("EOF not reported")
	}
}

func TestKeyValue(t *testing.T) {
	s, _, out, _ := Test()
	kv := s.NewKeyValue()
	kv.Add("Status", "LISTED")
	kv.AddTime("Updated", time.Date(2026, 11, 30, 9, 0, 0, 0, time.FixedZone("CST", 8*3600)))
	kv.AddDuration("Left", 53*time.Hour)
	if err := kv.Render(); err != nil {
		t.Fatal(err)
	}
	want := "Status\tLISTED\nUpdated\t2026-11-30T09:00:00+08:00\nLeft\t53h0m0s\n"
	if out.String() != want {
		t.Errorf("pipe %q, want %q", out.String(), want)
	}

	s, _, out, _ = Test()
	s.SetStdoutTTY(true)
	s.SetTimeFormat(TimeFormat{
		Now:      func() time.Time { return time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC) },
		Relative: func(now, tm time.Time) string { return now.Sub(tm).String() + " ago" },
		Duration: func(d time.Duration) string { return "about " + d.String() },
	})
	kv = s.NewKeyValue()
	kv.Add("状态", "已上架")
	kv.AddTime("Updated", time.Date(2026, 11, 30, 11, 0, 0, 0, time.UTC))
	kv.AddDuration("Left", time.Hour)
	if err := kv.Render(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(stripANSI(out.String()), "\n"), "\n")
	if len(lines) != 3 || lines[0] != "状态     已上架" || lines[1] != "Updated  1h0m0s ago" || lines[2] != "Left     about 1h0m0s" {
		t.Errorf("terminal:\n%s", strings.Join(lines, "\n"))
	}
}

func TestTableStreams(t *testing.T) {
	s, _, out, _ := Test()
	tb := s.NewTable("A", "B")
	tb.Stream = true
	tb.AddField("1")
	tb.AddField("x")
	tb.EndRow()
	if out.String() != "1\tx\n" {
		t.Fatalf("a streamed row is written when it ends: %q", out.String())
	}
	tb.AddField("2")
	tb.AddField("y")
	if err := tb.Render(); err != nil {
		t.Fatal(err)
	}
	if out.String() != "1\tx\n2\ty\n" {
		t.Errorf("got %q", out.String())
	}
}

// Text others wrote cannot drive the terminal or break the columns.
func TestCleanControlCharacters(t *testing.T) {
	for in, want := range map[string]string{
		"plain 文本":                 "plain 文本",
		"a\tb\nc\rd":               "a b c d",
		"\x1b[2J\x1b]0;title\x07x": "\uFFFD[2J\uFFFD]0;title\uFFFDx",
		"c1\u009bJ del\x7f":        "c1\uFFFDJ del\uFFFD",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}
