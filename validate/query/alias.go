package query

import "github.com/odatagen/odatagen/validate/filter"

// aliasScope is the set of parameter aliases visible in some options: the
// ones defined there and in every enclosing level.
type aliasScope struct {
	defs   map[string]*Alias
	parent *aliasScope
}

func (s *aliasScope) lookup(name string) *Alias {
	for ; s != nil; s = s.parent {
		if a := s.defs[name]; a != nil {
			return a
		}
	}
	return nil
}

// checkAliasUse checks that every alias an expression uses is defined
// where it is used, and that no alias refers to itself.
func checkAliasUse(q *Query) *Error {
	return checkAliasOptions(&q.Options, nil)
}

// checkAliasOptions checks the aliases of one level of options: the
// aliases defined at this level (a later definition of a name replaces an
// earlier one in the scope) are added in a scope over parent, none of them
// may refer to itself through other aliases, and every alias used in the
// level's $filter, $orderby and $compute expressions and alias values must
// be defined here or in an enclosing level. It then checks the options of
// each $select and $expand item, in order, with this scope as their
// parent. The first problem is returned, positioned at the alias use (or,
// for a cycle, at the alias's name).
func checkAliasOptions(o *Options, parent *aliasScope) *Error {
	sc := parent
	if len(o.Aliases) > 0 {
		sc = &aliasScope{defs: make(map[string]*Alias, len(o.Aliases)), parent: parent}
		for _, a := range o.Aliases {
			sc.defs[a.Name] = a
		}
		if err := aliasCycles(o.Aliases, sc); err != nil {
			return err
		}
	}
	var err *Error
	use := func(e filter.Expr) {
		if err == nil {
			err = undefinedAlias(e, sc)
		}
	}
	forEachExpr(o, use)
	if err != nil {
		return err
	}
	for _, items := range [][]*Item{itemsOf(o.Select), itemsOfExpand(o.Expand)} {
		for _, it := range items {
			if it.Options != nil {
				if err := checkAliasOptions(it.Options, sc); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func itemsOf(s *SelectOption) []*Item {
	if s == nil {
		return nil
	}
	return s.Items
}

func itemsOfExpand(e *ExpandOption) []*Item {
	if e == nil {
		return nil
	}
	return e.Items
}

// forEachExpr calls f for each expression of o itself (not of nested
// items): $filter, $orderby and $compute expressions and alias values.
func forEachExpr(o *Options, f func(filter.Expr)) {
	if o.Filter != nil {
		f(o.Filter.Expr)
	}
	if o.OrderBy != nil {
		for _, it := range o.OrderBy.Items {
			f(it.Expr)
		}
	}
	if o.Compute != nil {
		for _, it := range o.Compute.Items {
			f(it.Expr)
		}
	}
	for _, a := range o.Aliases {
		valueExprs(a.Value, f)
	}
}

// valueExprs calls f for each common expression in an alias value.
func valueExprs(v Value, f func(filter.Expr)) {
	switch v := v.(type) {
	case *ExprValue:
		f(v.Expr)
	case *JSONArray:
		for _, it := range v.Items {
			valueExprs(it, f)
		}
	case *JSONObject:
		for _, m := range v.Members {
			valueExprs(m.Value, f)
		}
	}
}

// aliasRefs calls f with the name and offset of each alias e uses.
func aliasRefs(e filter.Expr, f func(name string, at int) bool) {
	stop := false
	filter.Inspect(e, func(n filter.Expr) bool {
		if stop {
			return false
		}
		switch n := n.(type) {
		case *filter.Alias:
			stop = !f(n.Name, n.Offset())
		case *filter.Path:
			// A path that starts at an alias (@m/FirstName) has it as a
			// segment in newer versions of the filter package.
			for _, s := range n.Segments {
				if s.Kind.String() == "parameter alias" && !stop {
					stop = !f(s.Name, s.Offset())
				}
			}
		}
		return !stop
	})
}

func undefinedAlias(e filter.Expr, sc *aliasScope) *Error {
	var err *Error
	aliasRefs(e, func(name string, at int) bool {
		if sc.lookup(name) == nil {
			err = errAt(at, "parameter alias @%s is not defined (define it with @%s=value)", name, name)
			return false
		}
		return true
	})
	return err
}

// aliasCycles reports an alias whose value refers back to it.
func aliasCycles(defs []*Alias, sc *aliasScope) *Error {
	const (
		unseen = iota
		active
		done
	)
	state := map[*Alias]int{}
	var visit func(a *Alias) *Error
	visit = func(a *Alias) *Error {
		switch state[a] {
		case active:
			return errAt(int(a.NamePos), "parameter alias @%s refers to itself", a.Name)
		case done:
			return nil
		}
		state[a] = active
		var err *Error
		valueExprs(a.Value, func(e filter.Expr) {
			aliasRefs(e, func(name string, _ int) bool {
				if err != nil {
					return false
				}
				if b := sc.lookup(name); b != nil {
					err = visit(b)
				}
				return err == nil
			})
		})
		if err != nil {
			return err
		}
		state[a] = done
		return nil
	}
	for _, a := range defs {
		if err := visit(a); err != nil {
			return err
		}
	}
	return nil
}
