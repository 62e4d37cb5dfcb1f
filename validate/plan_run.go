package validate

import (
	"bytes"
	"cmp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/odatagen/odatagen/validate/internal/formats"
	"github.com/odatagen/odatagen/validate/internal/report"
)

// The validating walk of a Plan: recursive descent over the payload, each
// value checked against what the plan expects at that place, in the order
// jsonschema checks a schema (the type first, and nothing more when the
// type is wrong; then enum, format, length, range). Problems get their
// pointer and words when they are found; a valid payload makes none.

// document validates the whole payload: a value of type ti, or a
// collection response of it; ti < 0 checks only that it is JSON.
func (r *planRun) document(ti int, collection bool) {
	c := r.ws()
	var ok bool
	switch {
	case ti < 0:
		ok = r.skip(c)
	case collection:
		ok = r.collectionResponse(ti, c)
	default:
		ok = r.structured(ti, false, c)
	}
	if !ok {
		r.bad = true
		return
	}
	r.ws()
	if r.pos != len(r.data) {
		r.bad = true
	}
}

// add records a problem at the current value of the first n frames.
func (r *planRun) add(n int, k ProblemKind, expected, found, msg string) {
	r.problems = append(r.problems, Problem{Pointer: r.pointer(n), Kind: k, Expected: expected, Found: found, Message: msg})
}

// describe says what the value data[start:end] is, as describe does for a
// value of the tree: `string "x"`, "number 1.5", "object".
func (r *planRun) describe(start, end int) string {
	raw := r.data[start:end]
	switch raw[0] {
	case '"':
		return "string " + report.Quote(string(planUnquote(nil, raw[1:len(raw)-1])))
	case '{':
		return "object"
	case '[':
		return "array"
	case 't':
		return "boolean true"
	case 'f':
		return "boolean false"
	case 'n':
		return "null"
	}
	return "number " + report.Clip(string(raw))
}

// short is describe without the JSON type of strings and numbers, as short
// is: `"sleeping"`, "1.5".
func (r *planRun) short(start, end int) string {
	raw := r.data[start:end]
	switch raw[0] {
	case '"':
		return report.Quote(string(planUnquote(nil, raw[1:len(raw)-1])))
	case '{', '[', 't', 'f', 'n':
		return r.describe(start, end)
	}
	return report.Clip(string(raw))
}

// words is the name of a value's OData type in problems.
func (r *planRun) words(v *PlanValue) string {
	if v.Kind == KindComplex || v.Kind == KindEntity {
		return r.p.Types[v.Type].Name
	}
	if v.Name == "" {
		if v.Kind == KindEnum {
			return r.p.Enums[v.Enum].Name
		}
		if v.Kind == KindNavigation {
			return r.p.Types[v.Type].Name
		}
		return v.Kind.String()
	}
	return v.Name
}

// expected is what a type problem says is expected.
func (r *planRun) expected(v *PlanValue, coll bool) string {
	switch {
	case coll && v.CollectionName != "":
		return v.CollectionName
	case coll:
		return "Collection(" + r.words(v) + ")"
	case v.Kind == KindComplex || v.Kind == KindEntity || v.Kind == KindNavigation:
		return r.words(v) + " object"
	}
	return r.words(v)
}

// wrongType skips a value of the wrong JSON type and reports it.
func (r *planRun) wrongType(c byte, v *PlanValue, coll bool) bool {
	start := r.pos
	if !r.skip(c) {
		return false
	}
	if !r.quiet {
		exp, found := r.expected(v, coll), r.describe(start, r.pos)
		r.add(len(r.frames), WrongType, exp, found, "expected "+exp+", found "+found)
	}
	return true
}

// value validates a property value.
func (r *planRun) value(v *PlanValue, c byte) bool {
	if v.Collection {
		return r.collection(v, c)
	}
	return r.single(v, c)
}

func (r *planRun) collection(v *PlanValue, c byte) bool {
	if c != '[' {
		return r.wrongType(c, v, true)
	}
	return r.array(func(c byte) bool { return r.single(v, c) })
}

