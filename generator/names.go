package generator

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Go names.
//
// OData names are camelCase ("partnerId", "webUrl"). goName turns one into an
// exported Go name word by word: it splits the name into words (at
// lower-to-upper changes, at the end of an upper-case run, and at every
// character that cannot appear in a Go identifier), capitalizes each word,
// and spells the usual initialisms in upper case: "partnerId" -> "PartnerID",
// "webUrl" -> "WebURL", "ipAddress" -> "IPAddress", "userIds" -> "UserIDs".
// GUID is an initialism too ("tenantGuid" -> "TenantGUID"), following
// golint's list; "Pc" is not ("cloudPc" -> "CloudPc", as Graph spells it).
//
// Exported names never clash with Go keywords or predeclared identifiers (all
// of those are lower case), so "type" -> "Type" and "func" -> "Func" need no
// escaping. A name that does not start with a letter gets an "X" prefix
// ("3dModel" -> "X3dModel"); a name without any letter or digit becomes "X".
//
// Collisions are settled later by a nameSpace: first come, first served, in
// a deterministic order, and every rename is reported as a Note.

// goInitialisms are the words spelled in upper case. A plural of one ("ids")
// is spelled "IDs" unless the initialism already ends in S.
var goInitialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true,
	"DNS": true, "EOF": true, "GUID": true, "HTML": true, "HTTP": true,
	"HTTPS": true, "ID": true, "IP": true, "JSON": true, "LHS": true,
	"OS": true, "QPS": true, "RAM": true, "RHS": true, "RPC": true,
	"SLA": true, "SMTP": true, "SQL": true, "SSH": true, "SSL": true,
	"TCP": true, "TLS": true, "TTL": true, "UDP": true, "UI": true,
	"UID": true, "URI": true, "URL": true, "UTF8": true, "UUID": true,
	"VM": true, "XML": true, "XMPP": true, "XSRF": true, "XSS": true,
}

// splitWords splits an OData name into words.
func splitWords(s string) []string {
	var words []string
	runes := []rune(s)
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			words = append(words, string(runes[start:end]))
		}
		start = -1
	}
	for i, r := range runes {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := runes[i-1]
		switch {
		case unicode.IsUpper(r) && !unicode.IsUpper(prev):
			// "partnerId": boundary before "I"; also "x509Cert".
			flush(i)
			start = i
		case unicode.IsUpper(prev) && unicode.IsUpper(r) && i+1 < len(runes) && unicode.IsLower(runes[i+1]):
			// "HTTPStatus": boundary before "S".
			flush(i)
			start = i
		}
	}
	flush(len(runes))
	return words
}

// capitalizeWord spells one word for a Go name.
func capitalizeWord(w string) string {
	up := strings.ToUpper(w)
	if goInitialisms[up] {
		return up
	}
	if n := len(up); n > 2 && up[n-1] == 'S' && goInitialisms[up[:n-1]] && !strings.HasSuffix(up[:n-1], "S") {
		return up[:n-1] + "s"
	}
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}

// goWords joins the capitalized words of name: a fragment of a Go name, which
// may start with a digit.
func goWords(name string) string {
	var b strings.Builder
	for _, w := range splitWords(name) {
		b.WriteString(capitalizeWord(w))
	}
	return b.String()
}

// goName returns the exported Go name for an OData name.
func goName(name string) string {
	return exported(goWords(name))
}

// exported makes s a valid exported identifier.
func exported(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	if s == "" || !unicode.IsUpper(r) {
		return "X" + s
	}
	return s
}

// nameSpace hands out unique names within one scope (the package, or one
// struct's fields and methods).
type nameSpace struct {
	taken map[string]string // name -> who holds it (for notes)
}

func newNameSpace() *nameSpace { return &nameSpace{taken: map[string]string{}} }

// reserve takes name for holder without checks.
func (ns *nameSpace) reserve(name, holder string) { ns.taken[name] = holder }

// claim takes the first free name among the candidates, then the last
// candidate with a number appended (2, 3, ...). It returns the name and, when
// the first candidate was taken, who held it.
func (ns *nameSpace) claim(holder string, candidates ...string) (name, clash string) {
	clash = ns.taken[candidates[0]]
	for _, c := range candidates {
		if _, ok := ns.taken[c]; !ok {
			ns.taken[c] = holder
			return c, clash
		}
	}
	last := candidates[len(candidates)-1]
	for i := 2; ; i++ {
		c := last + strconv.Itoa(i)
		if _, ok := ns.taken[c]; !ok {
			ns.taken[c] = holder
			return c, clash
		}
	}
}

// isGoIdent reports whether s is a valid Go identifier that is not a
// keyword (used for the package name).
func isGoIdent(s string) bool {
	if s == "" || goKeywords[s] {
		return false
	}
	for i, r := range s {
		if !unicode.IsLetter(r) && r != '_' && (i == 0 || !unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

var goKeywords = map[string]bool{
	"break": true, "case": true, "chan": true, "const": true, "continue": true,
	"default": true, "defer": true, "else": true, "fallthrough": true,
	"for": true, "func": true, "go": true, "goto": true, "if": true,
	"import": true, "interface": true, "map": true, "package": true,
	"range": true, "return": true, "select": true, "struct": true,
	"switch": true, "type": true, "var": true,
}

// fileStem turns a namespace suffix ("security", "partners.billing") into
// a file name stem ("security", "partners_billing"): lower case letters,
// digits and underscores, never starting with "_" or "." (the go tool
// ignores such files).
func fileStem(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
			b.WriteByte('_')
		}
	}
	return strings.TrimSuffix(b.String(), "_")
}
