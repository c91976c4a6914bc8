package glossary

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/corpus/cedict"
	"github.com/bitext/bitext/corpus/norm"
)

// Word-level association: a Chinese word and an English word are linked
// when the dictionary glosses one with the other, when they are the same
// Latin string or number, or when they co-occur in the corpus with Dice at
// least minWordDice over at least minWordPairs units and close
// to the best partner of each (nearBest).
const (
	minWordDice  = 0.4
	minWordPairs = 3
	nearBest     = 0.8
)

// lexicon answers how well the words of a Chinese term and of an English
// term explain each other. Not safe for concurrent use (it caches).
type lexicon struct {
	dict   *cedict.Dict
	v      *Vocabulary
	pc     *PairCounts
	zhFreq []int32
	enFreq []int32
	gloss  map[string]map[string]bool // zh word → English word keys
	bestZH []float64                  // by zh id: Dice of the best English word (partners)
	bestEN []float64                  // by en id: Dice of the best Chinese word
}

func newLexicon(d *cedict.Dict, v *Vocabulary, pc *PairCounts, zhFreq, enFreq []int32) *lexicon {
	return &lexicon{dict: d, v: v, pc: pc, zhFreq: zhFreq, enFreq: enFreq, gloss: make(map[string]map[string]bool)}
}

var (
	parenthetical = regexp.MustCompile(`\([^)]*\)`)
	skipGloss     = regexp.MustCompile(`^(CL:|variant of|old variant|see |surname|abbr\. for|also written|used in|erhua variant|Taiwan pr\.)`)
)

// glossWords returns the English word keys the dictionary glosses a Chinese
// word with: its own entries, or those of the longest dictionary words it is
// made of.
func (lx *lexicon) glossWords(w string) map[string]bool {
	if g, ok := lx.gloss[w]; ok {
		return g
	}
	g := make(map[string]bool)
	lx.gloss[w] = g
	if lx.dict == nil {
		return g
	}
	add := func(word string) {
		for _, e := range lx.dict.Lookup(word) {
			for _, gl := range e.Glosses {
				if skipGloss.MatchString(gl) {
					continue
				}
				for _, k := range norm.WordKeys(parenthetical.ReplaceAllString(gl, " ")) {
					if isContentWord(k) {
						g[k] = true
					}
				}
			}
		}
	}
	if lx.dict.Has(w) {
		add(w)
		return g
	}
	for i := 0; i < len(w); {
		n := lx.dict.LongestAt(w, i)
		if n == 0 {
			_, n = utf8.DecodeRuneInString(w[i:])
		} else {
			add(w[i : i+n])
		}
		i += n
	}
	return g
}

// linked reports whether Chinese word z and English word key e translate
// each other: the dictionary glosses z with e (or a word sharing its stem:
// defence, defensive), they are the same Latin string, or they are each
// other's best partner in the corpus (see partners).
func (lx *lexicon) linked(z, e string) bool {
	if strings.EqualFold(z, e) || norm.TermKey(z) == e {
		return true
	}
	g := lx.glossWords(z)
	if g[e] {
		return true
	}
	for w := range g {
		if sameStem(w, e) {
			return true
		}
	}
	if lx.bestZH == nil {
		lx.partners()
	}
	zi, ok1 := lx.v.zhID[z]
	ei, ok2 := lx.v.enID[e]
	if !ok1 || !ok2 {
		return false
	}
	n := lx.pc.Pairs[pairKey(zi, ei)].N
	if n < minWordPairs {
		return false
	}
	d := 2 * float64(n) / float64(lx.zhFreq[zi]+lx.enFreq[ei])
	return d >= minWordDice && d >= nearBest*lx.bestZH[zi] && d >= nearBest*lx.bestEN[ei]
}

// sameStem reports whether two word keys share a stem: a common prefix of
// at least five letters that leaves at most three letters of the shorter.
func sameStem(a, b string) bool {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= 5 && n >= min(len(a), len(b))-3
}

// partners finds, for every single Chinese and English word, the Dice of
// its best partner on the other side over at least minWordPairs units.
// A learned link must come close to both words' best: with small counts
// every word of two co-occurring sentences has Dice 1 with every other,
// and competition keeps the links the rest of the corpus supports.
func (lx *lexicon) partners() {
	lx.bestZH = make([]float64, len(lx.v.ZH))
	lx.bestEN = make([]float64, len(lx.v.EN))
	for k, s := range lx.pc.Pairs {
		z, e := int32(k>>32), int32(uint32(k))
		if s.N < minWordPairs || strings.Contains(lx.v.ZHTokens[z], zhSep) || strings.Contains(lx.v.EN[e], " ") {
			continue
		}
		d := 2 * float64(s.N) / float64(lx.zhFreq[z]+lx.enFreq[e])
		lx.bestZH[z] = max(lx.bestZH[z], d)
		lx.bestEN[e] = max(lx.bestEN[e], d)
	}
}

// zhWords returns the words of a Chinese key, brackets of group tokens
// removed, function words dropped.
func zhWords(key string) []string {
	var out []string
	for _, t := range strings.Split(key, zhSep) {
		if r, _ := utf8.DecodeRuneInString(t); r != utf8.RuneError {
			if c, _ := groupCloser(r); c != 0 {
				t = strings.TrimSuffix(strings.TrimPrefix(t, string(r)), string(c))
			}
		}
		if t == "" || zhFunction[norm.Simplify(t)] {
			continue
		}
		out = append(out, t)
	}
	return out
}

// enWords returns the content words of an English key.
func enWords(key string) []string {
	var out []string
	for _, w := range strings.Fields(key) {
		if isContentWord(w) {
			out = append(out, w)
		}
	}
	return out
}

// agreement is the share of each term's words that a word of the other term
// explains: 1, 1 when every Chinese word has
// its English counterpart inside the English term and the reverse, low when
// the English runs on past the Chinese ("exchange fund investment will").
func (lx *lexicon) agreement(zhKey, enKey string) (zh, en float64) {
	zs, es := zhWords(zhKey), enWords(enKey)
	if len(zs) == 0 || len(es) == 0 {
		return 0, 0
	}
	eCovered := make([]bool, len(es))
	zc := 0
	for _, z := range zs {
		hit := false
		for j, e := range es {
			if lx.linked(z, e) {
				hit, eCovered[j] = true, true
			}
		}
		if hit {
			zc++
		}
	}
	ec := 0
	for _, c := range eCovered {
		if c {
			ec++
		}
	}
	return float64(zc) / float64(len(zs)), float64(ec) / float64(len(es))
}

// trivial reports whether the dictionary already gives en for the Chinese
// term: general vocabulary, not terminology.
func (lx *lexicon) trivial(zhKey, en string) bool {
	if lx.dict == nil {
		return false
	}
	zh := strings.ReplaceAll(zhKey, zhSep, "")
	entries := lx.dict.Lookup(zh)
	if len(entries) == 0 {
		return false
	}
	k := norm.TermKey(en)
	for _, e := range entries {
		for _, gl := range e.Glosses {
			gl = parenthetical.ReplaceAllString(gl, " ")
			gl = strings.TrimPrefix(strings.TrimSpace(gl), "to ")
			if norm.TermKey(gl) == k {
				return true
			}
		}
	}
	ws := enWords(k)
	return len(ws) == 1 && lx.glossWords(zh)[ws[0]]
}
