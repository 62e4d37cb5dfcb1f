package generator

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/validate"
)

// Plan builds the validation plan of a spec (see validate.Plan): the same
// rules, fact for fact, as the JSON Schema documents that Schemas writes
// (the types and their order, flattening, dispatch on @odata.type, request
// bodies, the value of each Edm type), for the one-pass validator that the
// command line runs and that agrees with the documents on every payload
// (validate's differential test holds them to it). A property whose type
// the spec does not define is an error unless opts.AllowUnresolved.
func Plan(s *spec.Spec, opts SchemaOptions) (*validate.Plan, error) {
	if s == nil {
		return nil, errors.New("generator: nil spec")
	}
	if err := checkCount(s, opts.MaxCost); err != nil {
		return nil, err
	}
	m, _, err := spec.Resolve(s, spec.ResolveOptions{MaxInheritance: opts.MaxInheritance, MaxProps: maxCost(opts.MaxCost)})
	if err != nil {
		return nil, err
	}
	if err := checkBudget(m, opts.MaxCost); err != nil {
		return nil, err
	}
	return modelPlan(m, opts.AllowUnresolved)
}

// modelPlan is Plan on a resolved model.
func modelPlan(m *spec.Model, allowUnresolved bool) (*validate.Plan, error) {
	// The types in name order, so that a plan (and the generated tables)
	// does not depend on the order of the input.
	types := spec.SortedByName(m.Types)
	b := &planBuilder{ix: m.Index(), allowUnresolved: allowUnresolved, types: types,
		typeIndex: map[string]int{}, enumIndex: map[*spec.EnumType]int{}, ops: map[planOpKey][]*spec.Operation{}}
	for i, t := range types {
		b.typeIndex[t.QualifiedName()] = i
	}
	for _, op := range m.Operations {
		k := planOpKey{op.Type, op.Kind}
		b.ops[k] = append(b.ops[k], op)
	}
	p := &validate.Plan{Types: make([]validate.PlanType, len(b.types))}
	var errs []error
	for i, t := range b.types {
		pt, err := b.planType(t)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		p.Types[i] = pt
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	p.Enums = b.enums
	return p, p.Check()
}

type planOpKey struct {
	typ  string
	kind spec.OperationKind
}

type planBuilder struct {
	ix              *spec.Index
	allowUnresolved bool
	types           []*spec.Type // the resolved model's
	typeIndex       map[string]int
	enums           []validate.PlanEnum
	enumIndex       map[*spec.EnumType]int
	ops             map[planOpKey][]*spec.Operation
}

// descendants returns the plan indexes of the types derived from t,
// directly or not (spec.Type.Descendants), in index order.
func (b *planBuilder) descendants(t *spec.Type) []int {
	var out []int
	for _, d := range t.Descendants {
		out = append(out, b.typeIndex[d.QualifiedName()])
	}
	sort.Ints(out)
	return out
}

// planBody is what a mode's operations allow and require.
type planBody struct {
	ops      []*spec.Operation
	line     string
	inBody   map[string]*spec.BodyProperty
	reqCount map[string]int
	order    []*spec.BodyProperty
}

func (b *planBuilder) body(q string, kind spec.OperationKind) planBody {
	pb := planBody{ops: b.ops[planOpKey{q, kind}], inBody: map[string]*spec.BodyProperty{}, reqCount: map[string]int{}}
	var lines []string
	for _, op := range pb.ops {
		lines = append(lines, op.RequestLine())
		seen := map[string]bool{}
		for _, bp := range op.Body {
			if seen[bp.Name] {
				continue
			}
			seen[bp.Name] = true
			if pb.inBody[bp.Name] == nil {
				pb.inBody[bp.Name] = bp
				pb.order = append(pb.order, bp)
			}
			if bp.Required {
				pb.reqCount[bp.Name]++
			}
		}
	}
	pb.line = strings.Join(slices.Compact(lines), " or ")
	return pb
}

// access is what a mode does with a declared property.
func (pb planBody) access(p *spec.Property, mode validate.Mode) validate.PropAccess {
	switch {
	case mode == validate.Read:
		return validate.AccessAllowed
	case len(pb.ops) > 0:
		switch {
		case pb.inBody[p.Name] == nil && p.ReadOnly:
			return validate.AccessReadOnly
		case pb.inBody[p.Name] == nil:
			return validate.AccessNotInBody
		case mode == validate.Create && pb.reqCount[p.Name] == len(pb.ops):
			return validate.AccessRequired
		}
		return validate.AccessAllowed
	case p.ReadOnly:
		return validate.AccessReadOnly
	case mode == validate.Update && p.Immutable:
		return validate.AccessImmutable
	case mode == validate.Create && p.Required:
		return validate.AccessRequired
	}
	return validate.AccessAllowed
}

func (b *planBuilder) planType(t *spec.Type) (validate.PlanType, error) {
	q := t.QualifiedName()
	pt := validate.PlanType{Name: q, Open: t.Open, AnyJSON: t.AnyJSON, Derived: b.descendants(t)}
	create, update := b.body(q, spec.Create), b.body(q, spec.Update)
	pt.CreateOperation, pt.UpdateOperation = create.line, update.line
	var errs []error
	declared := map[string]bool{}
	for _, fp := range t.Props {
		p := fp.Property
		if p.Name == "" {
			continue // a hand-built spec's nameless property: no member can name it
		}
		declared[p.Name] = true
		pp := validate.PlanProp{Name: p.Name,
			Read: validate.AccessAllowed, Create: create.access(p, validate.Create), Update: update.access(p, validate.Update)}
		v, err := b.value(p.Type, p.Nullable, fp.Nav, p.MaxLength)
		if err != nil {
			errs = append(errs, spec.Errorf(p.Pos, "property %s of %s: %v", p.Name, q, err))
			continue
		}
		pp.Value = v
		pt.Props = append(pt.Props, pp)
	}
	// Request body properties that the type does not declare: present only
	// in the mode whose operations list them.
	for _, m := range []struct {
		mode validate.Mode
		body planBody
	}{{validate.Create, create}, {validate.Update, update}} {
		for _, bp := range m.body.order {
			if declared[bp.Name] {
				continue
			}
			pp := validate.PlanProp{Name: bp.Name, Read: validate.AccessAbsent, Create: validate.AccessAbsent, Update: validate.AccessAbsent}
			a := validate.AccessAllowed
			if m.mode == validate.Create && m.body.reqCount[bp.Name] == len(m.body.ops) {
				a = validate.AccessRequired
			}
			if m.mode == validate.Create {
				pp.Create = a
			} else {
				pp.Update = a
			}
			if bp.Type.Name != "" {
				v, err := b.value(bp.Type, true, false, 0)
				if err != nil {
					errs = append(errs, spec.Errorf(bp.Pos, "request body property %s of %s: %v", bp.Name, q, err))
					continue
				}
				pp.Value = v
			}
			pt.Props = append(pt.Props, pp)
		}
	}
	return pt, errors.Join(errs...)
}

// value is the PlanValue of a property (or body property) type.
func (b *planBuilder) value(r spec.TypeRef, nullable, nav bool, maxLength int) (validate.PlanValue, error) {
	v, err := b.single(r.Name, nullable, nav, maxLength)
	if err != nil || !r.Collection {
		return v, err
	}
	v.Collection = true
	v.CollectionName = r.String()
	return v, nil
}

var planPrimitiveKinds = map[string]validate.ValueKind{
	"Edm.String": validate.KindString, "Edm.Boolean": validate.KindBoolean,
	"Edm.Byte": validate.KindByte, "Edm.SByte": validate.KindSByte, "Edm.Int16": validate.KindInt16,
	"Edm.Int32": validate.KindInt32, "Edm.Int64": validate.KindInt64,
	"Edm.Single": validate.KindSingle, "Edm.Double": validate.KindDouble, "Edm.Decimal": validate.KindDecimal,
	"Edm.DateTimeOffset": validate.KindDateTimeOffset, "Edm.Date": validate.KindDate,
	"Edm.TimeOfDay": validate.KindTimeOfDay, "Edm.Duration": validate.KindDuration,
	"Edm.Guid": validate.KindGuid, "Edm.Binary": validate.KindBinary,
	// Stream, Untyped and the Geo types are KindAny.
}

func (b *planBuilder) single(name string, nullable, nav bool, maxLength int) (validate.PlanValue, error) {
	if td := b.ix.TypeDef(name); td != nil {
		name = td.UnderlyingType
		if p, ok := spec.LookupPrimitive(name); ok {
			name = p
		}
	}
	v := validate.PlanValue{Name: name, Nullable: nullable}
	if spec.IsPrimitiveName(name) {
		v.Kind = planPrimitiveKinds[name] // KindAny when not listed
		if v.Kind == validate.KindString {
			v.MaxLength = max(maxLength, 0)
		}
		return v, nil
	}
	if e := b.ix.Enum(name); e != nil {
		i, ok := b.enumIndex[e]
		if !ok {
			i = len(b.enums)
			b.enumIndex[e] = i
			pe := validate.PlanEnum{Name: e.QualifiedName(), Flags: e.Flags}
			for _, m := range e.Members {
				pe.Members = append(pe.Members, m.Name)
			}
			b.enums = append(b.enums, pe)
		}
		v.Kind, v.Enum = validate.KindEnum, i
		return v, nil
	}
	if t := b.ix.Type(name); t != nil {
		v.Type = b.typeIndex[t.QualifiedName()]
		switch {
		case nav:
			v.Kind = validate.KindNavigation
		case t.Kind == spec.EntityKind:
			v.Kind = validate.KindEntity
		default:
			v.Kind = validate.KindComplex
		}
		return v, nil
	}
	if b.allowUnresolved {
		return v, nil // KindAny
	}
	return v, fmt.Errorf("type %s is not defined", name)
}
