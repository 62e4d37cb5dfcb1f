package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/odatagen/odatagen/generator"
	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/validate"
)

const validateUsage = "-spec INPUT [-spec INPUT]... [-type NAME] [-mode read|create|update] [-collection] [-ieee754compatible] [-datetime-without-seconds] (PAYLOAD... | -jsonl FILE)\n" +
	"Without -type, each payload names its type with @odata.type (a collection: @odata.context, or its items').\n" +
	"A -jsonl FILE holds one payload a line: {\"type\": NAME, \"mode\": MODE, \"collection\": BOOL, \"payload\": JSON};\n" +
	"type, mode and collection may be left out (then -type, -mode, -collection, or @odata.type, decide)."

// runValidate is the validate command: it checks each PAYLOAD file (- for
// standard input), or each line of a -jsonl FILE, against the type -type
// names, or else the type each payload names itself, in -mode. Problems are
// printed to standard output per payload and every payload is tried; the
// result is the worst status seen (exitNo for an invalid payload,
// exitCannot for one that could not be read or typed). An unknown -type, or
// a spec that generator.Plan cannot build a validation plan from, stops the
// command before any payload is read.
func runValidate(e *env, args []string) error {
	fs := newFlagSet(e, "validate", validateUsage)
	var specs multiFlag
	fs.Var(&specs, "spec", "spec `INPUT` (docs page, YAML, CSDL or directory; repeatable)")
	typeName := fs.String("type", "", "the type `NAME` to validate against, bare or namespace-qualified (default: each payload's @odata.type)")
	modeName := fs.String("mode", "read", "`MODE`: read (a response), create (a POST body) or update (a PATCH body)")
	collection := fs.Bool("collection", false, "each payload is an OData collection response ({\"value\": [...]})")
	jsonl := fs.String("jsonl", "", "read payloads from `FILE` (JSON Lines, - for standard input), one per line")
	var opts validate.Options
	fs.BoolVar(&opts.IEEE754Compatible, "ieee754compatible", false, "accept Edm.Int64 and Edm.Decimal values as strings (the IEEE754Compatible=true format)")
	fs.BoolVar(&opts.DateTimeWithoutSeconds, "datetime-without-seconds", false, "accept Edm.DateTimeOffset values without seconds, as the OData ABNF does")
	var lf loadFlags
	lf.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	mode, err := validate.ParseMode(*modeName)
	switch {
	case err != nil:
		return usageError{err.Error()}
	case len(specs) == 0:
		return usageError{"no -spec INPUT given"}
	case *jsonl == "" && fs.NArg() == 0:
		return usageError{"no PAYLOAD given (use - for standard input, or -jsonl FILE)"}
	case *jsonl != "" && fs.NArg() > 0:
		return usageError{"give PAYLOAD files or -jsonl FILE, not both"}
	}
	s, err := loadSpec(e, lf, specs, namedTypes(*typeName))
	if err != nil {
		return err
	}
	v := &validator{e: e, spec: s, ix: spec.NewIndex(s), qnames: map[string]string{}}
	def := job{mode: mode, collection: *collection}
	if *typeName != "" {
		if def.typ, err = v.resolve(*typeName); err != nil {
			fmt.Fprintf(e.stderr, "odatagen validate: %v\n", err)
			return exitError{exitCannot}
		}
	}
	if v.plan, err = generator.Plan(s, generator.SchemaOptions{}); err != nil {
		fmt.Fprintf(e.stderr, "odatagen validate: %v\n", err)
		return exitError{exitCannot}
	}
	v.plan = v.plan.WithOptions(opts)
	if *jsonl != "" {
		if err := v.jsonLines(*jsonl, def); err != nil {
			fmt.Fprintf(e.stderr, "%s: %v\n", *jsonl, err)
			return exitError{exitCannot}
		}
	} else {
		for _, name := range fs.Args() {
			data, err := readPayload(e, name)
			if err != nil {
				fmt.Fprintf(e.stderr, "%s: %v\n", name, err)
				v.worst(exitCannot)
				continue
			}
			j := def
			j.name, j.data = name, data
			v.run(j)
		}
	}
	if v.code != exitOK {
		return exitError{v.code}
	}
	return nil
}