// array walks the JSON array whose '[' is at r.pos, calling elem with the
// first byte of each element (the array's frame counts them, for
// pointers), and leaves r.pos after the ']'. It is the one loop over array
// elements: of a collection property, of a collection response's value,
// of a skipped value.
func (r *planRun) array(elem func(c byte) bool) bool {
	if !r.enter() {
		return false
	}
	r.pos++
	fi := r.pushArray()
	c := r.ws()
	if c != ']' {
		for {
			if !elem(c) {
				return false
			}
			c = r.ws()
			if c == ',' {
				r.pos++
				c = r.ws()
				r.frames[fi].index++
				continue
			}
			if c != ']' {
				return r.fail()
			}
			break
		}
	}
	r.pos++
	r.frames = r.frames[:fi]
	r.depth--
	return true
}

// single validates one value (a property's, or a collection item).
func (r *planRun) single(v *PlanValue, c byte) bool {
	switch v.Kind {
	case KindAny:
		return r.skip(c)
	case KindString:
		if c == '"' {
			start, end, flags, ok := r.str()
			if ok && v.MaxLength > 0 && end-start > v.MaxLength && !r.quiet {
				r.maxLength(v, start, end, flags)
			}
			return ok
		}
	case KindBoolean:
		if c == 't' {
			return r.lit("true")
		}
		if c == 'f' {
			return r.lit("false")
		}
	case KindByte, KindSByte, KindInt16, KindInt32, KindInt64:
		if c == '-' || c-'0' < 10 {
			return r.integer(v)
		}
		if c == '"' && v.Kind == KindInt64 && r.p.IEEE754Compatible {
			return r.numericString(v)
		}
	case KindSingle, KindDouble:
		if c == '-' || c-'0' < 10 {
			return r.num()
		}
		if c == '"' {
			return r.special(v)
		}
	case KindDecimal:
		if c == '-' || c-'0' < 10 {
			return r.num()
		}
		if c == '"' && r.p.IEEE754Compatible {
			return r.numericString(v)
		}
	case KindDateTimeOffset, KindDate, KindTimeOfDay, KindDuration, KindGuid, KindBinary:
		if c == '"' {
			return r.format(v)
		}
	case KindEnum:
		if c == '"' {
			return r.enum(v)
		}
	case KindComplex, KindEntity:
		return r.structured(v.Type, v.Nullable, c)
	case KindNavigation:
		if c == '{' {
			return r.skipObject()
		}
	}
	if c == 'n' && v.Nullable {
		return r.lit("null")
	}
	return r.wrongType(c, v, false)
}

// maxLength reports a string longer than its MaxLength, counted in code
// points of the decoded string as jsonschema counts.
func (r *planRun) maxLength(v *PlanValue, start, end int, flags uint8) {
	raw := r.data[start:end]
	n := len(raw)
	switch {
	case flags&strEscape != 0:
		r.sbuf = planUnquote(r.sbuf[:0], raw)
		n = utf8.RuneCount(r.sbuf)
	case flags != 0:
		n = utf8.RuneCount(raw) // an invalid byte decodes to one U+FFFD
	}
	if n <= v.MaxLength {
		return
	}
	exp := "at most " + strconv.Itoa(v.MaxLength) + " characters"
	found := strconv.Itoa(n) + " characters"
	r.add(len(r.frames), OutOfRange, exp, found,
		"string of "+found+" is longer than the MaxLength "+strconv.Itoa(v.MaxLength)+" of "+cmp.Or(r.words(v), "the property"))
}

// integer validates a number for an Edm integer kind.
func (r *planRun) integer(v *PlanValue) bool {
	start := r.pos
	if !r.num() {
		return false
	}
	if r.quiet {
		return true
	}
	raw := r.data[start:r.pos]
	switch planInteger(raw, v.Kind) {
	case intNotInteger:
		exp, found := r.words(v), "number "+report.Clip(string(raw))
		r.add(len(r.frames), WrongType, exp, found, "expected "+exp+", found "+found)
	case intOutOfRange:
		exp, found := r.words(v)+planIntBounds[v.Kind].words, report.Clip(string(raw))
		r.add(len(r.frames), OutOfRange, exp, found, found+" is out of range for "+exp)
	}
	return true
}

