package report

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/corpus/norm"
)

// highlighter finds glossary terms in sentences: longest match first,
// non-overlapping, through the shared comparison forms.
type highlighter struct {
	zhByFirst map[rune][]pattern   // Chinese patterns by first folded rune
	enByFirst map[string][]pattern // English patterns by first word key
	tokens    *tokenWords
}

// pattern is one term's comparison form: folded runes (Chinese) or word keys
// (English), and the index of its entry.
type pattern struct {
	runes []rune
	keys  []string
	term  int
}

func newHighlighter(terms []TermHighlight) *highlighter {
	h := &highlighter{zhByFirst: map[rune][]pattern{}, enByFirst: map[string][]pattern{}, tokens: newTokenWords()}
	for i, t := range terms {
		if rs := []rune(foldZH(t.ZH)); len(rs) > 0 {
			h.zhByFirst[rs[0]] = append(h.zhByFirst[rs[0]], pattern{runes: rs, term: i})
		}
		if keys := strings.Fields(norm.TermKey(t.EN)); len(keys) > 0 {
			h.enByFirst[keys[0]] = append(h.enByFirst[keys[0]], pattern{keys: keys, term: i})
		}
	}
	// Longest first; among equals the earlier entry wins.
	for _, ps := range h.zhByFirst {
		slices.SortStableFunc(ps, func(a, b pattern) int { return len(b.runes) - len(a.runes) })
	}
	for _, ps := range h.enByFirst {
		slices.SortStableFunc(ps, func(a, b pattern) int { return len(b.keys) - len(a.keys) })
	}
	return h
}

// foldZH is the comparison form of Chinese text: Simplified, width-folded.
func foldZH(s string) string { return norm.Fold(norm.Simplify(s)) }

// span is a highlighted byte range of a sentence.
type span struct {
	start, end, term int
}

// zh returns s cut into pieces with the glossary's Chinese terms marked.
func (h *highlighter) zh(s string) []piece {
	if len(h.zhByFirst) == 0 {
		return []piece{s}
	}
	// Fold rune by rune, remembering where each folded rune came from, so
	// matches map back to the original text.
	var folded []rune
	var from []int // byte offset in s of the original rune behind folded[k]
	for i := 0; i < len(s); {
		_, n := utf8.DecodeRuneInString(s[i:])
		for _, fr := range foldZH(s[i : i+n]) {
			folded = append(folded, fr)
			from = append(from, i)
		}
		i += n
	}
	var spans []span
	for k := 0; k < len(folded); {
		matched := 0
		for _, p := range h.zhByFirst[folded[k]] {
			if k+len(p.runes) <= len(folded) && slices.Equal(folded[k:k+len(p.runes)], p.runes) {
				end := len(s)
				if e := k + len(p.runes); e < len(folded) {
					end = from[e]
				}
				if end > from[k] {
					spans = append(spans, span{from[k], end, p.term})
				}
				matched = len(p.runes)
				break
			}
		}
		k += max(matched, 1)
	}
	return cut(s, spans)
}

// en returns s cut into pieces with the glossary's English terms marked.
func (h *highlighter) en(s string) []piece {
	if len(h.enByFirst) == 0 {
		return []piece{s}
	}
	words := h.tokens.words(s)
	var spans []span
	for k := 0; k < len(words); {
		matched := 0
		for _, p := range h.enByFirst[words[k].Key] {
			if k+len(p.keys) > len(words) {
				continue
			}
			ok := true
			for j, key := range p.keys[1:] {
				if words[k+1+j].Key != key {
					ok = false
					break
				}
			}
			if ok {
				spans = append(spans, span{words[k].Start, words[k+len(p.keys)-1].End, p.term})
				matched = len(p.keys)
				break
			}
		}
		k += max(matched, 1)
	}
	return cut(s, spans)
}

// tokenWords computes norm.Words with the words of each distinct token
// computed once: stemming is what highlighting and concordance spend most
// of their time on, and running text repeats its tokens. Not safe for
// concurrent use.
type tokenWords struct {
	cache map[string][]norm.Word // token → its words, offsets within the token
}

func newTokenWords() *tokenWords { return &tokenWords{cache: map[string][]norm.Word{}} }

// words returns norm.Words(s).
func (c *tokenWords) words(s string) []norm.Word {
	var out []norm.Word
	for _, t := range norm.EnglishTokens(s) {
		ws, ok := c.cache[t.Text]
		if !ok {
			ws = norm.Words(t.Text)
			if len(c.cache) < maxWordCache {
				c.cache[t.Text] = ws
			}
		}
		for _, w := range ws {
			out = append(out, norm.Word{Key: w.Key, Start: t.Start + w.Start, End: t.Start + w.End})
		}
	}
	return out
}

// maxWordCache bounds a token cache.
const maxWordCache = 1 << 16

// cut splits s at the spans (ascending, non-overlapping) into pieces.
func cut(s string, spans []span) []piece {
	if len(spans) == 0 {
		return []piece{s}
	}
	var out []piece
	at := 0
	for _, sp := range spans {
		if sp.start < at {
			continue // a compound's parts share a span
		}
		if sp.start > at {
			out = append(out, s[at:sp.start])
		}
		out = append(out, []any{sp.term, s[sp.start:sp.end]})
		at = sp.end
	}
	if at < len(s) {
		out = append(out, s[at:])
	}
	return out
}
