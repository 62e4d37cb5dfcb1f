package markdown

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/odatagen/odatagen/spec"
)

// This file reads the tables of resource and enum pages: property rows
// and enum members.

// mdColumns locates the columns of a property table.
type mdColumns struct {
	name, typ, desc, required, readOnly, nullable, def int
	extra                                              []int
	guessed                                            bool
}

var mdNameHeaders = map[string]bool{
	"property": true, "property name": true, "name": true, "relationship": true,
	"relationship name": true, "navigation property": true, "parameter": true,
	"parameter name": true, "field": true, "properties": true, "attribute": true,
	"key": true, "element": true,
}

func mdHeaderText(c mdCell) string {
	return strings.ToLower(strings.Trim(mdPlain(c.text, nil, false), " :*"))
}

// mdPropColumns locates the columns of a property table by their plain,
// lower-cased header text: each role (name, type, description, required,
// read-only, nullable, default) takes the first header that names it, the
// name checked first, and every other column goes to extra. Without a
// known name header, a table of two or more columns is read by position as
// name, type, description (the rest extra) and marked guessed, dropping
// whatever roles the headers named; a one-column table with no name header
// keeps name -1, which callers must check. Roles not found are -1.
func mdPropColumns(header []mdCell) mdColumns {
	c := mdColumns{name: -1, typ: -1, desc: -1, required: -1, readOnly: -1, nullable: -1, def: -1}
	for i, h := range header {
		t := mdHeaderText(h)
		switch {
		case c.name < 0 && mdNameHeaders[t]:
			c.name = i
		case c.typ < 0 && (t == "type" || strings.HasSuffix(t, " type") || strings.HasPrefix(t, "type")):
			c.typ = i
		case c.desc < 0 && (strings.Contains(t, "description") || t == "notes" || t == "remarks" || t == "details" || t == "comments"):
			c.desc = i
		case c.required < 0 && (t == "required" || t == "is required" || t == "mandatory" || t == "required?"):
			c.required = i
		case c.readOnly < 0 && (t == "read-only" || t == "readonly" || t == "read only" || t == "read-only?"):
			c.readOnly = i
		case c.nullable < 0 && (t == "nullable" || t == "nullable?"):
			c.nullable = i
		case c.def < 0 && (t == "default" || t == "default value"):
			c.def = i
		default:
			c.extra = append(c.extra, i)
		}
	}
	if c.name < 0 && len(header) >= 2 {
		// Not a header we know: read the columns as name, type, description.
		c = mdColumns{name: 0, typ: 1, desc: -1, required: -1, readOnly: -1, nullable: -1, def: -1, guessed: true}
		if len(header) >= 3 {
			c.desc = 2
			for i := 3; i < len(header); i++ {
				c.extra = append(c.extra, i)
			}
		}
	}
	if c.name >= 0 {
		// Drop the name column from extra if the switch put it there.
		out := c.extra[:0]
		for _, e := range c.extra {
			if e != c.name {
				out = append(out, e)
			}
		}
		c.extra = out
	}
	return c
}

// mdTableKind tells property tables from enum tables and others.
type mdTableKind int

const (
	mdTableOther mdTableKind = iota
	mdTableProps
	mdTableEnum
)

// mdClassifyTable tells a table's kind from its header: an enum table when
// the first header names members or values (or is "name" with a second
// header about values) and no later header is a type column; other for
// method, task, permission and header tables and a table without a
// header; a property table for everything else, so callers still decide
// whether its rows are properties.
func mdClassifyTable(t *mdTable) mdTableKind {
	if len(t.header) == 0 {
		return mdTableOther
	}
	first := mdHeaderText(t.header[0])
	hasType := false
	for _, h := range t.header[1:] {
		ht := mdHeaderText(h)
		if ht == "type" || strings.HasSuffix(ht, " type") {
			hasType = true
		}
	}
	switch first {
	case "member", "members", "value", "values", "enum member", "member name", "enum value", "enumeration value", "enumeration member":
		if !hasType {
			return mdTableEnum
		}
	case "name":
		if !hasType && len(t.header) >= 2 {
			second := mdHeaderText(t.header[1])
			if strings.Contains(second, "value") {
				return mdTableEnum
			}
		}
	case "method", "methods", "common task", "task", "permission type", "header", "request header":
		return mdTableOther
	}
	if strings.HasPrefix(first, "method") {
		return mdTableOther
	}
	return mdTableProps
}

// mdAt is a line and column of the page being read, 0 for none: a cell
// position that a row keeps for the sources of its facts (a spec.Pos, with
// the file name, is four times the size, and a page may have thousands
// of rows).
type mdAt struct{ line, col int32 }

