package filter

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"slices"
	"testing"
)

// TestBuilderOpsMatchTheRuntime checks the table generators emit from
// against build.go: every listed type is declared there with that many type
// parameters and a method named after it, and every generic type of
// build.go whose name ends in "Op" is listed.
func TestBuilderOpsMatchTheRuntime(t *testing.T) {
	f, err := goparser.ParseFile(token.NewFileSet(), "build.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	declared := map[string]int{} // generic type -> type parameters
	methods := map[string][]string{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			for _, s := range d.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok && ts.TypeParams != nil {
					n := 0
					for _, fl := range ts.TypeParams.List {
						n += len(fl.Names)
					}
					declared[ts.Name.Name] = n
				}
			}
		case *ast.FuncDecl:
			if d.Recv == nil || len(d.Recv.List) != 1 {
				continue
			}
			recv := d.Recv.List[0].Type
			if ix, ok := recv.(*ast.IndexListExpr); ok {
				recv = ix.X
			} else if ix, ok := recv.(*ast.IndexExpr); ok {
				recv = ix.X
			}
			if id, ok := recv.(*ast.Ident); ok {
				methods[id.Name] = append(methods[id.Name], d.Name.Name)
			}
		}
	}
	all := append(slices.Clone(BuilderOps), BuilderNull, BuilderAnyEq)
	for _, b := range all {
		n, ok := declared[b.Type]
		switch {
		case !ok:
			t.Errorf("%s is listed but build.go declares no generic type of that name", b.Type)
		case n != b.Params:
			t.Errorf("%s has %d type parameters in build.go, %d in the table", b.Type, n, b.Params)
		case len(methods[b.Type]) == 0:
			t.Errorf("%s has no methods", b.Type)
		}
	}
	for name := range declared {
		if len(name) > 2 && name[len(name)-2:] == "Op" && !slices.ContainsFunc(all, func(b BuilderOp) bool { return b.Type == name }) {
			t.Errorf("build.go declares %s, which the table lacks", name)
		}
	}
	for _, op := range Ops {
		if _, ok := BuilderOpFor(op); !ok && op != OpNot && op != OpAny && op != OpAll {
			t.Errorf("operator %s has no builder type", op)
		}
	}
}
