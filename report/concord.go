package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/corpus/cedict"
	"github.com/bitext/bitext/corpus/norm"
)

// Concordance: every aligned pair whose Chinese (or English) side contains a
// term, with the term marked on its side and its likely rendering marked on
// the other, grouped by rendering.
//
// Finding the rendering is the crux. A candidate is an n-gram of the other
// side: 1–8 English words (not starting or ending with a function word, not
// running across punctuation other than an inner comma, compared through
// norm.TermKey), or 2–8 Chinese characters (not starting or ending with a
// function character, compared Simplified and width-folded). For each
// candidate c let a be the number of matching pairs holding c and b the
// number of other pairs holding it, M and R the numbers of matching and
// other pairs. The score
//
//	score(c) = a/M · a/(a+b)
//
// is the share of the term's pairs that c covers times the share of c's
// pairs that hold the term (a Dice-like association): a rendering is both
// frequent with the term and rare without it. Ties go to the longer
// candidate, so "terrorism, separatism and extremism" beats "separatism"
// when they always occur together, and a longer candidate is preferred when
// it holds the best one in most of its pairs (see nestShare). A candidate
// must be over-represented
// (a/M > b/R), hold the term in at least minPrecision of its pairs
// (a/(a+b)), and occur in at least MinPairs matching pairs.
//
// Words the rest of the sentence explains do not count: when the query is
// Chinese, an English candidate that begins or ends with a word glossed
// (CC-CEDICT) by one of the other Chinese words of the pair, and not by the
// term itself, renders that context, not the term ("jointly combat" for
// 共同打击 next to 三股势力), so that occurrence is not counted for it.
//
// Renderings are assigned greedily: the best candidate takes every matching
// pair that holds it, the scores are recomputed on the pairs left, and so on
// until no candidate qualifies; what remains is the "no rendering found"
// group.

// Pair is one aligned pair of a corpus.
type Pair struct {
	Doc    string // document or file the pair came from
	ID     string // the pair's id within it (unit id, line number)
	ZH, EN string
}

// Span is a half-open byte range [Start, End) of a pair's text.
type Span = corpus.Span

// Hit is one pair that contains the term.
type Hit struct {
	Pair      int    // index into the pairs searched
	Group     int    // index into Concordance.Groups
	TermSpans []Span // where the term is, on the term's side
	RendSpans []Span // where the rendering is, on the other side
}

// Group is one rendering of the term and the number of pairs using it.
// Label is the most frequent surface form; empty for the pairs in which no
// rendering was found.
type Group struct {
	Label string
	Key   string // comparison key (norm.TermKey or folded Chinese)
	Count int
}

// Concordance is the result of Concord.
type Concordance struct {
	Term     string
	Side     corpus.Lang // the side the term was looked up on
	Searched int         // pairs searched
	Groups   []Group     // by count, descending; the no-rendering group last
	Hits     []Hit       // in corpus order
}

// ConcordOptions configure Concord. The zero value is ready to use.
type ConcordOptions struct {
	// Side forces the side the term is looked up on. Empty: Chinese when
	// the term has Han characters, or when it occurs on the Chinese side at
	// least half as often as on the English side (acronyms such as IFFO that
	// Chinese text writes in Latin letters); English otherwise.
	Side corpus.Lang
	// MinPairs is the number of matching pairs a rendering must occur in
	// (default 2).
	MinPairs int
}

// minPrecision is the least share of a rendering's pairs that must hold the
// term: "time" in "from time to time" may co-occur with a term twice by
// chance, but it occurs in many other pairs too.
const minPrecision = 0.3

// Candidate n-gram lengths.
const (
	maxEnglishWords = 8
	minChineseRunes = 2
	maxChineseRunes = 8
)

// englishFunctionWords may not start or end an English candidate; those of
// englishInnerWords may occur inside one.
var englishFunctionWords = setOf("a", "an", "the", "of", "and", "or", "for", "with", "to", "in", "on", "at", "by", "from",
	"as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "shall", "should",
	"can", "could", "may", "might", "must", "do", "does", "did", "that", "this", "these", "those", "which", "who",
	"whom", "whose", "it", "its", "their", "they", "them", "his", "her", "he", "she", "we", "our", "us", "you", "your",
	"not", "no", "also", "such", "than", "then", "there", "into", "over", "under", "about", "after", "before",
	"between", "during", "while", "more", "most", "other", "all", "any", "each", "both", "but", "if", "so", "very",
	"through", "up", "out", "against", "among", "per", "via", "within", "without", "i")

