package markdown

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// BenchmarkReadCorpus reads the 68 corpus pages.
func BenchmarkReadCorpus(b *testing.B) {
	files := mdCorpusFiles(b)
	var srcs [][]byte
	total := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
		total += len(src)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for i, src := range srcs {
			if _, _, err := Read(files[i], src); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// mdSyntheticPage builds a resource page of about size bytes: a
// properties table of repeated rows, one broken over two lines every tenth
// row, and an enum section of repeated members.
func mdSyntheticPage(size int) []byte {
	var sb strings.Builder
	sb.WriteString("---\ntitle: \"bulk resource type\"\ndoc_type: resourcePageType\n---\n\n# bulk resource type\n\nNamespace: microsoft.graph\n\nA synthetic page for benchmarks.\n\n## Properties\n\n|Property|Type|Description|\n|:---|:---|:---|\n")
	for i := 0; sb.Len() < size*9/10; i++ {
		if i%10 == 9 {
			fmt.Fprintf(&sb, "|p%d|[thing](../resources/thing.md) collection|Things of the bulk, see [docs](x.md).\nRead-only. Supports `$filter` (`eq`, `ne`, and `eq` on `null` values).|\n", i)
			continue
		}
		fmt.Fprintf(&sb, "|p%d|String|The value number %d.<br>Required. The default value is `v%d`. Supports `$filter` (`eq`, `in`, `startsWith`).|\n", i, i, i)
	}
	sb.WriteString("\n### bulkKind values\n\n|Member|Value|Description|\n|:---|:---|:---|\n")
	for i := 0; sb.Len() < size; i++ {
		fmt.Fprintf(&sb, "|m%d|%d|Member %d.|\n", i, i, i)
	}
	sb.WriteString("\n## JSON representation\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.bulk\", \"keyProperty\": \"p0\" } -->\n")
	return []byte(sb.String())
}

// BenchmarkReadSize reads a synthetic page of 50 KB and of 5 MB.
// With b.SetBytes the two report the same MB/s when the reader is linear.
func BenchmarkReadSize(b *testing.B) {
	for _, size := range []int{50 << 10, 5 << 20} {
		src := mdSyntheticPage(size)
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Read("bulk.md", src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestMarkdownSyntheticPage checks that the benchmark page reads as
// intended, so that the benchmark measures real work.
func TestMarkdownSyntheticPage(t *testing.T) {
	s, warns, err := Read("bulk.md", mdSyntheticPage(50<<10))
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns[0])
	}
	ty := s.Types[0]
	if len(ty.Properties) < 200 || len(s.Enums) != 1 || len(s.Enums[0].Members) < 50 {
		t.Fatalf("got %d properties, %d enums", len(ty.Properties), len(s.Enums))
	}
	if got := mdDescribe(ty.Properties[0]); got != "p0 Edm.String req default=v0 filter=eq,in,startsWith" {
		t.Errorf("p0: %s", got)
	}
	if got := mdDescribe(ty.Properties[9]); got != "p9 Collection(microsoft.graph.thing) ro filter=eq,ne null" {
		t.Errorf("p9: %s", got)
	}
}
