package glossary

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/corpus/cedict"
	"github.com/bitext/bitext/corpus/norm"
)

// Extractor extracts a glossary from an aligned corpus. Set its fields
// before the first call; the zero value needs only a Segmenter.
type Extractor struct {
	// Segmenter cuts Chinese text into words (segment.Default or, for
	// Traditional text, segment.Traditional). Required.
	Segmenter corpus.Segmenter
	// Dict is the general-language dictionary: pairs it already lists
	// (市场 ↔ market) rank below terminology, and its glosses help find where
	// an English term ends. Nil: no dictionary.
	Dict *cedict.Dict
	// Aligner, when set, aligns the sentences of beads whose sides have
	// different numbers of sentences (paragraph-aligned corpora), so that
	// pairs are counted in sentence-sized units.
	Aligner *align.Aligner
	// MinFreq is the fewest times a pair must co-occur (default 2).
	MinFreq int
	// Top keeps only the best Top entries (0: all).
	Top int
	// Stop lists terms never proposed: Chinese terms (as written, folded)
	// and English terms (compared by norm.TermKey).
	Stop []string
	// Workers is the number of goroutines counting (default GOMAXPROCS).
	Workers int
	// MaxEntries bounds each counting table (default 4Mi candidates, 8Mi
	// pairs): beyond it the rarest entries are pruned.
	MaxEntries int
}

// Extract counts beads and returns the glossary: one entry per Chinese term
// with its best English rendering, in order of score, then zh, then en.
func (x *Extractor) Extract(ctx context.Context, beads []Bead) ([]Entry, error) {
	if x.Segmenter == nil {
		return nil, fmt.Errorf("glossary: Extractor has no Segmenter")
	}
	if len(beads) == 0 {
		return nil, fmt.Errorf("glossary: %w: no aligned pairs to extract terms from", corpus.ErrEmpty)
	}
	tc := x.CountTerms(beads)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	v := x.Vocabulary(tc)
	pc := x.CountPairs(beads, v)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return x.Glossary(v, pc, beadLookup(beads)), nil
}

// beadLookup finds beads by Seq in a slice sorted by Seq.
func beadLookup(beads []Bead) func(seq int) *Bead {
	return func(seq int) *Bead {
		i, ok := slices.BinarySearchFunc(beads, seq, func(b Bead, s int) int { return cmp.Compare(b.Seq, s) })
		if !ok {
			return nil
		}
		return &beads[i]
	}
}

