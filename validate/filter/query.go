package filter

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// ErrNoFilter is returned by FromQuery when the query has no $filter.
var ErrNoFilter = errors.New("no $filter in the query")

// FromQuery returns the decoded value of the $filter option of a raw query
// string ("$filter=a%20eq%201&$top=5") or of a URL that has one
// ("https://graph.microsoft.com/v1.0/users?$filter=..."). The option's name
// may be percent-encoded (%24filter), may be given without the "$" (as
// OData 4.01 allows) and is matched case-insensitively. Values are decoded
// as HTML forms are: %XX escapes, and "+" stands for a space (so a "+" in a
// time-zone offset must be sent as %2B). A query with two $filter options is
// an error.
func FromQuery(rawQueryOrURL string) (string, error) {
	q := rawQueryOrURL
	// A "?" ends the path of a URL; in a raw query it may appear in a
	// value, after the option's "=".
	if i := strings.IndexByte(q, '?'); i >= 0 && !strings.ContainsAny(q[:i], "=&") {
		q = q[i+1:]
	}
	if i := strings.IndexByte(q, '#'); i >= 0 {
		q = q[:i]
	}
	found := false
	var value string
	for part := range strings.SplitSeq(q, "&") {
		if part == "" {
			continue
		}
		rawKey, rawValue, _ := strings.Cut(part, "=")
		key, err := url.QueryUnescape(rawKey)
		if err != nil {
			return "", fmt.Errorf("query option %q: %w", rawKey, err)
		}
		if !strings.EqualFold(key, "$filter") && !strings.EqualFold(key, "filter") {
			continue
		}
		if found {
			return "", fmt.Errorf("the query has more than one $filter")
		}
		v, err := url.QueryUnescape(rawValue)
		if err != nil {
			return "", fmt.Errorf("$filter: %w", err)
		}
		found, value = true, v
	}
	if !found {
		return "", ErrNoFilter
	}
	return value, nil
}
