package sandbox

import (
	"net/url"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/marketapi"
)

func TestCrossAccountVerifyToken(t *testing.T) {
	_, s := newSeller(t, "en")
	var a marketapi.Authorized
	if err := s.do("SandboxAuthorizeAccount", url.Values{"AliUid": {"1234567890123456"}, "Name": {"buyer@example"},
		"Roles": {"RoleA, RoleB"}}, &a); err != nil {
		t.Fatal(err)
	}
	if len(a.Token) != 32 || a.AliUid != 1234567890123456 {
		t.Fatalf("%+v", a)
	}
	var v marketapi.CrossAccountVerified
	if err := s.do("CrossAccountVerifyToken", url.Values{"Token": {a.Token}}, &v); err != nil {
		t.Fatal(err)
	}
	if !v.Success || v.Code != "200" || v.Result == nil || v.Result.Uid != "1234567890123456" || v.Result.Name != "buyer@example" ||
		len(v.Result.AuthRoles) != 2 || v.Result.AuthRoles[1] != "RoleB" || time.Since(time.UnixMilli(v.Result.AuthTime)) > time.Minute {
		t.Fatalf("%+v %+v", v, v.Result)
	}
	// Unknown: the answer's own envelope says so (Success false), not an error status.
	v = marketapi.CrossAccountVerified{}
	if err := s.do("CrossAccountVerifyToken", url.Values{"Token": {"C19D103FEA2D50A584410267CE9FBA56"}}, &v); err != nil || v.Success || v.Result != nil {
		t.Fatalf("an unknown token: %+v %v", v, err)
	}
	// Defaults: a made-up buyer and the metadata's example role.
	s.do("SandboxAuthorizeAccount", url.Values{}, &a)
	s.do("CrossAccountVerifyToken", url.Values{"Token": {a.Token}}, &v)
	if !v.Success || len(v.Result.AuthRoles) != 1 || v.Result.AuthRoles[0] != DefaultCrossAccountRole {
		t.Fatalf("defaults: %+v", v.Result)
	}
}
