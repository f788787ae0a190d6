// Package i18n holds the messages a merchant reads — errors, remedies, table headers and
// notices — in Chinese and English, and the rule that picks one of the two.
package i18n

import (
	"fmt"
	"strings"
)

// Lang is a message language.
type Lang string

// The supported languages.
const (
	ZH Lang = "zh"
	EN Lang = "en"
)

// ParseLang accepts "zh", "en" and locale names such as "zh_CN.UTF-8" or "en-US".
// ok is false for anything else.
func ParseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "":
		return "", false
	case s == "zh" || strings.HasPrefix(s, "zh_") || strings.HasPrefix(s, "zh-") || strings.HasPrefix(s, "zh."):
		return ZH, true
	case s == "en" || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en-") || strings.HasPrefix(s, "en."):
		return EN, true
	}
	return "", false
}

// Detect picks the language from the flag value, then MKT_LANG, then the configured value,
// then the POSIX locale variables (LC_ALL, LC_MESSAGES, LANG), then English.
// A locale that is neither Chinese nor English (C, POSIX, fr_FR…) means English.
func Detect(flagValue, configValue string, getenv func(string) string) Lang {
	if l, ok := ParseLang(flagValue); ok {
		return l
	}
	if l, ok := ParseLang(getenv("MKT_LANG")); ok {
		return l
	}
	if l, ok := ParseLang(configValue); ok {
		return l
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if l, ok := ParseLang(v); ok {
				return l
			}
			return EN
		}
	}
	return EN
}

// Message is a catalog entry with its arguments, rendered in a language only when printed.
// Errors carry Messages so that the language can be decided after the error is made.
type Message struct {
	Key  string
	Args []any
}

// M makes a Message.
func M(key string, args ...any) Message { return Message{Key: key, Args: args} }

// IsZero reports whether m is empty.
func (m Message) IsZero() bool { return m.Key == "" }

// In renders m in lang. An unknown key renders as the key itself, so a missing entry is
// visible rather than silent (and the catalog test catches it first).
func (m Message) In(lang Lang) string {
	e, ok := catalog[m.Key]
	if !ok {
		if len(m.Args) == 0 {
			return m.Key
		}
		return m.Key + fmt.Sprint(m.Args...)
	}
	format := e.en
	if lang == ZH {
		format = e.zh
	}
	// A message inside a message is rendered in the same language.
	args := m.Args
	for i, a := range m.Args {
		if inner, ok := a.(Localized); ok {
			if &args[0] == &m.Args[0] {
				args = append([]any(nil), m.Args...)
			}
			args[i] = inner.In(lang)
		}
	}
	// Always formatted, so a literal percent sign is written %% everywhere in the catalog.
	return fmt.Sprintf(format, args...)
}

// String renders m in English.
func (m Message) String() string { return m.In(EN) }

// T renders key in lang with args.
func T(lang Lang, key string, args ...any) string { return M(key, args...).In(lang) }

// Has reports whether key is in the catalog.
func Has(key string) bool { _, ok := catalog[key]; return ok }

type entry struct{ zh, en string }
