package marketapi

// Answers of the sandbox's own actions.

// Purchase is the answer of the sandbox's purchase actions.
type Purchase struct {
	OrderId     int64
	OrderBizId  int64
	InstanceId  int64
	Status      string
	LicenseCode string `json:",omitempty"`
	EndOn       string
	Spi         *struct {
		Action        string
		Calls         int
		IsvInstanceId string `json:",omitempty"`
		Error         string `json:",omitempty"`
	} `json:",omitempty"`
}
