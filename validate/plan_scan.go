package validate

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/odatagen/odatagen/validate/internal/jsonvalue"
)

// The scanner of a Plan: JSON tokens straight from the payload's bytes.
// It accepts exactly what encoding/json's Valid accepts (RFC 8259; invalid
// UTF-8 inside strings is let through, as encoding/json does, and decodes
// to U+FFFD; nesting deeper than 10000 is refused), finds repeated member
// names by their decoded form, as the value-tree parser of schemaset.Set
// (jsonvalue.Parse) does, and allocates nothing on its way. A syntax error
// only sets a flag: the *JSONError is then made by syntaxError
// (jsonvalue.SyntaxError, which schemaset.Set uses too), so that both
// report the same offset and message.

// planMaxDepth is encoding/json's nesting limit.
const planMaxDepth = 10000

// planHashFrom is the number of undeclared members of one object above
// which repeats are found with a hash table rather than by comparing with
// each earlier name.
const planHashFrom = 16

// planRun is the state of one validation. Runs are pooled, so that their
// stacks and buffers are reused.
type planRun struct {
	p     *Plan
	pp    *planPrep
	data  []byte
	pos   int
	mode  Mode
	depth int

	// frames is the path to the current value: one frame per open object
	// or array. Pointers are made from it when a problem is found.
	frames []planFrame
	// keys are the member names of the open objects, in order.
	keys []planKey
	// seen holds, per open typed object, a bit per declared property
	// (and one for @odata.type) that the object has.
	seen []uint64
	// tables are the hash tables of big objects, by frame index.
	tables []planKeyTable
	// ends are the containers that look-ahead skims have passed, by
	// start; open is the stack of those not closed yet.
	ends []planSpan
	open []int

	problems []Problem
	bad      bool       // a syntax error: the payload is not JSON
	dup      *JSONError // the first repeated member name
	quiet    bool       // problems are not collected (they would be dropped)

	kbuf, sbuf, tbuf []byte // scratch for decoded names and strings
}

type planFrame struct {
	arr bool
	// index is, in an array, the current element's index; in an object,
	// the index into keys of the current member (-1 before the first).
	index int
	// keys is the index into keys of the object's first member.
	keys int
	// undeclared counts the object's members that are not declared
	// properties of its type (all of them in an untyped object).
	undeclared int
}

type planKey struct {
	start, end int  // the raw bytes between the quotes
	plain      bool // the decoded name is the raw bytes
	declared   bool // a repeat of it is found by the seen bits, not by name
}

type planSpan struct{ start, end int }

type planKeyTable struct {
	slots []int32 // 1 + index into keys; 0 is empty
	n     int
}

var planRunPool = sync.Pool{New: func() any { return new(planRun) }}

func getPlanRun(p *Plan, pp *planPrep, data []byte, mode Mode) *planRun {
	r := planRunPool.Get().(*planRun)
	r.p, r.pp, r.data, r.mode = p, pp, data, mode
	return r
}

// putPlanRun resets a run and pools it; buffers that grew very large are
// let go.
func putPlanRun(r *planRun) {
	const keep = 1 << 16
	r.p, r.pp, r.data = nil, nil, nil
	r.pos, r.depth = 0, 0
	r.frames = r.frames[:0]
	r.keys = r.keys[:0]
	r.seen = r.seen[:0]
	r.ends = r.ends[:0]
	r.open = r.open[:0]
	clear(r.problems)
	r.problems = r.problems[:0]
	r.bad, r.dup, r.quiet = false, nil, false
	if cap(r.keys) > keep {
		r.keys = nil
	}
	if cap(r.frames) > keep {
		r.frames = nil
	}
	if cap(r.seen) > keep {
		r.seen = nil
	}
	if cap(r.ends) > keep {
		r.ends, r.open = nil, nil
	}
	if len(r.tables) > 64 {
		r.tables = nil
	}
	for i := range r.tables {
		if len(r.tables[i].slots) > keep {
			r.tables[i].slots = nil
		}
	}
	if cap(r.problems) > 1024 {
		r.problems = nil
	}
	if cap(r.kbuf) > keep {
		r.kbuf = nil
	}
	if cap(r.sbuf) > keep {
		r.sbuf = nil
	}
	if cap(r.tbuf) > keep {
		r.tbuf = nil
	}
	planRunPool.Put(r)
}

// fail marks a syntax error and returns false, for "return r.fail()".
func (r *planRun) fail() bool {
	r.bad = true
	return false
}

