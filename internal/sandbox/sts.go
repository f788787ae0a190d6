package sandbox

import "strconv"

// stsHandlers are the STS actions the sandbox answers: GetCallerIdentity, so that a served
// sandbox stands in for production whole for a client in live mode (mkt reads a seller's
// listed products by the account STS names).
func stsHandlers() map[string]func(*Call) (any, error) {
	return map[string]func(*Call) (any, error){"GetCallerIdentity": getCallerIdentity}
}

// getCallerIdentity answers as STS does for an account's own AccessKey: the signature was
// checked against the sandbox's only key, which is the seller account's.
func getCallerIdentity(c *Call) (any, error) {
	uid, err := sellerUID(c.Tx)
	if err != nil {
		return nil, err
	}
	id := strconv.FormatInt(uid, 10)
	return map[string]string{
		"IdentityType": "Account",
		"AccountId":    id,
		"UserId":       id,
		"PrincipalId":  id,
		"Arn":          "acs:ram::" + id + ":root",
	}, nil
}