// special validates a string for Edm.Single and Edm.Double: "INF", "-INF"
// or "NaN" (the schemas' pattern ^(-?INF|NaN)$).
func (r *planRun) special(v *PlanValue) bool {
	start, end, flags, ok := r.str()
	if !ok || r.quiet {
		return ok
	}
	switch string(r.text(start, end, flags, &r.sbuf)) {
	case "INF", "-INF", "NaN":
		return true
	}
	exp, found := r.words(v), r.describe(start-1, end+1)
	r.add(len(r.frames), WrongType, exp, found, "expected "+exp+", found "+found)
	return true
}

// numericString validates an Edm.Int64 or Edm.Decimal value sent as a
// string (Plan.IEEE754Compatible).
func (r *planRun) numericString(v *PlanValue) bool {
	start, end, flags, ok := r.str()
	if !ok || r.quiet {
		return ok
	}
	s := r.text(start, end, flags, &r.sbuf)
	what := " (decimal in a string)"
	good := planNumberLiteral(s)
	if v.Kind == KindInt64 {
		what = " (integer in a string)"
		if good {
			switch planInteger(s, v.Kind) {
			case intNotInteger:
				good = false
			case intOutOfRange:
				exp, found := r.words(v)+planIntBounds[v.Kind].words, report.Quote(string(s))
				r.add(len(r.frames), OutOfRange, exp, found, found+" is out of range for "+exp)
				return true
			}
		}
	}
	if !good {
		exp, found := r.words(v)+what, report.Quote(string(s))
		r.add(len(r.frames), BadFormat, exp, found, found+" is not a valid "+exp)
	}
	return true
}

// planFormatNames are the schemas' formats of the string kinds.
var planFormatNames = [...]string{
	KindDateTimeOffset: "date-time", KindDate: "date", KindTimeOfDay: "time-of-day",
	KindDuration: "duration", KindGuid: "uuid", KindBinary: "base64url",
}

// format validates a string of a formatted Edm kind.
func (r *planRun) format(v *PlanValue) bool {
	start, end, flags, ok := r.str()
	if !ok || r.quiet {
		return ok
	}
	s := r.text(start, end, flags, &r.sbuf)
	switch v.Kind {
	case KindDateTimeOffset:
		ok = planDateTime(s, r.p.DateTimeWithoutSeconds)
	case KindDate:
		ok = planDate(s)
	case KindTimeOfDay:
		ok = planTimeOfDay(s)
	case KindDuration:
		ok = planDuration(s)
	case KindGuid:
		ok = planGUID(s)
	case KindBinary:
		ok = planBase64(s)
	}
	if !ok {
		f := planFormatNames[v.Kind]
		exp := r.words(v)
		if w := formats.Words[f]; w != "" {
			exp += " (" + w + ")"
		}
		found := report.Quote(string(s))
		r.add(len(r.frames), BadFormat, exp, found, found+" is not a valid "+exp)
	}
	return true
}

// enum validates a string of an enum type.
func (r *planRun) enum(v *PlanValue) bool {
	start, end, flags, ok := r.str()
	if !ok || r.quiet {
		return ok
	}
	s := r.text(start, end, flags, &r.sbuf)
	e, pe := &r.p.Enums[v.Enum], &r.pp.penums[v.Enum]
	if !e.Flags {
		if pe.members.lookup(s) >= 0 {
			return true
		}
		exp, found := report.SimpleName(r.words(v))+" member ("+strings.Join(e.Members, ", ")+")", report.Quote(string(s))
		r.add(len(r.frames), NotMember, exp, found, found+" is not a "+exp)
		return true
	}
	if planFlags(s, e, pe) {
		return true
	}
	exp, found := "combination of "+report.SimpleName(r.words(v))+" members ("+strings.Join(e.Members, ", ")+")", report.Quote(string(s))
	r.add(len(r.frames), NotMember, exp, found, found+" is not a "+exp)
	return true
}

// planFlags is the schemas' pattern of a flags enum,
// ^ *(m1|m2|...) *(, *(m1|m2|...) *)*$: comma-separated members with
// spaces around them.
func planFlags(s []byte, e *PlanEnum, pe *prepEnum) bool {
	if !pe.simple {
		return planFlagsGeneral(s, e.Members)
	}
	for {
		piece, rest, more := bytes.Cut(s, []byte{','})
		for len(piece) > 0 && piece[0] == ' ' {
			piece = piece[1:]
		}
		for len(piece) > 0 && piece[len(piece)-1] == ' ' {
			piece = piece[:len(piece)-1]
		}
		if len(e.Members) == 0 {
			if len(piece) != 0 {
				return false
			}
		} else if pe.members.lookup(piece) < 0 {
			return false
		}
		if !more {
			return true
		}
		s = rest
	}
}

