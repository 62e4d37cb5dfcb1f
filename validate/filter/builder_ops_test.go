package filter

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"slices"
	"testing"
)

// TestBuilderOpsMatchTheRuntime checks the table generators emit from
// against prop.go: every listed mark is a struct type declared there with a
// method, its operator function is declared there, and every type of
// prop.go whose name ends in "Op" is listed.
func TestBuilderOpsMatchTheRuntime(t *testing.T) {
	f, err := goparser.ParseFile(token.NewFileSet(), "prop.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	marks := map[string]bool{}
	methods := map[string][]string{}
	funcs := map[string]bool{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			for _, s := range d.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok {
					if _, ok := ts.Type.(*ast.StructType); ok && ts.TypeParams == nil {
						marks[ts.Name.Name] = true
					}
				}
			}
		case *ast.FuncDecl:
			if d.Recv == nil {
				funcs[d.Name.Name] = true
				continue
			}
			if id, ok := d.Recv.List[0].Type.(*ast.Ident); ok {
				methods[id.Name] = append(methods[id.Name], d.Name.Name)
			}
		}
	}
	all := append(slices.Clone(BuilderOps), BuilderNull, BuilderAnyEq)
	for _, b := range all {
		switch {
		case !marks[b.Type]:
			t.Errorf("%s is listed but prop.go declares no struct type of that name", b.Type)
		case len(methods[b.Type]) != 1:
			t.Errorf("%s has %d methods, want its one marker method", b.Type, len(methods[b.Type]))
		case !funcs[b.Func]:
			t.Errorf("%s's function %s is not declared in prop.go", b.Type, b.Func)
		}
	}
	if !funcs["IsNotNull"] {
		t.Errorf("prop.go lacks IsNotNull")
	}
	for name := range marks {
		if len(name) > 2 && name[len(name)-2:] == "Op" && !slices.ContainsFunc(all, func(b BuilderOp) bool { return b.Type == name }) {
			t.Errorf("prop.go declares %s, which the table lacks", name)
		}
	}
	for _, op := range Ops {
		if _, ok := BuilderOpFor(op); !ok && op != OpNot && op != OpAny && op != OpAll {
			t.Errorf("operator %s has no builder mark", op)
		}
	}
}
