package align

import (
	"math"
	"slices"
	"sync"
)

// Weights are the cost model's weights. See the package documentation for
// what each one prices and how its default was estimated.
type Weights struct {
	Length      float64              // per unit of Gale-Church −log tail probability
	Lexical     float64              // per sentence of the bead times (1 − similarity)
	Smooth      float64              // κ: pseudo-weight added to each side's total before dividing
	Delete      float64              // base cost of leaving one sentence unaligned
	Evidence    float64              // extra deletion cost per unit of best local similarity
	Para        float64              // a bead that starts a paragraph on one side only
	Quote       float64              // a bead that starts inside a quotation on one side and outside any on the other
	Kind        float64              // a bead that pairs different sentence kinds (caption with body)
	Variance    float64              // Gale-Church variance per Chinese character before estimation
	Temperature float64              // of the Gibbs distribution whose marginals are the confidences
	Spread      float64              // confidences average the marginals with each deletion costing this much less, the same and more
	Calibration float64              // the reported confidence is the marginal to this power (≤ 0: the default)
	Refine      float64              // a many-to-many bead is re-cut when the cut costs at most this much more
	DeleteDrop  float64              // how much cheaper deletions get on a side whose text is partly untranslated
	Omit        float64              // deletion discount for a content-rich sentence with nothing matching nearby, however free the translation
	Richness    float64              // content weight at which a sentence counts as half rich
	OmitLiteral float64              // further Omit discount in proportion to how literal the translation is
	Unmatched   float64              // share of an English sentence's unmatchable key weight counted as content
	Redundant   float64              // a sentence in a many-sentence side that adds nothing to the other side's coverage
	Prior       map[BeadType]float64 // −log prior of each bead shape (missing shapes: PriorOther)
	PriorOther  float64
}

// Default weights (see doc.go for how they were set).
const (
	weightLength     = 0.25
	weightLexical    = 3.0
	weightSmooth     = 1.0
	weightDelete     = 5.0
	weightEvidence   = 1.0
	weightPara       = 3.0
	weightQuote      = 2.0
	weightKind       = 3.0
	weightRefine     = 1.5
	weightOmit       = 0.0
	weightDeleteDrop = 2.0
	// missingFull is the share of a document's text left untranslated at
	// which deletions on its side get the whole DeleteDrop discount.
	missingFull        = 0.1
	weightRichness     = 8.0
	weightRedundant    = 1.25
	weightOmitLiteral  = 3.5
	weightUnmatched    = 0.5
	defaultVariance    = 6.0
	defaultTemperature = 1.0
	defaultSpread      = 1.0
	defaultCalibration = 0.3
	priorOther         = 6.0
)

// DefaultWeights returns the default weights.
func DefaultWeights() Weights {
	return Weights{
		Length: weightLength, Lexical: weightLexical, Smooth: weightSmooth,
		Delete: weightDelete, Evidence: weightEvidence, Para: weightPara, Quote: weightQuote, Kind: weightKind,
		Variance: defaultVariance, Temperature: defaultTemperature, Refine: weightRefine,
		Spread: defaultSpread, Calibration: defaultCalibration,
		Omit: weightOmit, DeleteDrop: weightDeleteDrop, Richness: weightRichness,
		Redundant: weightRedundant, OmitLiteral: weightOmitLiteral, Unmatched: weightUnmatched,
		Prior: map[BeadType]float64{
			{1, 1}: 0, {1, 2}: 0.8, {2, 1}: 1.2, {1, 0}: 0, {0, 1}: 0,
			{1, 3}: 1.8, {3, 1}: 2.6, {2, 2}: 2.4, {1, 4}: 2.8, {4, 1}: 3.6,
			{2, 3}: 3.0, {3, 2}: 3.4,
		},
		PriorOther: priorOther,
	}
}

// The outlier component of the length model: its weight and how much
// wider it is than the normal one.
const (
	lengthOutlier      = 0.1
	lengthOutlierScale = 3.0
)

// kindWeakFactor divides the Kind weight when neither document has
// paragraphs, so that kinds were guessed from single lines.
const kindWeakFactor = 3

// lengthMixture is −log of the mixture tail probability at x = |δ|/√2,
// centred; tabulated up to lengthTableMax (the DP asks for it millions of
// times), beyond which the normal component is negligible.
func lengthMixture(x float64) float64 {
	if x < lengthTableMax {
		return interpolate(lengthTable(), x*lengthTableScale)
	}
	return -math.Log(lengthOutlier) - logErfc(x/lengthOutlierScale) - 1
}

func lengthMixtureExact(x float64) float64 {
	p := logAdd(math.Log1p(-lengthOutlier)+logErfc(x), math.Log(lengthOutlier)+logErfc(x/lengthOutlierScale))
	return -p - 1
}

