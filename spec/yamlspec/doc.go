// Package yamlspec reads and writes the YAML form of a spec: the form
// people review and commit, grouped by namespace, in input order, with
// defaults left out and types written as in CSDL ("Edm.String",
// "Collection(microsoft.graph.x)"). Read reports unknown keys and bad
// values at file:line:col; Write's output reads back to the same spec
// (positions aside). See Read and Write.
//
// It is meant to be read, reviewed and edited by hand, so it is grouped and
// minimal:
//
//	namespaces:
//	  - name: microsoft.graph
//	    types:
//	      - name: cloudPcExternalPartner
//	        kind: entity
//	        baseType: microsoft.graph.entity
//	        key: [id]
//	        properties:
//	          - name: enableConnection
//	            type: Edm.Boolean
//	            required: true
//	            filter: {ops: [eq]}
//	            query: {options: [$orderby]}
//	    enums: [...]
//	    typeDefs: [...]
//	operations:
//	  - kind: create
//	    type: microsoft.graph.cloudPcExternalPartner
//	    method: POST
//	    path: /deviceManagement/virtualEndpoint/externalPartners
//	    body:
//	      - {name: enableConnection, type: Edm.Boolean, required: true}
//	entitySets:
//	  - name: users
//	    type: microsoft.graph.user
//	    bindings: [{path: manager, target: directoryObjects}]
//	    capabilities:
//	      skipSupported: false
//	      expand: {nonExpandableProperties: [joinedTeams]}
//	container:
//	  customHeaders: [...]
//
// Query capabilities (the Capabilities vocabulary terms of spec.Capabilities)
// go under capabilities: on entity sets and singletons, types and
// navigation properties, per navigation path under an entity set's paths:,
// and for the whole service under container:; see capabilities.go for how
// their keys are named.
//
// Design choices:
//   - Order is the input order, never map order. Each of Spec.Types, Enums
//     and TypeDefs keeps its exact order through Write and Read: the
//     writer groups consecutive elements by namespace and starts a second
//     group of the same namespace only when the order needs it.
//   - Defaults are omitted: nullable (true), false flags, empty lists, an
//     enum member's value when it equals its index (non-flags enums), the
//     sentinel when it is the member named unknownFutureValue.
//   - Types are CSDL strings ("Edm.String", "Collection(microsoft.graph.x)").
//     Names are not resolved here (Merge does that), but a name spelled like
//     an Edm type must be one exactly.
//   - Filter support is a small flow mapping: {ops: [eq, ne], null: true,
//     count: true}; {} means every operator that applies to the type.
//     What a docs page says of the other query options is one too:
//     {options: [$orderby, $search], returned: select} (returned: default
//     for "Returned by default", select for "Returned only on $select").
//   - Positions are not written, unless WriteOptions.Sources asks for
//     where each property's facts came from (a sources: mapping per type
//     and property, which Read accepts and ignores). Read sets every
//     element's Pos to its node's file:line:col, and each fact's source
//     (spec.Property.Sources) to its value's.
//   - The reader is strict: unknown or repeated keys, values of the wrong
//     kind, bad type strings, unknown filter operators or kinds, and
//     duplicate names are errors naming file:line:col. Anchors and aliases
//     are refused (they buy nothing in a hand-written spec and would let a
//     small file expand into a huge one).
//   - Descriptions longer than a line are written as block scalars (literal
//     when they hold line breaks, folded when they are merely long), but
//     only when the block form reads back to the same text.
//
// The package is about 1,300 lines, a reader with positioned errors for
// every key (read.go) and a writer that keeps input order (write.go).
package yamlspec