// cellAt is the position of cell c, or def when the table did not say.
func cellAt(c mdCell, def spec.Pos) mdAt {
	if c.line == 0 {
		return mdAt{int32(def.Line), int32(def.Col)}
	}
	return mdAt{int32(c.line), int32(c.col)}
}

func mdCellAt(row []mdCell, i int) (mdCell, bool) {
	if i < 0 || i >= len(row) {
		return mdCell{}, false
	}
	return row[i], true
}

// mdTruthy reads a yes/no cell ("Yes", "true", "✓", "Yes, on create").
func mdTruthy(s string) bool {
	v := strings.ToLower(strings.TrimSpace(mdPlain(s, nil, false)))
	if f := strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == ',' || r == '.' || r == ';' || r == '(' }); len(f) > 0 {
		v = f[0]
	}
	switch v {
	case "yes", "true", "required", "y", "x", "✓", "✔", "✔️", "☑":
		return true
	}
	return false
}

// mdRow is a property row as a table gives it.
type mdRow struct {
	name       string
	pos        spec.Pos
	typ        mdTypeCell
	hasType    bool
	desc       string // plain, with line breaks
	facts      mdFacts
	required   bool // from a Required column
	requiredIn bool // the row has a Required column cell
	readOnly   bool
	notNull    bool
	def        *string
	deprecated bool
	// The positions of the cells the facts were read from (zero when the
	// row has no such cell): the sources of the property's facts.
	typeAt, descAt, requiredAt, readOnlyAt, nullAt, defAt mdAt
}

// readRows reads the rows of a property table. what names the table for
// warnings.
func (r *mdReader) readRows(b mdBlock, needType bool) []mdRow {
	t := b.table
	cols := mdPropColumns(t.header)
	if cols.name < 0 {
		r.warnf(r.pos(b.line, b.col), "table has a single column and no property header; skipped")
		return nil
	}
	if cols.guessed {
		r.warnf(r.pos(b.line, b.col), "table header %q is not a property table header; reading its columns as name, type, description", mdHeaderText(t.header[0]))
	}
	rows := make([]mdRow, 0, len(t.rows))
	for _, row := range t.rows {
		nc, _ := mdCellAt(row, cols.name)
		p := r.pos(nc.line, nc.col)
		if nc.line == 0 && len(row) > 0 {
			p = r.pos(row[0].line, row[0].col)
		}
		empty := true
		for k, c := range row {
			if k != cols.name && strings.TrimSpace(mdPlain(c.text, nil, false)) != "" {
				empty = false
			}
		}
		name, dep := mdPropName(nc.text)
		if name == "" || empty && (strings.HasPrefix(strings.TrimSpace(nc.text), "**") || strings.HasPrefix(strings.TrimSpace(nc.text), "_")) {
			continue // blank rows and bold group rows ("**Inherited properties**")
		}
		if strings.HasPrefix(name, "@") {
			r.warnf(p, "instance annotation %q is not a property; skipped", name)
			continue
		}
		if !mdIdentRe.MatchString(name) {
			r.warnf(p, "%q is not a property name; row skipped", mdOneLine(name))
			continue
		}
		rw := mdRow{name: name, pos: p, deprecated: dep}
		if tc, ok := mdCellAt(row, cols.typ); ok && cols.typ >= 0 && strings.TrimSpace(tc.text) != "" {
			rw.typ = r.parseType(tc.text)
			rw.hasType = true
			rw.typeAt = cellAt(tc, p)
			if !rw.typ.ok {
				r.warnf(r.pos(tc.line, tc.col), "type %q of %s is not a type name; using Edm.Untyped", mdOneLine(mdPlain(tc.text, r.sc.refs, false)), name)
				rw.typ.ref.Name = "Edm.Untyped"
			}
		} else if needType {
			r.warnf(p, "property %s has no type; using Edm.Untyped", name)
			rw.typ.ref.Name = "Edm.Untyped"
		}
		var desc strings.Builder
		if dc, ok := mdCellAt(row, cols.desc); ok {
			desc.WriteString(dc.text)
			rw.descAt = cellAt(dc, p)
		}
		for _, e := range cols.extra {
			if ec, ok := mdCellAt(row, e); ok && ec.text != "" {
				desc.WriteString("<br>")
				desc.WriteString(ec.text)
				if rw.descAt.line == 0 {
					rw.descAt = cellAt(ec, p)
				}
			}
		}
		rw.desc = mdPlain(desc.String(), r.sc.refs, true)
		rw.facts = mdReadFacts(rw.desc, p)
		if c, ok := mdCellAt(row, cols.required); ok && strings.TrimSpace(c.text) != "" {
			rw.required = mdTruthy(c.text)
			rw.requiredIn = true
			rw.requiredAt = cellAt(c, p)
		}
		if c, ok := mdCellAt(row, cols.readOnly); ok {
			rw.readOnly = mdTruthy(c.text)
			rw.readOnlyAt = cellAt(c, p)
		}
		if c, ok := mdCellAt(row, cols.nullable); ok {
			v := strings.ToLower(strings.Trim(mdPlain(c.text, nil, false), " ."))
			rw.notNull = v == "no" || v == "false"
			rw.nullAt = cellAt(c, p)
		}
		if c, ok := mdCellAt(row, cols.def); ok {
			if v := strings.Trim(mdPlain(c.text, nil, false), " "); v != "" && v != "-" && !strings.EqualFold(v, "none") {
				rw.def = &v
				rw.defAt = cellAt(c, p)
			}
		}
		rows = append(rows, rw)
	}
	return rows
}