// ws skips white space and returns the next byte, or 0 at the end.
func (r *planRun) ws() byte {
	d := r.data
	i := r.pos
	for i < len(d) {
		c := d[i]
		if c > ' ' || c != ' ' && c != '\n' && c != '\r' && c != '\t' {
			r.pos = i
			return c
		}
		i++
	}
	r.pos = i
	return 0
}

// strPlain marks the bytes a string may hold that need no attention: not
// a quote, a backslash, a control character or a non-ASCII byte.
var strPlain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return
}()

const (
	strEscape = 1 << iota // the string has a backslash escape
	strHigh               // the string has a non-ASCII byte
)

// str scans the string whose opening quote is at r.pos and leaves r.pos
// after the closing quote. It returns the offsets of the raw content and
// what it holds (strEscape, strHigh).
func (r *planRun) str() (start, end int, flags uint8, ok bool) {
	end, flags, ok = planScanString(r.data, r.pos)
	if !ok {
		r.bad = true
		return 0, 0, 0, false
	}
	start = r.pos + 1
	r.pos = end + 1
	return start, end, flags, true
}

// planScanString scans the string whose opening quote is at d[i] and
// returns the index of its closing quote and what it holds.
func planScanString(d []byte, i int) (end int, flags uint8, ok bool) {
	i++
	for {
		// Eight bytes at a time while none needs attention: a byte does if
		// it is >= 0x80, < 0x20, '"' or '\\' (the SWAR "has less than"
		// and "has zero byte" tests; a false alarm only sends the bytes to
		// the loop below).
		for i+8 <= len(d) {
			const ones, highs = 0x0101010101010101, 0x8080808080808080
			w := le64(d[i : i+8])
			q := w ^ (ones * '"')
			b := w ^ (ones * '\\')
			if ((w-ones*0x20)|(q-ones)&^q|(b-ones)&^b|w)&highs != 0 {
				break
			}
			i += 8
		}
		for i < len(d) && strPlain[d[i]] {
			i++
		}
		if i >= len(d) {
			return i, flags, false
		}
		switch c := d[i]; {
		case c == '"':
			return i, flags, true
		case c == '\\':
			flags |= strEscape
			if i+1 >= len(d) {
				return i, flags, false
			}
			switch d[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+5 >= len(d) || !isHex(d[i+2]) || !isHex(d[i+3]) || !isHex(d[i+4]) || !isHex(d[i+5]) {
					return i, flags, false
				}
				i += 6
			default:
				return i, flags, false
			}
		case c >= 0x80:
			flags |= strHigh
			i++
		default: // a control character
			return i, flags, false
		}
	}
}

func isHex(c byte) bool {
	return c-'0' < 10 || (c|0x20)-'a' < 6
}

func hexVal(c byte) rune {
	if c-'0' < 10 {
		return rune(c - '0')
	}
	return rune((c|0x20)-'a') + 10
}

// isPlain reports whether a string's decoded form is its raw bytes.
func isPlain(raw []byte, flags uint8) bool {
	return flags == 0 || flags == strHigh && utf8.Valid(raw)
}

// planUnquote appends the decoded form of a string's raw content, whose
// syntax str has checked, to dst, exactly as encoding/json decodes it:
// invalid UTF-8 and unpaired surrogates become U+FFFD.
func planUnquote(dst, raw []byte) []byte {
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '\\' && i+1 < len(raw):
			switch e := raw[i+1]; e {
			case 'b':
				dst = append(dst, '\b')
			case 'f':
				dst = append(dst, '\f')
			case 'n':
				dst = append(dst, '\n')
			case 'r':
				dst = append(dst, '\r')
			case 't':
				dst = append(dst, '\t')
			case 'u':
				if i+6 > len(raw) {
					return append(dst, raw[i:]...) // not reached after str
				}
				rr := hexVal(raw[i+2])<<12 | hexVal(raw[i+3])<<8 | hexVal(raw[i+4])<<4 | hexVal(raw[i+5])
				i += 6
				if utf16.IsSurrogate(rr) {
					if i+6 <= len(raw) && raw[i] == '\\' && raw[i+1] == 'u' &&
						isHex(raw[i+2]) && isHex(raw[i+3]) && isHex(raw[i+4]) && isHex(raw[i+5]) {
						rr1 := hexVal(raw[i+2])<<12 | hexVal(raw[i+3])<<8 | hexVal(raw[i+4])<<4 | hexVal(raw[i+5])
						if dec := utf16.DecodeRune(rr, rr1); dec != utf8.RuneError {
							dst = utf8.AppendRune(dst, dec)
							i += 6
							continue
						}
					}
					rr = utf8.RuneError
				}
				dst = utf8.AppendRune(dst, rr)
				continue
			default: // '"', '\\', '/'
				dst = append(dst, e)
			}
			i += 2
		case c < utf8.RuneSelf:
			dst = append(dst, c)
			i++
		default:
			rr, size := utf8.DecodeRune(raw[i:])
			dst = utf8.AppendRune(dst, rr)
			i += size
		}
	}
	return dst
}

