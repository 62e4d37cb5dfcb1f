package query

import (
	"slices"

	"github.com/odatagen/odatagen/validate/filter"
)

// Equal reports whether a and b are the same query, ignoring positions
// (and Search.Groups). Options compare by value; aliases and custom
// options in order.
func Equal(a, b *Query) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Path == b.Path && equalOptions(&a.Options, &b.Options) &&
		equalInt(a.Index, b.Index) && equalText(a.SkipToken, b.SkipToken) &&
		equalText(a.DeltaToken, b.DeltaToken) && equalText(a.Format, b.Format) &&
		equalText(a.SchemaVersion, b.SchemaVersion) && equalText(a.ID, b.ID) &&
		equalText(a.Apply, b.Apply) &&
		slices.EqualFunc(a.Custom, b.Custom, func(x, y *Custom) bool {
			return x.Name == y.Name && x.Value == y.Value && x.NoValue == y.NoValue
		})
}

// EqualOptions reports whether a and b hold the same options, ignoring
// positions.
func EqualOptions(a, b *Options) bool {
	if a == nil || b == nil {
		return a == b
	}
	return equalOptions(a, b)
}

// equalOptions compares a and b (both non-nil) option by option, ignoring
// positions and Search.Groups: items by path segments (kind, name,
// qualifier, parameters) and nested options, expressions with
// filter.Equal, $search trees with EqualSearch, and aliases in order by
// name and value. An absent option differs from a present one, whatever
// its value.
func equalOptions(a, b *Options) bool {
	if (a.Select == nil) != (b.Select == nil) || a.Select != nil && !equalItems(a.Select.Items, b.Select.Items) {
		return false
	}
	if (a.Expand == nil) != (b.Expand == nil) || a.Expand != nil && !equalItems(a.Expand.Items, b.Expand.Items) {
		return false
	}
	if (a.Filter == nil) != (b.Filter == nil) || a.Filter != nil && !filter.Equal(a.Filter.Expr, b.Filter.Expr) {
		return false
	}
	if (a.Search == nil) != (b.Search == nil) || a.Search != nil && !EqualSearch(a.Search.Expr, b.Search.Expr) {
		return false
	}
	if (a.OrderBy == nil) != (b.OrderBy == nil) || a.OrderBy != nil &&
		!slices.EqualFunc(a.OrderBy.Items, b.OrderBy.Items, func(x, y *OrderItem) bool {
			return x.Desc == y.Desc && filter.Equal(x.Expr, y.Expr)
		}) {
		return false
	}
	if !equalInt(a.Top, b.Top) || !equalInt(a.Skip, b.Skip) {
		return false
	}
	if (a.Count == nil) != (b.Count == nil) || a.Count != nil && a.Count.Value != b.Count.Value {
		return false
	}
	if (a.Levels == nil) != (b.Levels == nil) || a.Levels != nil && (a.Levels.Max != b.Levels.Max || a.Levels.Value != b.Levels.Value) {
		return false
	}
	if (a.Compute == nil) != (b.Compute == nil) || a.Compute != nil &&
		!slices.EqualFunc(a.Compute.Items, b.Compute.Items, func(x, y *ComputeItem) bool {
			return x.As == y.As && filter.Equal(x.Expr, y.Expr)
		}) {
		return false
	}
	return slices.EqualFunc(a.Aliases, b.Aliases, func(x, y *Alias) bool {
		return x.Name == y.Name && equalValue(x.Value, y.Value)
	})
}

func equalInt(a, b *Int) bool {
	return (a == nil) == (b == nil) && (a == nil || a.Value == b.Value)
}

func equalText(a, b *Text) bool {
	return (a == nil) == (b == nil) && (a == nil || a.Value == b.Value)
}

func equalItems(a, b []*Item) bool {
	return slices.EqualFunc(a, b, func(x, y *Item) bool {
		return slices.EqualFunc(x.Path, y.Path, func(s, t Segment) bool {
			return s.Kind == t.Kind && s.Name == t.Name && s.Qualifier == t.Qualifier && slices.Equal(s.Params, t.Params)
		}) && EqualOptions(x.Options, y.Options)
	})
}

func equalValue(a, b Value) bool {
	switch a := a.(type) {
	case *ExprValue:
		b, ok := b.(*ExprValue)
		return ok && filter.Equal(a.Expr, b.Expr)
	case *JSONString:
		b, ok := b.(*JSONString)
		return ok && a.Value == b.Value
	case *JSONArray:
		b, ok := b.(*JSONArray)
		return ok && slices.EqualFunc(a.Items, b.Items, equalValue)
	case *JSONObject:
		b, ok := b.(*JSONObject)
		return ok && slices.EqualFunc(a.Members, b.Members, func(x, y JSONMember) bool {
			return x.Name == y.Name && equalValue(x.Value, y.Value)
		})
	}
	return a == nil && b == nil
}

// EqualSearch reports whether two $search trees are the same, ignoring
// positions.
func EqualSearch(a, b SearchExpr) bool {
	switch a := a.(type) {
	case *SearchWord:
		b, ok := b.(*SearchWord)
		return ok && a.Text == b.Text
	case *SearchPhrase:
		b, ok := b.(*SearchPhrase)
		return ok && a.Text == b.Text
	case *SearchIncomplete:
		b, ok := b.(*SearchIncomplete)
		return ok && a.Text == b.Text
	case *SearchNot:
		b, ok := b.(*SearchNot)
		return ok && EqualSearch(a.X, b.X)
	case *SearchBinary:
		b, ok := b.(*SearchBinary)
		return ok && a.Op == b.Op && EqualSearch(a.L, b.L) && EqualSearch(a.R, b.R)
	}
	return a == nil && b == nil
}