// Scoring constants.
const (
	// minConsistency is the least share of a Chinese term's units that must
	// hold its English rendering.
	minConsistency = 0.3
	// minQuality is the least pair quality (Dice × lexical agreement) kept.
	minQuality = 0.2
	// Pair quality is Dice times two lexical factors: the share of the
	// Chinese words that a word of the English term translates, and the
	// share of English content words that a Chinese word translates
	// (dictionary glosses, same Latin string, or word-level association).
	// The floors keep pairs no dictionary explains (三股势力 ↔ terrorism,
	// separatism and extremism) in play on co-occurrence alone; the English
	// floor is lower because English words the Chinese does not explain are
	// the usual sign of a boundary run on ("exchange fund investment").
	zhFloor = 0.3
	enFloor = 0.5
	// cleanFloor is the factor of a pair never consistent with the
	// dictionary links of its units (see links).
	cleanFloor = 0.4
	// trivialPrior scales the score of a pair the general dictionary
	// already gives (市场 ↔ market).
	trivialPrior = 0.3
	// contradictedPrior scales the score of a pair the dictionary
	// contradicts: it renders the Chinese term otherwise, and its rendering
	// is in the English of the same units (see verdict). Below trivialPrior:
	// at equal evidence such a pair ranks under one the dictionary agrees
	// with.
	contradictedPrior = 0.1
	// generalPrior scales the score of a single word the dictionary lists
	// (一道, 中方) when none of its glosses is in or near the English, which
	// is no name (see verdict and generalWord): a
	// general word the corpus happens to render otherwise ranks as general
	// vocabulary does (trivialPrior), below terminology.
	generalPrior = trivialPrior
	// verbPrior scales the score of a Chinese candidate that opens with a
	// word the dictionary knows only as a verb (see verbPhrase) or holds
	// the particle 的 (see hasClauseParticle).
	verbPrior = 0.3
	// maximalShare: see maximal.
	maximalShare = 0.8
	// wholeShare is the least share of a pair's units in which a longer
	// rendering the dictionary explains word by word must occur to replace
	// it (see maximal): a term rendered so in one sentence of two.
	wholeShare = 0.5
	// fragmentCover: see dropFragments.
	fragmentCover = 0.5
	// exclusiveDice: see passes.
	exclusiveDice = 0.9
	// nestedRank: see nested.
	nestedRank = 0.5
	// minEnclosed is the fewest occurrences from which a term found only
	// inside a longer one with the same rendering yields to it (see
	// enclosing): two occurrences inside the same longer term are often one
	// story told twice; a third is a pattern.
	minEnclosed = 3
	// minVerbModifier is the fewest pairs a term must share with a longer
	// term for a verb in the longer one's extra words to count as part of
	// a name (see nested): below it a repeated clause around the term
	// (会见…代表团) is as likely; from it the verb is a fixed part of the
	// name (跨境支付系统, 人口普查办公室).
	minVerbModifier = 4
	// wholeCover is the Chinese cover (zhCover) from which one English word
	// renders the whole of a Chinese term of several words, not a part (see
	// partial): a part of a two-word term covers half, so more than half
	// and the share three words out of four give are the whole.
	wholeCover = 0.75
	// variantShare is the least share of the best pair's count another
	// rendering needs to be listed as a variant.
	variantShare = 0.1
)

// scored is one candidate pair with its statistics.
type scored struct {
	z, e       int32
	stat       pairStat
	fz, fe     int32
	dice, cons float64
	zc, ec, q  float64
	rank       float64 // q, times verbPrior for verb phrases: the order of linking
	clean      float64
	score      float64
	zhText, en string
	enKey      string
}

// Glossary scores the counted pairs and links each Chinese term to its best
// English rendering. bead finds the bead of a Seq for examples (nil: none).
func (x *Extractor) Glossary(v *Vocabulary, pc *PairCounts, bead func(int) *Bead) []Entry {
	lx := newLexicon(x.Dict, v, pc, v.ZHFreq, v.ENFreq)
	stop := x.stopSet()
	cands := x.score(v, pc, lx, -1)
	l := newLinker(x, v, lx, cands)
	for _, c := range cands {
		l.offer(c)
	}
	best, others := x.dropFragments(l.best, v, lx), l.others
	min := int32(x.minFreq())
	var entries []Entry
	for _, c := range best {
		c.zhText = displayZH(pc.ZHSurf[c.z], v.ZH[c.z])
		c.en = displayEN(pc.ENSurf[c.e])
		if stop[norm.Fold(c.zhText)] || stop[norm.TermKey(c.en)] {
			continue
		}
		prior := 1.0
		if lx.trivial(v.ZH[c.z], c.en) {
			prior = trivialPrior
		}
		if lx.verbPhrase(v.ZHTokens[c.z]) {
			prior *= verbPrior
		}
		if hasClauseParticle(v.ZHTokens[c.z]) || lx.clause(v.ZHTokens[c.z]) && !isTitleCase(c.en) {
			prior *= verbPrior
		}
		switch lx.verdict(c.z, v.EN[c.e], c.en, min) {
		case contradicts:
			prior *= contradictedPrior
		case unrelated:
			// A capitalised rendering is a name (脱欧 ↔ Brexit), not
			// general vocabulary.
			if lx.generalWord(v.ZHTokens[c.z]) && !isCapitalised(c.en) {
				prior *= generalPrior
			}
		}
		c.score = c.q * math.Log2(1+float64(c.stat.N)) * prior
		entries = append(entries, x.entry(c, others[c.z], v, pc, bead))
	}
	slices.SortFunc(entries, func(a, b Entry) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), strings.Compare(a.ZH, b.ZH), strings.Compare(a.EN, b.EN))
	})
	if x.Top > 0 && len(entries) > x.Top {
		entries = entries[:x.Top]
	}
	return entries
}

