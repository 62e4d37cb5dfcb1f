package csdl

import (
	"slices"
	"strconv"
	"strings"

	"github.com/odatagen/odatagen/spec"
)

// Qualified names of the query capability terms that ReadWith records
// (besides termFilter, termCount and termNavigation).
const (
	termSort             = "Org.OData.Capabilities.V1.SortRestrictions"
	termExpand           = "Org.OData.Capabilities.V1.ExpandRestrictions"
	termSelect           = "Org.OData.Capabilities.V1.SelectSupport"
	termSearch           = "Org.OData.Capabilities.V1.SearchRestrictions"
	termRead             = "Org.OData.Capabilities.V1.ReadRestrictions"
	termRetrieve         = "Org.OData.Capabilities.V1.RetrieveRestrictions" // older name of ReadRestrictions
	termTopSupported     = "Org.OData.Capabilities.V1.TopSupported"
	termSkipSupported    = "Org.OData.Capabilities.V1.SkipSupported"
	termComputeSupported = "Org.OData.Capabilities.V1.ComputeSupported"
	termIndexableByKey   = "Org.OData.Capabilities.V1.IndexableByKey"
	termCustomHeaders    = "Org.OData.Capabilities.V1.CustomHeaders"
	termCustomQuery      = "Org.OData.Capabilities.V1.CustomQueryOptions"
	termDefault          = "Org.OData.Capabilities.V1.DefaultCapabilities"
	capabilitiesPrefix   = "Org.OData.Capabilities.V1."
)

// capture records a query capability annotation on the element it
// targets (see ReadWith). Other terms are ignored.
func (r *csdlReader) capture(a *csdlAnnot, tg csdlTarget) {
	var into **spec.Capabilities
	switch {
	case tg.container:
		into = &r.spec.Container
	case tg.set != nil && tg.setPath != "":
		into = r.pathCaps(tg.set, tg.setPath)
	case tg.set != nil:
		into = &tg.set.Capabilities
	case tg.prop != nil:
		owner, _, nav := r.lookup(tg.typ, tg.prop.Name)
		switch {
		case !nav:
			return // structural properties: Read applies what concerns them
		case owner == tg.typ:
			into = &tg.prop.Capabilities
		default:
			into = inheritedCaps(tg.typ, tg.prop.Name)
		}
	case tg.typ != nil:
		into = &tg.typ.Capabilities
	default:
		return
	}
	c := *into
	if c == nil {
		c = &spec.Capabilities{}
	}
	if !r.term(c, a.term, a.val, a.pos) {
		return
	}
	if !c.Pos.IsValid() {
		c.Pos = a.pos
	}
	*into = c
}

// pathCaps returns where the capabilities of the navigation path from set
// are kept, adding an entry for the path when there is none.
func (r *csdlReader) pathCaps(set *spec.EntitySet, path string) **spec.Capabilities {
	for _, p := range set.Paths {
		if p.Path == path {
			return &p.Capabilities
		}
	}
	p := &spec.PathCapabilities{Path: path}
	set.Paths = append(set.Paths, p)
	return &p.Capabilities
}

// inheritedCaps returns where the capabilities of the inherited
// navigation property nav reached through t are kept, adding an entry
// when there is none.
func inheritedCaps(t *spec.StructuredType, nav string) **spec.Capabilities {
	for _, p := range t.InheritedNavigation {
		if p.Path == nav {
			return &p.Capabilities
		}
	}
	p := &spec.PathCapabilities{Path: nav}
	t.InheritedNavigation = append(t.InheritedNavigation, p)
	return &p.Capabilities
}