// validator validates many payloads against one loaded spec.
type validator struct {
	e      *env
	spec   *spec.Spec
	ix     *spec.Index
	plan   *validate.Plan    // the one-pass validator, which agrees with the schema documents
	qnames map[string]string // type names as payloads spell them -> qualified
	code   int               // the worst exit status so far
}

// job is one payload to validate.
type job struct {
	name       string // where the payload came from: a file, or file:line
	data       []byte
	typ        string // qualified type name; "" means the payload's own
	mode       validate.Mode
	collection bool
}

func (v *validator) worst(code int) { v.code = max(v.code, code) }

// resolve finds the structured type a user or payload names (see
// resolveType), caching the answer.
func (v *validator) resolve(name string) (string, error) {
	if q, ok := v.qnames[name]; ok {
		return q, nil
	}
	q, err := resolveIn(v.ix, name)
	if err != nil {
		return "", err
	}
	v.qnames[name] = q
	return q, nil
}

// run validates one payload and prints its problems, one a line:
// "NAME: /pointer: message" (no pointer for the payload as a whole).
func (v *validator) run(j job) {
	if j.typ == "" {
		typ, coll, err := v.payloadType(j)
		if err != nil {
			fmt.Fprintf(v.e.stdout, "%s: cannot validate: %v\n", j.name, err)
			v.worst(exitCannot)
			return
		}
		j.typ, j.collection = typ, j.collection || coll
	}
	var err error
	if j.collection {
		err = v.plan.ValidateCollection(j.typ, j.mode, j.data)
	} else {
		err = v.plan.Validate(j.typ, j.mode, j.data)
	}
	var verr *validate.Error
	var jerr *validate.JSONError
	switch {
	case err == nil:
	case errors.As(err, &verr):
		for _, p := range verr.Problems {
			if p.Pointer == "" { // the payload as a whole
				fmt.Fprintf(v.e.stdout, "%s: %s\n", j.name, p.Message)
			} else {
				fmt.Fprintf(v.e.stdout, "%s: %s: %s\n", j.name, p.Pointer, p.Message)
			}
		}
		v.worst(exitNo)
	case errors.As(err, &jerr):
		fmt.Fprintf(v.e.stdout, "%s: %v\n", j.name, err)
		v.worst(exitNo)
	default: // the runtime could not validate (an unknown type)
		fmt.Fprintf(v.e.stdout, "%s: cannot validate: %v\n", j.name, err)
		v.worst(exitCannot)
	}
}

