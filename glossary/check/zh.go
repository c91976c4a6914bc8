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
	f := norm.Fold(s)
	k := norm.Simplify(f)
	if k == s {
		return folded{text: s}
	}
	if f == s && utf8.RuneCountInString(k) == utf8.RuneCountInString(s) {
		// Only Simplify changed s, one rune for one rune: walk both.
		orig := make([]int, 0, len(k)+1)
		i := 0
		for _, r := range k {
			_, n := utf8.DecodeRuneInString(s[i:])
			for range utf8.RuneLen(r) {
				orig = append(orig, i)
			}
			i += n
		}
		return folded{text: k, orig: append(orig, len(s))}
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
	ac        *acMatcher // pattern i is the term of group i
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
	var taken []acHit
	var hits []zhHit
	var words []Span // the segmentation, on demand
	for _, c := range cands {
		if overlapsAny(taken, c) {
			continue
		}
		if m.segmenter != nil {
			if words == nil {
				words = wordSpans(m.segmenter, f.text)
			}
			if crossesWord(words, c.start, c.end) {
				continue
			}
		} else if crossesBothEdges(f.text, c.start, c.end) {
			continue
		}
		taken = append(taken, c)
		start, end := f.span(c.start, c.end)
		hits = append(hits, zhHit{group: int(c.pat), start: start, end: end})
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

// wordSpans returns the words seg cuts text into, or an empty slice when
// the pieces do not add up to the text (then no boundary is enforced).
func wordSpans(seg corpus.Segmenter, text string) []Span {
	spans := []Span{}
	pos := 0
	for _, w := range seg.Cut(text) {
		if !strings.HasPrefix(text[pos:], w) {
			return []Span{}
		}
		spans = append(spans, Span{pos, pos + len(w)})
		pos += len(w)
	}
	if pos != len(text) {
		return []Span{}
	}
	return spans
}

// crossesWord reports whether a word of the segmentation straddles an edge
// of [start, end): 中国|会展中心 around 国会. A word that holds the whole
// candidate (美国国会 around 国会, 长江源 around 长江) does not: the term
// is part of a compound, and its rendering usually is too.
func crossesWord(words []Span, start, end int) bool {
	for _, w := range words {
		if w.Start < start && start < w.End && w.End < end || start < w.Start && w.Start < end && end < w.End {
			return true
		}
	}
	return false
}

// maxCross is how many runes a dictionary word may reach across a
// candidate's edge in the cheaper boundary rule.
const maxCross = 3

// crossesBothEdges reports whether dictionary words cross both edges of
// text[start:end]: one begins before start and ends inside, another begins
// inside and ends after end. A crossing word is explained away when the
// rune it takes from outside belongs to a longer word that ends at start
// (管理局|长江: 局长 crosses, but 管理局 claims 局) or begins at end. See
// the package comment.
func crossesBothEdges(text string, start, end int) bool {
	d := cedict.Load()
	left := false
	for _, p := range runeStarts(text, start, -maxCross) {
		for _, q := range runeStarts(text, start, maxCross) {
			if q > start && q < end && d.Has(text[p:q]) && !wordEndsAt(d, text, p, start) {
				left = true
			}
		}
	}
	if !left {
		return false
	}
	for _, q := range runeStarts(text, end, maxCross) {
		for _, p := range runeStarts(text, end, -maxCross) {
			if p > start && q > end && d.Has(text[p:q]) && !wordBeginsAt(d, text, end, q) {
				return true
			}
		}
	}
	return false
}

// wordEndsAt reports whether a dictionary word of text ends at end and
// begins before p, or a word of two or more characters followed by one
// bound suffix of an organisation or place (管理|局 in 管理局长江源园区,
// where the dictionary lacks 管理局) does.
func wordEndsAt(d *cedict.Dict, text string, p, end int) bool {
	for _, p2 := range runeStarts(text, p, -maxCross) {
		if p2 < p && d.Has(text[p2:end]) {
			return true
		}
	}
	if r, size := utf8.DecodeRuneInString(text[p:]); p+size == end && strings.ContainsRune(boundSuffixes, r) {
		for _, p2 := range runeStarts(text, p, -maxCross) {
			if utf8.RuneCountInString(text[p2:p]) >= 2 && d.Has(text[p2:p]) {
				return true
			}
		}
	}
	return false
}

// boundSuffixes end names of organisations and places (管理局, 办公厅,
// 自治区): a character that takes them from a following word (局长) is
// explained when a word ends just before them.
const boundSuffixes = "局处部委厅院所站署司办会区省市县州镇乡村"

// wordBeginsAt reports whether a dictionary word of text begins at start
// and ends after q.
func wordBeginsAt(d *cedict.Dict, text string, start, q int) bool {
	for _, q2 := range runeStarts(text, q, maxCross) {
		if q2 > q && d.Has(text[start:q2]) {
			return true
		}
	}
	return false
}

// runeStarts returns the rune boundaries of text from i up to n runes
// forward (n > 0, i excluded) or back (n < 0, i excluded), nearest first.
func runeStarts(text string, i, n int) []int {
	var out []int
	for k := 0; k < n && i < len(text); k++ {
		_, m := utf8.DecodeRuneInString(text[i:])
		i += m
		out = append(out, i)
	}
	for k := 0; k > n && i > 0; k-- {
		_, m := utf8.DecodeLastRuneInString(text[:i])
		i -= m
		out = append(out, i)
	}
	return out
}
