package align

import (
	"fmt"
	"strings"
	"testing"
)

// TestChineseTokensRivals checks that where the forward (longest-match)
// and backward segmentations of a run disagree, each forward word also
// carries the backward words that overlap it, and that a run both agree
// on carries none.
func TestChineseTokensRivals(t *testing.T) {
	lex := newLexicon(CEDICT(), nil)
	tests := []struct {
		text string
		want string // forward words, each followed by its rivals in brackets
	}{
		{"人民币对美元汇率", "人民币 对美[美元] 元[美元] 汇率"},
		{"中国经济增长", "中国 经济增长"},
		{"他说", "他 说"},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range lex.chineseTokens(tt.text) {
			w := tok.text
			if len(tok.alt) > 0 {
				w += fmt.Sprintf("[%s]", strings.Join(tok.alt, " "))
			}
			got = append(got, w)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%s: tokens %s, want %s", tt.text, g, tt.want)
		}
	}
}
