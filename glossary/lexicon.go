package glossary

import (
	"math"
	"regexp"
	"slices"
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
	// minOverridePairs is the evidence a learned link needs when the
	// dictionary knows the Chinese word and glosses it otherwise: three
	// sentences that say 一道 (together) and "ready" are chance.
	minOverridePairs = 4
)

// lexicon answers how well the words of a Chinese term and of an English
// term explain each other. Not safe for concurrent use (it caches).
type lexicon struct {
	g      *glosser
	v      *Vocabulary
	pc     *PairCounts
	zhFreq []int32
	enFreq []int32
	bestZH []float64          // by zh id: Dice of the best English word (partners)
	bestEN []float64          // by en id: Dice of the best Chinese word
	used   map[int32]bool     // by zh id: see dictUsed
	stems  map[string][]int32 // single English words by their first minStem letters (see stemIDs)
}

func newLexicon(d *cedict.Dict, v *Vocabulary, pc *PairCounts, zhFreq, enFreq []int32) *lexicon {
	return &lexicon{g: newGlosser(d), v: v, pc: pc, zhFreq: zhFreq, enFreq: enFreq, used: make(map[int32]bool)}
}

var (
	parenthetical = regexp.MustCompile(`\([^)]*\)`)
	skipGloss     = regexp.MustCompile(`^(CL:|variant of|old variant|see |surname|abbr\. for|also written|used in|erhua variant|Taiwan pr\.)`)
)

// glosser looks up what the dictionary says a Chinese word means, as
// English word keys. Not safe for concurrent use (it caches): each counting
// goroutine has its own.
type glosser struct {
	dict  *cedict.Dict
	cache map[string]*glosses
}

// glosses is what the dictionary gives for one Chinese word: each sense as
// its content word keys, and the union of them all. A word the dictionary
// lacks is read as the longest dictionary words it is made of (parts).
type glosses struct {
	senses [][]string
	whole  map[string]bool // each sense's keys joined by spaces
	words  map[string]bool
	parts  []*glosses
}

func newGlosser(d *cedict.Dict) *glosser {
	return &glosser{dict: d, cache: make(map[string]*glosses)}
}

// of returns the glosses of w (brackets of a group token removed).
func (g *glosser) of(w string) *glosses {
	if gl, ok := g.cache[w]; ok {
		return gl
	}
	gl := &glosses{words: make(map[string]bool)}
	g.cache[w] = gl
	if g.dict == nil {
		return gl
	}
	inner := stripGroup(w)
	if g.dict.Has(inner) {
		g.addSenses(gl, inner)
		return gl
	}
	for i := 0; i < len(inner); {
		n := g.dict.LongestAt(inner, i)
		if n == 0 {
			_, n = utf8.DecodeRuneInString(inner[i:])
		} else {
			part := &glosses{words: make(map[string]bool)}
			g.addSenses(part, inner[i:i+n])
			gl.parts = append(gl.parts, part)
			for k := range part.words {
				gl.words[k] = true
			}
		}
		i += n
	}
	return gl
}

func (g *glosser) addSenses(gl *glosses, word string) {
	for _, e := range g.dict.Lookup(word) {
		for _, sense := range e.Glosses {
			if skipGloss.MatchString(sense) {
				continue
			}
			var keys []string
			for _, k := range norm.WordKeys(parenthetical.ReplaceAllString(sense, " ")) {
				if isContentWord(k) {
					keys = append(keys, k)
					gl.words[k] = true
				}
			}
			if len(keys) > 0 {
				gl.senses = append(gl.senses, keys)
				if gl.whole == nil {
					gl.whole = make(map[string]bool)
				}
				gl.whole[strings.Join(keys, " ")] = true
			}
		}
	}
}

// has reports whether the glosses hold English word key e or a word with
// its stem.
func (gl *glosses) has(e string) bool {
	if gl.words[e] {
		return true
	}
	for w := range gl.words {
		if sameStem(w, e) {
			return true
		}
	}
	return false
}

// cover is how much of the word's meaning the English words es render: the
// best share of one sense's words found in es, averaged over the parts of
// a word the dictionary lacks.
func (gl *glosses) cover(es []string) float64 {
	if len(gl.parts) > 0 {
		sum := 0.0
		for _, p := range gl.parts {
			sum += p.cover(es)
		}
		return sum / float64(len(gl.parts))
	}
	best := 0.0
	for _, sense := range gl.senses {
		n := 0
		for _, w := range sense {
			for _, e := range es {
				if w == e || sameStem(w, e) {
					n++
					break
				}
			}
		}
		best = max(best, float64(n)/float64(len(sense)))
	}
	return best
}

// stripGroup removes the brackets of a group token (《…》, “…”, （…）).
func stripGroup(t string) string {
	if r, n := utf8.DecodeRuneInString(t); n > 0 {
		if c, _ := groupCloser(r); c != 0 && strings.HasSuffix(t, string(c)) && len(t) > n+utf8.RuneLen(c) {
			return t[n : len(t)-utf8.RuneLen(c)]
		}
	}
	return t
}

// linked reports whether Chinese word z and English word key e translate
// each other: the dictionary glosses z with e (or a word sharing its stem:
// defence, defensive), they are the same Latin string, or they are each
// other's best partner in the corpus (see partners).
func (lx *lexicon) linked(z, e string) bool {
	if strings.EqualFold(z, e) || norm.TermKey(z) == e {
		return true
	}
	if lx.g.of(z).has(e) {
		return true
	}
	return lx.learned(z, e)
}

// learned reports whether z and e are linked by their co-occurrence.
func (lx *lexicon) learned(z, e string) bool {
	if lx.bestZH == nil {
		lx.partners()
	}
	zi, ok1 := lx.v.zhID[z]
	ei, ok2 := lx.v.enID[e]
	if !ok1 || !ok2 {
		return false
	}
	n := lx.pc.Pairs[pairKey(zi, ei)].N
	if n < minWordPairs || n < minOverridePairs && lx.dictUsed(zi, z) {
		return false
	}
	d := 2 * float64(n) / float64(lx.zhFreq[zi]+lx.enFreq[ei])
	return d >= minWordDice && d >= nearBest*lx.bestZH[zi] && d >= nearBest*lx.bestEN[ei]
}

// dictUsed reports whether a dictionary gloss of Chinese word z (id zi)
// co-occurs with it in minWordPairs units: the corpus renders it as the
// dictionary does, and a link to another English word needs more evidence
// (minOverridePairs). 一道 (together) next to "work together" is not
// "ready"; 互联互通, whose dictionary glosses the corpus never uses, may be
// "connectivity" on three units.
func (lx *lexicon) dictUsed(zi int32, z string) bool {
	if lx.g.dict == nil {
		return false
	}
	if u, ok := lx.used[zi]; ok {
		return u
	}
	used := false
	for w := range lx.g.of(z).words {
		if ei, ok := lx.v.enID[w]; ok && lx.pc.Pairs[pairKey(zi, ei)].N >= minWordPairs {
			used = true
			break
		}
	}
	lx.used[zi] = used
	return used
}

// minStem is the shortest common prefix of two words with one stem.
const minStem = 5

// sameStem reports whether two word keys share a stem: a common prefix of
// at least minStem letters that leaves at most three letters of the shorter.
func sameStem(a, b string) bool {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= minStem && n >= min(len(a), len(b))-3
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
		t = stripGroup(t)
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
	zc := 0.0
	for _, z := range zs {
		cov := 0.0
		if lx.g.dict != nil {
			cov = lx.g.of(z).cover(es)
		}
		for j, e := range es {
			if lx.linked(z, e) {
				eCovered[j] = true
				if strings.EqualFold(z, e) || norm.TermKey(z) == e || lx.learned(z, e) {
					cov = 1
				}
			}
		}
		zc += cov
	}
	ec := 0
	for _, c := range eCovered {
		if c {
			ec++
		}
	}
	return zc / float64(len(zs)), float64(ec) / float64(len(es))
}