// payloadType finds the type a payload names: its "@odata.type"; for a
// collection response ({"value": [...]}, no @odata.type of its own), the
// type its "@odata.context" names (#Collection(ns.type), #ns.type or
// #entitySet), else the "@odata.type" its items share. collection reports
// that the payload is a collection response.
func (v *validator) payloadType(j job) (typ string, collection bool, err error) {
	var top struct {
		Type    *string           `json:"@odata.type"`
		Context *string           `json:"@odata.context"`
		Value   []json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(j.data, &top); err != nil {
		// Not an object with those members: let the validator say why
		// (it has the offsets); without a type, name none.
		if !json.Valid(j.data) {
			return "", false, fmt.Errorf("not JSON, and no -type to say what it should be")
		}
		return "", false, errors.New("no @odata.type, and no -type to say what it is")
	}
	if top.Type != nil && !j.collection {
		q, err := v.resolve(strings.TrimPrefix(*top.Type, "#"))
		return q, false, err
	}
	if top.Value == nil {
		return "", false, errors.New("no @odata.type, and no -type to say what it is")
	}
	if top.Context != nil {
		if q, ok := v.contextType(*top.Context); ok {
			return q, true, nil
		}
	}
	item := ""
	for i, raw := range top.Value {
		var it struct {
			Type string `json:"@odata.type"`
		}
		if json.Unmarshal(raw, &it) != nil || it.Type == "" {
			return "", true, fmt.Errorf("/value/%d has no @odata.type, and neither -type nor @odata.context says what the items are", i)
		}
		t := strings.TrimPrefix(it.Type, "#")
		if item == "" {
			item = t
		} else if t != item {
			return "", true, fmt.Errorf("the items are of several types (%s, %s), and neither -type nor @odata.context says which they share", item, t)
		}
	}
	if item == "" {
		return "", true, errors.New("an empty collection, and neither -type nor @odata.context says of what")
	}
	q, err := v.resolve(item)
	return q, true, err
}

// contextType reads the type out of a context URL: the part after
// "$metadata#", as Collection(ns.type), ns.type, or an entity set name,
// up to the first "(" of a select list or "/" of a path.
func (v *validator) contextType(ctx string) (string, bool) {
	i := strings.Index(ctx, "#")
	if i < 0 {
		return "", false
	}
	frag := ctx[i+1:]
	if strings.HasPrefix(frag, "Collection(") {
		frag = strings.TrimSuffix(strings.TrimPrefix(frag, "Collection("), ")")
	}
	if k := strings.IndexAny(frag, "(/"); k >= 0 {
		frag = frag[:k]
	}
	for _, es := range v.spec.EntitySets {
		if es.Name == frag {
			return es.Type, true
		}
	}
	q, err := v.resolve(frag)
	return q, err == nil
}

// jsonLine is one line of a -jsonl file.
type jsonLine struct {
	Type       string          `json:"type"`
	Mode       string          `json:"mode"`
	Collection *bool           `json:"collection"`
	Payload    json.RawMessage `json:"payload"`
}

// jsonLines validates every line of a JSON Lines file; problems are
// attributed to FILE:LINE. A line that is not such an object is a problem
// of that line (exit 2: it could not be asked).
func (v *validator) jsonLines(name string, def job) error {
	var r io.Reader
	if name == "-" {
		r = v.e.stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, validate.DefaultMaxSize+1<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		j := def
		j.name = fmt.Sprintf("%s:%d", name, n)
		var l jsonLine
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil || l.Payload == nil {
			if err == nil {
				err = errors.New(`no "payload" member`)
			}
			fmt.Fprintf(v.e.stdout, "%s: cannot validate: not a line of the -jsonl form: %v\n", j.name, err)
			v.worst(exitCannot)
			continue
		}
		if l.Type != "" {
			q, err := v.resolve(l.Type)
			if err != nil {
				fmt.Fprintf(v.e.stdout, "%s: cannot validate: %v\n", j.name, err)
				v.worst(exitCannot)
				continue
			}
			j.typ = q
		}
		if l.Mode != "" {
			m, err := validate.ParseMode(l.Mode)
			if err != nil {
				fmt.Fprintf(v.e.stdout, "%s: cannot validate: %v\n", j.name, err)
				v.worst(exitCannot)
				continue
			}
			j.mode = m
		}
		if l.Collection != nil {
			j.collection = *l.Collection
		}
		j.data = l.Payload
		v.run(j)
	}
	return sc.Err()
}

// resolveType finds the structured type a user named, bare or qualified
// (see spec.Index.ResolveUserName).
func resolveType(s *spec.Spec, name string) (string, error) {
	return resolveIn(spec.NewIndex(s), name)
}

// resolveIn is resolveType on an index. A bare name that several
// namespaces of the same size declare is ambiguous: the error lists the
// qualified names.
func resolveIn(ix *spec.Index, name string) (string, error) {
	q, candidates, ok := ix.ResolveUserName(name)
	switch {
	case ok:
		return q, nil
	case len(candidates) > 1:
		slices.Sort(candidates)
		return "", fmt.Errorf("type name %q is ambiguous: %s; give a qualified name", name, strings.Join(candidates, ", "))
	}
	return "", fmt.Errorf("no structured type %q in the spec", name)
}

func readPayload(e *env, name string) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(e.stdin)
	}
	return os.ReadFile(name)
}
