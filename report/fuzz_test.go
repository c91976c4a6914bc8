package report

import (
	"strings"
	"testing"
)

// FuzzHighlight: highlighting never changes the text, and marks only whole
// terms.
func FuzzHighlight(f *testing.F) {
	for i := range zhTexts {
		f.Add(zhTexts[i], enTexts[i])
	}
	f.Add("一帶一路一带一路", "Belt-and-Road-Initiative's belt and road initiatives")
	f.Add("\xff命运共同\xe4体", "community with a\u00a0shared future\xc3")
	h := newHighlighter(testTerms)
	f.Fuzz(func(t *testing.T, zh, en string) {
		for _, side := range []struct {
			text string
			ps   []piece
		}{{zh, h.zh(zh)}, {en, h.en(en)}} {
			var b strings.Builder
			for _, p := range side.ps {
				switch p := p.(type) {
				case string:
					b.WriteString(p)
				case []any:
					if _, ok := p[0].(int); !ok {
						t.Fatalf("mark %v has no term index", p)
					}
					if p[1].(string) == "" {
						t.Fatalf("empty mark in %q", side.text)
					}
					b.WriteString(p[1].(string))
				}
			}
			if b.String() != side.text {
				t.Fatalf("pieces of %q give %q", side.text, b.String())
			}
		}
	})
}

// FuzzConcord: spans are inside their text and on rune boundaries, groups
// count the hits.
func FuzzConcord(f *testing.F) {
	f.Add("三股势力", concordPairs[0].ZH, concordPairs[0].EN, concordPairs[4].ZH, concordPairs[4].EN)
	f.Add("Belt", "一带一路", "Belt and Road, Belt", "一带一路", "belt-and-road")
	f.Fuzz(func(t *testing.T, term, zh1, en1, zh2, en2 string) {
		pairs := append([]Pair{{ZH: zh1, EN: en1}, {ZH: zh2, EN: en2}}, concordPairs...)
		c := Concord(pairs, term, ConcordOptions{})
		total := 0
		for _, g := range c.Groups {
			total += g.Count
		}
		if total != len(c.Hits) {
			t.Fatalf("groups count %d, %d hits", total, len(c.Hits))
		}
		for _, h := range c.Hits {
			p := pairs[h.Pair]
			termSide, other := p.ZH, p.EN
			if c.Side == "en" {
				termSide, other = other, termSide
			}
			for _, s := range h.TermSpans {
				if s.Start < 0 || s.End > len(termSide) || s.Start >= s.End {
					t.Fatalf("term span %v of %q", s, termSide)
				}
			}
			for _, s := range h.RendSpans {
				if s.Start < 0 || s.End > len(other) || s.Start >= s.End {
					t.Fatalf("rendering span %v of %q", s, other)
				}
			}
		}
		_ = c.Summary()
	})
}
