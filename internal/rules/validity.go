package rules

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/mkt-cli/mkt/internal/i18n"
)

// Period is a purchasable validity period (商品有效期: how long the ISV serves the user).
type Period struct {
	N    int
	Unit byte // 'd', 'w', 'm' or 'y'
}

func (p Period) String() string { return strconv.Itoa(p.N) + string(p.Unit) }

// Days is the period's length in days (a month counts 30, a year 365), for comparisons.
func (p Period) Days() int {
	switch p.Unit {
	case 'd':
		return p.N
	case 'w':
		return 7 * p.N
	case 'm':
		return 30 * p.N
	case 'y':
		return 365 * p.N
	}
	return 0
}

// PeriodType is the public OrderPeriod.PeriodType where one exists.
func (p Period) PeriodType() string {
	switch p.String() {
	case "1m":
		return "MONTH"
	case "3m":
		return "SEASON"
	case "6m":
		return "HALFYEAR"
	case "1y", "12m":
		return "YEAR"
	case "2y", "24m":
		return "TWOYEARS"
	}
	return "CUSTOM"
}

// Limits of a validity period.
const (
	MinServiceDays = 90      // FAQ 三 Q6: service products at least 3 months
	MaxPeriodDays  = 5 * 365 // anything longer is "long-term" in all but name
	MaxPeriods     = 12
)

var longTerm = map[string]bool{
	"permanent": true, "forever": true, "long-term": true, "longterm": true, "unlimited": true,
	"lifetime": true, "长期": true, "永久": true, "0": true, "-1": true, "∞": true, "inf": true,
}

// OrderPeriods are the validity periods buyers can order: the marketplace's order PeriodType
// values MONTH, SEASON, HALFYEAR, YEAR and TWOYEARS. 12m and 24m are read as 1y and 2y.
var OrderPeriods = []string{"1m", "3m", "6m", "1y", "2y"}

var orderPeriod = map[string]string{"1m": "1m", "3m": "3m", "6m": "6m", "1y": "1y", "2y": "2y", "12m": "1y", "24m": "2y"}

// SplitPeriods is the one validity grammar, the same in flags, arguments, files and manifests:
// periods separated by commas (also 、 and ，), spaces or both — "1m,3m,1y", "1m 3m 1y",
// "1m, 3m" — in one value or several.
func SplitPeriods(specs []string) []string {
	var out []string
	for _, s := range specs {
		out = append(out, strings.FieldsFunc(s, func(r rune) bool {
			return r == ',' || r == '，' || r == '、' || r == ';' || unicode.IsSpace(r)
		})...)
	}
	return out
}

// ParsePeriods parses and checks validity periods such as "1m 3m 6m 1y" (SplitPeriods' grammar)
// for a product of type t: finite only (FAQ 三 Q6: not long-term), only periods buyers can
// order (OrderPeriods), service products at least 3 months each. The result is sorted and free
// of duplicates.
func ParsePeriods(t ProductType, specs []string) ([]Period, *Violation) {
	specs = SplitPeriods(specs)
	if len(specs) == 0 {
		return nil, input(CodeValidity, i18n.M("rule.validity.none"), remedyFor(t))
	}
	seen := map[int]bool{}
	var out []Period
	for _, raw := range specs {
		s := strings.ToLower(strings.TrimSpace(raw))
		if longTerm[s] {
			return nil, rule(CodeValidity, i18n.M("rule.validity.longterm", raw), remedyFor(t))
		}
		p, ok := parsePeriod(s)
		if !ok {
			return nil, input(CodeValidity, i18n.M("rule.validity.format", raw), remedyFor(t))
		}
		if p.Days() > MaxPeriodDays {
			return nil, rule(CodeValidity, i18n.M("rule.validity.toolong", raw), remedyFor(t))
		}
		canonical, ok := orderPeriod[s]
		if !ok {
			return nil, input(CodeValidity, i18n.M("rule.validity.order", raw, strings.Join(allowed(t), " ")), remedyFor(t))
		}
		p, _ = parsePeriod(canonical)
		if t == TypeService && p.Days() < MinServiceDays {
			return nil, rule(CodeValidity, i18n.M("rule.validity.service", raw), remedyFor(t))
		}
		if seen[p.Days()] {
			continue
		}
		seen[p.Days()] = true
		out = append(out, p)
	}
	if len(out) > MaxPeriods {
		return nil, input(CodeValidity, i18n.M("rule.validity.count", MaxPeriods), remedyFor(t))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Days() < out[j].Days() })
	return out, nil
}

// allowed are the periods a product of type t may offer.
func allowed(t ProductType) []string {
	if t != TypeService {
		return OrderPeriods
	}
	var out []string
	for _, p := range OrderPeriods {
		if pp, _ := parsePeriod(p); pp.Days() >= MinServiceDays {
			out = append(out, p)
		}
	}
	return out
}

// remedyFor is a validity remedy that is valid for type t.
func remedyFor(t ProductType) i18n.Message {
	return i18n.M("remedy.validity", strings.Join(allowed(t), " "))
}

func parsePeriod(s string) (Period, bool) {
	if len(s) < 2 {
		return Period{}, false
	}
	unit := s[len(s)-1]
	switch unit {
	case 'd', 'w', 'm', 'y':
	default:
		return Period{}, false
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n < 1 || fmt.Sprint(n) != s[:len(s)-1] {
		return Period{}, false
	}
	return Period{N: n, Unit: unit}, true
}

// PeriodStrings formats periods for the wire and for display.
func PeriodStrings(ps []Period) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}
