package markdown

import (
	"bytes"
	"strings"
)

// This file splits a docs page into blocks: headings, tables, HTML comments,
// fenced code and text lines. It makes one pass over the lines and keeps
// slices of the input rather than copies, so its cost is linear in the size
// of the page.

type mdBlockKind int

const (
	mdBHeading mdBlockKind = iota
	mdBTable
	mdBComment
	mdBCode
	mdBText
	mdBBlank
)

type mdBlock struct {
	kind  mdBlockKind
	line  int    // 1-based line of the block's first line
	col   int    // 1-based column of the block's first character
	level int    // heading level
	text  string // heading text, comment body, code body or text line
	lang  string // code fence info string
	table *mdTable
	// quote is set for text lines inside a block quote ("> ...").
	quote bool
}

// mdTable is a pipe table. Cells keep their raw markdown.
type mdTable struct {
	header []mdCell
	rows   [][]mdCell
}

type mdCell struct {
	text string
	line int
	col  int
}

// mdFrontMatter holds the few front matter keys the reader uses.
type mdFrontMatter struct {
	title       string
	description string
	docType     string
	present     bool
	line        int // line of the title key
}

type mdScan struct {
	front  mdFrontMatter
	blocks []mdBlock
	// refs maps lower-cased reference link labels to their targets
	// ("[x]: x.md" lines).
	refs map[string]string
	// unterminated is set when a comment or a code fence runs to the end.
	unterminatedComment int
	unterminatedFence   int
}

// mdLines splits src into lines without their line endings.
func mdLines(src []byte) []string {
	s := string(src)
	n := strings.Count(s, "\n") + 1
	lines := make([]string, 0, n)
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, strings.TrimSuffix(s, "\r"))
			break
		}
		lines = append(lines, strings.TrimSuffix(s[:i], "\r"))
		s = s[i+1:]
	}
	return lines
}

// mdScanPage splits a docs page into blocks in one pass over its lines,
// after dropping a UTF-8 BOM. A first line "---" starts front matter up to
// the next "---" or "..." line; without one there is no front matter and
// the first line is scanned as a block. Each line is then classified in
// this order, which matters: blank (an mdBBlank block, so paragraphs stay
// apart); a ``` or ~~~ fence, whose body runs to a line of at least the
// same fence and nothing else; a line starting "<!--", whose comment runs
// to the first "-->" (text after it on that line is a text line of its
// own, at its column); an ATX
// heading (#..######, trailing #s stripped) other than the "(#tab/" lines
// of code sample tabs; a line with a pipe followed by a delimiter row,
// which starts a table (mdReadTable); a reference link definition, which
// goes to refs (first definition wins) instead of the blocks; else a
// trimmed text line, marked quote when it starts with ">". Inside a fence
// or a comment nothing else is recognized; one that runs to the end of the page
// records its opening line in unterminatedFence or unterminatedComment.
// Lines and columns are 1-based (a tab counts as one column).
func mdScanPage(src []byte) *mdScan {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	lines := mdLines(src)
	sc := &mdScan{refs: map[string]string{}}
	i := 0
	// Front matter: "---" on the first line up to the next "---".
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		for j := 1; j < len(lines); j++ {
			if t := strings.TrimSpace(lines[j]); t == "---" || t == "..." {
				sc.front.present = true
				mdParseFrontMatter(&sc.front, lines[1:j], 2)
				i = j + 1
				break
			}
		}
	}
	for i < len(lines) {
		line := lines[i]
		num := i + 1
		trimmed := strings.TrimSpace(line)
		indent := len(line) - len(strings.TrimLeft(line, " \t"))
		switch {
		case trimmed == "":
			sc.blocks = append(sc.blocks, mdBlock{kind: mdBBlank, line: num})
			i++
		case mdIsFence(trimmed):
			fence := trimmed[:mdFenceLen(trimmed)]
			lang := strings.TrimSpace(trimmed[len(fence):])
			j := i + 1
			for j < len(lines) && !mdClosesFence(strings.TrimSpace(lines[j]), fence) {
				j++
			}
			body := ""
			if j > i+1 {
				body = strings.Join(lines[i+1:min(j, len(lines))], "\n")
			}
			if j >= len(lines) {
				sc.unterminatedFence = num
			}
			sc.blocks = append(sc.blocks, mdBlock{kind: mdBCode, line: num, col: indent + 1, text: body, lang: lang})
			i = j + 1
		case strings.HasPrefix(trimmed, "<!--"):
			// An HTML comment, possibly over several lines.
			var b strings.Builder
			rest := trimmed[4:]
			restCol := indent + 5 // the column of rest's first byte
			j := i
			var after *mdBlock // text after the "-->"
			for {
				if k := strings.Index(rest, "-->"); k >= 0 {
					b.WriteString(rest[:k])
					if tail := rest[k+3:]; strings.TrimSpace(tail) != "" {
						lead := len(tail) - len(strings.TrimLeft(tail, " \t"))
						after = &mdBlock{kind: mdBText, line: j + 1, col: restCol + k + 3 + lead, text: strings.TrimSpace(tail)}
					}
					break
				}
				b.WriteString(rest)
				j++
				if j >= len(lines) {
					sc.unterminatedComment = num
					break
				}
				b.WriteByte('\n')
				rest, restCol = lines[j], 1
			}
			sc.blocks = append(sc.blocks, mdBlock{kind: mdBComment, line: num, col: indent + 1, text: b.String()})
			if after != nil {
				sc.blocks = append(sc.blocks, *after)
			}
			i = j + 1
		case mdHeadingLevel(trimmed) > 0 && !mdIsTabHeading(trimmed):
			lvl := mdHeadingLevel(trimmed)
			text := strings.TrimSpace(trimmed[lvl:])
			text = strings.TrimSpace(strings.TrimRight(text, "#"))
			sc.blocks = append(sc.blocks, mdBlock{kind: mdBHeading, line: num, col: indent + 1, level: lvl, text: text})
			i++
		case i+1 < len(lines) && strings.Contains(trimmed, "|") && mdIsDelimiterRow(lines[i+1]):
			t, next := mdReadTable(lines, i)
			sc.blocks = append(sc.blocks, mdBlock{kind: mdBTable, line: num, col: indent + 1, table: t})
			i = next
		default:
			if label, target, ok := mdRefDef(trimmed); ok {
				if _, dup := sc.refs[label]; !dup {
					sc.refs[label] = target
				}
				i++
				continue
			}
			q := strings.HasPrefix(trimmed, ">")
			sc.blocks = append(sc.blocks, mdBlock{kind: mdBText, line: num, col: indent + 1, text: trimmed, quote: q})
			i++
		}
	}
	return sc
}

