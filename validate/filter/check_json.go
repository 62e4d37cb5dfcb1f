package filter

import "strings"

// array checks a JSON array: each item, and the type of the whole, a
// collection of the first typed item's type when the items agree (a
// collection of unknown type when they do not, or when they are arrays:
// Edm has no collections of collections). Where the items matter one by
// one (in, hassubset, a collection-valued member of an object), they are
// checked one by one.
func (c *checker) array(n *Array) (operand, *Error) {
	out := operand{e: n, t: ty{coll: true}}
	var first *operand
	mixed := false
	for _, it := range n.Items {
		x, err := c.check(it)
		if err != nil {
			return out, err
		}
		out.elems = append(out.elems, x)
		switch {
		case x.t.null:
		case x.t.coll:
			mixed = true
		case first == nil:
			f := x
			first = &f
		case c.compatible(*first, x) != nil:
			mixed = true
		}
	}
	if first != nil && !mixed {
		out.t.name, out.t.obj = first.t.name, first.t.obj
	}
	return out, nil
}

// object checks the member values of a JSON object. Its members are
// checked against a structured type where it is compared with one (see
// objectFits).
func (c *checker) object(n *Object) (operand, *Error) {
	out := operand{e: n, t: ty{obj: true}}
	for _, m := range n.Members {
		x, err := c.check(m.Value)
		if err != nil {
			return out, err
		}
		out.elems = append(out.elems, x)
	}
	return out, nil
}

// objectFits checks that the JSON object o is a value of the structured
// type t: each member names a property of t (members whose name holds an
// "@" are control information or annotations, and are skipped) and has a
// value of the property's type.
func (c *checker) objectFits(t ty, o operand) *Error {
	obj, ok := o.e.(*Object)
	if !ok || len(o.elems) != len(obj.Members) {
		return errAt(Start(o.e), "comparing %s, whose JSON object is not written in place, is not supported by the checker", describe(o.e))
	}
	if t.coll {
		return errAt(Start(o.e), "type mismatch: %s is a JSON object, the other side is %s", describe(o.e), t)
	}
	for i, m := range obj.Members {
		if strings.Contains(m.Name, "@") {
			continue
		}
		prop := c.m.Property(t.name, m.Name)
		if prop == nil {
			return errAt(m.Offset(), "no property %s on %s", m.Name, t.name)
		}
		if err := c.fits(c.propType(prop), prop.Name, o.elems[i]); err != nil {
			return err
		}
	}
	return nil
}

// fits checks that v is a value of want, the type of the property name
// (a member of a JSON object).
func (c *checker) fits(want ty, name string, v operand) *Error {
	if v.t.null {
		return nil
	}
	at := Start(v.e)
	w := operand{e: &Path{Pos: Pos(at), Segments: []Segment{{Pos: Pos(at), Kind: SegProperty, Name: name}}}, t: want}
	mismatch := func() *Error {
		return errAt(at, "type mismatch: %s is %s, %s is %s", name, want, describe(v.e), v.t)
	}
	if !want.coll {
		if v.t.coll {
			return mismatch()
		}
		return c.compatible(w, v)
	}
	if !v.t.coll {
		if c.kind(v.t) == kUnknown {
			return nil
		}
		return mismatch()
	}
	elem := ty{name: want.name}
	if _, ok := v.e.(*Array); ok {
		for _, x := range v.elems {
			if err := c.fits(elem, name, x); err != nil {
				return err
			}
		}
		return nil
	}
	w.t.coll, v.t.coll = false, false
	return c.compatible(w, v)
}

// sameElements checks that the members of the collections a and b (the
// arguments of hassubset and hassubsequence) compare: the items of a JSON
// array one by one, else the element types.
func (c *checker) sameElements(a, b operand) *Error {
	if _, ok := a.e.(*Array); ok {
		if _, ok := b.e.(*Array); !ok {
			a, b = b, a
		}
	}
	elem := a
	elem.t.coll = false
	if _, ok := b.e.(*Array); ok {
		for _, x := range b.elems {
			if x.t.null {
				continue
			}
			if x.t.coll {
				return errAt(Start(x.e), "%s is a collection; the members of %s are %s", describe(x.e), describe(a.e), elem.t)
			}
			if err := c.compatible(elem, x); err != nil {
				return err
			}
		}
		return nil
	}
	other := b
	other.t.coll = false
	return c.compatible(elem, other)
}
