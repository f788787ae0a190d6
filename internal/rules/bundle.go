package rules

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/mkt-cli/mkt/internal/i18n"
)

// BundleMember is what a bundle check needs to know of a product.
type BundleMember struct {
	State State
	// Mine is false for a product of another seller.
	Mine bool
}

// CheckBundle is FAQ 三 Q2 as mkt applies it: a bundle holds at least two distinct products of
// the same seller, none deleted. lookup may be nil for the pre-flight check that needs no
// state (count and distinctness).
func CheckBundle(codes []string, lookup func(code string) (BundleMember, bool)) *Violation {
	seen := map[string]bool{}
	for _, c := range codes {
		if seen[c] {
			return rule(CodeBundle, i18n.M("rule.bundle.duplicate", c), i18n.M("remedy.bundle"))
		}
		seen[c] = true
	}
	if len(seen) < 2 {
		return rule(CodeBundle, i18n.M("rule.bundle.count", len(seen)), i18n.M("remedy.bundle"))
	}
	if lookup == nil {
		return nil
	}
	for _, c := range codes {
		m, ok := lookup(c)
		switch {
		case !ok || m.State == StateDeleted:
			return rule(CodeBundle, i18n.M("rule.bundle.missing", c), i18n.M("remedy.bundle"))
		case !m.Mine:
			return rule(CodeBundle, i18n.M("rule.bundle.seller", c), i18n.M("remedy.bundle"))
		}
	}
	return nil
}

// Sellable reports whether a bundle can be bought: every product in it is listed.
func Sellable(states []State) bool {
	if len(states) < 2 {
		return false
	}
	for _, s := range states {
		if s != StateListed {
			return false
		}
	}
	return true
}

// ParseDiscount reads a bundle discount such as "10%" (1–90 percent off).
func ParseDiscount(s string) (int, *Violation) {
	v := strings.TrimSuffix(strings.TrimSpace(s), "%")
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 90 {
		return 0, input(CodeBundle, i18n.M("rule.bundle.discount", s), i18n.M("remedy.bundle.price"))
	}
	return n, nil
}

// ParsePrice reads a price in yuan with at most two decimals ("99", "99.5", "99.50") and
// returns it normalised to two decimals. Zero is allowed (free SKUs).
func ParsePrice(s string) (string, *Violation) {
	s = strings.TrimSpace(s)
	r, ok := new(big.Rat).SetString(s)
	if !ok || r.Sign() < 0 || strings.ContainsAny(s, "eE/") {
		return "", input(CodeProductSku, i18n.M("rule.price", s), i18n.M("remedy.price"))
	}
	if _, frac, found := strings.Cut(s, "."); found && len(frac) > 2 {
		return "", input(CodeProductSku, i18n.M("rule.price", s), i18n.M("remedy.price"))
	}
	if r.Cmp(big.NewRat(100_000_000, 1)) > 0 {
		return "", input(CodeProductSku, i18n.M("rule.price", s), i18n.M("remedy.price"))
	}
	return r.FloatString(2), nil
}
