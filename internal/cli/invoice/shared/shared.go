// Package shared is what the `mkt invoice` verbs share: time zones, request IDs, and how an
// already-handled request is reported.
package shared

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/invoice"
	"github.com/mkt-cli/mkt/internal/invoicing"
)

// LoadTZ is the zone times are shown in: local by default, "cst" for China Standard Time, or
// an IANA name.
func LoadTZ(name string) (*time.Location, error) {
	switch strings.ToLower(name) {
	case "", "local":
		return time.Local, nil
	case "cst", "china":
		return invoice.CST, nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, cmdutil.FlagError("invoice.tz", name)
	}
	return loc, nil
}

// CheckID refuses an invoice request ID that is not a number, before any request.
func CheckID(id string) error {
	if _, err := strconv.ParseInt(id, 10, 64); err != nil {
		return cmdutil.FlagError("invoice.id", id)
	}
	return nil
}

// Handled turns invoicing's "already handled otherwise" into exit 6 with the next step.
func Handled(err error) error {
	var he *invoicing.ErrHandled
	if errors.As(err, &he) {
		return cmdutil.ConflictError("invoice.done", he.Invoice.Id, he.Invoice.Status, he.Invoice.ModifiedTimeStr).WithRemedy("remedy.invoice.list")
	}
	return err
}
