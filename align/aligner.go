package align

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"sync"

	"github.com/bitext/bitext/corpus"
)

// BeadType is the shape of a bead: ZH Chinese sentences rendered by EN
// English sentences.
type BeadType struct{ ZH, EN int }

func (t BeadType) String() string { return fmt.Sprintf("%d-%d", t.ZH, t.EN) }

// DefaultTypes are the bead shapes the aligner considers when
// Aligner.Types is nil. Their order is the tie-breaking order of the
// dynamic programme: of two equally cheap paths, the one whose last bead
// comes first here wins.
var DefaultTypes = []BeadType{
	{1, 1}, {1, 2}, {2, 1}, {1, 0}, {0, 1}, {1, 3}, {3, 1}, {2, 2},
	{1, 4}, {4, 1}, {2, 3}, {3, 2},
}

// DefaultBand is the initial half-width of the search band around the
// coarse path, in sentences; the band widens where the path touches it.
const DefaultBand = 8

// Errors returned by Align.
var (
	ErrEmpty     = errors.New("align: a side has no sentences")
	ErrBeadTypes = errors.New("align: bead types must include 1-0, 0-1 or 1-1 shapes and be at most 8 sentences a side")
	// ErrUnrelated: the two documents do not look like translations of
	// each other (see Aligner.Unrelated).
	ErrUnrelated = errors.New("align: the documents do not look like translations of each other")
	ErrWeights   = errors.New("align: Weights.Smooth and Weights.Richness must be positive, Weights.Spread finite and not negative, Weights.Calibration a number")
)

// Aligner aligns the sentences of a Chinese document with those of its
// English edition. The zero value is ready to use: it scores with sentence
// length, CC-CEDICT, pinyin of names, anchors and a translation table learnt
// from the document pair itself. Set fields before the first call to Align;
// an Aligner may then be used from several goroutines at once.
type Aligner struct {
	// Dict is the bilingual dictionary; nil means CC-CEDICT
	// (cedict.Load()). Use NoDictionary for length and anchors only.
	Dict Dictionary
	// Lexicon holds user dictionaries (--dict), consulted before Dict.
	Lexicon *Lexicon
	// Model is a translation table learnt over a corpus (see Learner).
	Model *Model
	// Types are the bead shapes allowed; nil means DefaultTypes.
	Types []BeadType
	// Band is the initial half-width of the DP band; 0 means DefaultBand.
	Band int
	// NoLearn disables the second pass with a Model 1 table trained on the
	// document pair's own confident beads.
	NoLearn bool
	// NoHints ignores paragraph boundaries, sentence kinds and quotation
	// (dialogue) states.
	NoHints bool
	// Unrelated aligns documents that do not look like translations of
	// each other; without it Align returns ErrUnrelated for them (see
	// unrelatedCoverage).
	Unrelated bool
	// Weights overrides the cost model's weights; nil means DefaultWeights.
	Weights *Weights

	// coarseMax is the largest side (in sentences) aligned with a full DP;
	// longer documents are first aligned at half resolution. 0: default.
	coarseMax int
}

// Align returns the beads of the best alignment of zh with en: every
// sentence of each side occurs in exactly one bead, beads are in document
// order on both sides.
func (a *Aligner) Align(zh, en []corpus.Sentence) ([]Bead, error) {
	if len(zh) == 0 || len(en) == 0 {
		return nil, ErrEmpty
	}
	types, err := a.types()
	if err != nil {
		return nil, err
	}
	w := a.weights()
	if !w.valid() {
		return nil, ErrWeights
	}
	lex := a.lexicon(w)
	f, w := a.firstFeatures(zh, en, lex, w)
	res := a.run(f, types, w, false)
	if !a.NoLearn && lex.useful() {
		if m := trainModel1(f, res); m != nil {
			collect(zh, en)
			f = newFeatures(zh, en, lex, m, w, !a.NoHints)
			f.unmatchable(w.Unmatched)
		}
	}
	f.estimateVariance(res)
	collect(zh, en)
	res = a.run(f, types, w, true)
	if !a.Unrelated {
		if cov, control, n := relatedness(f, res, w.Smooth); n >= minRelatedBeads && cov < unrelatedCoverage && cov-control < unrelatedGap {
			return nil, fmt.Errorf("%w: the aligned sentences share %.0f%% of their words, below %.0f%%", ErrUnrelated, 100*cov, 100*unrelatedCoverage)
		}
	}
	calibrate(res, w.Calibration)
	return res, nil
}

// Two documents are taken for unrelated when, over at least
// minRelatedBeads beads, the first sentences of the aligned beads share
// less than unrelatedCoverage of their words (relatedness) and hardly more
// than when each is paired with the English sentence half a document away
// (less than unrelatedGap more). Free literary translation shares
// 0.32–0.39 (mac-dev's six chapters), 0.25 or more above the shifted
// pairing; news editions more. One document against another's edition
// shares 0.06–0.29 (news-dev), chapters of different novels 0.10–0.15
// (mac-dev); those under 0.16 share at most 0.09 more than shifted. The
// bounds are half the lowest true pair's, so they miss unrelated documents
// on one topic rather than refuse a free translation.
const (
	unrelatedCoverage = 0.16
	unrelatedGap      = 0.15
	minRelatedBeads   = 8
)

