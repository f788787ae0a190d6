package sandbox

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Pagination, in the two styles the marketplace uses: the seller extension's lists are keyset
// pages (MaxResults, NextToken; newest first), the public ones numbered pages (PageNumber,
// PageSize). DescribeProducts keeps its own, to answer bad values as production does.

// keyset is one keyset page of a table: newest first by (created_at, key). A token carries the
// position after the page and the total counted on the first page.
type keyset struct {
	table, key string
	cond       string
	args       []any
	limit      int
	total      int
}

// newKeyset reads NextToken for a page of limit rows of table matching cond (args), and counts
// the rows on the first page.
func newKeyset(c *Call, table, key, cond string, args []any, limit int) (*keyset, error) {
	ks := &keyset{table: table, key: key, cond: cond, args: args, limit: limit}
	if tok := c.Params.Get("NextToken"); tok != "" {
		at, after, total, err := decodeToken(tok)
		if err != nil {
			return nil, badParam("NextToken", "NextToken is not one this server issued.")
		}
		ks.total = total
		ks.cond += " AND (created_at, " + key + ") < (?, ?)"
		ks.args = append(ks.args, at, after)
		return ks, nil
	}
	err := c.QueryRow(`SELECT COUNT(*) FROM `+table+` WHERE `+cond, args...).Scan(&ks.total)
	return ks, err
}

// query selects cols for the page, one row more than the page holds (its presence means a next
// page).
func (ks *keyset) query(cols string) (string, []any) {
	return `SELECT ` + cols + ` FROM ` + ks.table + ` WHERE ` + ks.cond + ` ORDER BY created_at DESC, ` + ks.key + ` DESC LIMIT ?`,
		append(append([]any{}, ks.args...), ks.limit+1)
}

// token is the NextToken of the page that ends with the row (at, key).
func (ks *keyset) token(at int64, key string) string { return encodeToken(at, key, ks.total) }

// A page token is an opaque keyset position — the created_at and key of the last row served —
// and the TotalCount of the first page, so later pages need not count again.
func encodeToken(at int64, key string, total int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(at, 10) + ":" + strconv.Itoa(total) + ":" + key))
}

func decodeToken(tok string) (at int64, key string, total int, err error) {
	b, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil {
		return 0, "", 0, err
	}
	parts := strings.SplitN(string(b), ":", 3)
	if len(parts) != 3 {
		return 0, "", 0, fmt.Errorf("malformed")
	}
	if at, err = strconv.ParseInt(parts[0], 10, 64); err != nil {
		return 0, "", 0, err
	}
	if total, err = strconv.Atoi(parts[1]); err != nil {
		return 0, "", 0, err
	}
	return at, parts[2], total, nil
}

func maxResults(c *Call, def int) (int, error) {
	if !c.has("MaxResults") {
		return def, nil
	}
	n, err := strconv.Atoi(c.Params.Get("MaxResults"))
	if err != nil || n < 1 || n > 100 {
		return 0, badParam("MaxResults", "MaxResults must be an integer from 1 to 100.")
	}
	return n, nil
}

// pageRule is how an action reads PageNumber and PageSize: their default size and maximum;
// whether both are required (the public actions answer MissingParameter without them); whether
// a size over the maximum is clamped (the public actions) or refused (the extension's).
type pageRule struct {
	def, max        int
	required, clamp bool
}

// pageParams reads PageNumber (from 1) and PageSize by rule.
func pageParams(p url.Values, rule pageRule) (page, size int, err error) {
	read := func(k string, def int) (int, error) {
		v := p.Get(k)
		if v == "" {
			if rule.required {
				return 0, missingParam(k)
			}
			return def, nil
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return 0, badParam(k, "%s must be a positive integer.", k)
		}
		return n, nil
	}
	if page, err = read("PageNumber", 1); err != nil {
		return 0, 0, err
	}
	if size, err = read("PageSize", rule.def); err != nil {
		return 0, 0, err
	}
	if size > rule.max {
		if !rule.clamp {
			return 0, 0, badParam("PageSize", "PageSize must be 1 to %d.", rule.max)
		}
		size = rule.max
	}
	return page, size, nil
}
