package main

import (
	"strings"
	"testing"
)

// TestFilterAcceptance runs the seed rows of the $filter issue through the
// command line, against the seed resource page.
func TestFilterAcceptance(t *testing.T) {
	resource := seedPath(t, "cloudpcexternalpartner.md")
	tests := []struct {
		expr   string
		ok     bool
		offset int    // caret column, -1 to skip
		msg    string // substring of the message
	}{
		{expr: "enableConnection eq true", ok: true},
		{expr: "enableConnection eq false and enableConnection eq true", ok: true},
		{expr: "(enableConnection eq true)", ok: true},
		{expr: "enableConnection ne true", offset: 17, msg: "operator ne is not supported on enableConnection (supported: eq)"},
		{expr: "partnerId eq '198d7140-80bb-4843-8cc4-811377a49a92'", offset: 0, msg: "partnerId is not filterable"},
		{expr: "connectionStatus eq 'healthy'", offset: 0, msg: "connectionStatus is not filterable"},
		{expr: "enableConnection eq 'yes'", offset: -1, msg: "type mismatch"},
		{expr: "enableConnection eq null", offset: -1, msg: "null"},
		{expr: "enableConnection in (true, false)", offset: 17, msg: "operator in is not supported"},
		{expr: "not (enableConnection eq true)", offset: -1, msg: "operator not is not supported"},
		{expr: "nosuchProperty eq 1", offset: 0, msg: "no property nosuchProperty"},
		{expr: "enableConnection eq", offset: 19, msg: "end of input"},
		{expr: "(enableConnection eq true", offset: -1, msg: "parenthesis"},
		{expr: "enableConnection eq true or", offset: 27, msg: "end of input"},
	}
	for _, tc := range tests {
		code, _, errOut := runCLI(t, "", "filter", "-spec", resource, "-type", "cloudPcExternalPartner", tc.expr)
		if tc.ok {
			if code != 0 {
				t.Errorf("%q: exit %d, want 0 (accepted)\n%s", tc.expr, code, errOut)
			}
			continue
		}
		if code != 1 {
			t.Errorf("%q: exit %d, want 1 (rejected)\n%s", tc.expr, code, errOut)
			continue
		}
		expr, caret, ok := caretLines(errOut, tc.expr)
		if !ok {
			t.Errorf("%q: no caret message on stderr:\n%s", tc.expr, errOut)
			continue
		}
		_ = expr
		col := strings.IndexByte(caret, '^')
		if tc.offset >= 0 && col != tc.offset {
			t.Errorf("%q: caret at %d, want %d\n%s", tc.expr, col, tc.offset, errOut)
		}
		if !strings.Contains(caret, tc.msg) {
			t.Errorf("%q: message %q lacks %q", tc.expr, caret, tc.msg)
		}
	}
}

// caretLines finds the expression line and the caret line under it.
func caretLines(stderr, expr string) (string, string, bool) {
	lines := strings.Split(stderr, "\n")
	for i := 0; i+1 < len(lines); i++ {
		if lines[i] == expr && strings.Contains(lines[i+1], "^") {
			return lines[i], lines[i+1], true
		}
	}
	return "", "", false
}

func TestFilterSyntax(t *testing.T) {
	accepted := []string{
		"startswith(displayName,'a') and (size gt 3.5e2 or tags/any(t: t eq 'x'))",
		"members/$count eq 0",
		"microsoft.graph.user/displayName eq 'O''Neil'",
		"createdDateTime ge 2024-01-01T00:00:00Z and status eq microsoft.graph.status'active'",
		"id in ('a','b','c')",
		"-price add 2 mul 3 gt 10",
	}
	for _, expr := range accepted {
		// "--" ends the flags, for expressions that start with "-".
		if code, _, errOut := runCLI(t, "", "filter", "-syntax", "--", expr); code != 0 {
			t.Errorf("%q: exit %d, want 0\n%s", expr, code, errOut)
		}
	}
	rejected := []struct {
		expr   string
		offset int
	}{
		{"name eq 'unterminated", 8},
		{"a eq eq b", 5},
		{"contains(name)", -1},
		{"a eq 1)", 6},
	}
	for _, tc := range rejected {
		code, _, errOut := runCLI(t, "", "filter", "-syntax", tc.expr)
		if code != 1 {
			t.Errorf("%q: exit %d, want 1\n%s", tc.expr, code, errOut)
			continue
		}
		_, caret, ok := caretLines(errOut, tc.expr)
		if !ok {
			t.Errorf("%q: no caret message:\n%s", tc.expr, errOut)
			continue
		}
		if col := strings.IndexByte(caret, '^'); tc.offset >= 0 && col != tc.offset {
			t.Errorf("%q: caret at %d, want %d\n%s", tc.expr, col, tc.offset, errOut)
		}
	}
	if code, _, errOut := runCLI(t, "", "filter", "-syntax", "contains(name)"); code != 1 || !strings.Contains(errOut, "contains") {
		t.Errorf("arity error should name the function: %s", errOut)
	}
}

func TestFilterUsage(t *testing.T) {
	for _, args := range [][]string{
		{"filter"},
		{"filter", "-syntax"},
		{"filter", "-syntax", "a eq 1", "extra"},
		{"filter", "-type", "x", "a eq 1"},
		{"filter", "-spec", "../../testdata/cloudpcexternalpartner.yaml", "a eq 1"},
		{"filter", "-syntax", "-type", "x", "a eq 1"},
	} {
		if code, _, errOut := runCLI(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2\n%s", args, code, errOut)
		}
	}
}
