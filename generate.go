// Package odatagen turns OData resource metadata into Go types, JSON Schema
// validators and $filter checks. The work is done by the packages below it:
// spec (the resource model and its readers), generator (Go and JSON Schema
// output), validate (the runtime that generated code and users call) and
// cmd/odatagen (the command line).
//
// This file regenerates the committed example package gen/graph from the
// seed resource spec: run "go generate ./..." at the repository root.
package odatagen

//go:generate go run ./cmd/odatagen generate -o gen/graph -pkg graph testdata/cloudpcexternalpartner.yaml
