package rules

import (
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/i18n"
)

func TestCheckCreditCode(t *testing.T) {
	for _, tc := range []struct {
		in, want, err string
	}{
		// Valid: published codes of well-known companies, and one with letters inside.
		{"91330100799655058B", "91330100799655058B", ""},
		{"9144030071526726XG", "9144030071526726XG", ""},
		{"91110000802100433B", "91110000802100433B", ""},
		{" 91350100m000100y43 ", "91350100M000100Y43", ""}, // trimmed, upper-cased
		// Invalid.
		{"91330100799655058A", "", "check character (GB 32100) is B"},
		{"9144030071526726XH", "", "check character (GB 32100) is G"},
		{"91330100799655085B", "", "check character"}, // two digits swapped
		{"9133010079965505", "", "must have 18 characters, not 16"},
		{"91330100799655058BX", "", "not 19"},
		{"", "", "not 0"},
		{"91330100799655058I", "", `invalid character "I" (position 18)`},
		{"9133O100799655058B", "", `invalid character "O" (position 5)`},
		{"91330100-99655058B", "", `invalid character "-"`},
		{"统一社会信用代码12345678901", "", "must have 18 characters"},
	} {
		got, v := CheckCreditCode(tc.in)
		if tc.err == "" {
			if v != nil || got != tc.want {
				t.Errorf("%q: got %q, %v", tc.in, got, v)
			}
			continue
		}
		if v == nil {
			t.Errorf("%q: accepted", tc.in)
			continue
		}
		if v.Code != CodeCreditCode || v.Rule || !strings.Contains(v.Msg.In(i18n.EN), tc.err) || v.Remedy.IsZero() {
			t.Errorf("%q: %s (rule %v), want %q", tc.in, v.Msg.In(i18n.EN), v.Rule, tc.err)
		}
		if zh := v.Msg.In(i18n.ZH); !strings.Contains(zh, "统一社会信用代码") {
			t.Errorf("%q: zh %q", tc.in, zh)
		}
	}
	// Every valid 17-character prefix has exactly one check character, and it is accepted.
	for _, p := range []string{"12345678901234567", "Y0000000000000000", "91000000MA0000000"} {
		c, ok := CreditCheckChar(p)
		if !ok {
			t.Fatalf("%s: not computed", p)
		}
		if _, v := CheckCreditCode(p + string(c)); v != nil {
			t.Errorf("%s%c refused: %v", p, c, v)
		}
	}
}

func TestNormalizeAlipayAccount(t *testing.T) {
	for _, tc := range []struct {
		name, in, want, form string
		removed              Removed
		err                  string
	}{
		{"mobile", "13800138000", "13800138000", AlipayMobile, Removed{}, ""},
		{"email", "Finance@Example.com", "finance@example.com", AlipayEmail, Removed{}, ""},
		{"ascii spaces", " 138 0013 8000 ", "13800138000", AlipayMobile, Removed{ASCII: 4}, ""},
		{"tab", "13800138000\t", "13800138000", AlipayMobile, Removed{Tab: 1}, ""},
		{"full-width", "finance@example.com\u3000", "finance@example.com", AlipayEmail, Removed{FullWidth: 1}, ""},
		{"mixed", "\u3000138\t0013 8000", "13800138000", AlipayMobile, Removed{ASCII: 1, Tab: 1, FullWidth: 1}, ""},
		{"nbsp", "13800138000\u00a0", "13800138000", AlipayMobile, Removed{Other: 1}, ""},
		{"landline", "0571-85022088", "", "", Removed{}, "is a landline or 400/800 number"},
		{"landline digits", "057185022088", "", "", Removed{}, "is a landline"},
		{"hotline", "400-800-1234", "", "", Removed{}, "is a landline or 400/800 number"},
		{"short mobile", "1380013800", "", "", Removed{}, "is not a valid mobile number"},
		{"mobile 12", "138001380001", "", "", Removed{}, "is not a valid mobile number"},
		{"not mainland", "+85291234567", "", "", Removed{}, "is not a valid mobile number"},
		{"bad email", "finance@example", "", "", Removed{}, "is not a valid e-mail address"},
		{"two at", "a@@example.com", "", "", Removed{}, "is not a valid e-mail address"},
		{"garbage", "my-company", "", "", Removed{}, "neither a mobile number nor an e-mail"},
		{"only spaces", " \u3000\t", "", "", Removed{ASCII: 1, FullWidth: 1, Tab: 1}, "is empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, form, removed, v := NormalizeAlipayAccount(tc.in)
			if removed != tc.removed {
				t.Errorf("removed %+v, want %+v", removed, tc.removed)
			}
			if tc.err == "" {
				if v != nil || got != tc.want || form != tc.form {
					t.Fatalf("got %q %q %v", got, form, v)
				}
				return
			}
			if v == nil {
				t.Fatalf("accepted as %q", got)
			}
			if v.Code != CodeAlipayAccount || !v.Rule || !strings.Contains(v.Msg.In(i18n.EN), tc.err) || v.Remedy.IsZero() {
				t.Fatalf("%s (code %s, rule %v), want %q", v.Msg.In(i18n.EN), v.Code, v.Rule, tc.err)
			}
			if zh := v.Msg.In(i18n.ZH); strings.Contains(zh, "%!") {
				t.Fatalf("zh %q", zh)
			}
		})
	}
	if msg := (Removed{ASCII: 2, FullWidth: 1}).Message().In(i18n.ZH); !strings.Contains(msg, "1 个全角空格") {
		t.Fatalf("removed message %q", msg)
	}
}

func TestCheckPhone(t *testing.T) {
	for _, tc := range []struct {
		in, kind string
	}{
		{"400-123-4567", PhoneHotline},
		{"4001234567", PhoneHotline},
		{"800-820-8820", PhoneHotline},
		{"0571-85022088", PhoneLandline},
		{"0571-8502-2088", PhoneLandline},
		{"010-62345678", PhoneLandline},
		{"010-62345678-123", PhoneLandline},
		{"021 6888 8888", PhoneLandline},
		{"13800138000", PhoneMobile},
		{"138-0013-8000", PhoneMobile},
		{"12345", ""},
		{"400-123-456", ""},
		{"500-123-4567", ""},
		{"0571-0502208", ""}, // a local number never starts with 0 or 1
		{"hotline", ""},
		{"", ""},
	} {
		_, kind, v := CheckPhone(tc.in)
		if kind != tc.kind {
			t.Errorf("%q: kind %q, want %q (%v)", tc.in, kind, tc.kind, v)
		}
		if tc.kind == "" && (v == nil || v.Code != CodePhone || v.Rule) {
			t.Errorf("%q: violation %v", tc.in, v)
		}
	}
}

func TestLicenceNumber(t *testing.T) {
	for n, ok := range map[string]bool{"浙B2-20080224": true, "B2-20090001": true, "京B1.B2-20180001": false, "京B1.1-20180001": true,
		"12345": false, "浙B3-20080224": false, "浙B2-2008022": false, "": false} {
		if v := LicenceNumber(n); (v == nil) != ok {
			t.Errorf("%q: %v", n, v)
		} else if v != nil && (v.Code != CodeDataAuthorization || v.Rule || v.Remedy.IsZero()) {
			t.Errorf("%q: %+v", n, v)
		}
	}
}