// planFlagsGeneral matches the pattern when member names hold spaces or
// commas, or are empty: which positions the pattern can reach, position
// by position.
func planFlagsGeneral(s []byte, members []string) bool {
	if len(members) == 0 {
		members = []string{""}
	}
	// at[i]: a member may start at i (after "^ *" or ", *").
	at := make([]bool, len(s)+1)
	end := make([]bool, len(s)+1) // a member may end at i
	for i := 0; i <= len(s); i++ {
		at[i] = true
		if i < len(s) && s[i] != ' ' {
			break
		}
	}
	for i := 0; i <= len(s); i++ {
		if at[i] {
			for _, m := range members {
				if bytes.HasPrefix(s[i:], []byte(m)) {
					end[i+len(m)] = true
				}
			}
		}
		if end[i] { // " *" then the end, or ", *" then a member
			j := i
			for j < len(s) && s[j] == ' ' {
				j++
			}
			if j == len(s) {
				return true
			}
			if s[j] == ',' {
				for k := j + 1; k <= len(s); k++ {
					at[k] = true
					if k < len(s) && s[k] != ' ' {
						break
					}
				}
			}
		}
	}
	return false
}

// structured validates a value of structured type ti: an object, or null
// when nullable.
func (r *planRun) structured(ti int, nullable bool, c byte) bool {
	t := &r.p.Types[ti]
	if t.AnyJSON {
		return r.skip(c)
	}
	if c == '{' {
		return r.object(ti)
	}
	if c == 'n' && nullable {
		return r.lit("null")
	}
	start := r.pos
	if !r.skip(c) {
		return false
	}
	if !r.quiet {
		exp, found := t.Name+" object", r.describe(start, r.pos)
		r.add(len(r.frames), WrongType, exp, found, "expected "+exp+", found "+found)
	}
	return true
}

func (r *planRun) testAndSet(base, i int) bool {
	w := &r.seen[base+i>>6]
	m := uint64(1) << (i & 63)
	was := *w&m != 0
	*w |= m
	return was
}

// object validates the object at r.pos as type ti, or as the derived type
// its @odata.type names.
func (r *planRun) object(ti int) bool {
	if !r.enter() {
		return false
	}
	if len(r.p.Types[ti].Derived) > 0 {
		ti = r.dispatch(ti)
	}
	t := &r.p.Types[ti]
	pt := &r.pp.ptypes[ti]
	props := &pt.props[r.mode]
	r.pos++
	fi := r.pushObject()
	base := len(r.seen)
	for range pt.words {
		r.seen = append(r.seen, 0)
	}
	ok := r.members(fi, func(ki int, c byte) bool {
		name := r.keyName(ki, &r.kbuf)
		if string(name) == "@odata.type" {
			r.keys[ki].declared = true
			if r.testAndSet(base, len(t.Props)) {
				r.duplicate(ki)
			}
			if !r.odataType(t, c) {
				return false
			}
		} else if j := props.lookup(name); j >= 0 {
			r.keys[ki].declared = true
			if r.testAndSet(base, int(j)) {
				r.duplicate(ki)
			}
			if !r.property(t, &t.Props[j], c) {
				return false
			}
		} else {
			if !r.quiet && !t.Open && bytes.IndexByte(name, '@') < 0 {
				p := string(name)
				r.add(len(r.frames), Unknown, "a property of "+t.Name, "property "+p,
					"unknown property "+p+" ("+t.Name+" is not an open type)")
			}
			if r.undeclaredDup(fi, ki) {
				r.duplicate(ki)
			}
			if !r.skip(c) {
				return false
			}
		}
		return true
	})
	if !ok {
		return false
	}
	if !r.quiet {
		for _, j := range pt.required[r.mode] {
			if r.seen[base+int(j)>>6]&(1<<(j&63)) == 0 {
				name := t.Props[j].Name
				r.add(fi, Missing, "property "+name, "", "missing required property "+name)
			}
		}
	}
	r.seen = r.seen[:base]
	r.popObject(fi)
	r.depth--
	return true
}

