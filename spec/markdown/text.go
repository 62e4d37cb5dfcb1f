package markdown

import (
	"html"
	"regexp"
	"strings"

	"github.com/odatagen/odatagen/spec"
)

// This file turns markdown cell text into plain text and reads the
// phrases of property descriptions. Everything here is linear in the
// length of its input.

// mdLink is an inline or reference link found in markdown text.
type mdLink struct {
	text   string
	target string // "" for a reference link without definition
}

// mdLinks rewrites the links and images in s to their text and returns the
// links it found. refs resolves reference links; "[x]" without a
// definition is kept as is, unless loose is set (type cells, where
// "[x]" always means a link to type x).
func mdLinks(s string, refs map[string]string, loose bool) (string, []mdLink) {
	if !strings.Contains(s, "[") {
		return s, nil
	}
	var b strings.Builder
	var links []mdLink
	// nextClose caches the next ']' (and ')') after a position so that many
	// unmatched '[' do not rescan the rest of the line.
	closeBracket, closeParen := -2, -2
	next := func(cache *int, from int, c byte) int {
		if *cache == -1 || (*cache >= from) {
			return *cache
		}
		k := strings.IndexByte(s[from:], c)
		if k < 0 {
			*cache = -1
		} else {
			*cache = from + k
		}
		return *cache
	}
	i := 0
	for i < len(s) {
		c := s[i]
		image := false
		if c == '!' && i+1 < len(s) && s[i+1] == '[' {
			image = true
			i++
			c = '['
		}
		if c != '[' {
			b.WriteByte(c)
			i++
			continue
		}
		j := next(&closeBracket, i+1, ']')
		if j < 0 {
			if image {
				b.WriteByte('!')
			}
			b.WriteString(s[i:])
			break
		}
		text := s[i+1 : j]
		k := j + 1
		switch {
		case k < len(s) && s[k] == '(':
			e := next(&closeParen, k+1, ')')
			if e < 0 {
				b.WriteString(s[i:k])
				i = k
				continue
			}
			target := strings.TrimSpace(s[k+1 : e])
			if f := strings.Fields(target); len(f) > 0 {
				target = strings.Trim(f[0], "<>")
			}
			links = append(links, mdLink{text: text, target: target})
			b.WriteString(text)
			i = e + 1
		case k < len(s) && s[k] == '[':
			e := next(&closeBracket, k+1, ']')
			if e < 0 {
				b.WriteString(s[i:k])
				i = k
				continue
			}
			label := strings.ToLower(strings.TrimSpace(s[k+1 : e]))
			if label == "" {
				label = strings.ToLower(strings.TrimSpace(text))
			}
			links = append(links, mdLink{text: text, target: refs[label]})
			b.WriteString(text)
			i = e + 1
		default:
			target, ok := refs[strings.ToLower(strings.TrimSpace(text))]
			if ok || loose {
				links = append(links, mdLink{text: text, target: target})
				b.WriteString(text)
			} else {
				b.WriteString(s[i : j+1])
			}
			i = j + 1
		}
	}
	return b.String(), links
}

// mdHTMLTags are the HTML elements docs pages use inside table cells. Other
// "<word>" text (placeholders such as <server>) is kept.
var mdHTMLTags = map[string]bool{
	"a": true, "b": true, "i": true, "u": true, "s": true, "p": true, "br": true,
	"ul": true, "ol": true, "li": true, "em": true, "strong": true, "code": true,
	"span": true, "div": true, "sup": true, "sub": true, "del": true, "strike": true,
	"pre": true, "table": true, "tr": true, "td": true, "th": true, "img": true,
	"hr": true, "nobr": true, "font": true, "blockquote": true, "small": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"thead": true, "tbody": true, "dl": true, "dt": true, "dd": true, "kbd": true,
}

// mdBreakTags separate sentences when they are dropped.
var mdBreakTags = map[string]bool{"br": true, "li": true, "p": true, "ul": true, "ol": true, "tr": true, "div": true}

