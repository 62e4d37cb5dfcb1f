package filter

// CheckFunc is the type of a generated package's per-type $filter check,
// such as graph.CheckUserFilter: an alias, for the reason of
// validate.ValidateFunc.
type CheckFunc = func(expr string) error