const (
	lengthTableMax   = 40.0
	lengthTableScale = 500.0
)

var lengthTable = sync.OnceValue(func() []float64 {
	t := make([]float64, int(lengthTableMax*lengthTableScale)+2)
	for k := range t {
		t[k] = lengthMixtureExact(float64(k) / lengthTableScale)
	}
	return t
})

// evidenceReach is how many sentences either side of a deletion count as
// its neighbourhood when pricing it by local lexical evidence.
const evidenceReach = 2

// minDeleteCost is the least a sentence left out costs, however its
// discounts (DeleteDrop, Omit, OmitLiteral) add up: without it a pair of
// deletions can cost less than a fair match, and past a point a whole
// document comes out unaligned (on news-dev, a total omission discount of
// 4.5 instead of 3.5 dropped strict F1 from 0.96 to 0.82; with the floor,
// 0.95; measured when the discount was Omit 2 + OmitLiteral). Any floor
// from 0.5 to 1.5 gave the same results at the default weights.
const minDeleteCost = 1.0

// scorer prices beads over one features set.
type scorer struct {
	f          *features
	types      []BeadType
	prior      []float64
	w          *Weights
	zcum, ecum []float64
	maxA, maxB int
	pairs      *pairCache
	sd         float64      // Gale-Church standard deviation per sqrt(char)
	delZH      float64      // base cost of leaving a Chinese sentence unaligned
	delEN      float64      // and an English one
	omit       float64      // Omit + OmitLiteral
	zme        [8][8]uint64 // lexicalCost's masks for redundancy: [s][e] the units of Chinese sentence i+s matched by English sentence j+e
	ezm        [8][8]uint64 // [e][s] the keys of English sentence j+e matched by Chinese sentence i+s
}

func newScorer(f *features, types []BeadType, w *Weights) *scorer {
	sc := &scorer{f: f, types: types, w: w}
	for _, t := range types {
		p, ok := w.Prior[t]
		if !ok {
			p = w.PriorOther
		}
		sc.prior = append(sc.prior, p)
		sc.maxA, sc.maxB = max(sc.maxA, t.ZH), max(sc.maxB, t.EN)
	}
	sc.zcum = prefix(f.zl)
	sc.ecum = prefix(f.el)
	sc.sd = math.Sqrt(f.variance)
	sc.delZH, sc.delEN = w.Delete, w.Delete
	sc.omit = w.Omit + w.OmitLiteral
	if f.missZH >= 0 {
		sc.delZH -= w.DeleteDrop * min(f.missZH/missingFull, 1)
		sc.delEN -= w.DeleteDrop * min(f.missEN/missingFull, 1)
	}
	return sc
}

func prefix(xs []float64) []float64 {
	c := make([]float64, len(xs)+1)
	for i, x := range xs {
		c[i+1] = c[i] + x
	}
	return c
}

// cost is the cost of the bead of type k covering Chinese sentences
// [i, i+a) and English sentences [j, j+b).
func (sc *scorer) cost(i, j, k int) float64 {
	t := sc.types[k]
	f := sc.f
	c := sc.prior[k]
	if t.ZH == 0 || t.EN == 0 {
		return c + sc.deletion(i, j, t)
	}
	lz := sc.zcum[i+t.ZH] - sc.zcum[i]
	le := sc.ecum[j+t.EN] - sc.ecum[j]
	c += sc.w.Length * sc.lengthCost(lz, le)
	c += sc.w.Lexical * sc.lexicalCost(i, t.ZH, j, t.EN)
	if f.zpara != nil && f.zpara[i] != f.epara[j] {
		c += sc.w.Para
	}
	if f.zquote != nil && quoteClash(f.zquote[i], f.equote[j]) {
		c += sc.w.Quote
	}
	if f.zkind != nil {
		kw := sc.w.Kind
		if f.kindWeak {
			kw /= kindWeakFactor
		}
		c += kw * float64(sc.kindMismatch(i, t.ZH, j, t.EN))
	}
	return c
}

// kindMismatch reports whether the two sides of a bead differ in the
// order of their sentence kinds (body, caption, title, metadata), runs of
// one kind counting once: a caption and its credit against one English
// caption agree, a caption followed by body text against body text
// followed by a caption do not.
func (sc *scorer) kindMismatch(i, a, j, b int) int {
	f := sc.f
	zs, es := f.zkind[i:i+a], f.ekind[j:j+b]
	x, y := 0, 0
	for x < len(zs) || y < len(es) {
		if x == len(zs) || y == len(es) || zs[x] != es[y] {
			return 1
		}
		k := zs[x]
		for x < len(zs) && zs[x] == k {
			x++
		}
		for y < len(es) && es[y] == k {
			y++
		}
	}
	return 0
}

