package check

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/corpus/cedict"
	"github.com/bitext/bitext/corpus/norm"
)

// zhKey is the comparison form of Chinese text: folded and Simplified.
func zhKey(s string) string { return norm.Simplify(norm.Fold(s)) }

// folded is Chinese text in comparison form with a map back to the original.
type folded struct {
	text string
	// orig[i] is the byte offset in the original of the rune that produced
	// byte i of text; orig[len(text)] is the original's length. nil when
	// text is the original.
	orig []int
}

func foldZH(s string) folded {
	k := zhKey(s)
	if k == s {
		return folded{text: s}
	}
	var b strings.Builder
	orig := make([]int, 0, len(s)+1)
	for i := 0; i < len(s); {
		_, n := utf8.DecodeRuneInString(s[i:])
		piece := zhKey(s[i : i+n])
		b.WriteString(piece)
		for range len(piece) {
			orig = append(orig, i)
		}
		i += n
	}
	orig = append(orig, len(s))
	return folded{text: b.String(), orig: orig}
}

// span maps a byte span of the folded text to the original.
func (f folded) span(start, end int) (int, int) {
	if f.orig == nil {
		return start, end
	}
	// A span ending inside the folded form of one original rune (㈱ →
	// (株)) extends to that rune's end.
	for end < len(f.orig)-1 && f.orig[end] == f.orig[end-1] {
		end++
	}
	s, e := f.orig[start], f.orig[end]
	return s, e
}

// zhHit is a glossary term found in a source segment.
type zhHit struct {
	group      int
	start, end int // in the original text
}

// zhMatcher finds the glossary's Chinese terms in source text.
type zhMatcher struct {
	ac        *acMatcher
	groups    []int // pattern id → group
	segmenter corpus.Segmenter
}

// find returns the terms of s, longest first, left to right, not
// overlapping, on word boundaries, in text order.
func (m *zhMatcher) find(s string) []zhHit {
	if s == "" {
		return nil
	}
	f := foldZH(s)
	cands := m.ac.find(f.text, nil)
	if len(cands) == 0 {
		return nil
	}
	sort.SliceStable(cands, func(i, j int) bool {
		li, lj := cands[i].end-cands[i].start, cands[j].end-cands[j].start
		if li != lj {
			return li > lj
		}
		return cands[i].start < cands[j].start
	})
	var bounds map[int]bool // word boundaries of the segmentation, on demand
	var taken []acHit
	var hits []zhHit
	for _, c := range cands {
		if overlapsAny(taken, c) {
			continue
		}
		if m.segmenter != nil {
			if bounds == nil {
				bounds = wordBounds(m.segmenter, f.text)
			}
			if len(bounds) > 0 && (!bounds[c.start] || !bounds[c.end]) {
				continue
			}
		} else if crossesBothEdges(f.text, c.start, c.end) {
			continue
		}
		taken = append(taken, c)
		start, end := f.span(c.start, c.end)
		hits = append(hits, zhHit{group: m.groups[c.pat], start: start, end: end})
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].start < hits[j].start })
	return hits
}

func overlapsAny(taken []acHit, c acHit) bool {
	for _, t := range taken {
		if c.start < t.end && t.start < c.end {
			return true
		}
	}
	return false
}

// wordBounds returns the byte offsets at which seg cuts text, or nil when
// the pieces do not add up to the text (then no boundary is enforced).
func wordBounds(seg corpus.Segmenter, text string) map[int]bool {
	b := map[int]bool{0: true}
	pos := 0
	for _, w := range seg.Cut(text) {
		if !strings.HasPrefix(text[pos:], w) {
			return nil
		}
		pos += len(w)
		b[pos] = true
	}
	if pos != len(text) {
		return nil
	}
	return b
}

// maxCross is how many runes a dictionary word may reach across a
// candidate's edge in the cheaper boundary rule.
const maxCross = 3

// crossesBothEdges reports whether dictionary words cross both edges of
// text[start:end]: one begins before start and ends inside, another begins
// inside and ends after end. See the package comment.
func crossesBothEdges(text string, start, end int) bool {
	d := cedict.Load()
	left := false
	p := start
	for k := 0; k < maxCross && p > 0 && !left; k++ {
		_, n := utf8.DecodeLastRuneInString(text[:p])
		p -= n
		q := start
		for j := 0; j < maxCross; j++ {
			_, m := utf8.DecodeRuneInString(text[q:])
			q += m
			if q >= end {
				break
			}
			if d.Has(text[p:q]) {
				left = true
				break
			}
		}
	}
	if !left {
		return false
	}
	p = start
	for {
		_, n := utf8.DecodeRuneInString(text[p:])
		p += n
		if p >= end {
			return false
		}
		q := end
		for j := 0; j < maxCross && q < len(text); j++ {
			_, m := utf8.DecodeRuneInString(text[q:])
			q += m
			if d.Has(text[p:q]) {
				return true
			}
		}
	}
}