var englishInnerWords = setOf("of", "and", "for", "with", "the", "a", "an", "on", "in", "to")

// chineseFunctionRunes may not start or end a Chinese candidate.
var chineseFunctionRunes = setOf("的", "了", "和", "与", "及", "在", "是", "对", "将", "为", "等", "把", "被", "并",
	"也", "而", "或", "从", "向", "于", "以", "其", "之", "这", "该", "有", "中", "上", "下", "就", "都", "又", "所", "已", "要")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Concord finds every pair holding term and groups the pairs by the
// rendering of the term on the other side.
func Concord(pairs []Pair, term string, opt ConcordOptions) *Concordance {
	minPairs := opt.MinPairs
	if minPairs <= 0 {
		minPairs = 2
	}
	c := &Concordance{Term: term, Side: opt.Side, Searched: len(pairs)}
	zhFinder := newHighlighter([]TermHighlight{{ZH: term}})
	enFinder := newHighlighter([]TermHighlight{{EN: term}})
	find := func(p Pair, side corpus.Lang) []Span {
		if side == corpus.Chinese {
			return spansOf(zhFinder.zh(p.ZH))
		}
		return spansOf(enFinder.en(p.EN))
	}
	if c.Side == "" {
		c.Side = corpus.English
		if hasHan(term) {
			c.Side = corpus.Chinese
		} else {
			nzh, nen := 0, 0
			for _, p := range pairs {
				if len(find(p, corpus.Chinese)) > 0 {
					nzh++
				}
				if len(find(p, corpus.English)) > 0 {
					nen++
				}
			}
			if nzh > 0 && 2*nzh >= nen {
				c.Side = corpus.Chinese
			}
		}
	}
	other := corpus.Chinese
	if c.Side == corpus.Chinese {
		other = corpus.English
	}

	tw := newTokenWords()
	var termGloss map[string]bool
	var gl *glosser
	if c.Side == corpus.Chinese {
		gl = newGlosser()
		termGloss = gl.words(term, nil)
	}

	// Candidates of the matching pairs, then their counts in the others.
	matching := map[int][]Span{}
	var cands [][]candidate // per hit, in hit order
	inM := map[string]int{}
	for i, p := range pairs {
		spans := find(p, c.Side)
		if len(spans) == 0 {
			continue
		}
		matching[i] = spans
		c.Hits = append(c.Hits, Hit{Pair: i, TermSpans: spans})
		cs := candidatesOf(p, other, tw)
		if c.Side == corpus.Chinese {
			cs = unexplained(cs, gl, p, spans, termGloss, tw)
		}
		cands = append(cands, cs)
		for _, cd := range cs {
			inM[cd.key]++
		}
	}
	inR := map[string]int{}
	for i, p := range pairs {
		if _, ok := matching[i]; ok {
			continue
		}
		for _, cd := range candidatesOf(p, other, tw) {
			if _, ok := inM[cd.key]; ok {
				inR[cd.key]++
			}
		}
	}
	M, R := len(c.Hits), len(pairs)-len(c.Hits)

	// Greedy assignment.
	group := make([]int, len(c.Hits))
	for i := range group {
		group[i] = -1
	}
	left := len(c.Hits)
	var groups []Group
	for left > 0 {
		counts := map[string]int{}
		for h, cs := range cands {
			if group[h] < 0 {
				for _, cd := range cs {
					counts[cd.key]++
				}
			}
		}
		best, bestScore, bestLen := "", 0.0, 0
		for key, a := range counts {
			if a < minPairs {
				continue
			}
			b := inR[key]
			if R > 0 && float64(a)/float64(M) <= float64(b)/float64(R) || float64(a) < minPrecision*float64(a+b) {
				continue
			}
			score := float64(a) / float64(left) * float64(a) / float64(a+b)
			n := strings.Count(key, " ") + 1
			if c.Side == corpus.English {
				n = utf8.RuneCountInString(key)
			}
			if score > bestScore || score == bestScore && (n > bestLen || n == bestLen && key < best) {
				best, bestScore, bestLen = key, score, n
			}
		}
		if best == "" {
			break
		}
		best = extend(best, counts, inR, c.Side == corpus.Chinese)
		g := len(groups)
		surface := map[string]int{}
		for h, cs := range cands {
			if group[h] >= 0 {
				continue
			}
			for _, cd := range cs {
				if cd.key == best {
					group[h] = g
					left--
					for _, s := range cd.surfaces {
						surface[s]++
					}
					break
				}
			}
		}
		groups = append(groups, Group{Label: mostFrequent(surface), Key: best})
	}
	none := -1
	for h := range c.Hits {
		if group[h] < 0 {
			if none < 0 {
				none = len(groups)
				groups = append(groups, Group{})
			}
			group[h] = none
		}
		groups[group[h]].Count++
	}

	// Order the groups by size (the no-rendering group last) and renumber.
	order := make([]int, len(groups))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		gx, gy := groups[x], groups[y]
		if (gx.Key == "") != (gy.Key == "") {
			if gx.Key == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(gy.Count-gx.Count, strings.Compare(gx.Label, gy.Label))
	})
	renum := make([]int, len(groups))
	for newIdx, old := range order {
		renum[old] = newIdx
		c.Groups = append(c.Groups, groups[old])
	}
	for h := range c.Hits {
		c.Hits[h].Group = renum[group[h]]
		if key := c.Groups[c.Hits[h].Group].Key; key != "" {
			for _, cd := range cands[h] {
				if cd.key == key {
					c.Hits[h].RendSpans = cd.spans
				}
			}
		}
	}
	return c
}

