package query

// CheckFunc is the type of a generated package's per-type and per-set query
// checks, such as graph.CheckUserQuery and graph.CheckUsersQuery: an alias,
// for the reason of validate.ValidateFunc.
type CheckFunc = func(rawQuery string) error
