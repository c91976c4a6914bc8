package check

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/bitext/bitext/glossary"
)

// synthetic builds a glossary of n entries and m segments that use them:
// random Chinese terms of 2 to 5 characters, English renderings of 1 to 3
// made-up words; each segment holds three terms in filler text and renders
// all but some of them, with a number on each side.
func synthetic(n, m int) ([]glossary.Entry, []Segment) {
	rng := rand.New(rand.NewPCG(1, 2))
	han := func(k int) string {
		var b strings.Builder
		for range k {
			b.WriteRune(rune(0x4E00 + rng.IntN(3000)))
		}
		return b.String()
	}
	syll := []string{"ka", "lo", "mi", "ren", "tu", "sa", "vor", "de", "ni", "pel", "qua", "zin"}
	word := func() string {
		var b strings.Builder
		for range 2 + rng.IntN(2) {
			b.WriteString(syll[rng.IntN(len(syll))])
		}
		return b.String()
	}
	entries := make([]glossary.Entry, n)
	for i := range entries {
		words := make([]string, 1+rng.IntN(3))
		for j := range words {
			words[j] = word()
		}
		entries[i] = glossary.Entry{ZH: han(2 + rng.IntN(4)), EN: strings.Join(words, " ")}
	}
	segs := make([]Segment, m)
	for i := range segs {
		var zh, en strings.Builder
		for k := range 3 {
			e := entries[rng.IntN(n)]
			zh.WriteString(han(6))
			zh.WriteString(e.ZH)
			en.WriteString("the committee said that ")
			if k > 0 || i%10 != 0 {
				en.WriteString(e.EN + " ")
			}
		}
		fmt.Fprintf(&zh, "增长%d%%。", i%50)
		fmt.Fprintf(&en, "grew %d percent.", i%50)
		segs[i] = Segment{Pos: i + 1, ZH: zh.String(), EN: en.String()}
	}
	return entries, segs
}

// BenchmarkCheck checks 10,000 segments against a 5,000-entry glossary
// (acceptance: under 3 s per op on the project machine).
func BenchmarkCheck(b *testing.B) {
	if testing.Short() {
		b.Skip("short")
	}
	entries, segs := synthetic(5000, 10000)
	c, err := New(entries, Options{})
	if err != nil {
		b.Fatal(err)
	}
	in := &Input{Name: "bench", Segments: segs}
	bytes := 0
	for _, s := range segs {
		bytes += len(s.ZH) + len(s.EN)
	}
	c.Check(in) // load the dictionaries before timing
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		fs := c.Check(in)
		if len(fs) < 1000 {
			b.Fatalf("%d findings: the synthetic misses are not found", len(fs))
		}
	}
}

// BenchmarkNew compiles a 5,000-entry glossary.
func BenchmarkNew(b *testing.B) {
	entries, _ := synthetic(5000, 0)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(entries, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSyntheticFindings checks that the benchmark's input finds what it
// should: one missing term in every tenth segment, nothing else.
func TestSyntheticFindings(t *testing.T) {
	t.Parallel()
	entries, segs := synthetic(500, 200)
	c, err := New(entries, Options{})
	if err != nil {
		t.Fatal(err)
	}
	missing := 0
	for _, f := range c.Check(&Input{Segments: segs}) {
		if f.Kind == MissingTerm {
			missing++
		}
	}
	// Random Chinese filler can hold other terms by chance, so at least
	// the 20 planted misses.
	if missing < 20 {
		t.Errorf("%d missing-term findings, want at least 20", missing)
	}
}
