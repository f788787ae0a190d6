package marketapi

// ComputeNestSupplier's request and answer types (NestProduct, NestVersion): the fields mkt
// reads and writes, named as the API names them. Lists are plain JSON arrays, as this API
// answers them; object parameters (ArtifactProperty, Commodity) travel as JSON text.

// A service version's statuses are internal/rules' (NestDraft…): its status machine.

// Compute Nest artifact statuses.
const (
	ArtifactCreated    = "Created"
	ArtifactScanning   = "Scanning"
	ArtifactDelivering = "Delivering"
	ArtifactAvailable  = "Available"
	ArtifactScanFailed = "ScanFailed"
	ArtifactDeleted    = "Deleted"
)

// NestAgreement is a service agreement (ServiceInfo.Agreements).
type NestAgreement struct {
	Name string `json:"Name"`
	Url  string `json:"Url"`
}

// NestSoftware is software a service installs (ServiceInfo.Softwares).
type NestSoftware struct {
	Name    string `json:"Name"`
	Version string `json:"Version"`
}

// NestServiceInfo is a service's face in one locale (ServiceInfo on the way in,
// ServiceInfos on the way out).
type NestServiceInfo struct {
	Locale             string          `json:"Locale"`
	Name               string          `json:"Name"`
	ShortDescription   string          `json:"ShortDescription,omitempty"`
	Image              string          `json:"Image,omitempty"`
	LongDescriptionUrl string          `json:"LongDescriptionUrl,omitempty"`
	Agreements         []NestAgreement `json:"Agreements,omitempty"`
	Softwares          []NestSoftware  `json:"Softwares,omitempty"`
}

// NestName is a service's name in locale (zh-CN, en-US) when it has one, else its first.
func NestName(infos []NestServiceInfo, locale string) string {
	name := ""
	for _, in := range infos {
		if in.Locale == locale || name == "" {
			name = in.Name
		}
	}
	return name
}

// Compute Nest review request (registration) statuses.
const (
	RegistrationSubmitted = "Submitted"
	RegistrationApproved  = "Approved"
	RegistrationRejected  = "Rejected"
)

// NestCommodity binds a service to its Marketplace product (GetService's Commodity).
type NestCommodity struct {
	CommodityCode string `json:"CommodityCode,omitempty"`
	Type          string `json:"Type,omitempty"`
	ChargeType    string `json:"ChargeType,omitempty"`
}

// NestService is GetService's answer (one version of a service), and a ListServices row.
type NestService struct {
	ServiceId         string            `json:"ServiceId"`
	Version           string            `json:"Version"`
	VersionName       string            `json:"VersionName,omitempty"`
	Status            string            `json:"Status"`
	StatusDetail      string            `json:"StatusDetail,omitempty"`
	DeployType        string            `json:"DeployType"`
	DeployMetadata    string            `json:"DeployMetadata,omitempty"`
	ServiceType       string            `json:"ServiceType,omitempty"`
	ShareType         string            `json:"ShareType,omitempty"`
	ApprovalType      string            `json:"ApprovalType,omitempty"`
	TenantType        string            `json:"TenantType,omitempty"`
	TrialDuration     int64             `json:"TrialDuration,omitempty"`
	Duration          int64             `json:"Duration,omitempty"`
	IsSupportOperated bool              `json:"IsSupportOperated,omitempty"`
	Resellable        bool              `json:"Resellable,omitempty"`
	AlarmMetadata     string            `json:"AlarmMetadata,omitempty"`
	OperationMetadata string            `json:"OperationMetadata,omitempty"`
	LicenseMetadata   string            `json:"LicenseMetadata,omitempty"`
	UpgradeMetadata   string            `json:"UpgradeMetadata,omitempty"`
	LogMetadata       string            `json:"LogMetadata,omitempty"`
	PolicyNames       string            `json:"PolicyNames,omitempty"`
	ServiceInfos      []NestServiceInfo `json:"ServiceInfos"`
	Commodity         *NestCommodity    `json:"Commodity,omitempty"`
	CommodityCode     string            `json:"CommodityCode,omitempty"`
	RegistrationId    string            `json:"RegistrationId,omitempty"`
	CreateTime        string            `json:"CreateTime,omitempty"`
	UpdateTime        string            `json:"UpdateTime,omitempty"`
	PublishTime       string            `json:"PublishTime,omitempty"`
	// ListServices' own.
	DefaultVersion bool `json:"DefaultVersion,omitempty"`
	HasDraft       bool `json:"HasDraft,omitempty"`
}

// NestServiceList is ListServices' answer.
type NestServiceList struct {
	Services   []NestService `json:"Services"`
	TotalCount int32         `json:"TotalCount"`
	NextToken  string        `json:"NextToken,omitempty"`
	MaxResults int32         `json:"MaxResults"`
}

// NestCreated is CreateService's answer.
type NestCreated struct {
	ServiceId string `json:"ServiceId"`
	Version   string `json:"Version"`
	Status    string `json:"Status"`
}

// NestRegistration is a review request (ListServiceRegistrations' rows).
type NestRegistration struct {
	RegistrationId string `json:"RegistrationId"`
	ServiceId      string `json:"ServiceId"`
	Status         string `json:"Status"`
	Comment        string `json:"Comment,omitempty"`
	SubmitTime     string `json:"SubmitTime,omitempty"`
	FinishTime     string `json:"FinishTime,omitempty"`
}