func mdParseFrontMatter(fm *mdFrontMatter, lines []string, firstLine int) {
	for k, l := range lines {
		key, val, ok := strings.Cut(l, ":")
		if !ok || strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			continue
		}
		val = strings.TrimSpace(val)
		if len(val) >= 2 && (val[0] == '"' || val[0] == '\'') && val[len(val)-1] == val[0] {
			val = val[1 : len(val)-1]
		}
		norm := mdLetters(strings.ToLower(key))
		switch {
		case norm == "title":
			fm.title = val
			fm.line = firstLine + k
		case norm == "description":
			fm.description = val
		case strings.HasPrefix(norm, "doc") && (strings.Contains(norm, "typ") || strings.Contains(norm, "tpye")):
			// doc_type, doctype, doc-type, docType, doc_tpye ...
			fm.docType = val
		}
	}
}

// mdLetters keeps the ASCII letters of s.
func mdLetters(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

func mdIsFence(t string) bool {
	return strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")
}

func mdFenceLen(t string) int {
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	return n
}

func mdClosesFence(t, fence string) bool {
	if !strings.HasPrefix(t, fence) {
		return false
	}
	n := mdFenceLen(t)
	return strings.TrimSpace(t[n:]) == ""
}

func mdHeadingLevel(t string) int {
	n := 0
	for n < len(t) && n < 7 && t[n] == '#' {
		n++
	}
	if n == 0 || n > 6 {
		return 0
	}
	if n < len(t) && t[n] != ' ' && t[n] != '\t' {
		return 0
	}
	return n
}

// mdIsTabHeading reports the "# [HTTP](#tab/http)" lines that start code
// sample tabs on API pages; they are not headings of the page.
func mdIsTabHeading(t string) bool {
	return strings.Contains(t, "(#tab/")
}

// mdIsDelimiterRow reports a table delimiter row: "|:---|---:|", "---|---".
func mdIsDelimiterRow(l string) bool {
	t := strings.TrimSpace(l)
	if t == "" {
		return false
	}
	dashes, pipes := 0, 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '-':
			dashes++
		case '|':
			pipes++
		case ':', ' ', '\t':
		default:
			return false
		}
	}
	return dashes > 0 && pipes > 0
}

// mdRefDef recognizes a reference link definition "[label]: target".
func mdRefDef(t string) (label, target string, ok bool) {
	if !strings.HasPrefix(t, "[") {
		return "", "", false
	}
	end := strings.Index(t, "]:")
	if end < 2 || strings.ContainsAny(t[1:end], "[]") {
		return "", "", false
	}
	target = strings.TrimSpace(t[end+2:])
	if f := strings.Fields(target); len(f) > 0 {
		target = strings.Trim(f[0], "<>")
	}
	return strings.ToLower(strings.TrimSpace(t[1:end])), target, true
}