// text returns the decoded form of a string: the raw bytes when they are
// it, else the decoding in *buf.
func (r *planRun) text(start, end int, flags uint8, buf *[]byte) []byte {
	raw := r.data[start:end]
	if isPlain(raw, flags) {
		return raw
	}
	*buf = planUnquote((*buf)[:0], raw)
	return *buf
}

// num scans the number at r.pos (RFC 8259: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?).
func (r *planRun) num() bool {
	d := r.data
	i := r.pos
	n := len(d)
	if i < n && d[i] == '-' {
		i++
	}
	switch {
	case i >= n:
		return r.fail()
	case d[i] == '0':
		i++
	case d[i]-'1' < 9:
		i++
		for i < n && d[i]-'0' < 10 {
			i++
		}
	default:
		return r.fail()
	}
	if i < n && d[i] == '.' {
		i++
		if i >= n || d[i]-'0' >= 10 {
			return r.fail()
		}
		for i < n && d[i]-'0' < 10 {
			i++
		}
	}
	if i < n && d[i]|0x20 == 'e' {
		i++
		if i < n && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if i >= n || d[i]-'0' >= 10 {
			return r.fail()
		}
		for i < n && d[i]-'0' < 10 {
			i++
		}
	}
	r.pos = i
	return true
}

// lit scans the literal word (true, false, null) at r.pos.
func (r *planRun) lit(word string) bool {
	if len(r.data)-r.pos >= len(word) && string(r.data[r.pos:r.pos+len(word)]) == word {
		r.pos += len(word)
		return true
	}
	return r.fail()
}

// enter counts one more level of nesting.
func (r *planRun) enter() bool {
	r.depth++
	if r.depth > planMaxDepth {
		return r.fail()
	}
	return true
}

// skip scans any value at r.pos, whose first byte is c, checking only its
// syntax and the member names of its objects.
func (r *planRun) skip(c byte) bool {
	switch c {
	case '"':
		_, _, _, ok := r.str()
		return ok
	case '{':
		return r.skipObject()
	case '[':
		return r.skipArray()
	case 't':
		return r.lit("true")
	case 'f':
		return r.lit("false")
	case 'n':
		return r.lit("null")
	}
	if c == '-' || c-'0' < 10 {
		return r.num()
	}
	return r.fail()
}

func (r *planRun) skipObject() bool {
	if !r.enter() {
		return false
	}
	r.pos++
	fi := r.pushObject()
	ok := r.members(fi, func(ki int, c byte) bool {
		if r.undeclaredDup(fi, ki) {
			r.duplicate(ki)
		}
		return r.skip(c)
	})
	if !ok {
		return false
	}
	r.popObject(fi)
	r.depth--
	return true
}

// members walks the members of the object whose frame is fi, from just
// after its '{' to just after its '}': it scans each name (scanKey) and
// colon, and calls member with the name's key index and the first byte of
// the value, which member must consume. It is the one loop over object
// members: of a typed object, of a collection response, of a skipped
// object.
func (r *planRun) members(fi int, member func(ki int, c byte) bool) bool {
	c := r.ws()
	if c != '}' {
		for {
			if c != '"' {
				return r.fail()
			}
			ki, ok := r.scanKey(fi)
			if !ok || !r.colon() {
				return false
			}
			if !member(ki, r.ws()) {
				return false
			}
			c = r.ws()
			if c == ',' {
				r.pos++
				c = r.ws()
				continue
			}
			if c != '}' {
				return r.fail()
			}
			break
		}
	}
	r.pos++
	return true
}

func (r *planRun) skipArray() bool {
	return r.array(r.skip)
}

// colon scans the colon after a member name.
func (r *planRun) colon() bool {
	if r.ws() != ':' {
		return r.fail()
	}
	r.pos++
	return true
}