// linker does competitive linking: candidates offered in rank order, the
// best pair claims both its terms.
type linker struct {
	x       *Extractor
	v       *Vocabulary
	lx      *lexicon
	cands   []scored
	byEN    map[int32][]scored // candidates by en id
	zLinked map[int32]bool     // zh ids linked, or fragments of a linked term
	eLinked map[int32]int32    // en id → the zh id that claimed it
	best    []scored           // linked pairs, in linking order
	others  map[int32][]scored // by zh id: passing renderings that came too late
}

func newLinker(x *Extractor, v *Vocabulary, lx *lexicon, cands []scored) *linker {
	l := &linker{x: x, v: v, lx: lx, cands: cands, byEN: make(map[int32][]scored),
		zLinked: make(map[int32]bool), eLinked: make(map[int32]int32), others: make(map[int32][]scored)}
	for _, c := range cands {
		l.byEN[c.e] = append(l.byEN[c.e], c)
	}
	return l
}

// offer links c, or what it yields to, unless a better pair claimed its
// terms.
func (l *linker) offer(c scored) {
	switch {
	case !c.passes():
		return
	case l.zLinked[c.z]:
		l.others[c.z] = append(l.others[c.z], c) // a variant, at most
		return
	case l.claimedEN(c):
		return
	}
	c = l.unnest(c)
	m := l.x.maximal(c, l.cands, l.eLinked, l.v, l.lx)
	if m.e != c.e {
		// The longer rendering may say what only a longer Chinese term
		// says: 国内生产总值增长率 ↔ "GDP growth rate", and 国内生产总值
		// keeps "GDP".
		if o, ok := nested(m, l.byEN[m.e], l.zLinked, l.v, l.lx); ok && len(l.v.ZH[o.z]) > len(l.v.ZH[m.z]) {
			l.link(o)
			if _, claimed := l.eLinked[c.e]; !claimed {
				l.link(c)
			}
			return
		}
	}
	l.link(m)
}

// claimedEN reports whether another term claimed c's English (a title and
// the same words without its 《》 may share it).
func (l *linker) claimedEN(c scored) bool {
	claimer, ok := l.eLinked[c.e]
	return ok && !sameTitle(l.v.ZH[c.z], l.v.ZH[claimer])
}

// unnest returns the pair that takes c's rendering when c's Chinese term
// is enclosed in or holds another term with it (enclosing, nested), or c.
// A fragment of a longer term gets no rendering of its own; a longer term
// that yields its rendering to a shorter one inside it may still find
// another.
func (l *linker) unnest(c scored) scored {
	o, ok := enclosing(c, l.byEN[c.e], l.zLinked, l.v)
	if !ok {
		o, ok = nested(c, l.byEN[c.e], l.zLinked, l.v, l.lx)
	}
	if !ok {
		return c
	}
	if len(l.v.ZH[o.z]) > len(l.v.ZH[c.z]) {
		l.zLinked[c.z] = true
	}
	return o
}

// link records c as linked.
func (l *linker) link(c scored) {
	l.zLinked[c.z] = true
	if _, ok := l.eLinked[c.e]; !ok {
		l.eLinked[c.e] = c.z
	}
	l.best = append(l.best, c)
}