// nestShare is the share of a candidate's pairs that a longer candidate
// holding it must exceed to be preferred: "Belt and Road Initiative" over
// "Belt" when most pairs with "Belt" have the whole name, while "Belt"
// alone also covers "One Belt One Road".
const nestShare = 0.75

// extend returns the longest chain of extensions of best, each holding the
// previous one, found in more than nestShare of its pairs and no more often
// outside the term's pairs; among several extensions the most frequent (then
// the shortest, then the first by key) is taken.
func extend(best string, counts, inR map[string]int, words bool) string {
	contains := func(long, short string) bool {
		if words {
			return len(long) > len(short) && strings.Contains(" "+long+" ", " "+short+" ")
		}
		return len(long) > len(short) && strings.Contains(long, short)
	}
	for {
		next, nextN := "", 0
		for key, a := range counts {
			if !contains(key, best) || float64(a) <= nestShare*float64(counts[best]) || inR[key] > inR[best] {
				continue
			}
			if a > nextN || a == nextN && (len(key) < len(next) || len(key) == len(next) && key < next) {
				next, nextN = key, a
			}
		}
		if next == "" {
			return best
		}
		best = next
	}
}

// Summary is the one-line digest: "三股势力: terrorism, separatism and
// extremism (41), three evil forces (3)".
func (c *Concordance) Summary() string {
	var b strings.Builder
	b.WriteString(c.Term)
	b.WriteString(":")
	if len(c.Groups) == 0 {
		b.WriteString(" not found")
	}
	for i, g := range c.Groups {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(" ")
		if g.Key == "" {
			b.WriteString("no rendering found")
		} else {
			b.WriteString(g.Label)
		}
		b.WriteString(" (")
		b.WriteString(strconv.Itoa(g.Count))
		b.WriteString(")")
	}
	return b.String()
}

// mostFrequent returns the most frequent string, ties to the smallest.
func mostFrequent(m map[string]int) string {
	best, n := "", 0
	for s, k := range m {
		if k > n || k == n && s < best {
			best, n = s, k
		}
	}
	return best
}

// candidate is one distinct rendering candidate of a text: its key, the
// surface forms it occurs in and their spans.
type candidate struct {
	key      string
	surfaces []string
	spans    []Span
}

// candidatesOf returns the distinct candidates of side of p, in key order.
func candidatesOf(p Pair, side corpus.Lang, tw *tokenWords) []candidate {
	if side == corpus.English {
		return englishCandidates(p.EN, tw)
	}
	return chineseCandidates(p.ZH)
}

func collect(byKey map[string]*candidate) []candidate {
	out := make([]candidate, 0, len(byKey))
	for _, c := range byKey {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b candidate) int { return strings.Compare(a.key, b.key) })
	return out
}

func addCandidate(byKey map[string]*candidate, key, surface string, sp Span) {
	c := byKey[key]
	if c == nil {
		c = &candidate{key: key}
		byKey[key] = c
	}
	c.surfaces = append(c.surfaces, surface)
	c.spans = append(c.spans, sp)
}

