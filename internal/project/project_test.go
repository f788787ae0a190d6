package project

import (
	"context"
	"errors"
	"testing"

	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// fake is a project of three nodes (the order, the seller's "Deploy" with a required field,
// the buyer's "Accept") whose steps follow the delivery centre's rules. lostAnswer makes the
// next step take effect and then answer as the client's retry of it would be answered.
type fake struct {
	status     string
	nodes      []marketapi.ProjectNode
	sent       []string
	lostAnswer bool
}

func newFake() *fake {
	form := `[{"Key":"TFD0","Title":"URL","Required":true}]`
	return &fake{status: marketapi.ProjectStarting, nodes: []marketapi.ProjectNode{
		{NodeId: 1, StepNo: 1, NodeStatus: marketapi.NodeFinish, OperatorRole: marketapi.RoleSystem, TemplateForm: "[]"},
		{NodeId: 2, StepNo: 2, NodeStatus: marketapi.NodeStarting, OperatorRole: marketapi.RoleProvider, NodeName: "Deploy", TemplateForm: form, AllowRollbackNode: true},
		{NodeId: 3, StepNo: 3, NodeStatus: marketapi.NodeWaiting, OperatorRole: marketapi.RoleCustom, NodeName: "Accept", TemplateForm: "[]", AllowRollbackNode: true},
	}}
}

func (f *fake) ProjectInfo(context.Context, string) (marketapi.ProjectInfo, error) {
	return marketapi.ProjectInfo{ProjectStatus: f.status}, nil
}

func (f *fake) ProjectNodes(context.Context, string) ([]marketapi.ProjectNode, error) {
	return append([]marketapi.ProjectNode(nil), f.nodes...), nil
}

func (f *fake) ProjectStep(_ context.Context, action, _ string, node int64, form, _ string) error {
	f.sent = append(f.sent, action+" "+form)
	cur := Current(f.nodes)
	refuse := func(code string) error { return &market.APIError{Action: action, HTTPStatus: 400, Code: code} }
	if cur == nil || cur.NodeId != node {
		return refuse("IllegalCurrentNode")
	}
	i := int(node - 1)
	switch Op(action) {
	case Finish:
		if f.status != marketapi.ProjectStarting {
			return refuse("IllegalProjectStatus")
		}
		f.nodes[i].NodeStatus = marketapi.NodeFinish
		if i+1 < len(f.nodes) {
			f.nodes[i+1].NodeStatus = marketapi.NodeStarting
		} else {
			f.status = marketapi.ProjectFinish
		}
	case Rollback:
		if !f.nodes[i].AllowRollbackNode || f.nodes[i-1].OperatorRole == marketapi.RoleSystem {
			return refuse("IllegalCurrentNode")
		}
		f.nodes[i].NodeStatus, f.nodes[i-1].NodeStatus = marketapi.NodeWaiting, marketapi.NodeStarting
	case Pause:
		if f.status != marketapi.ProjectStarting {
			return refuse("IllegalProjectStatus")
		}
		f.status, f.nodes[i].NodeStatus = marketapi.ProjectPause, marketapi.NodePause
	case Resume:
		if f.status != marketapi.ProjectPause {
			return refuse("IllegalProjectStatus")
		}
		f.status, f.nodes[i].NodeStatus = marketapi.ProjectStarting, marketapi.NodeStarting
	}
	if f.lostAnswer {
		f.lostAnswer = false
		return f.ProjectStep(context.Background(), action, "", node, form, "") // the retry, refused
	}
	return nil
}

func TestTake(t *testing.T) {
	ctx := context.Background()
	url := map[string]string{"URL": "https://a.example.com"}
	cases := []struct {
		name        string
		prepare     func(*fake)
		step        Step
		wantErr     any
		wantAlready bool
		wantSent    int // calls on the wire: a lost answer's retry is one more
		wantNode    string
		wantStatus  string
	}{
		{name: "finish the current node by field title", step: Step{Op: Finish, Fields: url}, wantSent: 1, wantNode: marketapi.NodeFinish},
		{name: "finish by field key", step: Step{Op: Finish, NodeID: 2, Fields: map[string]string{"TFD0": "x"}}, wantSent: 1, wantNode: marketapi.NodeFinish},
		{name: "finish again: already done, nothing sent", prepare: func(f *fake) { f.ProjectStep(ctx, string(Finish), "", 2, "", "") },
			step: Step{Op: Finish, NodeID: 2, Fields: url}, wantAlready: true, wantSent: 0, wantNode: marketapi.NodeFinish},
		{name: "finish whose answer was lost: the refused retry is the step done", prepare: func(f *fake) { f.lostAnswer = true },
			step: Step{Op: Finish, Fields: url}, wantSent: 2, wantNode: marketapi.NodeFinish},
		{name: "a field the node lacks is refused before sending", step: Step{Op: Finish, Fields: map[string]string{"Nope": "1"}}, wantErr: new(*UnknownFieldError)},
		{name: "a node that is not current", step: Step{Op: Finish, NodeID: 3}, wantErr: new(*NotCurrentError)},
		{name: "rollback the buyer's node", prepare: func(f *fake) { f.ProjectStep(ctx, string(Finish), "", 2, "", "") },
			step: Step{Op: Rollback}, wantSent: 1, wantNode: marketapi.NodeWaiting},
		{name: "rollback to the order is refused", step: Step{Op: Rollback}, wantErr: new(*market.APIError), wantSent: 1},
		{name: "rollback is never taken as already done", prepare: func(f *fake) {
			f.ProjectStep(ctx, string(Finish), "", 2, "", "")
			f.ProjectStep(ctx, string(Rollback), "", 3, "", "")
		}, step: Step{Op: Rollback, NodeID: 3}, wantErr: new(*NotCurrentError)},
		{name: "pause", step: Step{Op: Pause}, wantSent: 1, wantNode: marketapi.NodePause, wantStatus: marketapi.ProjectPause},
		{name: "pause again: already", prepare: func(f *fake) { f.ProjectStep(ctx, string(Pause), "", 2, "", "") },
			step: Step{Op: Pause}, wantAlready: true, wantNode: marketapi.NodePause, wantStatus: marketapi.ProjectPause},
		{name: "resume after a lost answer", prepare: func(f *fake) { f.ProjectStep(ctx, string(Pause), "", 2, "", ""); f.lostAnswer = true },
			step: Step{Op: Resume}, wantSent: 2, wantNode: marketapi.NodeStarting, wantStatus: marketapi.ProjectStarting},
		{name: "finish while paused is refused", prepare: func(f *fake) { f.ProjectStep(ctx, string(Pause), "", 2, "", "") },
			step: Step{Op: Finish, Fields: url}, wantErr: new(*market.APIError), wantSent: 1},
		{name: "the last node finishes the project", prepare: func(f *fake) { f.ProjectStep(ctx, string(Finish), "", 2, "", "") },
			step: Step{Op: Finish}, wantSent: 1, wantNode: marketapi.NodeFinish, wantStatus: marketapi.ProjectFinish},
		{name: "nothing left", prepare: func(f *fake) {
			f.ProjectStep(ctx, string(Finish), "", 2, "", "")
			f.ProjectStep(ctx, string(Finish), "", 3, "", "")
		}, step: Step{Op: Finish}, wantErr: &ErrFinished},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			if tc.prepare != nil {
				tc.prepare(f)
			}
			f.sent = nil
			out, err := Take(ctx, f, tc.step)
			switch want := tc.wantErr.(type) {
			case nil:
				if err != nil {
					t.Fatalf("Take: %v", err)
				}
			case **UnknownFieldError:
				if !errors.As(err, want) {
					t.Fatalf("err = %v, want UnknownFieldError", err)
				}
			case **NotCurrentError:
				if !errors.As(err, want) {
					t.Fatalf("err = %v, want NotCurrentError", err)
				}
			case **market.APIError:
				if !errors.As(err, want) {
					t.Fatalf("err = %v, want the marketplace's refusal", err)
				}
			case *error:
				if !errors.Is(err, *want) {
					t.Fatalf("err = %v, want %v", err, *want)
				}
			}
			if len(f.sent) != tc.wantSent {
				t.Errorf("sent %q, want %d steps", f.sent, tc.wantSent)
			}
			if err != nil {
				return
			}
			if out.Already != tc.wantAlready || (tc.wantNode != "" && out.Node.NodeStatus != tc.wantNode) {
				t.Errorf("outcome %+v, want already=%v node %s", out, tc.wantAlready, tc.wantNode)
			}
			if tc.wantStatus != "" && out.Status != tc.wantStatus {
				t.Errorf("status %s, want %s", out.Status, tc.wantStatus)
			}
		})
	}
}

func TestFormJSON(t *testing.T) {
	n := marketapi.ProjectNode{NodeId: 9, TemplateForm: `[{"Key":"TFD0","Title":"地址"},{"Key":"TFD1","Title":"账号"}]`}
	got, err := FormJSON(n, map[string]string{"地址": "https://x", "TFD1": "admin"})
	if err != nil || got != `{"TFD0":"https://x","TFD1":"admin"}` {
		t.Fatalf("FormJSON = %s, %v", got, err)
	}
	// A form of a shape this package does not know: the names go as given.
	got, err = FormJSON(marketapi.ProjectNode{TemplateForm: `{"x":1}`}, map[string]string{"k": "v"})
	if err != nil || got != `{"k":"v"}` {
		t.Fatalf("FormJSON (unknown shape) = %s, %v", got, err)
	}
	if got, err := FormJSON(n, nil); err != nil || got != "" {
		t.Fatalf("FormJSON (no values) = %q, %v", got, err)
	}
}