// mdStripTags replaces known HTML tags by a space (breaking tags by ". "
// when sentence is set) and HTML comments by nothing.
func mdStripTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	i := 0
	for i < len(s) {
		c := s[i]
		if c != '<' {
			b.WriteByte(c)
			i++
			continue
		}
		if strings.HasPrefix(s[i:], "<!--") {
			if e := strings.Index(s[i+4:], "-->"); e >= 0 {
				i += 4 + e + 3
				continue
			}
		}
		// Tag name.
		j := i + 1
		if j < len(s) && s[j] == '/' {
			j++
		}
		k := j
		for k < len(s) && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z' || s[k] >= '0' && s[k] <= '9') {
			k++
		}
		name := strings.ToLower(s[j:k])
		if !mdHTMLTags[name] || k >= len(s) || !(s[k] == '>' || s[k] == ' ' || s[k] == '/' || s[k] == '\t') {
			b.WriteByte(c)
			i++
			continue
		}
		e := strings.IndexByte(s[k:], '>')
		if e < 0 {
			b.WriteByte(c)
			i++
			continue
		}
		if mdBreakTags[name] {
			b.WriteString("\n")
		} else {
			b.WriteByte(' ')
		}
		i = k + e + 1
	}
	return b.String()
}

var (
	mdItalicRe = regexp.MustCompile(`(^|[\s(])\*([^*\s][^*]*)\*`)
	mdEscapeRe = regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])")
)

// mdPlain turns a markdown fragment into plain text: links become their
// text, HTML tags and comments go, emphasis and code markers go, entities
// and escapes are decoded and white space is collapsed. Line breaks from
// <br> and list items survive as "\n" when keepBreaks is set, so that the
// phrase reader can use them as sentence ends.
func mdPlain(s string, refs map[string]string, keepBreaks bool) string {
	s = mdStripTags(s)
	s, _ = mdLinks(s, refs, false)
	if strings.Contains(s, "**") {
		s = strings.ReplaceAll(s, "**", "")
	}
	if strings.Contains(s, "__") {
		s = strings.ReplaceAll(s, "__", "")
	}
	if strings.Contains(s, "~~") {
		s = strings.ReplaceAll(s, "~~", "")
	}
	if strings.Contains(s, "*") {
		s = mdItalicRe.ReplaceAllString(s, "$1$2")
	}
	if strings.Contains(s, "`") {
		s = strings.ReplaceAll(s, "`", "")
	}
	if strings.Contains(s, "\\") {
		s = mdEscapeRe.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	return mdCollapse(s, keepBreaks)
}

// mdCollapse collapses runs of white space (including no-break and
// zero-width spaces) to one space, or to one "\n" when the run holds a
// line break and keepBreaks is set, and trims the ends.
func mdCollapse(s string, keepBreaks bool) string {
	var b strings.Builder
	b.Grow(len(s))
	pending := byte(0) // ' ' or '\n' to write before the next text
	for _, r := range s {
		switch r {
		case ' ', '\t', '\r', '\u00a0', '\u200b', '\ufeff':
			if pending == 0 {
				pending = ' '
			}
			continue
		case '\n':
			if keepBreaks {
				pending = '\n'
			} else if pending == 0 {
				pending = ' '
			}
			continue
		}
		if pending != 0 && b.Len() > 0 {
			b.WriteByte(pending)
		}
		pending = 0
		b.WriteRune(r)
	}
	return b.String()
}

// mdOneLine collapses the line breaks that mdPlain kept.
func mdOneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }

// mdSentences splits plain text into sentences: at line breaks and at '.',
// '!' or '?' followed by a space or the end.
func mdSentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		end := -1
		switch {
		case c == '\n':
			end = i
		case (c == '.' || c == '!' || c == '?') && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n'):
			end = i + 1
		}
		if end < 0 {
			continue
		}
		if t := strings.TrimSpace(s[start:end]); t != "" {
			out = append(out, t)
		}
		start = i + 1
	}
	if t := strings.TrimSpace(s[start:]); t != "" {
		out = append(out, t)
	}
	return out
}

// mdFacts are what a description says about its property.
type mdFacts struct {
	readOnly, required, optional, immutable, notNullable, deprecated bool
	defaultValue                                                     *string
	filter                                                           *spec.FilterSupport
	possible                                                         []string
	// options and returned are the query option phrases (mdReadQuery),
	// queryPos where the first of them was read.
	options  []spec.QueryOption
	returned spec.Returned
	queryPos spec.Pos
	// conditions are the sentences that make the property required or
	// read-only only in some cases.
	conditions []string
}

