package edm

import "encoding/json"

// Page is one page of an OData collection response:
//
//	{"@odata.context": "...", "@odata.nextLink": "...", "value": [...]}
//
// Value holds the items; the other members (annotations such as
// @odata.nextLink, @odata.deltaLink and @odata.count) are kept in Extra. It
// decodes in one pass with [Unmarshal] when T is a generated type.
type Page[T any] struct {
	Value []T                        `json:"value"`
	Extra map[string]json.RawMessage `json:"-" odata:"extra"`
}

// pagePlain is Page without its methods.
type pagePlain[T any] Page[T]

// MarshalJSON encodes p as a JSON object with the members of p.Extra.
func (p Page[T]) MarshalJSON() ([]byte, error) {
	return MarshalObject(pagePlain[T](p), p.Extra)
}

// UnmarshalJSON decodes a collection response; members other than value go
// to p.Extra.
func (p *Page[T]) UnmarshalJSON(b []byte) error {
	return UnmarshalObject(b, (*pagePlain[T])(p), &p.Extra)
}

// NextLink returns the page's @odata.nextLink, the URL of the next page, or
// "" on the last page.
func (p *Page[T]) NextLink() string { return p.annotation("@odata.nextLink") }

// DeltaLink returns the page's @odata.deltaLink, the URL that gives the
// changes since this response, or "" when the page has none.
func (p *Page[T]) DeltaLink() string { return p.annotation("@odata.deltaLink") }

func (p *Page[T]) annotation(name string) string {
	var s string
	if raw, ok := p.Extra[name]; ok && json.Unmarshal(raw, &s) == nil {
		return s
	}
	return ""
}