// lengthCost is −log of the two-sided Gale-Church tail probability of the
// English length le given the Chinese length lz.
func (sc *scorer) lengthCost(lz, le float64) float64 {
	r := sc.f.ratio
	if r <= 0 { // an English side without text: length says nothing
		return 0
	}
	n := (lz + le/r) / 2
	if n <= 0 {
		return 0
	}
	delta := (le - lz*r) / (sc.sd * math.Sqrt(n*r))
	// Translations, literary ones above all, have heavy-tailed length
	// ratios: the tail probability is a mixture of the Gale-Church normal
	// and, with weight lengthOutlier, one lengthOutlierScale times wider,
	// so an odd but correct bead is not priced out. Centring on 1 (the
	// mean of −log of a uniform tail probability) makes a typical correct
	// bead cost nothing, however many beads a path cuts the text into.
	return lengthMixture(math.Abs(delta) / math.Sqrt2)
}

// deletion prices leaving the sentences of a 1-0 or 0-1 bead unaligned:
// a base cost plus the best similarity of the sentence to the sentences
// around the place it would be skipped, so that a sentence with a likely
// translation nearby is expensive to drop and one with none is cheap.
func (sc *scorer) deletion(i, j int, t BeadType) float64 {
	f := sc.f
	c := 0.0
	if t.EN == 0 {
		for s := i; s < i+t.ZH; s++ {
			best := 0.0
			for e := max(j-evidenceReach, 0); e < min(j+evidenceReach, len(f.el)); e++ {
				best = max(best, sc.similarity(s, e))
			}
			c += max(sc.delZH+sc.w.Evidence*best-sc.omit*sc.rich(f.zh[s].total)*(1-best), minDeleteCost)
		}
	} else {
		for e := j; e < j+t.EN; e++ {
			best := 0.0
			for s := max(i-evidenceReach, 0); s < min(i+evidenceReach, len(f.zl)); s++ {
				best = max(best, sc.similarity(s, e))
			}
			c += max(sc.delEN+sc.w.Evidence*best-sc.omit*sc.rich(f.en[e].total)*(1-best), minDeleteCost)
		}
	}
	return c
}

// rich is how much content a sentence has, in [0, 1): its total unit
// weight w as w/(w + Richness). Coverage of a sentence with little content
// says little, so its lexical costs are scaled by it.
func (sc *scorer) rich(w float64) float64 { return w / (w + sc.w.Richness) }

// similarity is the lexical similarity of Chinese sentence i with English
// sentence j: the mean of the IDF-weighted shares of each that have a
// rendering in the other (used to price deletions by local evidence).
func (sc *scorer) similarity(i, j int) float64 {
	f := sc.f
	zm, em := sc.pairs.get(f, i, j)
	k := sc.w.Smooth
	return f.scaled((maskWeight(f.zh[i].weights, zm)/(f.zh[i].total+k) + maskWeight(f.en[j].weights, em)/(f.en[j].total+k)) / 2)
}

// lexicalCost is the lexical cost of a bead pairing the concatenation of
// Chinese sentences [i, i+a) with that of English sentences [j, j+b): for
// every sentence of the bead, one minus the IDF-weighted share of it that
// has a rendering on the other side of the bead. Each sentence answers for
// itself, so a sentence with nothing matching in the bead costs as much as
// a whole unmatched sentence and is better left out (a deletion) than
// smeared into a neighbour's bead.
func (sc *scorer) lexicalCost(i, a, j, b int) float64 {
	f := sc.f
	var (
		emask      [8]uint64
		zcov, ecov [8]float64
		zw, ew     [8]weighed
	)
	redundant := sc.w.Redundant > 0 && (a > 1 || b > 1)
	k := sc.w.Smooth
	c := 0.0
	for s := i; s < i+a; s++ {
		var zm uint64
		for e := j; e < j+b; e++ {
			m1, m2 := sc.pairs.get(f, s, e)
			zm |= m1
			emask[e-j] |= m2
			if redundant {
				sc.zme[s-i][e-j] = m1
				sc.ezm[e-j][s-i] = m2
			}
		}
		z := &f.zh[s]
		zw[s-i] = weighed{z.weights, z.total}
		zcov[s-i] = f.scaled(maskWeight(z.weights, zm) / (z.total + k))
		c += sc.rich(z.total) * (1 - zcov[s-i])
	}
	for e := j; e < j+b; e++ {
		en := &f.en[e]
		ew[e-j] = weighed{en.weights, en.total}
		ecov[e-j] = f.scaled(maskWeight(en.weights, emask[e-j]) / (en.total + k))
		c += sc.rich(en.total) * (1 - ecov[e-j])
	}
	if redundant {
		if b > 1 {
			c += sc.w.Redundant * sc.redundancy(ew[:b], &ecov, zw[:a], &sc.zme)
		}
		if a > 1 {
			c += sc.w.Redundant * sc.redundancy(zw[:a], &zcov, ew[:b], &sc.ezm)
		}
	}
	return c
}