// property validates a declared property's value in the run's mode.
func (r *planRun) property(t *PlanType, pr *PlanProp, c byte) bool {
	a := pr.Read
	switch r.mode {
	case Create:
		a = pr.Create
	case Update:
		a = pr.Update
	}
	if a == AccessAllowed || a == AccessRequired {
		return r.value(&pr.Value, c)
	}
	start := r.pos
	if !r.skip(c) {
		return false
	}
	if r.quiet {
		return true
	}
	found, n := r.describe(start, r.pos), len(r.frames)
	switch a {
	case AccessReadOnly:
		r.add(n, ReadOnly, "absent (read-only)", found, "read-only property cannot be sent on "+r.mode.String())
	case AccessImmutable:
		r.add(n, Immutable, "absent (immutable)", found, "immutable property cannot be sent on "+r.mode.String())
	default:
		op := t.CreateOperation
		if r.mode == Update {
			op = t.UpdateOperation
		}
		if op == "" {
			r.add(n, Other, "nothing", found, "value not allowed here")
			break
		}
		r.add(n, NotInBody, "absent (not in the request body)", found,
			"property "+pr.Name+" is not in the request body of "+op)
	}
	return true
}

// odataType validates the @odata.type member of an object of type t
// (after dispatch): it must name t, with or without "#".
func (r *planRun) odataType(t *PlanType, c byte) bool {
	start := r.pos
	if c == '"' {
		s, e, flags, ok := r.str()
		if !ok {
			return false
		}
		name := r.text(s, e, flags, &r.sbuf)
		if string(name) == t.Name || len(name) == len(t.Name)+1 && name[0] == '#' && string(name[1:]) == t.Name {
			return true
		}
	} else if !r.skip(c) {
		return false
	}
	if !r.quiet {
		found, exp := r.short(start, r.pos), t.Name+" or a type derived from it"
		r.add(len(r.frames), WrongODataType, exp, found, found+" is not "+exp)
	}
	return true
}

// dispatch returns the type that the object at r.pos is checked as: the
// derived type of ti that its @odata.type names, else ti. The member is
// looked for ahead of the walk, at once when it comes first (as OData
// JSON writes it), else by skimming the object's members.
func (r *planRun) dispatch(ti int) int {
	d := r.data
	i := planSkipWS(d, r.pos+1)
	for i < len(d) && d[i] == '"' {
		end, flags, ok := planScanString(d, i)
		if !ok {
			return ti
		}
		raw := d[i+1 : end]
		isType := string(raw) == "@odata.type"
		if !isType && flags&strEscape != 0 {
			r.tbuf = planUnquote(r.tbuf[:0], raw)
			isType = string(r.tbuf) == "@odata.type"
		}
		i = planSkipWS(d, end+1)
		if i >= len(d) || d[i] != ':' {
			return ti
		}
		i = planSkipWS(d, i+1)
		if isType {
			if i >= len(d) || d[i] != '"' {
				return ti
			}
			vend, vflags, ok := planScanString(d, i)
			if !ok {
				return ti
			}
			name := d[i+1 : vend]
			if !isPlain(name, vflags) {
				r.tbuf = planUnquote(r.tbuf[:0], name)
				name = r.tbuf
			}
			if j := r.pp.ptypes[ti].derived.lookup(name); j >= 0 {
				return int(j)
			}
			return ti
		}
		var ok2 bool
		if i, ok2 = r.skim(i); !ok2 {
			return ti
		}
		i = planSkipWS(d, i)
		if i >= len(d) || d[i] != ',' {
			return ti
		}
		i = planSkipWS(d, i+1)
	}
	return ti
}

func planSkipWS(d []byte, i int) int {
	for i < len(d) && (d[i] == ' ' || d[i] == '\n' || d[i] == '\r' || d[i] == '\t') {
		i++
	}
	return i
}

