package markdown

import (
	"fmt"
	"slices"
	"testing"
)

// TestScanTextAfterComment checks that text after a comment's "-->" on the
// same line is kept as a text line at its column, for a comment on one
// line and for one over several lines; before, it was dropped.
func TestScanTextAfterComment(t *testing.T) {
	src := "<!-- one --> Required on create.\n" +
		"  <!-- two\n" +
		"lines -->\tkept too\n" +
		"<!-- three -->\n" +
		"after\n"
	var got []string
	for _, b := range mdScanPage([]byte(src)).blocks {
		got = append(got, fmt.Sprintf("%d %d:%d %q", b.kind, b.line, b.col, b.text))
	}
	want := []string{
		fmt.Sprintf("%d 1:1 %q", mdBComment, " one "),
		fmt.Sprintf("%d 1:14 %q", mdBText, "Required on create."),
		fmt.Sprintf("%d 2:3 %q", mdBComment, " two\nlines "),
		fmt.Sprintf("%d 3:11 %q", mdBText, "kept too"),
		fmt.Sprintf("%d 4:1 %q", mdBComment, " three "),
		fmt.Sprintf("%d 5:1 %q", mdBText, "after"),
		fmt.Sprintf("%d 6:0 %q", mdBBlank, ""),
	}
	if !slices.Equal(got, want) {
		t.Errorf("blocks\n%q\nwant\n%q", got, want)
	}
}
