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
	zu       [][]unit  // content units, by sentence
	et       [][]term  // content keys, by sentence
	zh       []zhSent
	en       []enSent
	zpara    []bool // sentence starts a paragraph (nil: no paragraph hints)
	epara    []bool
	zkind    []uint8 // kind bit of each sentence (nil: no kind hints)
	kindWeak bool    // kinds were guessed without paragraph context
	ekind    []uint8
	ratio    float64 // English characters per Chinese character
	missZH   float64 // share of the Chinese text with no English counterpart (estimated; -1: unknown)
	missEN   float64 // and of the English text with no Chinese counterpart
	covLo    float64 // coverage of a sentence by an unrelated one (estimated)
	covHi    float64 // coverage of a sentence by its translation (estimated)
	variance float64 // Gale-Church variance per Chinese character

	// Inputs for learning (only at sentence resolution).
	zwords [][]int32 // all Chinese word ids of each sentence, in order
	ewords [][]int32 // all English key ids of each sentence, in order
	zvocab []string
	evocab []string
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
	// English side: content keys, names, numbers, anchors.
	f.ewords = make([][]int32, len(en))
	for t, s := range en {
		f.el[t] = textLength(s.Text)
		for _, k := range lex.englishKeys(s.Text) {
			f.ewords[t] = append(f.ewords[t], ev.id(k))
		}
	}
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
	f.zu = make([][]unit, len(zh))
	f.zwords = make([][]int32, len(zh))
	zdf := []int{}
	for s, sent := range zh {
		text := norm.Fold(sent.Text)
		f.zl[s] = textLength(sent.Text)
		seen := map[int32]bool{}
		add := func(word string, trans []int32) {
			wid := zv.id(word)
			if int(wid) >= len(zdf) {
				zdf = append(zdf, 0)
			}
			if seen[wid] {
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
			seen[wid] = true
			zdf[wid]++
			f.zu[s] = append(f.zu[s], unit{word: wid, trans: trans})
		}
		for _, tok := range lex.chineseTokens(text) {
			if tok.learn {
				f.zwords[s] = append(f.zwords[s], zv.id(tok.text))
				if int(zv.id(tok.text)) >= len(zdf) {
					zdf = append(zdf, 0)
				}
			}
			add(tok.text, translate(tok.text))
		}
		// Numbers and dates, in any notation (12万 ↔ 120,000; 6月17日 ↔ June 17).
		for _, v := range numbers.Chinese(text) {
			for _, k := range appendNumberKeys(nil, v) {
				if id, ok := ev.lookup(k); ok {
					add(k, []int32{id})
				}
			}
		}
		// Names: pinyin of hanzi runs against English capitalised words.
		for _, nm := range lex.names(text, &ev) {
			add(nm.text, []int32{nm.id})
		}
	}
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
	f.et = make([][]term, len(en))
	for t := range en {
		ids := slices.Clone(f.ewords[t])
		slices.Sort(ids)
		ids = slices.Compact(ids)
		for _, id := range ids {
			if reach[id] {
				edf[id]++
				f.et[t] = append(f.et[t], term{id: id})
			}
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
		// Kinds read in the context of paragraphs (HTML, Markdown, text)
		// are reliable; kinds guessed from isolated lines are not.
		f.kindWeak = f.zpara == nil && f.epara == nil
		if f.zpara == nil || f.epara == nil {
			f.zpara, f.epara = nil, nil
		}
		f.zkind, f.ekind = kinds(zh), kinds(en)
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
	f.zh = make([]zhSent, len(f.zu))
	for s, us := range f.zu {
		f.zh[s] = makeZhSent(us)
	}
	f.en = make([]enSent, len(f.et))
	for t, ts := range f.et {
		f.en[t] = makeEnSent(ts)
	}
}

// heavierFirst orders weights from the largest down.
func heavierFirst(a, b float32) int { return -cmp.Compare(a, b) }

func makeZhSent(us []unit) zhSent {
	if len(us) > maxUnits {
		us = slices.Clone(us)
		// keep the most informative; ties by first occurrence
		slices.SortStableFunc(us, func(a, b unit) int { return heavierFirst(a.weight, b.weight) })
		us = us[:maxUnits]
	}
	var z zhSent
	z.weights = make([]float32, len(us))
	n := 0
	for _, u := range us {
		n += len(u.trans)
	}
	z.index = make([]idMask, 0, n)
	for k, u := range us {
		z.weights[k] = u.weight
		z.total += float64(u.weight)
		for _, id := range u.trans {
			z.index = append(z.index, idMask{id, 1 << uint(k)})
		}
	}
	slices.SortFunc(z.index, func(a, b idMask) int { return int(a.id) - int(b.id) })
	// merge equal ids
	out := z.index[:0]
	for _, im := range z.index {
		if len(out) > 0 && out[len(out)-1].id == im.id {
			out[len(out)-1].mask |= im.mask
			continue
		}
		out = append(out, im)
	}
	z.index = out
	return z
}

func makeEnSent(ts []term) enSent {
	if len(ts) > maxUnits {
		ts = slices.Clone(ts)
		slices.SortStableFunc(ts, func(a, b term) int {
			return cmp.Or(heavierFirst(a.weight, b.weight), int(a.id)-int(b.id))
		})
		ts = ts[:maxUnits]
		slices.SortFunc(ts, func(a, b term) int { return int(a.id) - int(b.id) })
	}
	e := enSent{ids: make([]int32, len(ts)), weights: make([]float32, len(ts))}
	for k, t := range ts {
		e.ids[k] = t.id
		e.weights[k] = t.weight
		e.total += float64(t.weight)
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
// consecutive sentences merged into one (no hints, no learning inputs).
func (f *features) downsample() *features {
	n, m := (len(f.zl)+1)/2, (len(f.el)+1)/2
	g := &features{
		zl: make([]float64, n), el: make([]float64, m),
		zu: make([][]unit, n), et: make([][]term, m),
		ratio: f.ratio, variance: f.variance, covLo: f.covLo, covHi: f.covHi,
		missZH: f.missZH, missEN: f.missEN,
	}
	for s := range f.zl {
		g.zl[s/2] += f.zl[s]
		g.zu[s/2] = mergeUnits(g.zu[s/2], f.zu[s])
	}
	for t := range f.el {
		g.el[t/2] += f.el[t]
		g.et[t/2] = mergeTerms(g.et[t/2], f.et[t])
	}
	g.compact()
	return g
}

func mergeUnits(a, b []unit) []unit {
	out := slices.Clone(a)
	for _, u := range b {
		if !slices.ContainsFunc(a, func(x unit) bool { return x.word == u.word }) {
			out = append(out, u)
		}
	}
	return out
}

func mergeTerms(a, b []term) []term {
	out := make([]term, 0, len(a)+len(b))
	i, k := 0, 0
	for i < len(a) || k < len(b) {
		switch {
		case k == len(b) || i < len(a) && a[i].id < b[k].id:
			out = append(out, a[i])
			i++
		case i == len(a) || b[k].id < a[i].id:
			out = append(out, b[k])
			k++
		default:
			out = append(out, a[i])
			i++
			k++
		}
	}
	return out
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
// Titles count as body: readers guess them from position and shape, and
// a headline is translated like any sentence.
func kinds(ss []corpus.Sentence) []uint8 {
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
			name += lettersLower(part.Text)
			if len(name) >= 4 {
				keys = append(keys, namePrefix+name)
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
	if strings.ContainsAny(text, "\"“”") {
		keys = append(keys, keyQuote)
	}
	if strings.ContainsRune(text, '(') {
		keys = append(keys, keyParen)
	}
	return keys
}

// appendNumberKeys appends the matching keys of a number or date: its
// canonical key and, for a date with a year, the same date without it
// (the Chinese edition often leaves the year out).
func appendNumberKeys(keys []string, v numbers.Value) []string {
	keys = append(keys, numPrefix+v.Key())
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
