package check

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/corpus/norm"
)

// caseShape is the capitalisation pattern of a word, for case-sensitive
// entries.
type caseShape uint8

const (
	lowerShape caseShape = iota // china, iPhone
	titleShape                  // China
	upperShape                  // CHINA, US
)

func shapeOf(w string) caseShape {
	w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"), "'")
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return lowerShape
	}
	letters, upper := 0, 0
	for _, r := range w[n:] {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters > 0 && upper == letters {
		return upperShape
	}
	return titleShape
}

// enPhrase is one English rendering, keyed word by word.
type enPhrase struct {
	entry     int // index into Checker.entries
	group     int
	forbidden bool
	keys      []string
	alts      [][]string  // per word: keys of its other number (basis: bases), see numberForms
	shapes    []caseShape // nil unless the entry is case-sensitive
}

// enHit is a rendering found in a target segment.
type enHit struct {
	phrase     int
	start, end int // byte span in the segment
}

// enMatcher finds renderings in target text: phrases are indexed by the key
// of their first word, so each word of the text tries only the phrases that
// can start there.
type enMatcher struct {
	phrases []enPhrase
	byFirst map[string][]int32
}

// phraseWords returns the words of a rendering, a leading article dropped.
func phraseWords(s string) []norm.Word {
	words := norm.Words(s)
	if len(words) > 1 {
		switch words[0].Key {
		case "the", "a", "an":
			words = words[1:]
		}
	}
	return words
}

// add indexes a rendering; it returns false when the rendering has no words.
func (m *enMatcher) add(text string, p enPhrase, caseSensitive bool) bool {
	words := phraseWords(text)
	if len(words) == 0 {
		return false
	}
	p.keys = make([]string, len(words))
	p.alts = make([][]string, len(words))
	for i, w := range words {
		p.keys[i] = w.Key
		for _, f := range numberForms(text[w.Start:w.End]) {
			if k := norm.TermKey(f); k != w.Key && k != "" && !slices.Contains(p.alts[i], k) {
				p.alts[i] = append(p.alts[i], k)
			}
		}
		if caseSensitive {
			p.shapes = append(p.shapes, shapeOf(text[w.Start:w.End]))
		}
	}
	if m.byFirst == nil {
		m.byFirst = map[string][]int32{}
	}
	id := int32(len(m.phrases))
	for _, k := range append([]string{p.keys[0]}, p.alts[0]...) {
		m.byFirst[k] = append(m.byFirst[k], id)
	}
	m.phrases = append(m.phrases, p)
	return true
}

// numberForms returns the other number of an English noun in -is (basis,
// bases; axis, axes): their plural is also the plural of another noun (base,
// axe), so norm.TermKey keys it as that one and the rendering accepts both.
// The other plurals the stemmer leaves apart (leaves, indices, buses,
// stimuli) are brought together by norm.TermKey itself. Forms that key the
// same as the word are dropped by the caller.
func numberForms(w string) []string {
	lw := strings.ToLower(w)
	if stem, ok := strings.CutSuffix(lw, "is"); ok {
		return []string{stem + "es"}
	}
	if stem, ok := strings.CutSuffix(lw, "es"); ok {
		return []string{stem + "is"}
	}
	return nil
}

// find returns every occurrence of every phrase in the words of s.
func (m *enMatcher) find(s string, words []norm.Word) []enHit {
	var hits []enHit
	for i, w := range words {
	next:
		for _, id := range m.byFirst[w.Key] {
			p := &m.phrases[id]
			if i+len(p.keys) > len(words) {
				continue
			}
			for j, k := range p.keys {
				if wk := words[i+j].Key; wk != k && !slices.Contains(p.alts[j], wk) {
					continue next
				}
				if p.shapes != nil && shapeOf(s[words[i+j].Start:words[i+j].End]) != p.shapes[j] {
					continue next
				}
			}
			hits = append(hits, enHit{phrase: int(id), start: w.Start, end: words[i+len(p.keys)-1].End})
		}
	}
	return hits
}

// abbrevAfter returns the abbreviation in parentheses right after s[end:]
// ("… Organization (SCO)"), or "". An abbreviation is 2 to 10 letters,
// digits, & or dots, starting with a capital and holding no lower-case
// letter after its first two runes (SCO, WTO, G20, SARs is not one).
func abbrevAfter(s string, end int) string {
	rest := strings.TrimLeft(s[end:], " \u00a0")
	if !strings.HasPrefix(rest, "(") && !strings.HasPrefix(rest, "（") {
		return ""
	}
	_, n := utf8.DecodeRuneInString(rest)
	rest = rest[n:]
	close := strings.IndexAny(rest, ")）")
	if close < 0 {
		return ""
	}
	a := strings.TrimSpace(rest[:close])
	if len(a) < 2 || len(a) > 10 || a[0] < 'A' || a[0] > 'Z' {
		return ""
	}
	upper := 0
	for _, c := range []byte(a) {
		switch {
		case 'A' <= c && c <= 'Z':
			upper++
		case '0' <= c && c <= '9', c == '&', c == '.', c == '-':
		default:
			return ""
		}
	}
	if upper < 2 && !strings.ContainsAny(a, "0123456789") {
		return ""
	}
	return a
}

// wordCache keys English tokens once per Check: running text repeats its
// words, and keying (stemming, spelling) is the costly part of matching.
type wordCache map[string][]norm.Word // token → its words, offsets relative to the token

// words returns the words of s as norm.Words does and, when a hyphenated
// compound was keyed as one word (anti-subsidy → antisubsidy, co-operation
// → cooperation), also the words with every compound cut into its parts,
// each keyed alone, so that "subsidy" is found in "anti-subsidy"; parts is
// nil when it would equal words.
func (wc wordCache) words(s string) (words, parts []norm.Word) {
	split := false
	for _, t := range norm.EnglishTokens(s) {
		ws := wc.get(t.Text, false)
		words = appendShifted(words, ws, t.Start)
		if strings.ContainsAny(t.Text, "-‐‑–—") {
			ps := wc.get(t.Text, true)
			split = split || len(ps) != len(ws)
			parts = appendShifted(parts, ps, t.Start)
		} else {
			parts = appendShifted(parts, ws, t.Start)
		}
	}
	if !split {
		parts = nil
	}
	return words, parts
}

func (wc wordCache) get(token string, cut bool) []norm.Word {
	key := token
	if cut {
		key = "\x00" + token
	}
	if ws, ok := wc[key]; ok {
		return ws
	}
	var ws []norm.Word
	if !cut {
		ws = norm.Words(token)
	} else {
		start := 0
		for i, r := range token + "-" {
			if !strings.ContainsRune("-‐‑–—", r) {
				continue
			}
			ws = appendShifted(ws, norm.Words(token[start:min(i, len(token))]), start)
			start = i + utf8.RuneLen(r)
		}
	}
	wc[key] = ws
	return ws
}

func appendShifted(dst, ws []norm.Word, off int) []norm.Word {
	for _, w := range ws {
		w.Start += off
		w.End += off
		dst = append(dst, w)
	}
	return dst
}
