package glossary

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/corpus/norm"
)

// TermCounts is the first counting pass: how often each Chinese and English
// candidate occurs. Counts of shards merge by addition (Merge), so
// a corpus can be counted in pieces.
type TermCounts struct {
	Units int
	ZH    map[string]int32
	EN    map[string]int32
	// ENFragment counts the occurrences of single English words in units
	// where the word occurs only inside a name joined by "and", "of" or
	// "for" ("Belt" in "Belt and Road Initiative"; see nameAcross).
	ENFragment map[string]int32
	// ENName counts the occurrences of English candidates whose last word
	// is capitalised: the end of a name, which a lower-case word after it
	// does not extend ("Belt and Road" in "Belt and Road cooperation").
	ENName map[string]int32
	// Pruned is the highest count ever pruned away (0: counts are exact).
	Pruned int32
}

// NewTermCounts returns empty counts.
func NewTermCounts() *TermCounts {
	return &TermCounts{ZH: make(map[string]int32), EN: make(map[string]int32), ENFragment: make(map[string]int32),
		ENName: make(map[string]int32)}
}

// Merge adds o's counts to c. The zero TermCounts is ready to merge into.
func (c *TermCounts) Merge(o *TermCounts) {
	c.Units += o.Units
	addCounts(&c.ZH, o.ZH)
	addCounts(&c.EN, o.EN)
	addCounts(&c.ENFragment, o.ENFragment)
	addCounts(&c.ENName, o.ENName)
	c.Pruned = max(c.Pruned, o.Pruned)
}

// addCounts adds src's counts to *dst, allocating *dst when it is nil.
func addCounts(dst *map[string]int32, src map[string]int32) {
	if *dst == nil {
		*dst = make(map[string]int32, len(src))
	}
	for k, n := range src {
		(*dst)[k] += n
	}
}

// prune drops candidates seen at most n times.
func (c *TermCounts) prune(n int32) {
	for _, m := range []map[string]int32{c.ZH, c.EN, c.ENFragment, c.ENName} {
		for k, v := range m {
			if v <= n {
				delete(m, k)
			}
		}
	}
	c.Pruned = max(c.Pruned, n)
}

// unit is the text a pair is counted in: a bead, or one sentence pair of a
// bead whose sides have the same number of sentences.
type unit struct {
	bead   *Bead
	zh, en string
}

// units cuts a bead into sentence pairs when both sides have the same
// number of sentences (the usual case in official translations), or, with
// an Aligner, into the beads it aligns, so that co-occurrence is counted in
// the smallest unit that is surely aligned. Otherwise the bead is one unit.
func (x *Extractor) units(b *Bead) []unit {
	zs, es := corpus.SplitChinese(b.ZH), corpus.SplitEnglish(b.EN)
	whole := []unit{{bead: b, zh: b.ZH, en: b.EN}}
	if len(zs) < 2 && len(es) < 2 || len(zs) == 0 || len(es) == 0 {
		return whole
	}
	if len(zs) == len(es) {
		out := make([]unit, len(zs))
		for i := range zs {
			out[i] = unit{bead: b, zh: zs[i].Text, en: es[i].Text}
		}
		return out
	}
	if x.Aligner == nil {
		return whole
	}
	beads, err := x.Aligner.Align(zs, es)
	if err != nil {
		return whole
	}
	var out []unit
	for _, ab := range beads {
		if len(ab.ZH) == 0 || len(ab.EN) == 0 {
			continue
		}
		out = append(out, unit{bead: b, zh: joinSentences(zs, ab.ZH, ""), en: joinSentences(es, ab.EN, " ")})
	}
	return out
}

func joinSentences(ss []corpus.Sentence, idx []int, sep string) string {
	parts := make([]string, len(idx))
	for i, k := range idx {
		parts[i] = ss[k].Text
	}
	return strings.Join(parts, sep)
}

// analysis is what one unit holds: its tokens and words, and its distinct
// candidates on each side with the surface and span of each key's first
// occurrence.
type analysis struct {
	zh, en []cand
	toks   []zhToken
	words  []enWord
}

func (x *Extractor) analyse(u unit) analysis {
	var a analysis
	var zh, en []cand
	for _, ch := range zhChunks(u.zh, x.Segmenter) {
		ch = refineTokens(ch, x.Dict)
		zh = zhCandidates(zh, u.zh, ch, len(a.toks))
		a.toks = append(a.toks, ch...)
	}
	for _, ch := range enChunks(u.en) {
		en = enCandidates(en, u.en, ch, len(a.words))
		a.words = append(a.words, ch...)
	}
	a.zh = dedup(zh, zhConcat)
	whole := make(map[string]bool) // keys occurring outside a name too
	for _, e := range en {
		if !e.fragment {
			whole[e.key] = true
		}
	}
	a.en = dedup(en, func(s string) string { return s })
	for i := range a.en {
		a.en[i].fragment = !whole[a.en[i].key]
	}
	return a
}

// dedup keeps the first occurrence of each key (compared through same), in
// key order, with n set to the number of occurrences.
func dedup(cs []cand, same func(string) string) []cand {
	out := slices.Clone(cs)
	slices.SortStableFunc(out, func(a, b cand) int { return strings.Compare(same(a.key), same(b.key)) })
	k := 0
	for i := range out {
		if k > 0 && same(out[k-1].key) == same(out[i].key) {
			out[k-1].n++
			continue
		}
		out[k] = out[i]
		out[k].n = 1
		k++
	}
	return out[:k]
}