var (
	mdReadOnlyWord  = `read[\s-]?only`
	mdReadOnlyStart = regexp.MustCompile(`(?i)^\(?` + mdReadOnlyWord + `\b`)
	mdReadOnlyIs    = regexp.MustCompile(`(?i)\b(?:is|are|be|becomes)\s+(?:a\s+|an\s+|always\s+|also\s+)?` + mdReadOnlyWord + `\b\s*([A-Za-z]*)`)
	mdReadOnlyParen = regexp.MustCompile(`(?i)\(` + mdReadOnlyWord + `\)`)
	mdImmutableHint = regexp.MustCompile(`(?i)\b(once\s+set|after\s+(creation|it\s+is\s+created|it's\s+created|being\s+created)|cannot\s+be\s+(changed|modified|updated)\s+after)\b`)
	mdRequiredStart = regexp.MustCompile(`^(?:Required|REQUIRED|required)(?:$|[^A-Za-z])`)
	mdRequiredDot   = regexp.MustCompile(`\bRequired\.`)
	mdRequiredIs    = regexp.MustCompile(`(?i)\bthis\s+(property|field|value)\s+is\s+(always\s+)?required\b|\bthis\s+is\s+a\s+required\s+(property|field|value)\b`)
	// mdConditional follows "required" or "read-only" when the fact holds
	// only in some cases: "Required if ...", "Read-only when ...",
	// "Read-only for users synced from on-premises".
	mdConditional = regexp.MustCompile(`(?i)(?:\brequired|` + mdReadOnlyWord + `)\s*,?\s+(?:only\s+)?(?:if|when|whenever|unless|while|for|in\s+case)\b`)
	// mdOnCreate is the one case that stays absolute: required when the
	// resource is created is what Required means.
	mdOnCreate      = regexp.MustCompile(`(?i)\b(?:when|if|for|while)\s+(?:you\s+|it\s+is\s+|it's\s+|the\s+\w+\s+is\s+)?(?:creat|POST|add)`)
	mdOptionalStart = regexp.MustCompile(`^(?i:optional)(?:$|[^A-Za-z])`)
	mdNotNullable   = regexp.MustCompile(`(?i)\b(not\s+nullable|non-?nullable|cannot\s+be\s+null|can't\s+be\s+null|isn't\s+nullable|is\s+not\s+nullable)\b`)
	mdDeprecated    = regexp.MustCompile(`(?i)^deprecated\b|\b(is|are|has\s+been|have\s+been|was|were|being)\s+deprecated\b|\(deprecated\)`)
	mdDefaultRe     = regexp.MustCompile(`(?i)\b(?:the\s+)?(?:default\s+value\s+is|default\s+value\s*:|default\s+is|defaults\s+to|default\s*:|default\s+value\s+of\s+this\s+property\s+is|by\s+default\s+(?:it\s+is|is))\s+`)
	mdPossibleRe    = regexp.MustCompile(`(?i)\b(?:the\s+)?(?:possible|supported|valid|allowed|accepted)\s+values?\s*(?:are|is|include|includes)?\s*:?\s*`)
	mdFilterWord    = regexp.MustCompile(`(?i)\$filter`)
	mdFilterNeg     = regexp.MustCompile(`(?i)(\bnot\s+support|n't\s+support|\bunsupported|\bnot\s+filterable|\bno\s+\$filter|\bcannot\s+be\s+used\s+(in|with)\s+\$filter)`)
	mdIdentRe       = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	mdQualifiedRe   = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$`)
)

// mdDefaultStop are words after "default is" that do not start a value.
var mdDefaultStop = map[string]bool{
	"a": true, "an": true, "the": true, "that": true, "this": true, "to": true,
	"set": true, "not": true, "based": true, "determined": true, "used": true,
	"specified": true, "empty": true, "null": true, "if": true,
	"when": true, "for": true, "as": true, "on": true, "in": true,
	"of": true, "no": true, "whatever": true, "dependent": true, "depends": true,
}

// mdReadFacts reads the phrases of a plain description (as mdPlain with
// keepBreaks returns it).
func mdReadFacts(desc string, pos spec.Pos) mdFacts {
	var f mdFacts
	for _, s := range mdSentences(desc) {
		// Cheap substring tests keep the regular expressions off most
		// sentences.
		lower := strings.ToLower(s)
		conditional := (strings.Contains(lower, "required") || strings.Contains(lower, "read")) && mdConditional.MatchString(s) && !mdOnCreate.MatchString(s)
		if conditional && (mdSaysReadOnly(s) || mdRequiredStart.MatchString(s) || mdRequiredDot.MatchString(s) || mdRequiredIs.MatchString(s) || strings.Contains(lower, "required")) {
			f.conditions = append(f.conditions, strings.TrimSpace(s))
			continue
		}
		if strings.Contains(lower, "read") && mdSaysReadOnly(s) {
			if mdImmutableHint.MatchString(s) {
				f.immutable = true
			} else {
				f.readOnly = true
			}
		}
		if strings.Contains(lower, "required") && (mdRequiredStart.MatchString(s) || mdRequiredDot.MatchString(s) || mdRequiredIs.MatchString(s)) {
			f.required = true
		}
		if strings.HasPrefix(lower, "optional") && mdOptionalStart.MatchString(s) {
			f.optional = true
		}
		if strings.Contains(lower, "null") && mdNotNullable.MatchString(s) {
			f.notNullable = true
		}
		if strings.Contains(lower, "deprecated") && mdDeprecated.MatchString(s) {
			f.deprecated = true
		}
		if f.defaultValue == nil && strings.Contains(lower, "default") {
			f.defaultValue = mdDefault(s)
		}
		if f.possible == nil && strings.Contains(lower, "value") {
			var def string
			f.possible, def = mdPossible(s)
			if def != "" && f.defaultValue == nil {
				f.defaultValue = &def
			}
		}
		if strings.Contains(lower, "$filter") {
			mdReadFilter(s, lower, pos, &f)
		}
		if strings.Contains(lower, "returned") || strings.Contains(lower, "included") || strings.Contains(lower, "$") {
			mdReadQuery(s, lower, pos, &f)
		}
	}
	return f
}

// mdNotReadOnlyNouns follow "read-only" when it describes something other
// than the property ("is in read-only mode").
var mdNotReadOnlyNouns = map[string]bool{
	"mode": true, "access": true, "permission": true, "permissions": true,
	"scope": true, "scopes": true, "view": true, "copy": true, "replica": true,
	"state": true, "role": true, "user": true, "users": true,
}

// mdSaysReadOnly reports whether a sentence marks its property read-only:
// "Read-only.", "Read only", "readonly", "(read-only)", "This property is
// read-only", "This is a read-only attribute".
func mdSaysReadOnly(s string) bool {
	if mdReadOnlyStart.MatchString(s) || mdReadOnlyParen.MatchString(s) {
		return true
	}
	for _, m := range mdReadOnlyIs.FindAllStringSubmatch(s, -1) {
		if !mdNotReadOnlyNouns[strings.ToLower(m[1])] {
			return true
		}
	}
	return false
}

// mdDefault reads "The default value is X", "Default is X", "Defaults to
// X". ("X (default)" in a list of possible values is read by mdPossible.)
func mdDefault(s string) *string {
	if loc := mdDefaultRe.FindStringIndex(s); loc != nil {
		if v, ok := mdValueToken(s[loc[1]:]); ok {
			return &v
		}
	}
	return nil
}

// mdValueToken reads the value at the start of s: a quoted string or a
// word up to a separator, without a final period.
func mdValueToken(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	if q := s[0]; q == '"' || q == '\'' {
		if e := strings.IndexByte(s[1:], q); e >= 0 {
			return s[1 : 1+e], true
		}
	}
	if strings.HasPrefix(s, "\u201c") || strings.HasPrefix(s, "\u2018") {
		if e := strings.IndexAny(s[3:], "\u201d\u2019"); e >= 0 {
			return s[3 : 3+e], true
		}
	}
	end := strings.IndexAny(s, " ,;)\t")
	if end < 0 {
		end = len(s)
	}
	v := strings.TrimRight(s[:end], ".:")
	if v == "" || mdDefaultStop[strings.ToLower(v)] {
		return "", false
	}
	return v, true
}

// mdPossible reads "Possible values are: a, b, and c." into [a b c] when
// every value is a plain name. A value written "x (default)" is also
// returned as the default.
func mdPossible(s string) (values []string, def string) {
	loc := mdPossibleRe.FindStringIndex(s)
	if loc == nil {
		return nil, ""
	}
	rest := s[loc[1]:]
	rest = strings.TrimRight(rest, ". ")
	var out []string
	for _, part := range strings.Split(rest, ",") {
		part = strings.TrimSpace(part)
		for _, w := range strings.Split(part, " or ") {
			for _, v := range strings.Split(w, " and ") {
				v = strings.TrimSpace(v)
				v = strings.TrimPrefix(v, "and ")
				v = strings.TrimPrefix(v, "or ")
				v = strings.TrimSpace(v)
				if i := strings.Index(v, " ("); i > 0 {
					if strings.Contains(strings.ToLower(v[i:]), "default") && def == "" {
						def = v[:i]
					}
					v = v[:i] // "x (default)", "x (indicates ...)"
				}
				if v == "" {
					continue
				}
				if !mdIdentRe.MatchString(v) {
					return nil, ""
				}
				out = append(out, v)
			}
		}
	}
	return out, def
}

// mdReadFilter reads the $filter support a sentence states: "Supports
// $filter (eq, ne, not, ge, le, in, startsWith)", "(eq operator only)",
// "(eq and startsWith operators only)", a bare "Supports $filter", "eq on
// null values" (Null), "/$count eq 0" (Count), "$filter and $orderby",
// "$filter" among other query options.
func mdReadFilter(s, lower string, pos spec.Pos, f *mdFacts) {
	if !strings.Contains(lower, "support") && !strings.Contains(lower, "filterable") {
		return
	}
	if mdFilterNeg.MatchString(s) {
		return
	}
	if f.filter == nil {
		f.filter = &spec.FilterSupport{Pos: pos}
	}
	fs := f.filter
	for _, loc := range mdFilterWord.FindAllStringIndex(s, -1) {
		rest := strings.TrimLeft(s[loc[1]:], " ")
		if !strings.HasPrefix(rest, "(") {
			continue // bare: every operator
		}
		depth, end := 0, -1
		for i := 0; i < len(rest); i++ {
			if rest[i] == '(' {
				depth++
			} else if rest[i] == ')' {
				depth--
				if depth == 0 {
					end = i
					break
				}
			}
		}
		if end < 0 {
			end = len(rest)
		}
		mdFilterGroup(rest[1:end], fs)
	}
	fs.Ops = mdSortOps(fs.Ops)
}

// mdFilterGroup reads the operator list inside "$filter (...)".
func mdFilterGroup(g string, fs *spec.FilterSupport) {
	var nullOps, countOps []spec.FilterOp
	var ops []spec.FilterOp
	for _, item := range strings.Split(g, ",") {
		for _, part := range mdSplitAnd(item) {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			words := strings.FieldsFunc(part, func(r rune) bool {
				return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '$' || r >= '0' && r <= '9')
			})
			lower := strings.ToLower(part)
			switch {
			case strings.Contains(lower, "$count"):
				fs.Count = true
				for _, w := range words {
					if op, ok := spec.ParseFilterOp(w); ok {
						countOps = append(countOps, op)
					}
				}
			case strings.Contains(lower, "null"):
				fs.Null = true
				if len(words) > 0 {
					if op, ok := spec.ParseFilterOp(words[0]); ok {
						nullOps = append(nullOps, op)
					}
				}
			default:
				if len(words) == 0 {
					continue
				}
				op, ok := spec.ParseFilterOp(words[0])
				if !ok {
					continue
				}
				ops = append(ops, op)
				if op == spec.OpAny || op == spec.OpAll {
					// "any with eq": the lambda and the operators inside it.
					for _, w := range words[1:] {
						if op, ok := spec.ParseFilterOp(w); ok && op != spec.OpIn {
							ops = append(ops, op)
						}
					}
				}
			}
		}
	}
	if len(ops) == 0 && len(fs.Ops) == 0 {
		// Only null or count comparisons: allow just the operators named.
		ops = append(ops, nullOps...)
		ops = append(ops, countOps...)
	}
	fs.Ops = append(fs.Ops, ops...)
}

// mdSplitAnd splits "eq and startsWith operators only" at " and " / " or ".
func mdSplitAnd(s string) []string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "and ")
	s = strings.TrimPrefix(s, "or ")
	var out []string
	for _, a := range strings.Split(s, " and ") {
		out = append(out, strings.Split(a, " or ")...)
	}
	return out
}

// mdSortOps orders ops as FilterOps does, without duplicates.
func mdSortOps(ops []spec.FilterOp) []spec.FilterOp {
	if len(ops) == 0 {
		return nil
	}
	seen := map[spec.FilterOp]bool{}
	for _, o := range ops {
		seen[o] = true
	}
	out := make([]spec.FilterOp, 0, len(seen))
	for _, o := range spec.FilterOps {
		if seen[o] {
			out = append(out, o)
		}
	}
	return out
}
