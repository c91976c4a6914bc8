package check

import (
	"strings"
	"testing"
)

// TestCrossesBothEdges checks the dictionary word-boundary rule on terms
// read across two words and on terms inside names the dictionary lacks.
func TestCrossesBothEdges(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text, term string
		want       bool
	}{
		{"他在中国会展中心发言。", "国会", true},   // 中国|会展
		{"美国国会议员访华。", "国会", false},    // 美国国会 holds it
		{"水利部长江水利委员会", "长江", false},   // 部长 crosses, but 水利|部 ends before 长江
		{"交通运输部长江航务管理局", "长江", false}, // 运输|部
		{"某部长江水供应", "长江", true},       // 部长 and 江水 cross, no word ends before 部
	}
	for _, tt := range tests {
		i := strings.Index(tt.text, tt.term)
		if got := crossesBothEdges(tt.text, i, i+len(tt.term)); got != tt.want {
			t.Errorf("%s in %s: crossesBothEdges = %v, want %v", tt.term, tt.text, got, tt.want)
		}
	}
}