// Redundancy: a sentence of a many-sentence side that matches nothing of
// the other side that its companions do not already match adds nothing
// to the bead; if it is also poorly covered itself, it is more likely an
// addition (a sentence the translator wrote, or one the other edition
// left out) than part of the rendering. uniqueFull is the share of the
// other side's weight a sentence must match alone to count as a full
// contributor.
const uniqueFull = 0.05

// weighed is what redundancy needs of a sentence of either language: its
// unit (key) weights and their total.
type weighed struct {
	weights []float32
	total   float64
}

// redundancy sums, over the sentences of one side of a bead (own, with
// their scaled coverages cov), how much each is poorly covered and adds
// nothing unique to its coverage of the other side: match[o][x] is the
// mask of other[o]'s units that own[x] matches.
func (sc *scorer) redundancy(own []weighed, cov *[8]float64, other []weighed, match *[8][8]uint64) float64 {
	k := sc.w.Smooth
	total := 0.0
	for o := range other {
		total += other[o].total + k
	}
	c := 0.0
	for x := range own {
		u := 0.0
		for o := range other {
			var others uint64
			for y := range own {
				if y != x {
					others |= match[o][y]
				}
			}
			u += maskWeight(other[o].weights, match[o][x]&^others)
		}
		u = min(u/total/uniqueFull, 1)
		c += sc.rich(own[x].total) * (1 - cov[x]) * (1 - u)
	}
	return c
}

// forLiteralness returns the weights for a document pair whose
// translation has the given literalness: OmitLiteral and Redundant scaled
// by it. It is read once, from the dictionary alone (the first pass), so
// that what the second pass learns does not move it.
func (w *Weights) forLiteralness(lit float64) *Weights {
	if w.OmitLiteral == 0 && w.Redundant == 0 && w.Unmatched == 0 {
		return w
	}
	v := *w
	v.OmitLiteral *= lit
	v.Redundant *= lit
	v.Unmatched *= lit
	return &v
}

// literalness is how far the document pair's translation is literal
// enough for a sentence that adds nothing to be an addition: 0 when the
// typical English sentence is covered by its best Chinese neighbour no
// better than in free literary translation (enHi ≤ literalLo), 1 from
// literalHi up. English sentences are measured, not Chinese ones: an
// edition that renders one Chinese sentence as four is still literal,
// each English sentence being well covered by its source.
func literalness(f *features, smooth float64) float64 {
	n, m := len(f.zh), len(f.en)
	if n == 0 || m == 0 {
		return literalUnknown
	}
	near := make([]float64, 0, m)
	for t := range m {
		d := t * n / m
		best := 0.0
		for s := max(d-calibrateWindow, 0); s < min(d+calibrateWindow+1, n); s++ {
			_, em := pair(&f.zh[s], &f.en[t])
			best = max(best, maskWeight(f.en[t].weights, em)/(f.en[t].total+smooth))
		}
		near = append(near, best)
	}
	slices.Sort(near)
	enHi := near[len(near)/2]
	lit := min(max((enHi-literalLo)/(literalHi-literalLo), 0), 1)
	// A few sentences say little: below literalSample sentences a side the
	// reading is drawn towards literalUnknown.
	trust := float64(min(n, m, literalSample)) / literalSample
	return literalUnknown + trust*(lit-literalUnknown)
}

const (
	literalLo      = 0.55
	literalHi      = 0.65
	literalSample  = 8   // sentences a side from which the reading is trusted whole (as calibrate)
	literalUnknown = 0.5 // literalness of a pair too short to read
)

// pairCache holds the match masks of sentence pairs near the band.
type pairCache struct {
	t0  []int32 // first English sentence cached for Chinese sentence s
	n   []int32 // how many
	off []int   // offset of (s, t0[s]) in zm/em
	zm  []uint64
	em  []uint64
}

func (p *pairCache) get(f *features, s, t int) (uint64, uint64) {
	if p != nil && s < len(p.t0) {
		if d := t - int(p.t0[s]); d >= 0 && d < int(p.n[s]) {
			return p.zm[p.off[s]+d], p.em[p.off[s]+d]
		}
	}
	return pair(&f.zh[s], &f.en[t])
}

func resize[T any](xs []T, n int) []T {
	if cap(xs) < n {
		return make([]T, n)
	}
	return xs[:n]
}

// Sentence kinds as compared by kindMismatch (one bit each).
const (
	kindBody     uint8 = 1
	kindCaption  uint8 = 2
	kindTitle    uint8 = 4
	kindMetadata uint8 = 8
)
