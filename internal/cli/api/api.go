// Package api is `mkt api`: one raw signed call, the escape hatch.
package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Options are the inputs of `mkt api`.
type Options struct {
	Factory *cmdutil.Factory
	Action  string
	Params  []string
	Method  string
	Version string
	Form    bool
	Token   string
}

// NewCmdAPI builds `mkt api`.
func NewCmdAPI(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "api <Action> [Key=Value ...]",
		Short: "Make one signed Market API call and print the JSON answer",
		Long: `Make one signed call to the configured endpoint — the embedded sandbox when no
credentials are configured — and print the JSON answer, like 'aliyun market <Action>'.

Parameters are Key=Value pairs; Key=@file reads the value from a file and Key=@- from
standard input. Lists use the flattened names the API expects (Filter.1.Key=sort).
Actions that take a ClientToken (docs/api.md marks them) get one automatically unless
one is given, so a retried call does not act twice.

On an error answer, the error envelope (Code, Message, RequestId, Recommend) is printed
on standard output too, and the exit code says what kind of error it was.`,
		Example: `  mkt api DescribeProducts
  mkt api DescribeProducts PageSize=5 Filter.1.Key=sort Filter.1.Value=created_on-desc
  mkt api DescribeProduct Code=cmgj00012345 QueryDraft=true
  mkt api SandboxAdvanceClock Duration=6d
  mkt api DescribeApiMetering pageNum=1 --method GET`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 1 {
				return cmdutil.FlagError("error.args.count", cmd.CommandPath(), "<Action>", 1, 0).WithRemedy("remedy.help", cmd.CommandPath())
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Action, opts.Params = args[0], args[1:]
			if !validAction(opts.Action) {
				return cmdutil.FlagError("api.action.invalid", opts.Action)
			}
			opts.Method = strings.ToUpper(opts.Method)
			if opts.Method != "" && opts.Method != "GET" && opts.Method != "POST" {
				return cmdutil.FlagError("api.method.invalid", opts.Method)
			}
			if runF != nil {
				return runF(opts)
			}
			return apiRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Method, "method", "X", "", "HTTP method: GET or POST (default: the action's own, else POST)")
	cmd.Flags().StringVar(&opts.Version, "version", "", "API version (default: the action's own, else "+marketapi.Version+")")
	cmd.Flags().BoolVar(&opts.Form, "form", false, "send the parameters in a form body instead of the query string")
	cmd.Flags().StringVar(&opts.Token, "client-token", "", "ClientToken to send (default: one is made for actions that take one)")
	_ = cmd.RegisterFlagCompletionFunc("method", cobra.FixedCompletions([]string{"GET", "POST"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// validAction: a letter, then letters and digits, at most 100 (no package-level regexp:
// compiling one costs start-up time on every run).
func validAction(s string) bool {
	if len(s) == 0 || len(s) > 100 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// ParseParams turns Key=Value arguments into values; Key=@file and Key=@- read the value.
func ParseParams(args []string, stdin io.Reader) (url.Values, error) {
	v := url.Values{}
	for _, a := range args {
		k, val, ok := strings.Cut(a, "=")
		if !ok || k == "" {
			return nil, cmdutil.FlagError("api.param.invalid", a)
		}
		if strings.HasPrefix(val, "@") && len(val) > 1 {
			var b []byte
			var err error
			if val == "@-" {
				b, err = io.ReadAll(stdin)
			} else {
				b, err = os.ReadFile(val[1:])
			}
			if err != nil {
				return nil, cmdutil.FlagError("api.param.file", k, err)
			}
			val = strings.TrimSuffix(string(b), "\n")
		}
		v.Set(k, val)
	}
	return v, nil
}

func apiRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	params, err := ParseParams(opts.Params, f.IOStreams.In)
	if err != nil {
		return err
	}
	client, err := f.Client()
	if err != nil {
		return err
	}
	// Version, method and ClientToken follow the action table unless given.
	req := market.Request{Action: opts.Action, Version: opts.Version, Method: opts.Method, ClientToken: opts.Token}
	if opts.Form {
		req.Form = params
	} else {
		req.Query = params
	}
	resp, err := client.Do(ctx, req)
	if err != nil {
		var ae *market.APIError
		if errors.As(err, &ae) {
			_ = f.Print(ae, func() error { return cmdutil.WriteJSON(f.IOStreams.Out, ae) })
		}
		return err
	}
	if strings.EqualFold(params.Get("Format"), "XML") {
		_, err := f.IOStreams.Out.Write(resp.Body) // asked for: printed as it came
		return err
	}
	return printBody(f, opts.Action, resp)
}

// printBody re-indents the answer for JSON and converts it for YAML, keeping field order. An
// answer that is not JSON — a proxy's page, a body cut off — is printed as it came and is a
// failure (exit 7), not a success.
func printBody(f *cmdutil.Factory, action string, resp *market.Response) error {
	body := resp.Body
	var buf bytes.Buffer
	if err := json.Indent(&buf, body, "", "  "); err != nil {
		_, _ = f.IOStreams.Out.Write(body)
		return &market.DecodeError{Action: action, Status: resp.Status, Body: string(body), Err: err}
	}
	if f.Global.Filter != nil {
		return f.PrintJSON(json.RawMessage(body))
	}
	if f.OutputFormat() == "yaml" {
		return cmdutil.WriteYAML(f.IOStreams.Out, json.RawMessage(body))
	}
	buf.WriteByte('\n')
	_, err := f.IOStreams.Out.Write(buf.Bytes())
	return err
}
