package align

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/corpus/norm"
	"github.com/bitext/bitext/corpus/numbers"
)

// maxUnits is how many content units of one sentence take part in lexical
// matching: one bit each in a uint64 mask. A sentence with more keeps its
// most informative ones.
const maxUnits = 64

// unit is one Chinese content unit of a sentence (a dictionary word, a
// name, a number, an anchor) with the ids of its possible English keys.
type unit struct {
	word   int32   // id of the Chinese form in the document's zh vocabulary
	weight float32 // informativeness (IDF in the document)
	trans  []int32 // English key ids, sorted
}

// term is one English content key of a sentence.
type term struct {
	id     int32
	weight float32
}

// idMask says which units of a Chinese sentence (bits) may render the
// English key id.
type idMask struct {
	id   int32
	mask uint64
}

// zhSent is the matching form of a Chinese sentence (or block).
type zhSent struct {
	index   []idMask  // sorted by id
	weights []float32 // weight of unit k (bit k)
	total   float64
}

// enSent is the matching form of an English sentence (or block).
type enSent struct {
	ids     []int32   // sorted; bit k of a mask is ids[k]
	weights []float32 // weight of ids[k]
	total   float64
}

// features are the per-sentence inputs of the cost model at one
// resolution (sentences, or pairs of them at a coarse level).
type features struct {
	zl, el   []float64 // lengths in non-space characters
	zu       [][]unit  // content units, by sentence (finest level only)
	et       [][]term  // content keys, by sentence (finest level only)
	zh       []zhSent
	en       []enSent
	zpara    []bool // sentence starts a paragraph (nil: no paragraph hints)
	epara    []bool
	zquote   []uint8 // how each sentence starts: outside, opening or inside a quotation (nil: no dialogue hints)
	equote   []uint8
	zkind    []uint8 // kind bit of each sentence (nil: no kind hints)
	kindWeak bool    // kinds were guessed without paragraph context
	ekind    []uint8
	ratio    float64   // English characters per Chinese character
	missZH   float64   // share of the Chinese text with no English counterpart (estimated; -1: unknown)
	missEN   float64   // and of the English text with no Chinese counterpart
	covLo    float64   // coverage of a sentence by an unrelated one (estimated)
	covHi    float64   // coverage of a sentence by its translation (estimated)
	variance float64   // Gale-Church variance per Chinese character
	eextra   []float64 // IDF weight of each English sentence's words no Chinese unit can match (finest level)
	eadded   []float64 // the part of it counted as content (unmatchable; nil: none)

	// Inputs for learning (only at sentence resolution).
	zwords [][]int32 // all Chinese word ids of each sentence, in order
	ewords [][]int32 // all English key ids of each sentence, in order
	zvocab []string
	evocab []string

	// A coarse level is merged directly from the finest one: each of its
	// units covers merge consecutive sentences of fine.
	fine  *features
	merge int
}

// vocab numbers strings in order of first appearance (so ids never depend
// on map iteration order).
type vocab struct {
	ids      map[string]int32
	names    []string
	prefixes map[string]bool // prefixes of name keys, built on first use
}

func (v *vocab) id(s string) int32 {
	if id, ok := v.ids[s]; ok {
		return id
	}
	if v.ids == nil {
		v.ids = make(map[string]int32)
	}
	id := int32(len(v.names))
	v.ids[s] = id
	v.names = append(v.names, s)
	return id
}

func (v *vocab) lookup(s string) (int32, bool) {
	id, ok := v.ids[s]
	return id, ok
}

// Special anchor keys shared by both languages.
const (
	keyQuestion = "\x00?"
	keyQuote    = "\x00quote"
	keyParen    = "\x00paren"
	keyExclaim  = "\x00!"
	keyEllipsis = "\x00..."
	namePrefix  = "\x00name:"
	numPrefix   = "\x00num:"
)