// score returns the candidate pairs that pass the thresholds (for one
// Chinese id only when only >= 0, then with no thresholds but MinFreq).
func (x *Extractor) score(v *Vocabulary, pc *PairCounts, lx *lexicon, only int32) []scored {
	fz, fe := v.ZHFreq, v.ENFreq
	min := int32(x.minFreq())
	var cands []scored
	priors := make(map[int32]float64)
	// zhPrior ranks verb phrases around a term below the term: 共建“一带一路”
	// does not claim "Belt and Road Initiative" before 一带一路.
	zhPrior := func(z int32) float64 {
		p, ok := priors[z]
		if !ok {
			p = 1
			if lx.verbPhrase(v.ZHTokens[z]) || hasClauseParticle(v.ZHTokens[z]) {
				p = verbPrior
			}
			priors[z] = p
		}
		return p
	}
	past := make(map[int32]bool)
	isPast := func(e int32) bool {
		p, ok := past[e]
		if !ok {
			p = pastForm(v.EN[e], pc.ENSurf[e])
			past[e] = p
		}
		return p
	}
	for k, s := range pc.Pairs {
		z, e := int32(k>>32), int32(uint32(k))
		if only >= 0 && z != only {
			continue
		}
		if s.N < min || !v.ZHTerm[z] || !v.ENTerm[e] || isPast(e) {
			continue
		}
		c := scored{z: z, e: e, stat: s, fz: fz[z], fe: fe[e]}
		c.cons = float64(s.N) / float64(c.fz)
		c.dice = 2 * float64(s.N) / float64(c.fz+c.fe)
		c.zc, c.ec = lx.agreement(v.ZHTokens[z], v.EN[e])
		c.clean = float64(s.Clean) / float64(s.N)
		c.q = c.dice * (zhFloor + (1-zhFloor)*c.zc) * (enFloor + (1-enFloor)*c.ec) * (cleanFloor + (1-cleanFloor)*c.clean)
		if only < 0 && (c.cons < minConsistency || !c.passes() || lx.partial(v.ZHTokens[z], v.EN[e], c.zc) && !mostlyCapitals(mostFrequent(pc.ENSurf[e]))) {
			continue
		}
		c.rank = c.q * zhPrior(z)
		cands = append(cands, c)
	}
	// Ties go to the longer Chinese term, then the longer English one:
	// with equal evidence, 一带一路 rather than 一带 claims "Belt and Road".
	slices.SortFunc(cands, func(a, b scored) int {
		return cmp.Or(cmp.Compare(b.rank, a.rank), cmp.Compare(b.q, a.q), cmp.Compare(len(v.ZH[b.z]), len(v.ZH[a.z])),
			cmp.Compare(len(v.EN[b.e]), len(v.EN[a.e])), cmp.Compare(a.z, b.z), cmp.Compare(a.e, b.e))
	})
	return cands
}

// pastForm reports whether an English key with surface counts surf is a
// single word mostly written as a past form or adverb: no term, though
// counted for the word lexicon. A capitalised regular past form is one only
// when the corpus also writes it in lower case ("Revised" of "Revised
// Measures" next to "revised rules"); otherwise it is a name (Mohammed,
// Alfred).
func pastForm(key string, surf map[string]int32) bool {
	s := mostFrequent(surf)
	if strings.Contains(key, " ") || s == "" || isAcronym(s) {
		return false
	}
	low := strings.ToLower(s)
	if !isCapitalised(s) {
		return endsNoTermWord(low)
	}
	if !isRegularPast(low) {
		return false
	}
	for w := range surf {
		if !isCapitalised(w) {
			return true
		}
	}
	return false
}

// partial reports whether one English word renders only part of a
// Chinese term of several words, the part the dictionary glosses with it
// (合资公司 ↔ "joint", 养老金制度 ↔ "pension"): the English term goes on
// beyond the candidate. (An acronym, SCO or IMF, renders all of a name, and
// so does a word that covers wholeCover of the term or that the
// dictionary does not give for a part: 电子商务 ↔ "e-commerce", 区块链 ↔
// "blockchain".)
func (lx *lexicon) partial(zhKey, enKey string, zc float64) bool {
	zs := zhWords(zhKey)
	if strings.Contains(enKey, " ") || len(zs) < 2 || zc >= wholeCover || lx.g.dict == nil {
		return false
	}
	for _, z := range zs {
		if lx.g.of(z).has(enKey) {
			return true
		}
	}
	return false
}

