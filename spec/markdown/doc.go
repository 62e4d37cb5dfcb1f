// Package markdown reads Microsoft Graph docs pages (the markdown of
// microsoft-graph-docs, api-reference/{beta,v1.0}/{resources,api}) into
// spec fragments: resource pages (the Properties and Relationships tables,
// the phrases that carry facts, enum tables, the blockType resource
// comment), enum pages, and Create/Update API pages (the Request body
// table, the HTTP request line). See Read for what is read and how.
//
// The package is about 3,000 lines because the format is a family, not a
// grammar: pages written over years by many teams state the same fact in
// many phrasings and table layouts. The work is split by stage: scan.go
// (blocks: headings, tables, fences, comments), table.go (property and
// enum tables), text.go (phrases), json.go (the JSON blocks), api.go (API
// pages) and markdown.go (the page as a whole).
package markdown