// newFeatures computes the matching form of both documents.
func newFeatures(zh, en []corpus.Sentence, lex *lexicon, model *Model, w *Weights, hints bool) *features {
	f := &features{
		zl: make([]float64, len(zh)),
		el: make([]float64, len(en)),
	}
	var ev, zv vocab
	// English side: content keys, names, numbers, anchors. The rows of
	// each per-sentence table share one backing array (rows).
	var ewords rows[int32]
	for t, s := range en {
		f.el[t] = textLength(s.Text)
		for _, k := range lex.englishKeys(s.Text) {
			ewords.all = append(ewords.all, ev.id(k))
		}
		ewords.end()
	}
	f.ewords = ewords.split()
	// Chinese side: words by longest match; each word's English keys that
	// occur in the English document.
	type wordInfo struct {
		trans []int32
		known bool // the lexicon has renderings for it, found in the English or not
	}
	cache := map[string]*wordInfo{}
	translate := func(word string) []int32 {
		if wi, ok := cache[word]; ok {
			return wi.trans
		}
		var ids []int32
		keys := lex.keys(word, model)
		for _, k := range keys {
			if id, ok := ev.lookup(k); ok {
				ids = append(ids, id)
			}
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
		cache[word] = &wordInfo{trans: ids, known: len(keys) > 0}
		return ids
	}
	// The rendering list of a number or name unit is the one key id, a
	// slice of keyIDs (all such lists share its backing array).
	keyIDs := make([]int32, len(ev.names))
	for id := range keyIDs {
		keyIDs[id] = int32(id)
	}
	one := func(id int32) []int32 {
		if int(id) >= len(keyIDs) {
			return []int32{id}
		}
		return keyIDs[id : id+1 : id+1]
	}
	var zu rows[unit]
	var zwords rows[int32]
	zdf := []int{}
	seenIn := []int{} // sentence (+1) in which a word was last added
	for s, sent := range zh {
		text := norm.Fold(sent.Text)
		f.zl[s] = textLength(sent.Text)
		add := func(word string, trans []int32) {
			wid := zv.id(word)
			if int(wid) >= len(zdf) {
				zdf = append(zdf, 0)
				seenIn = append(seenIn, 0)
			}
			if seenIn[wid] == s+1 {
				return
			}
			if len(trans) == 0 {
				// A word the lexicon can render but whose renderings are
				// nowhere in the English: content that counts against the
				// sentence's coverage wherever it is put (untranslated
				// text), though it can never match.
				if wi := cache[word]; wi == nil || !wi.known {
					return
				}
			}
			seenIn[wid] = s + 1
			zdf[wid]++
			zu.all = append(zu.all, unit{word: wid, trans: trans})
		}
		for _, tok := range lex.chineseTokens(text) {
			if tok.learn {
				zwords.all = append(zwords.all, zv.id(tok.text))
				if int(zv.id(tok.text)) >= len(zdf) {
					zdf = append(zdf, 0)
					seenIn = append(seenIn, 0)
				}
			}
			trans := translate(tok.text)
			for _, alt := range tok.alt {
				if more := translate(alt); len(more) > 0 {
					trans = append(slices.Clone(trans), more...)
					slices.Sort(trans)
					trans = slices.Compact(trans)
				}
			}
			add(tok.text, trans)
		}
		// Numbers and dates, in any notation (12万 ↔ 120,000; 6月17日 ↔ June 17).
		for _, v := range numbers.Chinese(text) {
			for _, k := range appendNumberKeys(nil, v) {
				if id, ok := ev.lookup(k); ok {
					add(k, one(id))
				}
			}
		}
		// Names: pinyin of hanzi runs against English capitalised words.
		for _, nm := range lex.names(text, &ev) {
			add(nm.text, one(nm.id))
		}
		zu.end()
		zwords.end()
	}
	f.zu, f.zwords = zu.split(), zwords.split()
	// Restrict both sides to keys that can match at all.
	reach := make([]bool, len(ev.names))
	for _, us := range f.zu {
		for _, u := range us {
			for _, id := range u.trans {
				reach[id] = true
			}
		}
	}
	edf := make([]int, len(ev.names))
	var et rows[term]
	var ids []int32
	var unreached rows[int32] // word and name keys no Chinese unit can match, by sentence
	for t := range en {
		ids = append(ids[:0], f.ewords[t]...)
		slices.Sort(ids)
		ids = slices.Compact(ids)
		for _, id := range ids {
			edf[id]++
			if reach[id] {
				et.all = append(et.all, term{id: id})
			} else if k := ev.names[id]; !strings.HasPrefix(k, "\x00") || strings.HasPrefix(k, namePrefix) {
				unreached.all = append(unreached.all, id)
			}
		}
		et.end()
		unreached.end()
	}
	f.et = et.split()
	// The IDF weight of each English sentence's unreachable words and
	// names, which unmatchable may count as content.
	f.eextra = make([]float64, len(en))
	for t, us := range unreached.split() {
		for _, id := range us {
			f.eextra[t] += math.Log(1 + float64(len(en))/float64(edf[id]))
		}
	}
	nz, ne := float64(len(zh)), float64(len(en))
	for s := range f.zu {
		for k := range f.zu[s] {
			f.zu[s][k].weight = float32(math.Log(1 + nz/float64(zdf[f.zu[s][k].word])))
		}
	}
	for t := range f.et {
		for k := range f.et[t] {
			f.et[t][k].weight = float32(math.Log(1 + ne/float64(edf[f.et[t][k].id])))
		}
	}
	f.zvocab, f.evocab = zv.names, ev.names
	f.compact()
	f.calibrate(w.Smooth)
	if hints {
		f.zpara, f.epara = paraStarts(zh), paraStarts(en)
		f.zquote, f.equote = quoteStarts(zh, true), quoteStarts(en, false)
		if f.zquote == nil || f.equote == nil {
			f.zquote, f.equote = nil, nil
		}
		// Kinds read in the context of paragraphs (HTML, Markdown, text)
		// are reliable; kinds guessed from isolated lines are not, and a
		// title guessed from a lone line (a short line without an end
		// mark) is as often a short sentence: on a side without
		// paragraphs titles count as body.
		f.kindWeak = f.zpara == nil && f.epara == nil
		f.zkind, f.ekind = kinds(zh, f.zpara != nil), kinds(en, f.epara != nil)
		if f.zpara == nil || f.epara == nil {
			f.zpara, f.epara = nil, nil
		}
		if f.zkind == nil && f.ekind == nil {
			f.zkind, f.ekind = nil, nil
		} else {
			if f.zkind == nil {
				f.zkind = make([]uint8, len(zh))
				for i := range f.zkind {
					f.zkind[i] = 1
				}
			}
			if f.ekind == nil {
				f.ekind = make([]uint8, len(en))
				for i := range f.ekind {
					f.ekind[i] = 1
				}
			}
		}
	}
	f.ratio = sum(f.el) / max(sum(f.zl), 1)
	f.variance = w.Variance
	f.missZH, f.missEN = -1, -1
	return f
}

// Calibration of coverage (see calibrate).
const (
	calibrateWindow = 5  // sentences either side of the diagonal searched for a translation
	calibrateFar    = 15 // offset from the diagonal of the unrelated sentences
	minCovSpread    = 0.05
)

// calibrate estimates the coverage a sentence gets from an unrelated
// sentence of the other document (covLo: the mean over pairs calibrateFar
// sentences off the diagonal) and from its translation (covHi: the median
// over Chinese sentences of the best pair near the diagonal). Texts differ
// widely here: news repeats its vocabulary, so unrelated sentences share
// a quarter of their words, while a literary translation renders freely
// and covers a third of its source. Coverage is then read on this scale.
func (f *features) calibrate(smooth float64) {
	n, m := len(f.zh), len(f.en)
	f.covLo, f.covHi = 0, 1
	if n < 8 || m < 8 {
		return
	}
	sim := func(s, t int) float64 {
		zm, em := pair(&f.zh[s], &f.en[t])
		return (maskWeight(f.zh[s].weights, zm)/(f.zh[s].total+smooth) + maskWeight(f.en[t].weights, em)/(f.en[t].total+smooth)) / 2
	}
	near := make([]float64, 0, n)
	far, nfar := 0.0, 0
	for s := range n {
		d := s * m / n
		best := 0.0
		for t := max(d-calibrateWindow, 0); t < min(d+calibrateWindow+1, m); t++ {
			best = max(best, sim(s, t))
		}
		near = append(near, best)
		for _, t := range []int{d - calibrateFar, d + calibrateFar} {
			if t >= 0 && t < m {
				far += sim(s, t)
				nfar++
			}
		}
	}
	slices.Sort(near)
	hi := near[len(near)/2]
	lo := far / float64(max(nfar, 1))
	if hi-lo >= minCovSpread {
		f.covLo, f.covHi = lo, hi
	}
}

// scaled reads a coverage on the document's scale: 0 for what an
// unrelated sentence gets, 1 for what a translation typically gets.
func (f *features) scaled(cov float64) float64 {
	return min(max((cov-f.covLo)/(f.covHi-f.covLo), 0), 1)
}

// compact builds zh and en (the matching forms) from zu and et.
func (f *features) compact() {
	var zb zhBuilder
	for _, us := range f.zu {
		zb.add(us)
	}
	f.zh = zb.sents()
	var eb enBuilder
	for _, ts := range f.et {
		eb.add(ts)
	}
	f.en = eb.sents()
}

// rows builds a table of variable-length rows in one backing array: append
// a row's elements to all, then call end.
type rows[T any] struct {
	all  []T
	ends []int
}

func (r *rows[T]) end() { r.ends = append(r.ends, len(r.all)) }

// split returns the rows, sharing one backing array of exactly their
// total length.
func (r *rows[T]) split() [][]T {
	all := r.all
	if cap(all) > len(all)+len(all)/8 {
		all = slices.Clone(all)
	}
	out := make([][]T, len(r.ends))
	a := 0
	for i, b := range r.ends {
		out[i] = all[a:b:b]
		a = b
	}
	return out
}

// heavierFirst orders weights from the largest down.
func heavierFirst(a, b float32) int { return -cmp.Compare(a, b) }

// zhBuilder makes the matching forms of Chinese sentences (or blocks),
// their masks and weights in two shared backing arrays.
type zhBuilder struct {
	index   rows[idMask]
	weights rows[float32]
	totals  []float64
	tmp     []unit
}

// add appends the matching form of a sentence with units us.
func (b *zhBuilder) add(us []unit) {
	if len(us) > maxUnits {
		b.tmp = append(b.tmp[:0], us...)
		// keep the most informative; ties by first occurrence
		slices.SortStableFunc(b.tmp, func(a, b unit) int { return heavierFirst(a.weight, b.weight) })
		us = b.tmp[:maxUnits]
	}
	total := 0.0
	start := len(b.index.all)
	for k, u := range us {
		b.weights.all = append(b.weights.all, u.weight)
		total += float64(u.weight)
		for _, id := range u.trans {
			b.index.all = append(b.index.all, idMask{id, 1 << uint(k)})
		}
	}
	index := b.index.all[start:]
	slices.SortFunc(index, func(a, b idMask) int { return int(a.id) - int(b.id) })
	// merge equal ids
	out := index[:0]
	for _, im := range index {
		if len(out) > 0 && out[len(out)-1].id == im.id {
			out[len(out)-1].mask |= im.mask
			continue
		}
		out = append(out, im)
	}
	b.index.all = b.index.all[:start+len(out)]
	b.index.end()
	b.weights.end()
	b.totals = append(b.totals, total)
}

func (b *zhBuilder) sents() []zhSent {
	index, weights := b.index.split(), b.weights.split()
	z := make([]zhSent, len(index))
	for s := range z {
		z[s] = zhSent{index: index[s], weights: weights[s], total: b.totals[s]}
	}
	return z
}

// enBuilder makes the matching forms of English sentences (or blocks).
type enBuilder struct {
	ids     rows[int32]
	weights rows[float32]
	totals  []float64
	tmp     []term
}

// add appends the matching form of a sentence with keys ts (sorted by id).
func (b *enBuilder) add(ts []term) {
	if len(ts) > maxUnits {
		b.tmp = append(b.tmp[:0], ts...)
		slices.SortStableFunc(b.tmp, func(a, b term) int {
			return cmp.Or(heavierFirst(a.weight, b.weight), int(a.id)-int(b.id))
		})
		ts = b.tmp[:maxUnits]
		slices.SortFunc(ts, func(a, b term) int { return int(a.id) - int(b.id) })
	}
	total := 0.0
	for _, t := range ts {
		b.ids.all = append(b.ids.all, t.id)
		b.weights.all = append(b.weights.all, t.weight)
		total += float64(t.weight)
	}
	b.ids.end()
	b.weights.end()
	b.totals = append(b.totals, total)
}

func (b *enBuilder) sents() []enSent {
	ids, weights := b.ids.split(), b.weights.split()
	e := make([]enSent, len(ids))
	for t := range e {
		e[t] = enSent{ids: ids[t], weights: weights[t], total: b.totals[t]}
	}
	return e
}

// pair returns which units of Chinese sentence z and which keys of English
// sentence e match each other.
func pair(z *zhSent, e *enSent) (zm, em uint64) {
	a, b := z.index, e.ids
	i, k := 0, 0
	for i < len(a) && k < len(b) {
		switch {
		case a[i].id < b[k]:
			i++
		case a[i].id > b[k]:
			k++
		default:
			zm |= a[i].mask
			em |= 1 << uint(k)
			i++
			k++
		}
	}
	return zm, em
}

// maskWeight sums the weights of the set bits of m, lowest bit first.
func maskWeight(weights []float32, m uint64) float64 {
	w := 0.0
	for m != 0 {
		k := bits.TrailingZeros64(m)
		w += float64(weights[k])
		m &= m - 1
	}
	return w
}

// downsample returns the features of the documents with each pair of
// consecutive units merged into one (no hints, no learning inputs). The
// merged units are made from the sentences of the finest level directly
// (the union of their units, each word once as it first occurs; the union
// of their keys), so a coarse level keeps only its matching forms.
func (f *features) downsample() *features {
	fine, merge := f, 2
	if f.fine != nil {
		fine, merge = f.fine, 2*f.merge
	}
	nz, ne := len(fine.zl), len(fine.el)
	n, m := (nz+merge-1)/merge, (ne+merge-1)/merge
	g := &features{
		zl: make([]float64, n), el: make([]float64, m),
		ratio: f.ratio, variance: f.variance, covLo: f.covLo, covHi: f.covHi,
		missZH: f.missZH, missEN: f.missEN,
		fine: fine, merge: merge,
	}
	for s := range fine.zl {
		g.zl[s/merge] += fine.zl[s]
	}
	for t := range fine.el {
		g.el[t/merge] += fine.el[t]
	}
	var zb zhBuilder
	var us []unit
	seenIn := make([]int32, len(fine.zvocab)) // block (+1) in which a word was last taken
	for s := range n {
		us = us[:0]
		for _, su := range fine.zu[s*merge : min((s+1)*merge, nz)] {
			for _, u := range su {
				if seenIn[u.word] != int32(s+1) {
					seenIn[u.word] = int32(s + 1)
					us = append(us, u)
				}
			}
		}
		zb.add(us)
	}
	g.zh = zb.sents()
	var eb enBuilder
	var ts []term
	for t := range m {
		ts = ts[:0]
		for _, st := range fine.et[t*merge : min((t+1)*merge, ne)] {
			ts = append(ts, st...)
		}
		slices.SortFunc(ts, func(a, b term) int { return int(a.id) - int(b.id) })
		ts = slices.CompactFunc(ts, func(a, b term) bool { return a.id == b.id })
		eb.add(ts)
	}
	g.en = eb.sents()
	if fine.eadded != nil {
		for t := range fine.el {
			g.en[t/merge].total += fine.eadded[t]
		}
	}
	return g
}

// textLength counts the non-space characters of s.
func textLength(s string) float64 {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return float64(n)
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// paraStarts marks the sentences that start a paragraph, or returns nil
// when the document has no useful paragraph structure (one paragraph, or
// one sentence per paragraph throughout).
func paraStarts(ss []corpus.Sentence) []bool {
	p := make([]bool, len(ss)+1)
	n := 0
	for i, s := range ss {
		if i == 0 || s.Para != ss[i-1].Para {
			p[i] = true
			n++
		}
	}
	p[len(ss)] = true
	if n <= 1 || n == len(ss) {
		return nil
	}
	return p
}

// kinds returns a kind bit per sentence, or nil when all are body text.
// Titles are a kind of their own only when titled is set (the side has
// paragraphs); otherwise they count as body.
func kinds(ss []corpus.Sentence, titled bool) []uint8 {
	k := make([]uint8, len(ss))
	other := false
	for i, s := range ss {
		switch s.Kind {
		case corpus.Caption:
			k[i] = kindCaption
			other = true
		case corpus.Metadata:
			k[i] = kindMetadata
			other = true
		case corpus.Title:
			if !titled {
				k[i] = kindBody
				continue
			}
			k[i] = kindTitle
			other = true
		default:
			k[i] = kindBody
		}
	}
	if !other {
		return nil
	}
	return k
}

// englishKeys returns the content keys of an English sentence in order:
// term keys of content words, names (runs of up to three capitalised
// words, letters joined), numbers and anchors.
func (l *lexicon) englishKeys(text string) []string {
	quoted := strings.ContainsAny(text, "\"“”") || quotesSingle(text) // before folding turns ’ into '
	text = norm.Fold(text)
	var keys []string
	toks := norm.EnglishTokens(text)
	for i, tk := range toks {
		for _, k := range l.keysOf(tk.Text) {
			if !isNumberKey(k) && !stopword(k) {
				keys = append(keys, k)
			}
		}
		if !isCapitalised(tk.Text) {
			continue
		}
		name := ""
		for k := i; k < len(toks) && k < i+3; k++ {
			part := toks[k]
			if !isCapitalised(part.Text) || (k > i && part.Start > toks[k-1].End+1) {
				break
			}
			word, possessive := cutPossessive(part.Text)
			name += lettersLower(word)
			if len(name) >= 4 {
				keys = append(keys, namePrefix+name)
			}
			if possessive {
				break // Zhou Rui's wife: the name ends here
			}
		}
	}
	for _, v := range numbers.English(text) {
		keys = appendNumberKeys(keys, v)
	}
	if strings.ContainsRune(text, '?') {
		keys = append(keys, keyQuestion)
	}
	if strings.ContainsRune(text, '!') {
		keys = append(keys, keyExclaim)
	}
	if quoted {
		keys = append(keys, keyQuote)
	}
	if strings.ContainsRune(text, '(') {
		keys = append(keys, keyParen)
	}
	if strings.Contains(text, "...") || strings.Contains(text, ". . .") { // … is folded to ...
		keys = append(keys, keyEllipsis)
	}
	return keys
}

// appendNumberKeys appends the matching keys of a number or date: its
// canonical key and, for a date with a year, the same date without it
// (the Chinese edition often leaves the year out).
func appendNumberKeys(keys []string, v numbers.Value) []string {
	keys = append(keys, numPrefix+v.Key())
	if v.Kind == numbers.Date && v.Year == 0 && v.Month == 0 && v.Day > 0 {
		// a day without its month (23日) is written "the 23rd"
		keys = append(keys, numPrefix+numbers.Value{Kind: numbers.Ordinal, Num: float64(v.Day)}.Key())
	}
	if v.Kind == numbers.Date && v.Year != 0 {
		v.Year = 0
		keys = append(keys, numPrefix+v.Key())
	}
	return keys
}

func isNumberKey(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		if (k[i] < '0' || k[i] > '9') && k[i] != '.' {
			return false
		}
	}
	return true
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// cutPossessive returns w without a possessive ending ('s, or a lone '
// after s) and whether it had one; w is folded text, where ’ is '.
func cutPossessive(w string) (string, bool) {
	for _, suffix := range []string{"'s", "'"} {
		if rest, ok := strings.CutSuffix(w, suffix); ok && rest != "" {
			return rest, true
		}
	}
	return w, false
}

func lettersLower(w string) string {
	var b strings.Builder
	for _, r := range w {
		if 'a' <= r && r <= 'z' {
			b.WriteRune(r)
		} else if 'A' <= r && r <= 'Z' {
			b.WriteRune(r + 'a' - 'A')
		}
	}
	return b.String()
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }
