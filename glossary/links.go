package glossary

import (
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/corpus/norm"
)

// links are the dictionary links between the words of one aligned unit:
// which English words each Chinese token glosses to, and the reverse.
// A pair of occurrences is consistent with them (as in phrase extraction
// for statistical translation) when no English word of the English term
// is linked only to Chinese words outside the Chinese term. That is how the
// glossary cuts the English where the Chinese stops: in "the Exchange Fund
// investment will …" the word "investment" belongs to 投资 outside 外汇基金,
// so "Exchange Fund investment" is not the rendering of 外汇基金. (The
// converse test, a Chinese word whose only links lie outside the English
// term, is left to the coverage score: dictionary senses of single Chinese
// words are too often beside the point, 三股 glossed as "threats".)
type links struct {
	zh   [][]int  // by token: linked word indexes
	en   [][]int  // by word: linked token indexes
	span [][2]int // by token: its bytes in the unit's text
}

// linkUnit links the tokens and words of a unit through the dictionary and
// identical Latin strings.
func linkUnit(g *glosser, toks []zhToken, words []enWord) links {
	l := links{zh: make([][]int, len(toks)), en: make([][]int, len(words)), span: make([][2]int, len(toks))}
	for i, t := range toks {
		l.span[i] = [2]int{t.start, t.end}
	}
	if len(toks) == 0 || len(words) == 0 {
		return l
	}
	exact := make(map[string][]int)
	stems := make(map[string][]int)
	for j, w := range words {
		if !isContentWord(w.lower) {
			continue
		}
		for _, k := range strings.Fields(w.key) {
			exact[k] = append(exact[k], j)
			if len(k) >= 5 {
				stems[k[:5]] = append(stems[k[:5]], j)
			}
		}
	}
	link := func(i, j int) {
		for _, x := range l.zh[i] {
			if x == j {
				return
			}
		}
		l.zh[i] = append(l.zh[i], j)
		l.en[j] = append(l.en[j], i)
	}
	for i, t := range toks {
		if utf8.RuneCountInString(t.text) == 1 && zhFunction[norm.Simplify(t.text)] {
			continue // particles (的, 了, 和) translate as nothing in particular
		}
		if isLatin(t.text) {
			for _, j := range exact[norm.TermKey(t.text)] {
				link(i, j)
			}
			continue
		}
		gl := g.of(t.text)
		whole := false
		for j, w := range words {
			if gl.whole[w.key] {
				link(i, j) // 反恐 ↔ counter-terrorism, not every "terrorism"
				whole = true
			}
		}
		if whole {
			continue
		}
		for w := range gl.words {
			for _, j := range exact[w] {
				link(i, j)
			}
			if len(w) >= 5 {
				for _, j := range stems[w[:5]] {
					if sameStem(w, words[j].key) {
						link(i, j)
					}
				}
			}
		}
	}
	return l
}

// consistent reports whether the English words [ea, eb] can translate the
// Chinese tokens [za, zb] under the links. Tokens are compared by their
// place in the text: a group token and the words inside it overlap, so
// the link of “一带一路” (a dictionary entry) to "Belt" also holds for the
// words 一带 and 一路 it quotes, and the reverse.
func (l links) consistent(za, zb, ea, eb int) bool {
	lo, hi := l.span[za][0], l.span[zb][1]
	for j := ea; j <= eb; j++ {
		if len(l.en[j]) > 0 && !l.anyOverlaps(l.en[j], lo, hi) {
			return false
		}
	}
	return true
}

// anyOverlaps reports whether one of the tokens xs overlaps bytes [lo, hi).
func (l links) anyOverlaps(xs []int, lo, hi int) bool {
	for _, x := range xs {
		if l.span[x][0] < hi && l.span[x][1] > lo {
			return true
		}
	}
	return false
}
