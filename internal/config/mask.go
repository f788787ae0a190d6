package config

import "strings"

// MaskID shows enough of an AccessKey ID to recognise it and no more: the first four and the
// last four characters of a long ID, the last two of a short one.
func MaskID(id string) string {
	n := len(id)
	switch {
	case n == 0:
		return ""
	case n >= 12:
		return id[:4] + strings.Repeat("*", n-8) + id[n-4:]
	case n > 4:
		return strings.Repeat("*", n-2) + id[n-2:]
	}
	return strings.Repeat("*", n)
}

// MaskSecret never shows any of a secret: it says only whether one is set.
func MaskSecret(s string) string {
	if s == "" {
		return ""
	}
	return "********"
}