func (r *planRun) pushObject() int {
	fi := len(r.frames)
	r.frames = append(r.frames, planFrame{index: -1, keys: len(r.keys)})
	return fi
}

func (r *planRun) popObject(fi int) {
	r.keys = r.keys[:r.frames[fi].keys]
	r.frames = r.frames[:fi]
}

func (r *planRun) pushArray() int {
	fi := len(r.frames)
	r.frames = append(r.frames, planFrame{arr: true})
	return fi
}

// scanKey scans a member name, at r.pos, of the object of frame fi and
// makes it the frame's current member.
func (r *planRun) scanKey(fi int) (int, bool) {
	start, end, flags, ok := r.str()
	if !ok {
		return 0, false
	}
	ki := len(r.keys)
	r.keys = append(r.keys, planKey{start: start, end: end, plain: isPlain(r.data[start:end], flags)})
	r.frames[fi].index = ki
	return ki, true
}

// keyName returns the decoded name of key ki, in *buf when it needs
// decoding.
func (r *planRun) keyName(ki int, buf *[]byte) []byte {
	k := r.keys[ki]
	raw := r.data[k.start:k.end]
	if k.plain {
		return raw
	}
	*buf = planUnquote((*buf)[:0], raw)
	return *buf
}

func (r *planRun) sameKey(a, b int) bool {
	ka, kb := r.keys[a], r.keys[b]
	if ka.plain && kb.plain {
		return bytes.Equal(r.data[ka.start:ka.end], r.data[kb.start:kb.end])
	}
	return bytes.Equal(r.keyName(a, &r.tbuf), r.keyName(b, &r.kbuf))
}

// undeclaredDup reports whether member ki of the object of frame fi, not
// a declared property, repeats an earlier undeclared member.
func (r *planRun) undeclaredDup(fi, ki int) bool {
	f := &r.frames[fi]
	f.undeclared++
	if f.undeclared <= planHashFrom {
		for j := f.keys; j < ki; j++ {
			if !r.keys[j].declared && r.sameKey(j, ki) {
				return true
			}
		}
		return false
	}
	for len(r.tables) <= fi {
		r.tables = append(r.tables, planKeyTable{})
	}
	tab := &r.tables[fi]
	if f.undeclared == planHashFrom+1 { // start the table with the earlier ones
		if len(tab.slots) < 4*planHashFrom {
			tab.slots = make([]int32, 4*planHashFrom)
		} else {
			clear(tab.slots)
		}
		tab.n = 0
		for j := f.keys; j < ki; j++ {
			if !r.keys[j].declared {
				r.tableFind(tab, j, true)
			}
		}
	}
	return r.tableFind(tab, ki, true)
}

// tableFind reports whether a name equal to key ki is in the table,
// adding ki when it is not and add is set.
func (r *planRun) tableFind(tab *planKeyTable, ki int, add bool) bool {
	if add && 2*(tab.n+1) > len(tab.slots) {
		old := tab.slots
		tab.slots = make([]int32, 2*len(old))
		tab.n = 0
		for _, s := range old {
			if s != 0 {
				r.tableFind(tab, int(s-1), true)
			}
		}
	}
	mask := uint64(len(tab.slots) - 1)
	h := fnv64(r.keyName(ki, &r.kbuf)) & mask
	for {
		s := tab.slots[h]
		if s == 0 {
			if add {
				tab.slots[h] = int32(ki + 1)
				tab.n++
			}
			return false
		}
		if r.sameKey(int(s-1), ki) {
			return true
		}
		h = (h + 1) & mask
	}
}

func fnv64(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// duplicate records member ki as a repeated name (the first one found).
func (r *planRun) duplicate(ki int) {
	if r.dup != nil {
		return
	}
	name := string(r.keyName(ki, &r.kbuf))
	r.dup = &JSONError{Offset: int64(r.keys[ki].start - 1), Pointer: r.pointer(len(r.frames)),
		Msg: fmt.Sprintf("member %s appears twice in the same object", strconv.Quote(name))}
	r.quiet = true
}

// pointer returns the JSON pointer of the first n frames' current values.
func (r *planRun) pointer(n int) string {
	var sb strings.Builder
	for _, f := range r.frames[:n] {
		sb.WriteByte('/')
		if f.arr {
			sb.WriteString(strconv.Itoa(f.index))
		} else if f.index >= 0 {
			sb.WriteString(jsonvalue.EscapeToken(string(r.keyName(f.index, &r.tbuf))))
		}
	}
	return sb.String()
}
