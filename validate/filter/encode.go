package filter

import (
	"encoding/gob"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
)

// encodedModel is the state of a Model made by NewEncodedModel: its
// tables, encoded, and their decoding, done once.
type encodedModel struct {
	data string
	once sync.Once
	err  error
}

// modelTables is what EncodeModel encodes. The type definitions are a
// sorted list, not a map, so that the encoding is the same each time.
type modelTables struct {
	Types    []*Type
	Enums    []*Enum
	TypeDefs []typeDef
}

type typeDef struct{ Name, Underlying string }

// EncodeModel encodes the lists NewModel takes into the string
// NewEncodedModel decodes, with encoding/gob. A generated package of a
// whole service writes its Model so: a string constant that the compiler
// reads in almost no time, where the same tables as composite literals
// cost Microsoft Graph v1.0's package 78,000 lines and about a second of
// its compile.
func EncodeModel(types []*Type, enums []*Enum, typeDefs map[string]string) (string, error) {
	defs := make([]typeDef, 0, len(typeDefs))
	for _, k := range slices.Sorted(maps.Keys(typeDefs)) {
		defs = append(defs, typeDef{k, typeDefs[k]})
	}
	var b strings.Builder
	if err := gob.NewEncoder(&b).Encode(modelTables{types, enums, defs}); err != nil {
		return "", fmt.Errorf("filter: encoding the model: %w", err)
	}
	return b.String(), nil
}

// NewEncodedModel returns the Model of the tables EncodeModel encoded in
// data. They are decoded on first use, by Load, which Check, Model.Check,
// Model.Property, Model.Validate and validate/query's checks call: a
// program that imports a generated package and never checks a $filter
// never pays for it (Microsoft Graph v1.0's model decodes in a few
// milliseconds). Code that reads Types, Enums or TypeDefs itself calls
// Load first. An encoding that does not decode leaves the maps empty and
// makes Load, and so every check, return the error.
func NewEncodedModel(data string) *Model {
	return &Model{enc: &encodedModel{data: data}}
}

// Load decodes the tables of a Model made by NewEncodedModel into Types,
// Enums and TypeDefs, once, and returns the error of that decoding. It
// may be called concurrently. On any other Model it does nothing and
// returns nil.
func (m *Model) Load() error {
	if m == nil || m.enc == nil {
		return nil
	}
	m.enc.once.Do(func() {
		var t modelTables
		if err := gob.NewDecoder(strings.NewReader(m.enc.data)).Decode(&t); err != nil {
			m.enc.err = fmt.Errorf("filter: decoding the model: %w", err)
			t = modelTables{}
		}
		shareSupports(t.Types)
		defs := make(map[string]string, len(t.TypeDefs))
		for _, d := range t.TypeDefs {
			defs[d.Name] = d.Underlying
		}
		d := NewModel(t.Types, t.Enums, defs)
		m.Types, m.Enums, m.TypeDefs = d.Types, d.Enums, d.TypeDefs
	})
	return m.enc.err
}

// shareSupports makes the properties whose Support allows every operator
// and says the same of null and $count point to one Support, as the
// generated literal does: gob gives each pointer a value of its own, and
// most properties of a service have one of two such supports.
func shareSupports(types []*Type) {
	var shared [2][2]*Support // by Null, Count
	for _, t := range types {
		if t == nil {
			continue
		}
		for _, p := range t.Properties {
			if p == nil || p.Filter == nil || len(p.Filter.Ops) > 0 {
				continue
			}
			s := &shared[b2i(p.Filter.Null)][b2i(p.Filter.Count)]
			if *s == nil {
				*s = p.Filter
			}
			p.Filter = *s
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