// term sets the term of c from the annotation value v at pos, unless c
// already states it. It reports whether the term is one it records.
func (r *csdlReader) term(c *spec.Capabilities, term string, v *csdlExpr, pos spec.Pos) bool {
	switch term {
	case termTopSupported:
		setTri(&c.TopSupported, tagVal(v))
	case termSkipSupported:
		setTri(&c.SkipSupported, tagVal(v))
	case termComputeSupported:
		setTri(&c.ComputeSupported, tagVal(v))
	case termIndexableByKey:
		setTri(&c.IndexableByKey, tagVal(v))
	case termCustomHeaders:
		if c.CustomHeaders == nil {
			c.CustomHeaders = customParams(v)
		}
	case termCustomQuery:
		if c.CustomQueryOptions == nil {
			c.CustomQueryOptions = customParams(v)
		}
	case termDefault:
		// DefaultCapabilitiesType has a field per term, named as the term;
		// terms annotated on their own come first (annotation order).
		if !isRecord(v) {
			return false
		}
		for _, f := range v.fields {
			r.term(c, capabilitiesPrefix+f.name, f.val, f.val.posOr(v.pos))
		}
	default:
		if !isRecord(v) {
			return false
		}
		switch term {
		case termFilter:
			if c.Filter == nil {
				c.Filter = r.filterCaps(v, pos)
			}
		case termSort:
			if c.Sort == nil {
				c.Sort = &spec.SortRestrictions{
					Sortable:                 tri(field(v, "Sortable")),
					AscendingOnlyProperties:  paths(field(v, "AscendingOnlyProperties")),
					DescendingOnlyProperties: paths(field(v, "DescendingOnlyProperties")),
					NonSortableProperties:    paths(field(v, "NonSortableProperties")),
					Pos:                      pos,
				}
			}
		case termExpand:
			if c.Expand == nil {
				c.Expand = &spec.ExpandRestrictions{
					Expandable:              tri(field(v, "Expandable")),
					NonExpandableProperties: paths(field(v, "NonExpandableProperties")),
					MaxLevels:               r.intVal(field(v, "MaxLevels")),
					Pos:                     pos,
				}
			}
		case termSelect:
			if c.Select == nil {
				c.Select = &spec.SelectSupport{
					Supported:                    tri(field(v, "Supported")),
					InstanceAnnotationsSupported: tri(field(v, "InstanceAnnotationsSupported")),
					Expandable:                   tri(field(v, "Expandable")),
					Filterable:                   tri(field(v, "Filterable")),
					Searchable:                   tri(field(v, "Searchable")),
					TopSupported:                 tri(field(v, "TopSupported")),
					SkipSupported:                tri(field(v, "SkipSupported")),
					ComputeSupported:             tri(field(v, "ComputeSupported")),
					Countable:                    tri(field(v, "Countable")),
					Sortable:                     tri(field(v, "Sortable")),
					Pos:                          pos,
				}
			}
		case termSearch:
			if c.Search == nil {
				c.Search = &spec.SearchRestrictions{
					Searchable:             tri(field(v, "Searchable")),
					UnsupportedExpressions: enumMembers(field(v, "UnsupportedExpressions")),
					Pos:                    pos,
				}
			}
		case termCount:
			if c.Count == nil {
				c.Count = &spec.CountRestrictions{
					Countable:                        tri(field(v, "Countable")),
					NonCountableProperties:           paths(field(v, "NonCountableProperties")),
					NonCountableNavigationProperties: paths(field(v, "NonCountableNavigationProperties")),
					Pos:                              pos,
				}
			}
		case termNavigation:
			if c.Navigation == nil {
				c.Navigation = r.navigationCaps(v, pos)
			}
		case termRead, termRetrieve:
			if c.Read == nil {
				c.Read = r.readCaps(v, pos)
			}
		default:
			return false
		}
	}
	return true
}

func (r *csdlReader) filterCaps(v *csdlExpr, pos spec.Pos) *spec.FilterRestrictions {
	return &spec.FilterRestrictions{
		Filterable:              tri(field(v, "Filterable")),
		RequiresFilter:          tri(field(v, "RequiresFilter")),
		RequiredProperties:      paths(field(v, "RequiredProperties")),
		NonFilterableProperties: paths(field(v, "NonFilterableProperties")),
		MaxLevels:               r.intVal(field(v, "MaxLevels")),
		Pos:                     pos,
	}
}

// navigationCaps reads a NavigationRestrictionsType record. The
// restrictions nested in each RestrictedProperties entry are read with the
// terms' own readers.
func (r *csdlReader) navigationCaps(v *csdlExpr, pos spec.Pos) *spec.NavigationRestrictions {
	n := &spec.NavigationRestrictions{Navigability: enumMember(field(v, "Navigability")), Pos: pos}
	for _, e := range items(field(v, "RestrictedProperties")) {
		if !isRecord(e) {
			continue
		}
		np := &spec.NavigationPropertyRestriction{
			NavigationProperty: strings.TrimSpace(textOf(field(e, "NavigationProperty"))),
			Navigability:       enumMember(field(e, "Navigability")),
		}
		np.Pos = e.pos
		for _, f := range e.fields {
			if f.name == "NavigationProperty" || f.name == "Navigability" {
				continue
			}
			r.term(&np.Capabilities, capabilitiesPrefix+f.name, f.val, f.val.posOr(e.pos))
		}
		n.RestrictedProperties = append(n.RestrictedProperties, np)
	}
	return n
}

