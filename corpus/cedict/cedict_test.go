package cedict

import (
	"slices"
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	t.Parallel()
	d := Load()
	if d.Len() < 100000 {
		t.Fatalf("Len = %d, want the full dictionary", d.Len())
	}
	for _, tc := range []struct{ word, gloss string }{
		{"势力", "influence"},
		{"勢力", "influence"},
		{"银行", "bank"},
		{"一带一路", "Belt and Road"},
	} {
		es := d.Lookup(tc.word)
		found := false
		for _, e := range es {
			for _, g := range e.Glosses {
				found = found || strings.Contains(g, tc.gloss)
			}
		}
		if !found {
			t.Errorf("Lookup(%q) = %v, want a gloss containing %q", tc.word, es, tc.gloss)
		}
	}
	if es := d.Lookup("没有这个词语啊"); es != nil {
		t.Errorf("Lookup of a non-word = %v", es)
	}
}

func TestLongestAt(t *testing.T) {
	t.Parallel()
	d := Load()
	s := "中华人民共和国成立"
	if n := d.LongestAt(s, 0); s[:n] != "中华人民共和国" {
		t.Errorf("LongestAt(%q, 0) = %q", s, s[:n])
	}
	if n := d.LongestAt("xyz", 0); n != 0 {
		t.Errorf("LongestAt(xyz) = %d", n)
	}
	if n := d.LongestAt(s, len(s)); n != 0 {
		t.Errorf("LongestAt at end = %d", n)
	}
}

func TestReadings(t *testing.T) {
	t.Parallel()
	d := Load()
	for _, tc := range []struct {
		r    rune
		want string
	}{{'习', "xi"}, {'近', "jin"}, {'平', "ping"}, {'孔', "kong"}, {'令', "ling"}, {'强', "qiang"}, {'绿', "lv"}} {
		if got := d.Readings(tc.r); !slices.Contains(got, tc.want) {
			t.Errorf("Readings(%c) = %v, want %q among them", tc.r, got, tc.want)
		}
	}
}

func TestSimplify(t *testing.T) {
	t.Parallel()
	d := Load()
	for _, tc := range []struct{ in, want string }{
		{"香港金融管理局", "香港金融管理局"},
		{"存款保障計劃", "存款保障计划"},
		{"億港元", "亿港元"},
		{"聯繫匯率制度", "联系汇率制度"},
		{"著名", "著名"}, // 著 is also Simplified: left alone
		{"abc", "abc"},
	} {
		if got := d.Simplify(tc.in); got != tc.want {
			t.Errorf("Simplify(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	trad, simp := d.Script("香港金融管理局的貨幣政策")
	if trad == 0 || simp != 0 {
		t.Errorf("Script(Traditional) = %d, %d", trad, simp)
	}
	trad, simp = d.Script("货币政策和汇率")
	if simp == 0 || trad != 0 {
		t.Errorf("Script(Simplified) = %d, %d", trad, simp)
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(embedded)))
	for b.Loop() {
		if _, err := Parse(strings.NewReader(string(embedded)), true); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLongestAt(b *testing.B) {
	d := Load()
	s := strings.Repeat("中塔双方在维护多边主义和捍卫国际经贸秩序上有着共同利益。", 10)
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		for i := 0; i < len(s); {
			n := d.LongestAt(s, i)
			if n == 0 {
				n = 3
			}
			i += n
		}
	}
}
