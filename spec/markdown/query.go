package markdown

import (
	"regexp"
	"strings"

	"github.com/odatagen/odatagen/spec"
)

// The query option phrases of a property description, other than
// $filter's (mdReadFilter): "Supports `$orderby`.", "Supports `$filter`
// (`eq`, `ne`), `$search`, and `$orderby`.", "Supports `$expand` and
// `$filter` (`/$count eq 0`).", "`$orderby` and `$search` are supported.",
// and whether the service returns the property by default: "Returned by
// default.", "Returned only on `$select`.", "Not returned by default.",
// "x is not returned by default but can be retrieved with `?$select=x`".
//
// A sentence states support when one of its clauses (split at ";", "but",
// "however", "except", "although", "whereas") has a support verb
// ("supports", "supported", "can be used with") and no negation ("not",
// "n't", "never" before the verb or an option, "unsupported"); the options that clause names are the
// supported ones. What a page says an option does not support is not
// recorded: QuerySupport holds positive statements only. Not options of
// the property, and skipped: an option inside parentheses (the operator
// list of $filter holds "/$count eq 0"), one written as part of a query
// ("?$select=x", "/$count"), and one nested in $expand ("Supports $expand
// including nested $select", "$select within $expand").

var (
	mdQueryWord      = regexp.MustCompile(`(?i)\$(orderby|select|search|count|expand)\b`)
	mdQueryClauseSep = regexp.MustCompile(`(?i);|\bbut\b|\bhowever\b|\bexcept\b|\balthough\b|\bwhereas\b`)
	mdQueryVerb      = regexp.MustCompile(`(?i)\bsupport(?:s|ed)?\b|\bcan\s+(?:also\s+)?be\s+used\s+(?:in|with)\b`)
	mdQueryNeg       = regexp.MustCompile(`(?i)(?:\bnot|n't|\bnever|\bno\s+longer)\s+(?:\w+\s+){0,2}?(?:support|used|available|\$)|\bunsupported\b`)
	mdQueryNestedIn  = regexp.MustCompile(`(?i)^\s+(?:nested\s+)?(?:within|inside|in|under|nested)\s+(?:an?\s+|the\s+)?\$expand\b`)
	mdQueryNestedPre = regexp.MustCompile(`(?i)\bnested\s+$`)
	// mdReturnedOnSelect: the property is left out unless selected.
	mdReturnedOnSelect = regexp.MustCompile(`(?i)(?:\bnot|n't|\bnever)\s+(?:be\s+|been\s+|always\s+)?(?:returned|included)\b[^.]*\bby\s+default\b` +
		`|\bby\s+default,?\s+(?:this\s+property\s+|this\s+|it\s+)?(?:is\s+not|isn't|is\s+never)\s+(?:returned|included)\b` +
		`|\breturned\s+only\b.*(?:\$select|\bselect(?:ed|ing|ion)?\b|\brequested\b)` +
		`|\bonly\s+(?:be\s+)?returned\b.*(?:\$select|\bselect(?:ed|ing|ion)?\b|\brequested\b)`)
	mdReturnedByDefault = regexp.MustCompile(`(?i)\b(?:returned|included)\s+by\s+default\b`)
)

// mdReadQuery reads the query option phrases of one sentence into f.
func mdReadQuery(s, lower string, pos spec.Pos, f *mdFacts) {
	if strings.Contains(lower, "returned") || strings.Contains(lower, "included") {
		r := spec.ReturnedUnstated
		switch {
		case mdReturnedOnSelect.MatchString(s):
			r = spec.ReturnedOnSelect
		case mdReturnedByDefault.MatchString(s):
			r = spec.ReturnedByDefault
		}
		if r != spec.ReturnedUnstated && f.returned == spec.ReturnedUnstated {
			f.returned = r // the first statement stands
		}
		if r != spec.ReturnedUnstated && !f.queryPos.IsValid() {
			f.queryPos = pos
		}
	}
	if !strings.Contains(lower, "$") || !strings.Contains(lower, "support") && !strings.Contains(lower, "used") {
		return
	}
	flat := mdWithoutParens(s)
	for _, clause := range mdQueryClauseSep.Split(flat, -1) {
		if !mdQueryVerb.MatchString(clause) || mdQueryNeg.MatchString(clause) {
			continue
		}
		for _, loc := range mdQueryWord.FindAllStringSubmatchIndex(clause, -1) {
			start, end := loc[0], loc[1]
			if start > 0 && strings.ContainsRune("/?&=$_", rune(clause[start-1])) {
				continue // part of a URL or query
			}
			if end < len(clause) && clause[end] == '=' {
				continue
			}
			if mdQueryNestedPre.MatchString(clause[:start]) || mdQueryNestedIn.MatchString(clause[end:]) {
				continue
			}
			o, _ := spec.ParseQueryOption(clause[loc[2]:loc[3]])
			f.options = append(f.options, o)
			if !f.queryPos.IsValid() {
				f.queryPos = pos
			}
		}
	}
}

// mdWithoutParens returns s without its parenthesized parts (nested ones
// too; an unclosed one runs to the end).
func mdWithoutParens(s string) string {
	if !strings.Contains(s, "(") {
		return s
	}
	var b strings.Builder
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// querySupport returns the QuerySupport that f states, or nil.
func (f *mdFacts) querySupport() *spec.QuerySupport {
	q := &spec.QuerySupport{Returned: f.returned, Pos: f.queryPos}
	seen := map[spec.QueryOption]bool{}
	for _, o := range f.options {
		seen[o] = true
	}
	for _, o := range spec.QueryOptions { // canonical order
		if seen[o] {
			q.Options = append(q.Options, o)
		}
	}
	if q.IsZero() {
		return nil
	}
	return q
}
