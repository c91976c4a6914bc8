package check

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// naiveFind is the obviously correct reference: every occurrence of every
// pattern, by trying each pattern at each byte.
func naiveFind(patterns []string, s string) []acHit {
	var hits []acHit
	for end := 1; end <= len(s); end++ {
		for id, p := range patterns {
			if p != "" && end >= len(p) && s[end-len(p):end] == p && firstIndex(patterns, p) == id {
				hits = append(hits, acHit{pat: int32(id), start: end - len(p), end: end})
			}
		}
	}
	return hits
}

func firstIndex(patterns []string, p string) int {
	return slices.Index(patterns, p)
}

func sortHits(h []acHit) {
	slices.SortFunc(h, func(a, b acHit) int {
		if a.end != b.end {
			return a.end - b.end
		}
		if a.start != b.start {
			return a.start - b.start
		}
		return int(a.pat - b.pat)
	})
}

// TestACMatcherReference checks the automaton against naiveFind on many
// small random pattern sets and texts over a tiny alphabet, where patterns
// overlap, nest and share suffixes as much as possible.
func TestACMatcherReference(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(7, 11))
	alphabet := []string{"a", "b", "国", "会"}
	word := func(max int) string {
		var b strings.Builder
		for range rng.IntN(max + 1) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	for round := range 3000 {
		patterns := make([]string, 1+rng.IntN(8))
		for i := range patterns {
			patterns[i] = word(4)
		}
		text := word(20)
		got := newACMatcher(patterns).find(text, nil)
		want := naiveFind(patterns, text)
		sortHits(got)
		sortHits(want)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: patterns %q text %q:\n got %v\nwant %v", round, patterns, text, got, want)
		}
	}
}

func FuzzACMatcher(f *testing.F) {
	f.Add("国会|中国|会展", "中国会展中心")
	f.Add("he|she|his|hers", "ushers")
	f.Fuzz(func(t *testing.T, pats, text string) {
		patterns := strings.Split(pats, "|")
		if len(patterns) > 50 {
			return
		}
		got := newACMatcher(patterns).find(text, nil)
		want := naiveFind(patterns, text)
		sortHits(got)
		sortHits(want)
		if !slices.Equal(got, want) {
			t.Fatalf("patterns %q text %q:\n got %v\nwant %v", patterns, text, got, want)
		}
	})
}