// mdReadTable reads the table whose header is lines[i]. It returns the
// table and the index of the first line after it.
//
// Rows may lack the leading or trailing pipe. A row whose line does not end
// with a pipe may continue on the next lines: a following line that does not
// start with a pipe is joined to it, and a following line that is only a
// pipe closes it. Cells beyond the header's count are joined back into the
// last cell (docs write unescaped pipes inside code spans).
func mdReadTable(lines []string, i int) (*mdTable, int) {
	t := &mdTable{header: mdSplitRow(lines[i], i+1)}
	ncol := len(t.header)
	// Only tables written with leading pipes can have rows broken over
	// lines: in a table without them every line with a pipe is a row.
	leading := strings.HasPrefix(strings.TrimSpace(lines[i]), "|")
	j := i + 2
	open := false // the last row did not end with a pipe
	// cont collects the continuation lines of the last cell of an open row;
	// a builder keeps long broken rows linear.
	var cont strings.Builder
	continued := false
	closeRow := func() {
		if continued {
			row := t.rows[len(t.rows)-1]
			row[len(row)-1].text = cont.String()
			cont.Reset()
			continued = false
		}
	}
	for j < len(lines) {
		l := lines[j]
		tr := strings.TrimSpace(l)
		if tr == "" || mdIsFence(tr) || strings.HasPrefix(tr, "<!--") || mdHeadingLevel(tr) > 0 {
			break
		}
		startsPipe := strings.HasPrefix(tr, "|")
		if open && len(t.rows) > 0 {
			if strings.Trim(tr, "| \t") == "" {
				// A lone pipe closes the broken row.
				closeRow()
				open = false
				j++
				continue
			}
			if !startsPipe {
				// Continuation of the last cell of the previous row.
				open = !mdEndsWithPipe(tr)
				body := tr
				if !open {
					body = tr[:len(tr)-1]
				}
				more := mdSplitRowNoTrim(body, j+1, len(l)-len(strings.TrimLeft(l, " \t"))+1)
				row := t.rows[len(t.rows)-1]
				if !continued {
					cont.WriteString(row[len(row)-1].text)
					continued = true
				}
				cont.WriteByte(' ')
				cont.WriteString(more[0].text)
				if len(more) > 1 {
					closeRow()
					t.rows[len(t.rows)-1] = append(row, more[1:]...)
				}
				if !open {
					closeRow()
				}
				j++
				continue
			}
		}
		closeRow()
		if !startsPipe && !mdHasUnescapedPipe(tr) {
			break
		}
		t.rows = append(t.rows, mdSplitRow(l, j+1))
		open = leading && !mdEndsWithPipe(tr)
		j++
	}
	closeRow()
	for k, row := range t.rows {
		t.rows[k] = mdFitRow(row, ncol)
	}
	return t, j
}

// mdFitRow joins cells beyond ncol into the last cell.
func mdFitRow(row []mdCell, ncol int) []mdCell {
	if ncol <= 0 || len(row) <= ncol {
		return row
	}
	var b strings.Builder
	b.WriteString(row[ncol-1].text)
	for _, c := range row[ncol:] {
		b.WriteString("|")
		b.WriteString(c.text)
	}
	row[ncol-1].text = b.String()
	return row[:ncol]
}

func mdEndsWithPipe(t string) bool {
	return strings.HasSuffix(t, "|") && !strings.HasSuffix(t, "\\|")
}

func mdHasUnescapedPipe(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] == '\\' {
			i++
			continue
		}
		if t[i] == '|' {
			return true
		}
	}
	return false
}

// mdSplitRow splits a table row into trimmed cells, dropping the outer
// pipes. "\|" is a literal pipe.
func mdSplitRow(l string, line int) []mdCell {
	lead := len(l) - len(strings.TrimLeft(l, " \t"))
	t := strings.TrimSpace(l)
	col := lead + 1
	if strings.HasPrefix(t, "|") {
		t = t[1:]
		col++
	}
	if mdEndsWithPipe(t) {
		t = t[:len(t)-1]
	}
	return mdSplitRowNoTrim(t, line, col)
}

// mdSplitRowNoTrim splits t (whose first byte is at column col) on
// unescaped pipes.
func mdSplitRowNoTrim(t string, line, col int) []mdCell {
	var cells []mdCell
	var b strings.Builder
	start := 0
	flush := func(end int) {
		raw := b.String()
		b.Reset()
		// Column of the first non-space character of the cell.
		c := col + start
		for k := start; k < end && (t[k] == ' ' || t[k] == '\t'); k++ {
			c++
		}
		cells = append(cells, mdCell{text: strings.TrimSpace(raw), line: line, col: c})
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c == '\\' && i+1 < len(t) && t[i+1] == '|' {
			b.WriteByte('|')
			i++
			continue
		}
		if c == '|' {
			flush(i)
			start = i + 1
			continue
		}
		b.WriteByte(c)
	}
	flush(len(t))
	return cells
}
