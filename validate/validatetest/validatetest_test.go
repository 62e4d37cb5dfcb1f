package validatetest_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/validatetest"
)

// fakeTB records failures instead of failing.
type fakeTB struct {
	testing.TB // nil: only the methods below may be called
	msgs       []string
}

func (f *fakeTB) Helper() {}
func (f *fakeTB) Errorf(format string, args ...any) {
	f.msgs = append(f.msgs, fmt.Sprintf(format, args...))
}
func (f *fakeTB) Failed() bool { return len(f.msgs) > 0 }

var twoProblems = &validate.Error{
	Type: "microsoft.graph.cloudPcExternalPartner", Mode: validate.Create,
	Problems: []validate.Problem{
		{Pointer: "", Kind: validate.Missing, Message: "missing required property enableConnection"},
		{Pointer: "/partnerId", Kind: validate.ReadOnly, Message: "read-only property cannot be sent on create"},
	},
}

func TestHelpers(t *testing.T) {
	wrapped := fmt.Errorf("posting: %w", twoProblems)
	jsonErr := &validate.JSONError{Offset: 24, Msg: "unexpected end of input"}
	for _, tt := range []struct {
		name string
		run  func(tb testing.TB)
		fail string // "" = must pass; else a substring of the failure
	}{
		{"valid nil", func(tb testing.TB) { validatetest.Valid(tb, nil) }, ""},
		{"valid err", func(tb testing.TB) { validatetest.Valid(tb, twoProblems) },
			"want a valid payload, got 2 problem(s) in the create microsoft.graph.cloudPcExternalPartner payload:\n\t: missing required property enableConnection\n\t/partnerId: read-only"},
		{"valid json err", func(tb testing.TB) { validatetest.Valid(tb, jsonErr) }, "*validate.JSONError: invalid JSON at offset 24"},
		{"at exact", func(tb testing.TB) { validatetest.InvalidAt(tb, wrapped, "/partnerId", "") }, ""},
		{"at any", func(tb testing.TB) { validatetest.InvalidAt(tb, twoProblems) }, ""},
		{"at missing", func(tb testing.TB) { validatetest.InvalidAt(tb, twoProblems, "/partnerId", "", "/id") }, `no problem at "/id"`},
		{"at extra", func(tb testing.TB) { validatetest.InvalidAt(tb, twoProblems, "/partnerId") }, `unexpected problems at ""`},
		{"at nil", func(tb testing.TB) { validatetest.InvalidAt(tb, nil, "/x") }, "no error (the payload is valid)"},
		{"at json", func(tb testing.TB) { validatetest.InvalidAt(tb, jsonErr, "/x") }, "JSONError"},
		{"problem", func(tb testing.TB) { validatetest.ProblemAt(tb, twoProblems, "/partnerId", "read-only") }, ""},
		{"problem wrong words", func(tb testing.TB) { validatetest.ProblemAt(tb, twoProblems, "/partnerId", "required") }, `want a problem "/partnerId"`},
		{"problem wrong place", func(tb testing.TB) { validatetest.ProblemAt(tb, twoProblems, "/id", "read-only") }, `want a problem "/id"`},
		{"json", func(tb testing.TB) { validatetest.InvalidJSON(tb, fmt.Errorf("x: %w", jsonErr)) }, ""},
		{"json not", func(tb testing.TB) { validatetest.InvalidJSON(tb, twoProblems) }, "want invalid JSON"},
		{"json nil", func(tb testing.TB) { validatetest.InvalidJSON(tb, nil) }, "want invalid JSON"},
		{"json other", func(tb testing.TB) { validatetest.InvalidJSON(tb, errors.New("boom")) }, "*errors.errorString: boom"},
	} {
		tb := &fakeTB{}
		tt.run(tb)
		switch {
		case tt.fail == "" && tb.Failed():
			t.Errorf("%s: failed: %v", tt.name, tb.msgs)
		case tt.fail != "" && !tb.Failed():
			t.Errorf("%s: did not fail", tt.name)
		case tt.fail != "" && !strings.Contains(strings.Join(tb.msgs, "\n"), tt.fail):
			t.Errorf("%s: failure %q does not say %q", tt.name, tb.msgs, tt.fail)
		}
	}
}

func TestReturns(t *testing.T) {
	if got := validatetest.InvalidAt(t, twoProblems, "", "/partnerId"); got != twoProblems {
		t.Errorf("InvalidAt returned %v", got)
	}
	if p := validatetest.ProblemAt(t, twoProblems, "", "missing"); p == nil || p.Kind != validate.Missing {
		t.Errorf("ProblemAt returned %v", p)
	}
	if got := validatetest.InvalidAt(&fakeTB{}, twoProblems, "/nope"); got != nil {
		t.Errorf("InvalidAt returned %v on failure", got)
	}
}
