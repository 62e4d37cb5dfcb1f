// Package csdl reads OData CSDL XML documents ($metadata, EDMX 4.0 and
// 4.01) into specs: schemas and aliases, entity and complex types with
// inheritance, keys and facets, enums (flags, explicit and implicit
// values), type definitions, entity sets and singletons, and the
// annotations that carry what the docs say (Core.Description,
// Core.Computed, Core.Permissions, Core.Immutable, Core.Revisions,
// Capabilities.FilterRestrictions, InsertRestrictions, UpdateRestrictions;
// inline or out of line, also through entity sets and navigation
// properties). Actions and functions are skipped with one warning. See
// Read.
//
// The package is about 1,600 lines: csdl.go reads the XML into
// declarations, resolve.go resolves names and applies annotations.
package csdl
