package cli

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// seedNest makes one of every Compute Nest thing on the stub — a service online with a draft
// version 2 and a deployed instance, a draft to submit, an approved version to launch, a
// draft to delete, a version in review, a restricted service with two usage requests, an
// unreleased artifact and an unused one — and returns the arguments of every nest command.
// Each command that changes something has a thing of its own, so the commands (run in any
// order on the same stub) do not undo each other.
func seedNest(t *testing.T, stub *clitest.ProdStub, dir string) map[string][]string {
	t.Helper()
	ctx := context.Background()
	c := stub.Seller
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	service := func(name, share string) string {
		t.Helper()
		s, err := c.CreateService(ctx, "", market.NestSpec{DeployType: "spi", DeployMetadata: `{"Endpoint":"https://isv.example.com/spi"}`,
			ServiceType: "managed", ShareType: share, ApprovalType: "Manual",
			ServiceInfos: []marketapi.NestServiceInfo{{Locale: "zh-CN", Name: name}, {Locale: "en-US", Name: name + " (en)"}}}, "")
		must(err)
		return s.ServiceId
	}
	approve := func(id string) {
		t.Helper()
		_, err := c.ServiceStep(ctx, "RegisterService", id, "", "")
		must(err)
		_, err = c.ReviewService(ctx, id, true, "")
		must(err)
	}
	online := func(id string) {
		t.Helper()
		approve(id)
		_, err := c.ServiceStep(ctx, "LaunchService", id, "1", "")
		must(err)
		_, err = c.AdvanceClock(ctx, "5s")
		must(err)
	}
	live := service("在线服务", "Public")
	online(live)
	_, err := c.NewServiceVersion(ctx, live, "")
	must(err)
	inst, err := c.NestPurchase(ctx, live, 0, "PayAsYouGo")
	must(err)
	toSubmit := service("待提交服务", "Public")
	toLaunch := service("待发布服务", "Public")
	approve(toLaunch)
	toDelete := service("待删除服务", "Public")
	inReview := service("审核中服务", "Public")
	_, err = c.ServiceStep(ctx, "RegisterService", inReview, "", "")
	must(err)
	restricted := service("受限服务", "Restricted")
	online(restricted)
	for _, uid := range []int64{1001, 1002} {
		_, err = c.NestPurchase(ctx, restricted, uid, "Subscription")
		must(err)
	}
	unreleased, err := c.CreateArtifact(ctx, market.ArtifactInput{Type: "EcsImage", Name: "image", VersionName: "v1",
		Property: marketapi.ArtifactProperty{RegionId: "cn-hangzhou", ImageId: "m-bp1abcdefghijklmnop"}}, "")
	must(err)
	unused, err := c.CreateArtifact(ctx, market.ArtifactInput{Type: "EcsImage", Name: "old-image", VersionName: "v1",
		Property: marketapi.ArtifactProperty{RegionId: "cn-hangzhou", ImageId: "m-bp1zyxwvutsrqponmlk"}}, "")
	must(err)

	// A config as computenest-cli keeps it: a ROS template, an icon, a file artifact.
	nd := filepath.Join(dir, ".computenest")
	os.MkdirAll(filepath.Join(nd, "ros_templates"), 0o755)
	os.WriteFile(filepath.Join(nd, "ros_templates", "template.yaml"), []byte("ROSTemplateFormatVersion: '2015-09-01'\n"), 0o600)
	os.WriteFile(filepath.Join(nd, "app.tgz"), []byte("package"), 0o600)
	config := filepath.Join(nd, "config.yaml")
	os.WriteFile(config, []byte(`Service:
  RegionId: cn-hangzhou
  DeployType: ros
  DeployMetadata:
    TemplateConfigs:
      - Name: 单机版
        Url: ros_templates/template.yaml
    SupplierDeployMetadata:
      FileArtifactRelation:
        '{{ computenest::file::app }}':
          ArtifactId: ${Artifact.App.ArtifactId}
          ArtifactVersion: ${Artifact.App.ArtifactVersion}
  ServiceType: private
  ServiceInfo:
    Locale: zh-CN
    Name: 配置服务
    ShortDescription: 示例
  ShareType: Public
  ApprovalType: Manual
Artifact:
  App:
    ArtifactType: File
    ArtifactName: app-package
    ArtifactProperty:
      Url: app.tgz
`), 0o600)
	usage := filepath.Join(dir, "nest-usage.json")
	os.WriteFile(usage, []byte(`[{"StartTime":1700000000,"EndTime":1700003600,"VirtualCpu":2}]`), 0o600)
	file := filepath.Join(dir, "app.tgz")
	os.WriteFile(file, []byte("package"), 0o600)
	si, _ := inst["ServiceInstanceId"].(string)
	return map[string][]string{
		"mkt nest plan":               {"-f", config},
		"mkt nest apply":              {"-f", config},
		"mkt nest service list":       {},
		"mkt nest service get":        {live},
		"mkt nest service versions":   {live},
		"mkt nest service create":     {"--deploy-type", "ros", "--name", "新服务"},
		"mkt nest service update":     {live, "--endpoint", "https://isv.example.com/spi2"},
		"mkt nest service submit":     {toSubmit},
		"mkt nest service withdraw":   {inReview},
		"mkt nest service launch":     {toLaunch},
		"mkt nest service delete":     {toDelete, "--version", "1", "--yes"},
		"mkt nest artifact list":      {},
		"mkt nest artifact get":       {unreleased.ArtifactId},
		"mkt nest artifact create":    {"--name", "app", "--file", file},
		"mkt nest artifact release":   {unreleased.ArtifactId},
		"mkt nest artifact delete":    {unused.ArtifactId, "--yes"},
		"mkt nest instance list":      {},
		"mkt nest instance get":       {si},
		"mkt nest instance meter":     {si, "-f", usage},
		"mkt nest usage list":         {},
		"mkt nest usage approve":      {restricted, "1001"},
		"mkt nest usage reject":       {restricted, "1002", "--comment", "该地域暂不提供"},
		"mkt sandbox review service":  {inReview, "--approve"},
		"mkt sandbox simulate deploy": {live},
	}
}