func (rw *mdRow) property() *spec.Property {
	f := rw.facts
	p := &spec.Property{
		Name:        rw.name,
		Type:        rw.typ.ref,
		Nullable:    !(f.notNullable || rw.notNull),
		ReadOnly:    f.readOnly || rw.readOnly || rw.typ.readOnly,
		Required:    (f.required && !f.optional) || rw.required,
		Immutable:   f.immutable,
		Deprecated:  f.deprecated || rw.deprecated || rw.typ.deprecated,
		Default:     f.defaultValue,
		Conditions:  f.conditions,
		Filter:      f.filter,
		Query:       f.querySupport(),
		Description: mdOneLine(rw.desc),
		Pos:         rw.pos,
	}
	if rw.def != nil {
		p.Default = rw.def
	}
	p.Sources = rw.sources(p)
	return p
}

// atPos is the position at in the row's file, or the row's own when at is
// zero.
func (rw *mdRow) atPos(at mdAt) spec.Pos {
	if at.line == 0 {
		return rw.pos
	}
	return spec.Pos{File: rw.pos.File, Line: int(at.line), Col: int(at.col)}
}

// sources returns where the row stated the facts property() reads from
// it: the cell of each, and the description cell for what its phrases
// say. A fact that two cells state has both, the column first.
func (rw *mdRow) sources(p *spec.Property) []spec.Source {
	f := rw.facts
	var buf [12]spec.Source
	s := buf[:0]
	add := func(fact spec.Fact, ok bool, at mdAt) {
		if ok && at.line > 0 {
			s = append(s, spec.Source{Fact: fact, Pos: spec.Pos{File: rw.pos.File, Line: int(at.line), Col: int(at.col)}})
		}
	}
	rowAt := mdAt{int32(rw.pos.Line), int32(rw.pos.Col)}
	add(spec.FactType, rw.hasType, rw.typeAt)
	add(spec.FactNullable, rw.notNull, rw.nullAt)
	add(spec.FactNullable, f.notNullable, rw.descAt)
	add(spec.FactReadOnly, rw.readOnly, rw.readOnlyAt)
	add(spec.FactReadOnly, rw.typ.readOnly, rw.typeAt)
	add(spec.FactReadOnly, f.readOnly, rw.descAt)
	add(spec.FactRequired, rw.required, rw.requiredAt)
	add(spec.FactRequired, f.required && !f.optional, rw.descAt)
	add(spec.FactImmutable, f.immutable, rw.descAt)
	add(spec.FactDeprecated, rw.deprecated, rowAt)
	add(spec.FactDeprecated, rw.typ.deprecated, rw.typeAt)
	add(spec.FactDeprecated, f.deprecated, rw.descAt)
	add(spec.FactDefault, rw.def != nil, rw.defAt)
	add(spec.FactDefault, rw.def == nil && f.defaultValue != nil, rw.descAt)
	add(spec.FactConditions, len(f.conditions) > 0, rw.descAt)
	add(spec.FactFilter, p.Filter != nil, rw.descAt)
	add(spec.FactQuery, p.Query != nil, rw.descAt)
	add(spec.FactDescription, p.Description != "", rw.descAt)
	if len(s) == 0 {
		return nil
	}
	return slices.Clone(s)
}

