package acs

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"net/url"
	"strings"
)

// V1 constants.
const (
	V1SignatureMethod  = "HMAC-SHA1"
	V1SignatureVersion = "1.0"
	// TimeFormat is the timestamp format of both schemes: UTC, seconds, trailing Z.
	TimeFormat = "2006-01-02T15:04:05Z"
)

// V1StringToSign is METHOD&%2F&percentEncode(canonical query), over every parameter but
// Signature (query and form body merged).
func V1StringToSign(method string, params url.Values) string {
	return strings.ToUpper(method) + "&" + PercentEncode("/") + "&" + PercentEncode(CanonicalQuery(params, "Signature"))
}

// V1Signature is Base64(HMAC-SHA1(secret + "&", stringToSign)).
func V1Signature(stringToSign, secret string) string {
	mac := hmac.New(sha1.New, []byte(secret+"&"))
	mac.Write([]byte(stringToSign))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// V1Sign computes the signature of params for method.
func V1Sign(method string, params url.Values, secret string) string {
	return V1Signature(V1StringToSign(method, params), secret)
}