// collect runs a garbage collection between the passes over a long pair
// (from largePair sentences): each pass leaves its tables and features
// behind, and the collector would otherwise let the heap grow to twice
// what the next pass holds live before it reclaims them.
func collect(zh, en []corpus.Sentence) {
	if len(zh)+len(en) >= largePair {
		runtime.GC()
	}
}

// largePair is the length (sentences of both sides) from which Align
// collects garbage between its passes; a collection costs milliseconds,
// a pass over such a pair seconds.
const largePair = 20000

// firstFeatures returns the features of a first pass over zh and en and
// the weights for the pair: those that depend on how literal the
// translation is scaled by its literalness, unmatchable English content
// counted accordingly.
func (a *Aligner) firstFeatures(zh, en []corpus.Sentence, lex *lexicon, w *Weights) (*features, *Weights) {
	f := newFeatures(zh, en, lex, a.Model, w, !a.NoHints)
	w = w.forLiteralness(literalness(f, w.Smooth))
	f.unmatchable(w.Unmatched)
	return f, w
}

func (a *Aligner) types() ([]BeadType, error) {
	types := a.Types
	if types == nil {
		return DefaultTypes, nil
	}
	for _, t := range types {
		if t.ZH < 0 || t.EN < 0 || t.ZH > 8 || t.EN > 8 || t.ZH+t.EN == 0 {
			return nil, ErrBeadTypes
		}
	}
	return types, nil
}

// valid reports whether the weights can be used at all (NaN fails).
func (w *Weights) valid() bool {
	return w.Smooth > 0 && w.Richness > 0 && w.Spread >= 0 && !math.IsInf(w.Spread, 1) && !math.IsNaN(w.Calibration)
}

func (a *Aligner) weights() *Weights {
	if a.Weights != nil {
		return a.Weights
	}
	w := DefaultWeights()
	return &w
}

// run aligns the features f and returns beads with costs and their
// marginal probabilities as confidences: on the final pass, averaged over
// a spread of deletion prices (Weights.Spread).
func (a *Aligner) run(f *features, types []BeadType, w *Weights, final bool) []Bead {
	band := a.Band
	if band <= 0 {
		band = DefaultBand
	}
	coarseMax := a.coarseMax
	if coarseMax <= 0 {
		coarseMax = defaultCoarseMax
	}
	s := getScratch()
	defer putScratch(s)
	sc := newScorer(f, types, w)
	path := alignLevel(sc, s, band, coarseMax, true)
	refined := sc.refine(path)
	beads := sc.beads(refined)
	spread := 0.0
	if final {
		spread = w.Spread
	}
	confidences(sc, s, beads, w.Temperature, spread)
	return beads
}

// calibrate turns the marginal probabilities of beads into the reported
// confidences, p^exponent (defaultCalibration when exponent ≤ 0): the
// marginals are underconfident (see the package documentation).
func calibrate(beads []Bead, exponent float64) {
	if exponent <= 0 {
		exponent = defaultCalibration
	}
	for i := range beads {
		beads[i].Confidence = math.Pow(beads[i].Confidence, exponent)
	}
}

// logErfc returns log(erfc(x)) for x ≥ 0 without underflow: math.Erfc
// underflows to 0 near x = 27, so from x = 5 on the asymptotic expansion
// erfc(x) ≈ exp(−x²)/(x√π)·(1 − 1/(2x²) + 3/(4x⁴) − 15/(8x⁶)) is used in
// log form. Below 5 it interpolates a table of math.Erfc (the DP asks for
// millions of values; the table is exact to about 1e-5).
func logErfc(x float64) float64 {
	if x < erfcTableMax {
		return interpolate(erfcTable(), x*erfcTableScale)
	}
	return logErfcTail(x)
}

// interpolate reads table t linearly at fractional index p.
func interpolate(t []float64, p float64) float64 {
	k := int(p)
	return t[k] + (p-float64(k))*(t[k+1]-t[k])
}

func logErfcTail(x float64) float64 {
	x2 := x * x
	series := 1 - 1/(2*x2) + 3/(4*x2*x2) - 15/(8*x2*x2*x2)
	return -x2 - math.Log(x*math.Sqrt(math.Pi)) + math.Log(series)
}

const (
	erfcTableMax   = 5.0
	erfcTableScale = 1000.0 // entries per unit of x
)

var erfcTable = sync.OnceValue(func() []float64 {
	t := make([]float64, int(erfcTableMax*erfcTableScale)+2)
	for k := range t {
		t[k] = math.Log(math.Erfc(float64(k) / erfcTableScale))
	}
	return t
})

// relatedness is the mean lexical coverage of the first sentences of the
// beads that pair both sides, and the same with each bead's English
// sentence replaced by the one half a document away: for translations the
// first is well above the second, for unrelated documents they are alike.
// n is the number of beads measured.
func relatedness(f *features, beads []Bead, smooth float64) (aligned, control float64, n int) {
	m := len(f.en)
	cov := func(s, t int) float64 {
		zm, em := pair(&f.zh[s], &f.en[t])
		return (maskWeight(f.zh[s].weights, zm)/(f.zh[s].total+smooth) + maskWeight(f.en[t].weights, em)/(f.en[t].total+smooth)) / 2
	}
	for _, b := range beads {
		if len(b.ZH) == 0 || len(b.EN) == 0 {
			continue
		}
		aligned += cov(b.ZH[0], b.EN[0])
		control += cov(b.ZH[0], (b.EN[0]+m/2)%m)
		n++
	}
	if n > 0 {
		aligned, control = aligned/float64(n), control/float64(n)
	}
	return aligned, control, n
}