// mdEnumHeadingRe matches "x values", "x value", "x enumeration values",
// "x enum values", "x property values", "x members", "x enum",
// "x enumeration", "x enum type".
var (
	mdEnumHeadingRe  = regexp.MustCompile(`(?i)^(?:the\s+)?([A-Za-z_][\w.]*)\s+(property\s+|enum(?:eration)?\s+|enum\s+type\s+)?(values?|members)$`)
	mdEnumHeadingRe2 = regexp.MustCompile(`(?i)^(?:the\s+)?([A-Za-z_][\w.]*)\s+enum(?:eration)?(?:\s+type)?$`)
	mdEnumHeadingRe3 = regexp.MustCompile(`(?i)^values\s+(?:of|for)\s+(?:the\s+)?([A-Za-z_][\w.]*)(\s+property)?$`)
)

// mdEnumHeading reads an enum section heading. name is "" for a generic
// heading ("Property values", "Enumeration values"); byProperty is set
// for "x property values", where x names a property rather than the enum.
func mdEnumHeading(plain string) (name string, byProperty, ok bool) {
	h := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(plain), ":"))
	h = strings.ReplaceAll(h, "`", "")
	var m []string
	if m = mdEnumHeadingRe.FindStringSubmatch(h); m != nil {
		byProperty = strings.HasPrefix(strings.ToLower(m[2]), "property")
	} else if m = mdEnumHeadingRe2.FindStringSubmatch(h); m != nil {
	} else if m = mdEnumHeadingRe3.FindStringSubmatch(h); m != nil {
		byProperty = m[2] != ""
	} else {
		return "", false, false
	}
	switch strings.ToLower(m[1]) {
	case "property", "enumeration", "enum", "possible", "supported", "member", "members", "value", "values", "the", "allowed", "valid":
		return "", false, true
	}
	return m[1], byProperty, true
}

// readEnumTable reads the members of an enum table.
func (r *mdReader) readEnumTable(b mdBlock, e *spec.EnumType) {
	t := b.table
	nameCol, valueCol, descCol := 0, -1, -1
	first := mdHeaderText(t.header[0])
	for i, h := range t.header {
		if i == nameCol {
			continue
		}
		ht := mdHeaderText(h)
		isValue := ht == "value" || ht == "values" || strings.Contains(ht, "int value") || strings.Contains(ht, "integer value") ||
			strings.Contains(ht, "numeric value") || ht == "number" || ht == "enum value" || ht == "int" || ht == "integer"
		if first == "value" || first == "values" {
			isValue = strings.Contains(ht, "int") || strings.Contains(ht, "numeric") || ht == "number"
		}
		switch {
		case valueCol < 0 && isValue:
			valueCol = i
		case descCol < 0 && (strings.Contains(ht, "description") || ht == "meaning" || ht == "notes" || ht == "remarks"):
			descCol = i
		}
	}
	if descCol < 0 && len(t.header) > 1 && len(t.header)-1 != valueCol {
		descCol = len(t.header) - 1
	}
	seen := map[string]bool{}
	for _, m := range e.Members {
		seen[m.Name] = true
	}
	for _, row := range t.rows {
		nc, _ := mdCellAt(row, nameCol)
		p := r.pos(nc.line, nc.col)
		name, _ := mdPropName(nc.text)
		if f := strings.Fields(name); len(f) > 0 {
			name = strings.Trim(f[0], ",.;:")
		}
		if name == "" {
			continue
		}
		if !mdIdentRe.MatchString(name) {
			r.warnf(p, "%q is not an enum member name; row skipped", name)
			continue
		}
		if name != spec.SentinelName && strings.EqualFold(name, spec.SentinelName) {
			r.warnf(p, "enum member %s read as %s", name, spec.SentinelName)
			name = spec.SentinelName
		}
		if seen[name] {
			r.warnf(p, "enum %s lists member %s twice; the second is skipped", e.Name, name)
			continue
		}
		seen[name] = true
		m := &spec.EnumMember{Name: name, Value: int64(len(e.Members)), Pos: p}
		if vc, ok := mdCellAt(row, valueCol); ok {
			v := strings.TrimSpace(mdPlain(vc.text, nil, false))
			if v != "" {
				n, err := strconv.ParseInt(v, 0, 64)
				if err != nil {
					r.warnf(r.pos(vc.line, vc.col), "value %q of enum member %s is not an integer; using %d", v, name, m.Value)
				} else {
					m.Value = n
				}
			}
		}
		if dc, ok := mdCellAt(row, descCol); ok {
			m.Description = mdPlain(dc.text, r.sc.refs, false)
		}
		e.Members = append(e.Members, m)
	}
	mdSetSentinel(e)
}