// NestRegistrationList is ListServiceRegistrations' answer.
type NestRegistrationList struct {
	ServiceRegistrations []NestRegistration `json:"ServiceRegistrations"`
	TotalCount           int32              `json:"TotalCount"`
	NextToken            string             `json:"NextToken,omitempty"`
	MaxResults           int32              `json:"MaxResults"`
}

// NestLaunched is LaunchService's answer.
type NestLaunched struct {
	ServiceLaunchResultType string `json:"ServiceLaunchResultType"`
	Version                 string `json:"Version"`
}

// ArtifactProperty is what an artifact is (its ArtifactProperty, JSON text on the wire): an
// ECS image by RegionId and ImageId, a file by Url.
type ArtifactProperty struct {
	RegionId string `json:"RegionId,omitempty"`
	ImageId  string `json:"ImageId,omitempty"`
	Url      string `json:"Url,omitempty"`
	RepoName string `json:"RepoName,omitempty"`
	Tag      string `json:"Tag,omitempty"`
}

// NestArtifact is one version of an artifact (GetArtifact, ListArtifactVersions' rows,
// CreateArtifact's answer).
type NestArtifact struct {
	ArtifactId       string `json:"ArtifactId"`
	ArtifactVersion  string `json:"ArtifactVersion"`
	ArtifactType     string `json:"ArtifactType"`
	Name             string `json:"Name,omitempty"`
	VersionName      string `json:"VersionName,omitempty"`
	Description      string `json:"Description,omitempty"`
	ArtifactProperty string `json:"ArtifactProperty,omitempty"`
	SupportRegionIds string `json:"SupportRegionIds,omitempty"`
	Status           string `json:"Status"`
	StatusDetail     string `json:"StatusDetail,omitempty"`
	MaxVersion       int64  `json:"MaxVersion,omitempty"`
	GmtCreate        string `json:"GmtCreate,omitempty"`
	GmtModified      string `json:"GmtModified,omitempty"`
}

// NestArtifactList is ListArtifacts' and ListArtifactVersions' answer.
type NestArtifactList struct {
	Artifacts  []NestArtifact `json:"Artifacts"`
	TotalCount int32          `json:"TotalCount"`
	NextToken  string         `json:"NextToken,omitempty"`
	MaxResults int32          `json:"MaxResults"`
}

// NestInstanceService is the service a service instance runs (its Service).
type NestInstanceService struct {
	ServiceId  string `json:"ServiceId"`
	Version    string `json:"Version"`
	DeployType string `json:"DeployType,omitempty"`
	Status     string `json:"Status,omitempty"`
}

// NestInstance is a service instance (GetServiceInstance, ListServiceInstances' rows).
type NestInstance struct {
	ServiceInstanceId string              `json:"ServiceInstanceId"`
	Name              string              `json:"Name,omitempty"`
	Status            string              `json:"Status"`
	BizStatus         string              `json:"BizStatus,omitempty"`
	PayType           string              `json:"PayType,omitempty"`
	ServiceType       string              `json:"ServiceType,omitempty"`
	Source            string              `json:"Source,omitempty"`
	UserId            int64               `json:"UserId"`
	CreateTime        string              `json:"CreateTime,omitempty"`
	UpdateTime        string              `json:"UpdateTime,omitempty"`
	EndTime           string              `json:"EndTime,omitempty"`
	Parameters        string              `json:"Parameters,omitempty"`
	Service           NestInstanceService `json:"Service"`
}

// NestInstanceList is ListServiceInstances' answer.
type NestInstanceList struct {
	ServiceInstances []NestInstance `json:"ServiceInstances"`
	TotalCount       int32          `json:"TotalCount"`
	NextToken        string         `json:"NextToken,omitempty"`
	MaxResults       int32          `json:"MaxResults"`
}

// NestUsage is a request to use a restricted service (ListServiceUsages' rows).
type NestUsage struct {
	ServiceId   string `json:"ServiceId"`
	ServiceName string `json:"ServiceName,omitempty"`
	UserAliUid  int64  `json:"UserAliUid"`
	Status      string `json:"Status"`
	Comments    string `json:"Comments,omitempty"`
	CreateTime  string `json:"CreateTime,omitempty"`
	UpdateTime  string `json:"UpdateTime,omitempty"`
}

// NestUsageList is ListServiceUsages' answer.
type NestUsageList struct {
	ServiceUsages []NestUsage `json:"ServiceUsages"`
	TotalCount    int32       `json:"TotalCount"`
	NextToken     string      `json:"NextToken,omitempty"`
	MaxResults    int32       `json:"MaxResults"`
}

// UploadCredentials is GetUploadCredentials' Data: a short-lived key for one object.
type UploadCredentials struct {
	AccessKeyId     string `json:"AccessKeyId"`
	AccessKeySecret string `json:"AccessKeySecret"`
	SecurityToken   string `json:"SecurityToken"`
	BucketName      string `json:"BucketName"`
	Key             string `json:"Key"`
	RegionId        string `json:"RegionId"`
	ExpireDate      string `json:"ExpireDate"`
}

// UploadCredentialsAnswer is GetUploadCredentials' answer.
type UploadCredentialsAnswer struct {
	Code    string            `json:"Code"`
	Success bool              `json:"Success"`
	Data    UploadCredentials `json:"Data"`
}