// skim returns the end of the value at data[i] without checking it beyond
// what finding its end needs; it is right for valid JSON, and for anything
// else returns some place, or false. It records where the containers it
// passes end (r.ends), so that the look-ahead of a nested object jumps
// over what an outer one has skimmed already: without that, polymorphic
// objects nested n deep whose @odata.type is not their first member would
// cost n skims of the same bytes.
func (r *planRun) skim(i int) (int, bool) {
	d := r.data
	depth := 0
	record := len(r.ends) == 0 || i > r.ends[len(r.ends)-1].start
	open := len(r.open)
	defer func() { r.open = r.open[:open] }()
	for {
		i = planSkipWS(d, i)
		if i >= len(d) {
			return i, false
		}
		switch d[i] {
		case '"':
			end, _, ok := planScanString(d, i)
			if !ok {
				return i, false
			}
			i = end + 1
		case '{', '[':
			if end := r.knownEnd(i); end > 0 {
				i = end
				break
			}
			if record {
				r.open = append(r.open, len(r.ends))
				r.ends = append(r.ends, planSpan{start: i})
			}
			depth++
			i++
			continue
		case '}', ']':
			depth--
			i++
			if depth < 0 {
				return i, false
			}
			if record && len(r.open) > open {
				r.ends[r.open[len(r.open)-1]].end = i
				r.open = r.open[:len(r.open)-1]
			}
		case ',', ':':
			if depth == 0 {
				return i, false
			}
			i++
			continue
		default:
			for i < len(d) && !planDelim[d[i]] {
				i++
			}
		}
		if depth == 0 {
			return i, true
		}
	}
}

// knownEnd returns the end of the container that starts at i when a skim
// has found it, else 0.
func (r *planRun) knownEnd(i int) int {
	lo, hi := 0, len(r.ends)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if r.ends[m].start < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(r.ends) && r.ends[lo].start == i {
		return r.ends[lo].end
	}
	return 0
}

// planDelim marks the bytes that end a number or a literal.
var planDelim = func() (t [256]bool) {
	for _, c := range []byte(" \t\r\n,:{}[]\"") {
		t[c] = true
	}
	return
}()

// collectionResponse validates an OData collection response of type ti,
// as schemaset.Set.ValidateCollection does.
func (r *planRun) collectionResponse(ti int, c byte) bool {
	q := r.p.Types[ti].Name
	if c != '{' {
		start := r.pos
		if !r.skip(c) {
			return false
		}
		if !r.quiet {
			found := r.describe(start, r.pos)
			r.add(0, WrongType, "collection response object", found, "expected a collection response object with a value array, found "+found)
		}
		return true
	}
	if !r.enter() {
		return false
	}
	r.pos++
	fi := r.pushObject()
	hasValue := false
	ok := r.members(fi, func(ki int, c byte) bool {
		if r.undeclaredDup(fi, ki) {
			r.duplicate(ki)
		}
		name := r.keyName(ki, &r.kbuf)
		start := r.pos
		switch string(name) {
		case "value":
			hasValue = true
			if c != '[' {
				if !r.skip(c) {
					return false
				}
				if !r.quiet {
					exp, found := "Collection("+q+")", r.describe(start, r.pos)
					r.add(len(r.frames), WrongType, exp, found, "expected "+exp+", found "+found)
				}
				break
			}
			if !r.items(ti) {
				return false
			}
		case "@odata.context", "@odata.nextLink", "@odata.deltaLink":
			if !r.skip(c) {
				return false
			}
			if c != '"' && !r.quiet {
				found := r.describe(start, r.pos)
				r.add(len(r.frames), WrongType, "string", found, "expected string, found "+found)
			}
		case "@odata.count":
			if !r.skip(c) {
				return false
			}
			if !r.quiet && !((c == '-' || c-'0' < 10) && planCount(r.data[start:r.pos])) {
				found := r.describe(start, r.pos)
				r.add(len(r.frames), WrongType, "Edm.Int64", found, "expected Edm.Int64, found "+found)
			}
		default:
			if !r.quiet && bytes.IndexByte(name, '@') < 0 {
				k := string(name)
				r.add(len(r.frames), Unknown, "value or an annotation", "member "+k,
					"unknown member "+k+" (a collection response has value and annotations only)")
			}
			if !r.skip(c) {
				return false
			}
		}
		return true
	})
	if !ok {
		return false
	}
	if !hasValue && !r.quiet {
		r.add(0, Missing, "member value", "", "missing required member value")
	}
	r.popObject(fi)
	r.depth--
	return true
}

// items validates the value array of a collection response.
func (r *planRun) items(ti int) bool {
	return r.array(func(c byte) bool { return r.structured(ti, false, c) })
}