// mostlyCapitals reports whether an English word is mostly capitals (SCO,
// SMEs, and CIIE however the corpus cases it).
func mostlyCapitals(s string) bool {
	upper, other := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLetter(r):
			other++
		}
	}
	return upper >= 2 && upper > other
}

// passes reports whether a pair is good enough to link: quality at least
// minQuality, or, for a pair no dictionary explains, co-occurrence as
// good as a one-to-one rendering: Dice of at least exclusiveDice over three
// units or more, always consistent with the links, as terms no dictionary
// lists often are.
func (c *scored) passes() bool {
	return c.q >= minQuality || c.dice >= exclusiveDice && c.clean == 1 && c.stat.N >= 3
}

// maximal returns the longest rendering of c's Chinese term that contains
// c's English, is as frequent with it (maximalShare of the pairs) and
// nearly as good (maximalShare of the quality): "community with a shared
// future" rather than "community" when the corpus always says the former.
// A rendering that the dictionary explains word by word with the term's
// words and that says more of the term than c (dictCover) needs only half
// of c's pairs: the English is not cut inside what the dictionary gives
// for the whole term (全面战略合作伙伴关系 ↔ "comprehensive strategic
// partnership", not "comprehensive strategic", when one sentence of three
// says "comprehensive strategic cooperative partnership").
func (x *Extractor) maximal(c scored, cands []scored, eLinked map[int32]int32, v *Vocabulary, lx *lexicon) scored {
	best := c
	zk := v.ZHTokens[c.z]
	for _, o := range cands {
		if _, claimed := eLinked[o.e]; o.z != c.z || o.e == c.e || claimed || len(v.EN[o.e]) <= len(v.EN[best.e]) ||
			!strings.Contains(" "+v.EN[o.e]+" ", " "+v.EN[c.e]+" ") || o.q < maximalShare*c.q {
			continue
		}
		if float64(o.stat.N) >= maximalShare*float64(c.stat.N) ||
			float64(o.stat.N) >= wholeShare*float64(c.stat.N) && lx.explains(zk, v.EN[o.e]) && lx.dictCover(zk, v.EN[o.e]) > lx.dictCover(zk, v.EN[best.e]) {
			best = o
		}
	}
	return best
}

// enclosing finds, among the pairs with c's English (sameEN), the longest
// whose Chinese term contains c's and holds nearly all its occurrences
// (closedShare of them, and of the pairs) with about the same quality
// (maximalShare): 中国国际进口博览会 rather than 国际进口博览会 for "China
// International Import Expo" when the shorter one occurs only inside the
// longer. Only from minEnclosed occurrences.
func enclosing(c scored, sameEN []scored, zLinked map[int32]bool, v *Vocabulary) (scored, bool) {
	best, found := c, false
	if c.fz < minEnclosed {
		return c, false // two or three shared occurrences are often chance
	}
	for _, o := range sameEN {
		if zLinked[o.z] || o.z == c.z || len(v.ZH[o.z]) <= len(v.ZH[best.z]) {
			continue
		}
		if strings.Contains(v.ZH[o.z], v.ZH[c.z]) && float64(o.fz) >= closedShare*float64(c.fz) &&
			float64(o.stat.N) >= closedShare*float64(c.stat.N) && o.q >= maximalShare*c.q {
			best, found = o, true
		}
	}
	return best, found
}