// explains reports whether the dictionary (or the same Latin string)
// links every content word of the English term to a word of the Chinese
// term: nothing in the English is left for a longer Chinese term to say.
func (lx *lexicon) explains(zhKey, enKey string) bool {
	zs, es := zhWords(zhKey), enWords(enKey)
	if len(zs) == 0 || len(es) == 0 {
		return false
	}
	for _, e := range es {
		ok := false
		for _, z := range zs {
			if strings.EqualFold(z, e) || norm.TermKey(z) == e || lx.g.dict != nil && lx.g.of(z).has(e) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// unsaid reports whether the dictionary knows the Chinese word z, part of
// a longer term around inner, and the English key en renders none of what
// z adds to inner: some word of one of z's senses that en says and inner's
// glosses lack. 行长 (bank president) after 亚洲基础设施投资银行 adds only
// "president", which "Asian Infrastructure Investment Bank" does not say:
// the holder of the name, not part of it; 亚洲 adds "Asia". A word the
// dictionary lacks is never unsaid.
func (lx *lexicon) unsaid(z, inner, en string) bool {
	if lx.g.dict == nil || en == "" {
		return false
	}
	gl := lx.g.of(z)
	if len(gl.senses) == 0 {
		return false
	}
	had := lx.g.of(inner)
	es := strings.FieldsFunc(strings.Join(enWords(en), " "), func(r rune) bool { return r == ' ' || r == '-' })
	for _, sense := range gl.senses {
		for _, w := range sense {
			if !had.has(w) && slices.ContainsFunc(es, func(e string) bool { return saysWord(e, w) }) {
				return false
			}
		}
	}
	return true
}

// saysWord reports whether English word e renders gloss word w: the same
// word or stem, or one of them the other with a suffix (Asia, Asian; pay,
// payment).
func saysWord(e, w string) bool {
	return e == w || sameStem(e, w) ||
		len(w) >= minAffix && len(e) >= minAffix && (strings.HasPrefix(e, w) || strings.HasPrefix(w, e))
}

// minAffix is the shortest word that counts as said by a longer one.
const minAffix = 3

// dictCover is the dictionary's share of the Chinese term's words that the
// English term renders (no learned links).
func (lx *lexicon) dictCover(zhKey, enKey string) float64 {
	zs, es := zhWords(zhKey), enWords(enKey)
	if len(zs) == 0 || len(es) == 0 || lx.g.dict == nil {
		return 0
	}
	sum := 0.0
	for _, z := range zs {
		sum += lx.g.of(z).cover(es)
	}
	return sum / float64(len(zs))
}

// trivial reports whether the dictionary already gives en for the Chinese
// term: general vocabulary, not terminology.
func (lx *lexicon) trivial(zhKey, en string) bool {
	if lx.g.dict == nil {
		return false
	}
	zh := strings.ReplaceAll(zhKey, zhSep, "")
	entries := lx.g.dict.Lookup(zh)
	if len(entries) == 0 {
		return false
	}
	k := norm.TermKey(en)
	for _, e := range entries {
		for _, sense := range e.Glosses {
			for _, gl := range strings.Split(sense, ";") {
				gl = parenthetical.ReplaceAllString(gl, " ")
				gl = strings.TrimPrefix(strings.TrimSpace(gl), "to ")
				if norm.TermKey(gl) == k {
					return true
				}
			}
		}
	}
	ws := enWords(k)
	if len(ws) != 1 {
		return false
	}
	// One word: a gloss word or its derivative (cooperate: cooperation,
	// strategy: strategic).
	words := lx.g.of(zh).words
	if words[ws[0]] {
		return true
	}
	for w := range words {
		if sameStem(w, ws[0]) {
			return true
		}
	}
	return false
}

// verbPhrase reports whether a Chinese key starts with a word the
// dictionary knows only as a verb (推动构建…, 打击三股势力): a verb phrase
// around a term, not a term, or a verb (构建), not terminology.
func (lx *lexicon) verbPhrase(zhKey string) bool {
	first, _, _ := strings.Cut(zhKey, zhSep)
	return lx.verbOnly(first)
}

// clause reports whether a Chinese key reads as a clause: a word the
// dictionary knows only as a verb with words before and two or more after
// it (代表团访问期间会见当地华侨代表: subject, verb, object). Its score is
// lowered, not its pairing: names hold verbs too, and a key that ends in
// the head of a name (an organisation, a document, a plan or a person:
// 上海合作组织成员国元首理事会, 个人信息保护条例, 债券发行人; see isNameHead)
// is no clause.
func (lx *lexicon) clause(zhKey string) bool {
	toks := strings.Split(zhKey, zhSep)
	if isNameHead(toks[len(toks)-1]) {
		return false
	}
	for i := 1; i+2 < len(toks); i++ {
		if lx.verbOnly(toks[i]) {
			return true
		}
	}
	return false
}

// zhNameHeads are the words that end names of organisations, documents,
// plans and roles (not of events: 出席…峰会 is a clause) (Simplified forms); zhNameHeadChars the single
// characters that do so at the end of a word (发行人, 管理局, 研究院).
var (
	zhNameHeads = setOf(`委员会 理事会 组织 机构 协会 学会 商会 联合会 公司 银行 集团 中心 基金 条例 法 法案 规则 规定
办法 细则 守则 指引 计划 方案 纲要 规划 协定 协议 公约 宣言 战略 倡议 制度 机制`)
	zhNameHeadChars = setOf(`人 者 局 署 院 部 厅 所 法 商 员`)
)

// isNameHead reports whether a Chinese token is, or ends in, the head of
// a name.
func isNameHead(tok string) bool {
	s := norm.Simplify(tok)
	if zhNameHeads[s] {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return utf8.RuneCountInString(s) > 1 && zhNameHeadChars[string(last)]
}

// verbOnly reports whether the dictionary knows word only as a verb.
func (lx *lexicon) verbOnly(word string) bool {
	if lx.g.dict == nil {
		return false
	}
	entries := lx.g.dict.Lookup(word)
	if len(entries) == 0 {
		return false
	}
	for _, e := range entries {
		for _, sense := range e.Glosses {
			if !strings.HasPrefix(sense, "to ") && !skipGloss.MatchString(sense) {
				return false
			}
		}
	}
	return true
}

// verdict is what the dictionary says of a pair (see lexicon.verdict).
type verdict int8

const (
	// noVerdict: the dictionary knows no word of the Chinese term, or the
	// English is an acronym (it abbreviates words no gloss shows) or a
	// name of several words in title case (a name need not say what its
	// words mean): names and new terms, which the dictionary cannot judge.
	noVerdict verdict = iota
	// agrees: a gloss word of a word of the Chinese term, or a word near
	// it (nearWord), is in the English.
	agrees
	// unrelated: the dictionary renders the Chinese term, and none of its
	// renderings is in or near (nearWord) the English.
	unrelated
	// contradicts: unrelated, and a rendering is in the English of the
	// units that hold the Chinese term: the corpus translates the term as
	// the dictionary does, and the pair is a neighbour of the translation
	// (当地时间 ↔ "sidelines" where "local time" is also said, 组织成员国 ↔
	// "council" next to "Organization member states").
	contradicts
)

// verdict judges the pair of Chinese key z (an id) and English key enKey,
// written most often as surface. A rendering is in the units' English when
// one of its words co-occurs with the term in minFreq units and in
// minConsistency of the term's units, as a rendering must.
func (lx *lexicon) verdict(z int32, enKey, surface string, minFreq int32) verdict {
	if lx.g.dict == nil || mostlyCapitals(surface) || strings.Contains(surface, " ") && isTitleCase(surface) {
		return noVerdict
	}
	var gls []*glosses
	if key := lx.v.ZHTokens[z]; lx.generalWord(key) && strings.Contains(key, zhSep) {
		gls = append(gls, lx.g.of(zhConcat(key))) // 当地时间, cut 当地/时间
	}
	for _, w := range zhWords(lx.v.ZHTokens[z]) {
		if gl := lx.g.of(w); len(gl.words) > 0 {
			gls = append(gls, gl)
		}
	}
	if len(gls) == 0 {
		return noVerdict
	}
	es := enWords(enKey)
	for _, gl := range gls {
		for w := range gl.words {
			for _, e := range es {
				if nearWord(w, e) {
					return agrees
				}
			}
		}
	}
	need := max(minFreq, int32(math.Ceil(minConsistency*float64(lx.zhFreq[z]))))
	for _, gl := range gls {
		for w := range gl.words {
			for _, ei := range lx.stemIDs(w) {
				if lx.pc.Pairs[pairKey(z, ei)].N >= need {
					return contradicts
				}
			}
		}
	}
	return unrelated
}

// nearWord reports whether two English word keys (stems: "declar") are
// one word or near it: the same stem (sameStem), or the shorter, of three
// letters or more, opens the longer (tax: taxation, rent: rental) or, of
// four or more, is inside it (state: misstatement).
func nearWord(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return a == b || sameStem(a, b) || len(a) >= 3 && strings.HasPrefix(b, a) || len(a) >= 4 && strings.Contains(b, a)
}

// stemIDs returns the ids of the single English words of the vocabulary
// that are w or share its stem (see sameStem).
func (lx *lexicon) stemIDs(w string) []int32 {
	if lx.stems == nil {
		lx.stems = make(map[string][]int32)
		for i, k := range lx.v.EN {
			if !strings.Contains(k, " ") && len(k) >= minStem {
				lx.stems[k[:minStem]] = append(lx.stems[k[:minStem]], int32(i))
			}
		}
	}
	var out []int32
	if len(w) < minStem {
		if id, ok := lx.v.enID[w]; ok {
			out = append(out, id)
		}
		return out
	}
	for _, id := range lx.stems[w[:minStem]] {
		if k := lx.v.EN[id]; k == w || sameStem(k, w) {
			out = append(out, id)
		}
	}
	return out
}

// generalWord reports whether a Chinese key (tokens) is one word that the
// dictionary lists, however the segmenter cut it (一道, 中方, 当地时间):
// general vocabulary, not a term the dictionary lacks or a compound of
// several words.
func (lx *lexicon) generalWord(zhKey string) bool {
	return lx.g.dict != nil && lx.g.dict.Has(stripGroup(zhConcat(zhKey)))
}