// workers is how many goroutines count.
func (x *Extractor) workers() int {
	if x.Workers > 0 {
		return x.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// shards runs f on contiguous shards of beads in parallel and returns the
// per-shard results in order.
func shards[T any](beads []Bead, n int, f func([]Bead) T) []T {
	n = max(1, min(n, len(beads)))
	out := make([]T, n)
	var wg sync.WaitGroup
	for i := range n {
		lo, hi := i*len(beads)/n, (i+1)*len(beads)/n
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = f(beads[lo:hi])
		}()
	}
	wg.Wait()
	return out
}

// CountTerms runs the first pass over beads on all cores.
func (x *Extractor) CountTerms(beads []Bead) *TermCounts {
	parts := shards(beads, x.workers(), x.countTerms)
	total := parts[0]
	for _, p := range parts[1:] {
		total.Merge(p)
	}
	return total
}

func (x *Extractor) countTerms(beads []Bead) *TermCounts {
	c := NewTermCounts()
	limit := x.maxEntries()
	for i := range beads {
		for _, u := range x.units(&beads[i]) {
			a := x.analyse(u)
			c.Units++
			for _, z := range a.zh {
				c.ZH[z.key] += int32(z.n)
			}
			for _, e := range a.en {
				c.EN[e.key] += int32(e.n)
				if e.fragment {
					c.ENFragment[e.key] += int32(e.n)
				}
				if e.nameEnd {
					c.ENName[e.key] += int32(e.n)
				}
			}
		}
		if len(c.ZH)+len(c.EN) > limit {
			// Bounded memory: forget the rarest candidates, raising the bar
			// until the table is at most half full.
			for n := c.Pruned + 1; len(c.ZH)+len(c.EN) > limit/2; n++ {
				c.prune(n)
			}
		}
	}
	return c
}

func (x *Extractor) maxEntries() int {
	if x.MaxEntries > 0 {
		return x.MaxEntries
	}
	return 4 << 20
}

// Vocabulary is the set of candidates that pass the first pass: seen in at
// least MinFreq units. Terms are those that are also closed (not always
// extended the same way: "free trade" when it only ever occurs in "free
// trade zone"); single words are kept for the word-level lexicon even
// when they are not terms. Chinese candidates are identified by their text
// without token boundaries, so that the segmenter cutting a term
// differently in different contexts does not split its count; ZHTokens
// keeps the most frequent cut.
type Vocabulary struct {
	ZH, EN         []string // sorted keys; ids are indexes
	ZHTokens       []string // token form of each ZH key (tokens joined by zhSep)
	ZHTerm, ENTerm []bool
	ZHFreq, ENFreq []int32 // units holding each candidate
	zhID, enID     map[string]int32
}

// Vocabulary selects the candidates of c worth pairing.
func (x *Extractor) Vocabulary(c *TermCounts) *Vocabulary {
	v := &Vocabulary{}
	min := int32(x.minFreq())
	v.ZH, v.ZHTokens, v.ZHTerm, v.ZHFreq = selectTerms(c.ZH, min, zhSep, zhConcat, minExactClosed, nil)
	v.EN, _, v.ENTerm, v.ENFreq = selectTerms(c.EN, min, " ", func(s string) string { return s }, minExactClosedEN, c.ENName)
	for i, k := range v.EN {
		if float64(c.ENFragment[k]) >= closedShare*float64(v.ENFreq[i]) {
			v.ENTerm[i] = false // "Belt": a piece of "Belt and Road …"
		}
	}
	v.zhID, v.enID = index(v.ZH), index(v.EN)
	return v
}

// zhConcat is a Chinese key without token boundaries.
func zhConcat(key string) string { return strings.ReplaceAll(key, zhSep, "") }

func index(keys []string) map[string]int32 {
	m := make(map[string]int32, len(keys))
	for i, k := range keys {
		m[k] = int32(i)
	}
	return m
}

// minClosedFreq is the count from which a candidate that always occurs
// inside the same longer one is dropped; below it, equal counts are too
// often chance.
const minClosedFreq = 5

// A candidate always extended by the same token on its right is no term
// from minExactClosed occurrences in Chinese and minExactClosedEN in
// English (see selectTerms). English needs less evidence: an English
// candidate never ends in a function word, a past form, an -ly adverb, a
// month or a bare number, and English joins a term to a following noun
// mostly through a function word ("cooperation on connectivity"), so a
// word that twice follows it directly is almost surely the head of a
// compound ("free trade" twice before "zone", "high-speed" twice before
// "rail"). Chinese stacks nouns freely: a term is often followed by a
// generic noun (一带一路 by 建设, 互联互通 by 合作), and two or three such
// occurrences are chance, so four are asked for. Names are exempt
// (nameShare).
const (
	minExactClosed   = 4
	minExactClosedEN = 2
)

// nameShare: an English candidate more than this share of whose
// occurrences end in a capitalised word is a name, whole before the
// lower-case word that follows it ("Belt and Road" in "Belt and Road
// cooperation"); a candidate never ends right before a capitalised word
// (inName), so the word after a name is lower case or a function word.
const nameShare = 0.5

// closedShare: a candidate is not closed when one longer candidate holds at
// least this share of its occurrences ("Hong" inside "Hong Kong").
const closedShare = 0.9

// selectTerms merges token keys with the same concatenation, keeps those
// counted at least min times (sorted), and says which are closed terms: a
// key is not closed when a candidate one token longer on either side
// occurs as often as it does. It returns the keys, the most frequent token
// form of each, closedness and counts.
//
// A key whose extension on the right occurs exactly as often is not closed
// from exactMin occurrences on, whatever closedShare says: Chinese is
// head-final, so 三股 when it only ever occurs in 三股势力 is a modifier,
// not a term (a verb before a term, 推动构建, is no reason to drop the
// term: only extensions on the right count); English noun compounds are
// head-final too ("high-speed" always before "rail" is no term), but a
// name (names counts the occurrences ending in a capital: see nameShare)
// is whole before a lower-case word ("Belt and Road" in "Belt and Road
// cooperation"). exactMin 0: none.
func selectTerms(counts map[string]int32, min int32, sep string, concat func(string) string, exactMin int32, names map[string]int32) (keys, forms []string, term []bool, freq []int32) {
	merged := make(map[string]int32)
	form := make(map[string]string)
	for k, n := range counts {
		c := concat(k)
		merged[c] += n
		if f, ok := form[c]; !ok || n > counts[f] || n == counts[f] && k < f {
			form[c] = k
		}
	}
	ext := make(map[string]int32)
	extRight := make(map[string]int32) // extensions by a token on the right
	for k := range counts {
		n := merged[concat(k)]
		for i, sub := range subKeys(k, sep) {
			if sub == "" {
				continue
			}
			sc := concat(sub)
			ext[sc] = max(ext[sc], n)
			if i == 1 {
				extRight[sc] = max(extRight[sc], n)
			}
		}
	}
	for c, n := range merged {
		if n >= min {
			keys = append(keys, c)
		}
	}
	slices.Sort(keys)
	out := keys[:0]
	for _, c := range keys {
		n := merged[c]
		closed := float64(ext[c]) < closedShare*float64(n) || n < minClosedFreq
		if exactMin > 0 && extRight[c] >= n && n >= exactMin && float64(names[c]) <= nameShare*float64(n) {
			closed = false
		}
		single := !strings.Contains(form[c], sep)
		if closed || single {
			out = append(out, c)
			forms = append(forms, form[c])
			term = append(term, closed)
			freq = append(freq, n)
		}
	}
	return out, forms, term, freq
}

// subKeys returns the key without its first and without its last token
// (markers at the new edge dropped). A bracketed group at the end is not an
// extension that makes the shorter key redundant: 联系汇率制度（联汇制度）
// and "Securities and Futures Commission (SFC)" introduce a short form, and
// the full name stays a term of its own.
func subKeys(k, sep string) []string {
	toks := strings.Split(k, sep)
	if len(toks) < 2 {
		return nil
	}
	// Function words at the new edge go too, so that the extension chain
	// reaches the next shorter candidate: "community with a shared future"
	// extends "community". Not on the left: a phrase that a function word
	// joins to the word before it is a complement, complete in itself
	// ("Shanghai Cooperation Organization" in "members of the Shanghai
	// Cooperation Organization", 合作倡议 in 中方提出的合作倡议), so that
	// extension is left out ("").
	edge := func(t string) bool { return isMarker(t) || enFunction[t] || zhFunction[norm.Simplify(t)] }
	trim := func(t []string) string {
		for len(t) > 0 && edge(t[len(t)-1]) {
			t = t[:len(t)-1]
		}
		return strings.Join(t, sep)
	}
	right := toks[1:]
	for len(right) > 0 && isMarker(right[0]) {
		right = right[1:]
	}
	withoutFirst := ""
	if len(right) > 0 && !edge(right[0]) {
		withoutFirst = trim(right)
	}
	last := toks[len(toks)-1]
	if last == ")" || strings.HasPrefix(last, "（") || strings.HasPrefix(last, "(") {
		return []string{withoutFirst}
	}
	return []string{withoutFirst, trim(toks[:len(toks)-1])}
}

func isMarker(t string) bool { return t == "," || t == "(" || t == ")" || t == "&" }

func (x *Extractor) minFreq() int {
	if x.MinFreq > 0 {
		return x.MinFreq
	}
	return 2
}

// pairStat is what the second pass keeps per (zh, en) pair.
type pairStat struct {
	N           int32
	Clean       int32 // units where the pair is consistent with the dictionary links (see links)
	First, Last int32 // Seq of the first and last bead holding the pair
	MinDay      int32 // yyyymmdd of the earliest and latest dated bead; 0: none
	MaxDay      int32
}

func (p *pairStat) add(o pairStat) {
	if p.N == 0 {
		*p = o
		return
	}
	p.N += o.N
	p.Clean += o.Clean
	p.First, p.Last = min(p.First, o.First), max(p.Last, o.Last)
	if o.MinDay != 0 && (p.MinDay == 0 || o.MinDay < p.MinDay) {
		p.MinDay = o.MinDay
	}
	p.MaxDay = max(p.MaxDay, o.MaxDay)
}

// PairCounts is the second counting pass: for every pair of vocabulary
// candidates, the units holding both, and the surface forms of each
// candidate. Like TermCounts it merges by addition.
type PairCounts struct {
	Pairs  map[uint64]pairStat
	ZHSurf []map[string]int32 // by zh id
	ENSurf []map[string]int32 // by en id
	Pruned int32
}

func newPairCounts(v *Vocabulary) *PairCounts {
	return &PairCounts{
		Pairs:  make(map[uint64]pairStat),
		ZHSurf: make([]map[string]int32, len(v.ZH)),
		ENSurf: make([]map[string]int32, len(v.EN)),
	}
}

func pairKey(z, e int32) uint64 { return uint64(z)<<32 | uint64(uint32(e)) }

// Merge adds o's counts to p. The zero PairCounts is ready to merge into.
func (p *PairCounts) Merge(o *PairCounts) {
	if p.Pairs == nil {
		p.Pairs = make(map[uint64]pairStat, len(o.Pairs))
	}
	for k, s := range o.Pairs {
		ps := p.Pairs[k]
		ps.add(s)
		p.Pairs[k] = ps
	}
	p.ZHSurf = mergeSurf(p.ZHSurf, o.ZHSurf)
	p.ENSurf = mergeSurf(p.ENSurf, o.ENSurf)
	p.Pruned = max(p.Pruned, o.Pruned)
}

// mergeSurf adds the surface counts of src to dst, growing dst to src's
// length, and returns dst.
func mergeSurf(dst, src []map[string]int32) []map[string]int32 {
	if len(dst) < len(src) {
		dst = append(dst, make([]map[string]int32, len(src)-len(dst))...)
	}
	for i, m := range src {
		if m == nil {
			continue
		}
		if dst[i] == nil {
			dst[i] = make(map[string]int32, len(m))
		}
		for s, n := range m {
			dst[i][s] += n
		}
	}
	return dst
}

// CountPairs runs the second pass over beads on all cores.
func (x *Extractor) CountPairs(beads []Bead, v *Vocabulary) *PairCounts {
	parts := shards(beads, x.workers(), func(b []Bead) *PairCounts { return x.countPairs(b, v) })
	total := parts[0]
	for _, p := range parts[1:] {
		total.Merge(p)
	}
	return total
}

func (x *Extractor) countPairs(beads []Bead, v *Vocabulary) *PairCounts {
	p := newPairCounts(v)
	g := newGlosser(x.Dict)
	type occ struct {
		id      int32
		a, b, n int
	}
	var zs, es []occ
	limit := 2 * x.maxEntries()
	for i := range beads {
		b := &beads[i]
		day := dayOf(b.Date)
		for _, u := range x.units(b) {
			a := x.analyse(u)
			zs = zs[:0]
			for _, z := range a.zh {
				if id, ok := v.zhID[zhConcat(z.key)]; ok {
					zs = append(zs, occ{id, z.a, z.b, z.n})
					addSurf(p.ZHSurf, id, z.surface)
				}
			}
			es = es[:0]
			for _, e := range a.en {
				if id, ok := v.enID[e.key]; ok {
					es = append(es, occ{id, e.a, e.b, e.n})
					addSurf(p.ENSurf, id, e.surface)
				}
			}
			l := linkUnit(g, a.toks, a.words)
			one := pairStat{N: 1, First: int32(b.Seq), Last: int32(b.Seq), MinDay: day, MaxDay: day}
			for _, z := range zs {
				for _, e := range es {
					one.N = int32(min(z.n, e.n))
					one.Clean = 0
					if l.consistent(z.a, z.b, e.a, e.b) {
						one.Clean = one.N
					}
					k := pairKey(z.id, e.id)
					s := p.Pairs[k]
					s.add(one)
					p.Pairs[k] = s
				}
			}
		}
		if len(p.Pairs) > limit {
			for n := p.Pruned + 1; len(p.Pairs) > limit/2; n++ {
				for k, s := range p.Pairs {
					if s.N <= n {
						delete(p.Pairs, k)
					}
				}
				p.Pruned = n
			}
		}
	}
	return p
}

func addSurf(surf []map[string]int32, id int32, s string) {
	if surf[id] == nil {
		surf[id] = make(map[string]int32, 1)
	}
	surf[id][s]++
}

// dayOf reads the date of a bead (YYYY-MM-DD, or longer ISO forms) as
// yyyymmdd; 0 when there is none.
func dayOf(date string) int32 {
	if len(date) < 10 || date[4] != '-' || date[7] != '-' {
		return 0
	}
	n := int32(0)
	for _, c := range date[:4] + date[5:7] + date[8:10] {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int32(c-'0')
	}
	return n
}

func formatDay(d int32) string {
	if d == 0 {
		return ""
	}
	s := []byte("0000-00-00")
	for i, pos := 0, []int{9, 8, 6, 5, 3, 2, 1, 0}; i < len(pos); i++ {
		s[pos[i]] = byte('0' + d%10)
		d /= 10
	}
	return string(s)
}

// displayEN is the surface an English key is shown in: the most frequent
// form ignoring case (so "key audit matter" written twice in two casings
// outweighs "Key audit matters" written once more than either; ties: the
// shorter, usually the singular), then its most frequent casing.
func displayEN(m map[string]int32) string {
	folded := make(map[string]int32, len(m))
	for s, n := range m {
		folded[strings.ToLower(s)] += n
	}
	best, bn := "", int32(-1)
	for s, n := range folded {
		if n > bn || n == bn && (len(s) < len(best) || len(s) == len(best) && s < best) {
			best, bn = s, n
		}
	}
	cased := make(map[string]int32)
	for s, n := range m {
		if strings.ToLower(s) == best {
			cased[s] = n
		}
	}
	return mostFrequent(cased)
}

// mostFrequent returns the surface with the highest count (ties: the
// smallest string).
func mostFrequent(m map[string]int32) string {
	best, bn := "", int32(-1)
	for s, n := range m {
		if n > bn || n == bn && s < best {
			best, bn = s, n
		}
	}
	return best
}

// sortedSurfaces lists surfaces by count, then text.
func sortedSurfaces(m map[string]int32) []Variant {
	var out []Variant
	for s, n := range m {
		out = append(out, Variant{EN: s, Count: int(n)})
	}
	slices.SortFunc(out, func(a, b Variant) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.EN, b.EN))
	})
	return out
}