func (r *csdlReader) readCaps(v *csdlExpr, pos spec.Pos) *spec.ReadRestrictions {
	rd := &spec.ReadRestrictions{
		Readable:           tri(field(v, "Readable")),
		CustomHeaders:      customParams(field(v, "CustomHeaders")),
		CustomQueryOptions: customParams(field(v, "CustomQueryOptions")),
		Pos:                pos,
	}
	if k := field(v, "ReadByKeyRestrictions"); isRecord(k) {
		rd.ReadByKey = r.readCaps(k, k.pos)
	}
	return rd
}

// customParams reads a collection of CustomParameter records.
func customParams(e *csdlExpr) []*spec.CustomParameter {
	var out []*spec.CustomParameter
	for _, it := range items(e) {
		if !isRecord(it) {
			continue
		}
		p := &spec.CustomParameter{
			Name:             strings.TrimSpace(textOf(field(it, "Name"))),
			Description:      strings.TrimSpace(textOf(field(it, "Description"))),
			DocumentationURL: strings.TrimSpace(textOf(field(it, "DocumentationURL"))),
			Required:         boolVal(field(it, "Required"), false),
			Pos:              it.pos,
		}
		p.RequiredWith = requiredWith(p.Description, p.RequiredWith)
		for _, ex := range items(field(it, "ExampleValues")) {
			val := ex
			if isRecord(ex) {
				val = field(ex, "Value")
				p.RequiredWith = requiredWith(textOf(field(ex, "Description")), p.RequiredWith)
			}
			if val != nil && val.kind != "Record" && val.kind != "Collection" {
				p.ExampleValues = append(p.ExampleValues, strings.TrimSpace(val.text))
			}
		}
		if p.Name != "" {
			out = append(out, p)
		}
	}
	return out
}

func isRecord(e *csdlExpr) bool { return e != nil && e.kind == "Record" }

// posOr returns the position of e, or def for a nil e.
func (e *csdlExpr) posOr(def spec.Pos) spec.Pos {
	if e == nil {
		return def
	}
	return e.pos
}

func textOf(e *csdlExpr) string {
	if e == nil {
		return ""
	}
	return e.text
}

// tri reads a Bool record field: unstated when absent or not a Bool.
func tri(e *csdlExpr) spec.Tristate {
	if e == nil || e.kind != "Bool" {
		return spec.Unstated
	}
	if boolVal(e, true) {
		return spec.Yes
	}
	return spec.No
}

// tagVal reads a tag term's value: an annotation without a value is true.
func tagVal(e *csdlExpr) spec.Tristate {
	if e == nil {
		return spec.Yes
	}
	return tri(e)
}

func setTri(dst *spec.Tristate, v spec.Tristate) {
	if *dst == spec.Unstated {
		*dst = v
	}
}

// paths reads a collection of property paths, as written.
func paths(e *csdlExpr) []string {
	var out []string
	for _, it := range items(e) {
		if s := strings.TrimSpace(it.text); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// enumMember reads a single EnumMember value's member name, or "".
func enumMember(e *csdlExpr) string {
	if m := enumMembers(e); len(m) > 0 {
		return m[0]
	}
	return ""
}

// intVal reads an Int field; 0 when absent, and with a warning when it
// is not an integer.
func (r *csdlReader) intVal(e *csdlExpr) int {
	if e == nil {
		return 0
	}
	n, err := strconv.Atoi(strings.TrimSpace(e.text))
	if err != nil {
		r.warn(e.pos, "%s %q: want an integer", e.kind, e.text)
		return 0
	}
	return n
}

// queryOptionNames are the system query options a description may say
// require a custom parameter.
var queryOptionNames = []string{"$select", "$expand", "$filter", "$orderby", "$search", "$top", "$skip", "$count", "$compute"}

// requiredWith adds to have the query options that a description says
// require the parameter: a sentence with "requir" in it that names them.
func requiredWith(desc string, have []string) []string {
	for sentence := range strings.SplitSeq(desc, ". ") {
		if !strings.Contains(strings.ToLower(sentence), "requir") {
			continue
		}
		for _, w := range strings.FieldsFunc(sentence, func(c rune) bool {
			return c == ' ' || c == ',' || c == '.' || c == ':' || c == ';' || c == '(' || c == ')' || c == '\'' || c == '"'
		}) {
			w = strings.ToLower(w)
			if slices.Contains(queryOptionNames, w) && !slices.Contains(have, w) {
				have = append(have, w)
			}
		}
	}
	return have
}