// englishCandidates lists the word n-grams of s that may be a rendering.
func englishCandidates(s string, tw *tokenWords) []candidate {
	words := tw.words(s)
	byKey := map[string]*candidate{}
	// joinable[i]: word i and i+1 may belong to one candidate: only spaces,
	// hyphens or one comma between them.
	joinable := make([]bool, len(words))
	for i := 0; i+1 < len(words); i++ {
		gap := s[words[i].End:words[i+1].Start]
		joinable[i] = strings.Trim(gap, " -‐‑–—") == "" || strings.TrimSpace(gap) == ","
	}
	for i := range words {
		if englishFunctionWords[words[i].Key] || isDigits(words[i].Key) {
			continue
		}
		var key strings.Builder
		for j := i; j < len(words) && j-i < maxEnglishWords; j++ {
			k := words[j].Key
			if j > i {
				if !joinable[j-1] {
					break
				}
				if englishFunctionWords[k] && !englishInnerWords[k] {
					break
				}
				key.WriteByte(' ')
			}
			key.WriteString(k)
			if englishFunctionWords[k] || isDigits(k) {
				continue
			}
			addCandidate(byKey, key.String(), s[words[i].Start:words[j].End], Span{Start: words[i].Start, End: words[j].End})
		}
	}
	return collect(byKey)
}

func isDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) && r != '.' {
			return false
		}
	}
	return s != ""
}

// chineseCandidates lists the character n-grams of the Han runs of s.
func chineseCandidates(s string) []candidate {
	type ch struct {
		folded string
		start  int
		end    int
	}
	byKey := map[string]*candidate{}
	var run []ch
	flush := func() {
		for i := range run {
			if chineseFunctionRunes[run[i].folded] {
				continue
			}
			var key strings.Builder
			for j := i; j < len(run) && j-i < maxChineseRunes; j++ {
				key.WriteString(run[j].folded)
				if j-i+1 < minChineseRunes || chineseFunctionRunes[run[j].folded] {
					continue
				}
				addCandidate(byKey, key.String(), s[run[i].start:run[j].end], Span{Start: run[i].start, End: run[j].end})
			}
		}
		run = run[:0]
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.Is(unicode.Han, r) {
			run = append(run, ch{foldZH(s[i : i+n]), i, i + n})
		} else {
			flush()
		}
		i += n
	}
	flush()
	return collect(byKey)
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// unexplained drops the English candidates that render the context rather
// than the term: those whose content words are all glosses of the Chinese
// words of zh outside the term's spans, and those that begin or end with
// such a word ("jointly combat" for 共同打击三股势力), unless the term's own
// glosses hold the word or the English has the word more than once: the
// context explains one "rural" of "returning rural migrant workers … rural
// revitalization" (返乡农民工 … 乡村振兴), not both.
func unexplained(cs []candidate, g *glosser, p Pair, spans []Span, termGloss map[string]bool, tw *tokenWords) []candidate {
	context := g.words(p.ZH, spans)
	inEN := map[string]int{}
	for _, w := range tw.words(p.EN) {
		inEN[w.Key]++
	}
	byContext := func(w string) bool { return context[w] && !termGloss[w] && inEN[w] <= 1 }
	out := cs[:0:0]
	for _, c := range cs {
		words := strings.Fields(c.key)
		all := true
		for _, w := range words {
			if !englishFunctionWords[w] && !byContext(w) {
				all = false
				break
			}
		}
		if all || byContext(words[0]) || byContext(words[len(words)-1]) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// glosser looks up the English words of CC-CEDICT glosses, each headword's
// once.
type glosser struct {
	d     *cedict.Dict
	cache map[string][]string // headword → keys of its glosses' words
}

func newGlosser() *glosser { return &glosser{d: cedict.Load(), cache: map[string][]string{}} }

// words returns the keys (norm.TermKey) of the words of the glosses of the
// dictionary words of s (longest match), skipping the spans.
func (g *glosser) words(s string, skip []Span) map[string]bool {
	words := map[string]bool{}
	for i := 0; i < len(s); {
		if k := slices.IndexFunc(skip, func(sp Span) bool { return sp.Start <= i && i < sp.End }); k >= 0 {
			i = skip[k].End
			continue
		}
		n := g.d.LongestAt(s, i)
		if n == 0 {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		head := s[i : i+n]
		keys, ok := g.cache[head]
		if !ok {
			for _, e := range g.d.Lookup(head) {
				for _, gl := range e.Glosses {
					keys = append(keys, norm.WordKeys(gl)...)
				}
			}
			g.cache[head] = keys
		}
		for _, k := range keys {
			words[k] = true
		}
		i += n
	}
	return words
}

// spansOf returns the marked spans of highlighted pieces.
func spansOf(ps []piece) []Span {
	var out []Span
	at := 0
	for _, p := range ps {
		switch p := p.(type) {
		case string:
			at += len(p)
		case []any:
			t := p[1].(string)
			out = append(out, Span{Start: at, End: at + len(t)})
			at += len(t)
		}
	}
	return out
}
