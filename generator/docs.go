package generator

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/odatagen/odatagen/spec"
)

// Doc comments.
//
// Descriptions become paragraphs of comment text wrapped greedily at
// docWidth columns (long words such as URLs stay whole and overflow).
// Whitespace inside a paragraph collapses to single spaces; blank lines in a
// description separate paragraphs; control characters are dropped. A
// wrapped line never starts with something gofmt would take for a list
// marker ("-", "*", "+", "1.", "2)") or a code block: the word before it moves
// down with it.

const docWidth = 76

// docBuilder collects paragraphs and renders comment lines.
type docBuilder struct {
	paras []string
}

// add appends text as one or more paragraphs (split at blank lines).
func (d *docBuilder) add(text string) {
	for _, p := range splitParagraphs(text) {
		d.paras = append(d.paras, p)
	}
}

// addSentences appends a paragraph built from sentences, skipping empty ones.
func (d *docBuilder) addSentences(sentences ...string) {
	var kept []string
	for _, s := range sentences {
		if s != "" {
			kept = append(kept, s)
		}
	}
	if len(kept) > 0 {
		d.add(strings.Join(kept, " "))
	}
}

// lines renders the wrapped comment lines, "" between paragraphs. A
// paragraph between two others that fits on one line and ends in a letter or
// digit ("State of the action on the device") gets a period: gofmt would
// otherwise make it a heading ("# State of ...").
func (d *docBuilder) lines() []string {
	var out []string
	for i, p := range d.paras {
		if i > 0 {
			out = append(out, "")
		}
		w := wrapText(p, docWidth)
		if len(w) == 1 && i > 0 && i < len(d.paras)-1 {
			if r, _ := utf8.DecodeLastRuneInString(w[0]); unicode.IsLetter(r) || unicode.IsDigit(r) {
				w[0] += "."
			}
		}
		out = append(out, w...)
	}
	return out
}

// splitParagraphs cleans text and splits it at blank lines.
func splitParagraphs(text string) []string {
	text = cleanText(text)
	var paras []string
	for _, block := range strings.Split(text, "\n\n") {
		if p := strings.Join(strings.Fields(block), " "); p != "" {
			paras = append(paras, p)
		}
	}
	return paras
}

// cleanText makes text safe for a // comment: valid UTF-8, no control
// characters but newlines, "\r\n" as "\n", blank lines made of spaces
// treated as blank.
func cleanText(text string) string {
	text = strings.ToValidUTF8(text, "\uFFFD")
	var b strings.Builder
	for _, r := range text {
		switch {
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t' || r == '\r' || r == '\u00a0':
			b.WriteByte(' ')
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\uFEFF':
		default:
			b.WriteRune(r)
		}
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.Join(lines, "\n")
}

// wrapText wraps one paragraph at width runes.
func wrapText(p string, width int) []string {
	words := strings.Fields(p)
	var lines [][]string
	var cur []string
	n := 0
	for _, w := range words {
		wl := utf8.RuneCountInString(w)
		if len(cur) > 0 && n+1+wl > width {
			lines = append(lines, cur)
			cur, n = nil, 0
		}
		if len(cur) > 0 {
			n++
		}
		cur = append(cur, w)
		n += wl
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	// Keep list markers away from line starts: the word before a marker
	// moves down with it, or, when it is alone on its line, the marker
	// moves up.
	for i := 1; i < len(lines); i++ {
		for len(lines[i]) > 0 && looksLikeListMarker(lines[i][0]) {
			prev := lines[i-1]
			if len(prev) > 1 && !looksLikeListMarker(prev[len(prev)-1]) {
				lines[i] = append([]string{prev[len(prev)-1]}, lines[i]...)
				lines[i-1] = prev[:len(prev)-1]
				break
			}
			lines[i-1] = append(prev, lines[i][0])
			lines[i] = lines[i][1:]
		}
		if len(lines[i]) == 0 {
			lines = slices.Delete(lines, i, i+1)
			i--
		}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.Join(l, " ")
	}
	return out
}

// looksLikeListMarker reports whether a line starting with word w would be a
// list item in a Go doc comment.
func looksLikeListMarker(w string) bool {
	switch w {
	case "-", "*", "+", "•":
		return true
	}
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	return i > 0 && i == len(w)-1 && (w[i] == '.' || w[i] == ')')
}

// propertyFacts returns the sentences that state a property's facets.
func propertyFacts(p *spec.Property, nav bool, edmNote string) []string {
	var s []string
	if nav {
		s = append(s, "Navigation property: present when the request expands it ($expand).")
	}
	if edmNote != "" {
		s = append(s, edmNote)
	}
	if p.ReadOnly {
		s = append(s, "Read-only.")
	}
	if p.Required {
		s = append(s, "Required on create.")
	}
	if p.Immutable {
		s = append(s, "Immutable: set on create, not on update.")
	}
	if !p.Type.Collection && !nav {
		if p.Nullable {
			s = append(s, "Nullable.")
		} else {
			s = append(s, "Not nullable.")
		}
	}
	if p.Default != nil {
		s = append(s, "Default: "+*p.Default+".")
	}
	if p.MaxLength > 0 {
		s = append(s, "Max length: "+strconv.Itoa(p.MaxLength)+".")
	}
	if f := p.Filter; f != nil {
		s = append(s, filterSentence(f))
	}
	if q := p.Query; q != nil {
		if opts := queryOptions(q.Options, nav); len(opts) > 0 {
			s = append(s, strings.Join(opts, ", ")+".")
		}
		if q.SelectOnly() {
			s = append(s, "Returned only on $select.")
		}
	}
	return s
}

// queryOptions are the other query options the source says a property
// supports, as the "$orderby, $search." sentence names them. A navigation
// property's $expand is left out: its first sentence says it already.
// ("Returned by default" is what OData does anyway, so of Returned only
// "Returned only on $select." is stated.)
func queryOptions(opts []spec.QueryOption, nav bool) []string {
	var names []string
	for _, o := range opts {
		if !(nav && o == spec.OptExpand) {
			names = append(names, string(o))
		}
	}
	return names
}

// filterSentence states $filter support: "$filter: eq, ne; eq null, ne
// null; $count." or "$filter: all operators." (the source named none).
func filterSentence(f *spec.FilterSupport) string {
	var parts []string
	if len(f.Ops) == 0 {
		parts = append(parts, "all operators")
	} else {
		ops := make([]string, len(f.Ops))
		for i, op := range f.Ops {
			ops[i] = string(op)
		}
		parts = append(parts, strings.Join(ops, ", "))
	}
	if f.Null {
		parts = append(parts, "eq null, ne null")
	}
	if f.Count {
		parts = append(parts, "$count")
	}
	return "$filter: " + strings.Join(parts, "; ") + "."
}
