package marketapi

// Answers of the sandbox's own actions.

// Purchase is the answer of the Sandbox* purchase actions.
type Purchase struct {
	OrderId     int64
	OrderBizId  int64
	InstanceId  int64
	Status      string
	LicenseCode string      `json:",omitempty"`
	EndOn       string      `mkt:"time"`
	Spi         *SpiOutcome `json:",omitempty"`
}

// SpiOutcome says what the product's production URL answered.
type SpiOutcome struct {
	Action        string
	Calls         int
	IsvInstanceId string `json:",omitempty"`
	Error         string `json:",omitempty"`
}

// Clock is the answer of the clock actions.
type Clock struct {
	Now           string
	RealNow       string
	Offset        string
	OffsetSeconds int64
}

// APICalls is SandboxApiCalls' answer: of the calls made, those the quota allowed.
type APICalls struct {
	Accepted, Refused, Used, Quota int64
}

// Distributed is SandboxDistributeProduct's answer: the product's commission now (0: out of
// the programme).
type Distributed struct {
	Code       string
	Commission int
}

// Authorized is SandboxAuthorizeAccount's answer: the token the vendor receives.
type Authorized struct {
	Token  string
	AliUid int64
}
