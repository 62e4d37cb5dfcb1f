// Package validatetest has test helpers for the errors that the validate
// package returns. Each takes the error a Validate call returned and fails
// the test with a readable list of the problems when it is not what the
// test expects:
//
//	validatetest.Valid(t, set.Validate("cloudPcExternalPartner", validate.Update, body))
//	validatetest.InvalidAt(t, set.Validate(..., validate.Create, body), "/partnerId")
//	validatetest.ProblemAt(t, err, "/connectionStatus", "is not a cloudPcExternalPartnerStatus member")
package validatetest

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/validate"
)

// Valid fails t unless err is nil.
func Valid(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Errorf("want a valid payload, got %s", describe(err))
	}
}

// InvalidAt fails t unless err is a *validate.Error whose problems are at
// exactly the given JSON pointers: a problem at each of them and at no
// other ("" is the payload itself, where missing properties are reported).
// With no pointers, any *validate.Error will do. It returns the error, or
// nil when the test failed.
func InvalidAt(t testing.TB, err error, pointers ...string) *validate.Error {
	t.Helper()
	var verr *validate.Error
	if !errors.As(err, &verr) {
		t.Errorf("want problems at %s, got %s", list(pointers), describe(err))
		return nil
	}
	if len(pointers) == 0 {
		return verr
	}
	var have []string
	for _, p := range verr.Problems {
		have = append(have, p.Pointer)
	}
	var missing, extra []string
	for _, p := range pointers {
		if !slices.Contains(have, p) {
			missing = append(missing, p)
		}
	}
	for _, p := range have {
		if !slices.Contains(pointers, p) && !slices.Contains(extra, p) {
			extra = append(extra, p)
		}
	}
	if len(missing)+len(extra) > 0 {
		var why []string
		if len(missing) > 0 {
			why = append(why, "no problem at "+list(missing))
		}
		if len(extra) > 0 {
			why = append(why, "unexpected problems at "+list(extra))
		}
		t.Errorf("want problems at %s: %s; got %s", list(pointers), strings.Join(why, ", "), describe(err))
		return nil
	}
	return verr
}

// ProblemAt fails t unless err is a *validate.Error with a problem at
// pointer whose message contains substr. Other problems are allowed.
func ProblemAt(t testing.TB, err error, pointer, substr string) *validate.Problem {
	t.Helper()
	var verr *validate.Error
	if errors.As(err, &verr) {
		for i, p := range verr.Problems {
			if p.Pointer == pointer && strings.Contains(p.Message, substr) {
				return &verr.Problems[i]
			}
		}
	}
	t.Errorf("want a problem %q: ...%s..., got %s", pointer, substr, describe(err))
	return nil
}

// InvalidJSON fails t unless err is a *validate.JSONError: a payload that
// does not parse, repeats a member, or is too large.
func InvalidJSON(t testing.TB, err error) *validate.JSONError {
	t.Helper()
	var jerr *validate.JSONError
	if !errors.As(err, &jerr) {
		t.Errorf("want invalid JSON, got %s", describe(err))
		return nil
	}
	return jerr
}

func list(pointers []string) string {
	q := make([]string, len(pointers))
	for i, p := range pointers {
		q[i] = fmt.Sprintf("%q", p)
	}
	return strings.Join(q, ", ")
}

// describe words an error for a failure message, one problem a line.
func describe(err error) string {
	if err == nil {
		return "no error (the payload is valid)"
	}
	var verr *validate.Error
	if errors.As(err, &verr) {
		var sb strings.Builder
		fmt.Fprintf(&sb, "%d problem(s) in the %s %s payload:", len(verr.Problems), verr.Mode, verr.Type)
		for _, p := range verr.Problems {
			fmt.Fprintf(&sb, "\n\t%s", p)
		}
		return sb.String()
	}
	return fmt.Sprintf("%T: %v", err, err)
}