// nested resolves nesting between c and the pairs with the same English
// (sameEN) whose Chinese contains c's or is contained in it, when the
// nested pair is not much worse (nestedRank of c's rank, so a verb phrase
// around a term never wins):
//   - a longer Chinese term that holds closedShare of c's pairs wins when
//     the dictionary does not explain every English word with c's words
//     and its extra words could belong to a name (modifiers):
//     亚洲基础设施投资银行, not 基础设施投资银行, for "Asian Infrastructure
//     Investment Bank";
//   - a shorter Chinese term that also occurs outside the longer one and
//     whose words the dictionary finds for every English word wins: 一带一路,
//     not 推进一带一路, for "Belt and Road".
//
// A bracketed short form after a name (中国国际进口博览会（进博会）) is no
// extension of the name: each keeps its own rendering.
func nested(c scored, sameEN []scored, zLinked map[int32]bool, v *Vocabulary, lx *lexicon) (scored, bool) {
	best, found := c, false
	cz := v.ZH[c.z]
	cEN := v.EN[c.e]
	for _, o := range sameEN {
		if zLinked[o.z] || o.z == c.z || o.rank < nestedRank*c.rank {
			continue
		}
		oz := v.ZH[o.z]
		switch {
		case len(oz) > len(v.ZH[best.z]) && strings.Contains(oz, cz) && !bracketTail(oz, cz):
			// o holds c.
			if float64(o.stat.N) >= closedShare*float64(c.stat.N) && !lx.explains(v.ZHTokens[c.z], cEN) &&
				modifiers(v.ZHTokens[o.z], cz, cEN, lx, c.stat.N < minVerbModifier) {
				best, found = o, true
			}
		case !found && len(oz) < len(cz) && strings.Contains(cz, oz) && !bracketTail(cz, oz):
			// c holds o.
			if o.stat.N >= c.stat.N && o.fz > c.fz && lx.explains(v.ZHTokens[o.z], cEN) {
				return o, true
			}
		}
	}
	return best, found
}

// modifiers reports whether the tokens of the Chinese key outer outside
// its part inner (a concatenated key) could belong to a name rendered as
// the English key en: no function word or connective, number or ordinal,
// no lone character before inner, no title after it that the English
// does not render (the holder of the name), and, with noVerbs (fewer than minVerbModifier
// shared pairs, where a repeated sentence is chance), no word the
// dictionary knows only as a verb. 中方继续加强 around 互联互通, 第三届
// before 进博会 and 行长 after 亚洲基础设施投资银行 ("president", not in
// "Asian Infrastructure Investment Bank") are context; 亚洲 before
// 基础设施投资银行, 支付 in 跨境支付系统 (from minVerbModifier pairs) and
// 局 after 国家统计 are part of the name.
func modifiers(outer, inner, en string, lx *lexicon, noVerbs bool) bool {
	at := strings.Index(zhConcat(outer), inner)
	if at < 0 {
		return false
	}
	pos := 0
	for _, t := range zhRest(outer, inner) {
		s := norm.Simplify(t)
		pos += len(t)
		// A lone character is a head after the inner part (统计局, 商会)
		// but no modifier before it (大银行).
		if utf8.RuneCountInString(t) == 1 && pos <= at || zhFunction[s] || zhConnective[s] || isZHNumber(t) || strings.HasPrefix(s, "第") || noVerbs && lx.verbOnly(t) || pos > at && zhTitle[s] && lx.unsaid(t, inner, en) {
			return false
		}
	}
	return true
}

