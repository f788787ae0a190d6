package sandbox

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Cross-account authorization (跨账号角色授权): a buyer grants the vendor roles in the buyer's
// account; the marketplace hands the vendor a token, and CrossAccountVerifyToken says who
// granted which roles when. The buyer's side is played by SandboxAuthorizeAccount.

// DefaultCrossAccountRole is the role granted when none is named (the metadata's example).
const DefaultCrossAccountRole = "VendorCrossAccountXIAOYUNACCESSSMSRole"

func sandboxAuthorizeAccount(c *Call) (any, error) {
	uid := int64(1_000_000_000_000_000) + c.Now.UnixMilli()%1_000_000_000
	if v := c.Params.Get("AliUid"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 1 {
			return nil, badParam("AliUid", "AliUid must be an account ID (a number).")
		}
		uid = n
	}
	name := strings.TrimSpace(c.Params.Get("Name"))
	if name == "" {
		name = "buyer-" + strconv.FormatInt(uid, 10)
	}
	roles := []string{}
	for _, r := range strings.Split(c.Params.Get("Roles"), ",") {
		if r = strings.TrimSpace(r); r != "" {
			roles = append(roles, r)
		}
	}
	if len(roles) == 0 {
		roles = []string{DefaultCrossAccountRole}
	}
	b := make([]byte, 16)
	rand.Read(b)
	token := strings.ToUpper(hex.EncodeToString(b))
	rj, _ := json.Marshal(roles)
	if _, err := c.Tx.Exec(`INSERT INTO cross_account_tokens (token, ali_uid, name, roles, at) VALUES (?, ?, ?, ?, ?)`,
		token, uid, name, string(rj), c.Now.UnixMilli()); err != nil {
		return nil, err
	}
	return marketapi.Authorized{Token: token, AliUid: uid}, nil
}

func crossAccountVerifyToken(c *Call) (any, error) {
	var res marketapi.CrossAccountAuth
	var uid int64
	var roles string
	err := c.Tx.QueryRow(`SELECT ali_uid, name, roles, at FROM cross_account_tokens WHERE token = ?`, c.Params.Get("Token")).
		Scan(&uid, &res.Name, &roles, &res.AuthTime)
	if errors.Is(err, sql.ErrNoRows) {
		// An envelope of its own, as the action's answer has one: not an error status.
		return marketapi.CrossAccountVerified{Success: false, Code: "404", Message: "The token is unknown or was not issued to this account.",
			Result: nil}, nil
	}
	if err != nil {
		return nil, err
	}
	res.Uid = strconv.FormatInt(uid, 10)
	json.Unmarshal([]byte(roles), &res.AuthRoles)
	return marketapi.CrossAccountVerified{Success: true, Code: "200", Message: "successful", Result: &res}, nil
}