// zhRest returns the tokens of the Chinese key long outside its part inner
// (a concatenated key).
func zhRest(long, inner string) []string {
	at := strings.Index(zhConcat(long), inner)
	var out []string
	pos := 0
	for _, t := range strings.Split(long, zhSep) {
		start := pos
		pos += len(t)
		if at >= 0 && start >= at && pos <= at+len(inner) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// enRest returns the English key long without its part inner.
func enRest(long, inner string) string {
	return strings.TrimSpace(strings.Replace(" "+long+" ", " "+inner+" ", " ", 1))
}

// sameTitle reports whether two Chinese keys are one title with and
// without its 《》 (《政府工作报告》 and 政府工作报告): both may have the
// same rendering.
func sameTitle(a, b string) bool {
	strip := func(s string) string {
		if strings.HasPrefix(s, "《") && strings.HasSuffix(s, "》") && strings.Count(s, "《") == 1 {
			return s[len("《") : len(s)-len("》")]
		}
		return s
	}
	return a != b && strip(a) == strip(b)
}

// bracketTail reports whether outer is inner followed by a bracketed group
// (a short form: 中国国际进口博览会（进博会）), or inner with such a group
// removed.
func bracketTail(outer, inner string) bool {
	rest := strings.Replace(outer, inner, "", 1)
	return strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "（")
}

// dropFragments removes linked pairs whose Chinese term is part of a longer
// linked term and occurs on its own fewer than MinFreq times, whose English
// is part of the longer term's English, and which the dictionary does not
// support (Chinese cover below fragmentCover), unless the dictionary
// explains the rest of the longer English with the rest of the longer
// Chinese: 三股 and 势力 next to 三股势力 are fragments of its rendering,
// not terms, while 命运共同体, which also occurs outside 人类命运共同体,
// stays, and so does 脱欧 ↔ "Brexit" next to 脱欧协议 ↔ "Brexit
// agreement" (协议 is "agreement"). A term found only inside a longer
// linked one (as many units) is a fragment too, supported or not, when the
// longer English holds its English and more of what the dictionary gives
// for it: its rendering was cut inside its own (全面战略合作伙伴 ↔
// "comprehensive strategic" inside 全面战略合作伙伴关系 ↔ "comprehensive
// strategic partnership").
func (x *Extractor) dropFragments(best []scored, v *Vocabulary, lx *lexicon) []scored {
	min := int32(x.minFreq())
	var out []scored
	for _, c := range best {
		short := v.ZH[c.z]
		fragment := false
		cover := lx.dictCover(v.ZHTokens[c.z], v.EN[c.e])
		supported := cover >= fragmentCover
		for _, o := range best {
			long := v.ZH[o.z]
			if len(long) <= len(short) || !strings.Contains(long, short) || sameTitle(long, short) ||
				!strings.Contains(" "+v.EN[o.e]+" ", " "+v.EN[c.e]+" ") {
				continue
			}
			if c.fz == o.fz && lx.dictCover(v.ZHTokens[c.z], v.EN[o.e]) > cover || !supported && c.fz-o.fz < min &&
				!lx.explains(strings.Join(zhRest(v.ZHTokens[o.z], short), zhSep), enRest(v.EN[o.e], v.EN[c.e])) {
				fragment = true
				break
			}
		}
		if !fragment {
			out = append(out, c)
		}
	}
	return out
}

// Rendering is one English candidate for a Chinese term, with the figures
// the extractor ranks it by (see Explain).
type Rendering struct {
	EN               string
	ZHFreq, ENFreq   int // units holding the Chinese, the English term
	PairFreq         int // units holding both
	Dice             float64
	ZHCover, ENCover float64 // lexical agreement (see agreement)
	Clean            float64 // share of units where the pair is consistent with the links
	Quality          float64
}

// Explain lists every English rendering counted with the Chinese term zh,
// best first: why the glossary pairs zh as it does.
func (x *Extractor) Explain(v *Vocabulary, pc *PairCounts, zh string) []Rendering {
	id, ok := v.zhID[norm.Fold(zh)]
	if !ok {
		return nil
	}
	lx := newLexicon(x.Dict, v, pc, v.ZHFreq, v.ENFreq)
	var out []Rendering
	for _, c := range x.score(v, pc, lx, id) {
		out = append(out, Rendering{EN: mostFrequent(pc.ENSurf[c.e]), ZHFreq: int(c.fz), ENFreq: int(c.fe),
			PairFreq: int(c.stat.N), Dice: c.dice, ZHCover: c.zc, ENCover: c.ec, Clean: c.clean, Quality: c.q})
	}
	return out
}

// isTitleCase reports whether English text is written as a name: every
// word but the function words inside it capitalised ("SCO Council of
// Heads of State", not "meets with Tajik President Emomali Rahmon").
func isTitleCase(en string) bool {
	ws := strings.Fields(en)
	for i, w := range ws {
		if !isCapitalised(w) && (i == 0 || i == len(ws)-1 || !enFunction[strings.ToLower(w)]) {
			return false
		}
	}
	return len(ws) > 0
}

// hasClauseParticle reports whether a Chinese key holds 的 or 之 between
// words: 经济增长的动力 is a description more often than a name.
func hasClauseParticle(key string) bool {
	toks := strings.Split(key, zhSep)
	if len(toks) < 3 {
		return false
	}
	for _, t := range toks[1 : len(toks)-1] {
		if t == "的" || t == "之" {
			return true
		}
	}
	return false
}

// displayZH is the most frequent surface form of a Chinese key.
func displayZH(surf map[string]int32, key string) string {
	if s := mostFrequent(surf); s != "" {
		return s
	}
	return strings.ReplaceAll(key, zhSep, "")
}

// entry builds the glossary entry of a linked pair.
func (x *Extractor) entry(c scored, others []scored, v *Vocabulary, pc *PairCounts, bead func(int) *Bead) Entry {
	round := func(f float64) float64 { return math.Round(f*1e4) / 1e4 }
	e := Entry{
		ZH: c.zhText, EN: c.en, Status: New,
		ZHFreq: int(c.fz), PairFreq: int(c.stat.N),
		Consistency: round(c.cons), Score: round(c.score),
		FirstSeen: formatDay(c.stat.MinDay), LastSeen: formatDay(c.stat.MaxDay),
	}
	// Variants: other surface forms of the same key (plural, UK/US, case),
	// then other renderings of the Chinese term that are not part of or
	// contain the chosen one.
	for _, s := range sortedSurfaces(pc.ENSurf[c.e]) {
		if s.EN != c.en && !strings.EqualFold(s.EN, c.en) {
			e.Variants = append(e.Variants, s)
		}
	}
	for _, o := range others {
		if float64(o.stat.N) < variantShare*float64(c.stat.N) || o.q < c.q/2 {
			continue
		}
		ok, ek := v.EN[o.e], v.EN[c.e]
		if strings.Contains(" "+ek+" ", " "+ok+" ") || strings.Contains(" "+ok+" ", " "+ek+" ") {
			continue
		}
		e.Variants = append(e.Variants, Variant{EN: mostFrequent(pc.ENSurf[o.e]), Count: int(o.stat.N)})
	}
	if len(e.Variants) > 5 {
		e.Variants = e.Variants[:5]
	}
	if bead != nil {
		for _, seq := range []int32{c.stat.First, c.stat.Last} {
			if b := bead(int(seq)); b != nil && (len(e.Examples) == 0 || seq != c.stat.First) {
				e.Examples = append(e.Examples, x.example(b, e.ZH))
			}
		}
	}
	e.Comment = fmt.Sprintf("rendered so %d of %d times (%.0f%%)", c.stat.N, c.fz, 100*c.cons)
	if len(e.Variants) > 0 {
		e.Comment += "; also " + formatVariants(e.Variants)
	}
	return e
}

// example is the sentence pair of b that shows the term (the whole bead
// when its sentences cannot be paired).
func (x *Extractor) example(b *Bead, zh string) Example {
	for _, u := range x.units(b) {
		if strings.Contains(u.zh, zh) {
			return Example{Doc: b.Doc, ZH: u.zh, EN: u.en}
		}
	}
	return Example{Doc: b.Doc, ZH: b.ZH, EN: b.EN}
}

func (x *Extractor) stopSet() map[string]bool {
	m := make(map[string]bool)
	for _, s := range x.Stop {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		m[norm.Fold(s)] = true
		m[norm.TermKey(s)] = true
	}
	return m
}

// isContentWord reports whether an English key word carries meaning (not a
// marker or function word).
func isContentWord(w string) bool {
	return !isMarker(w) && !enFunction[w] && w != ""
}

func isHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
