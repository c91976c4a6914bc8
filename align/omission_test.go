package align

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"github.com/bitext/bitext/corpus"
)

// handFeatures builds matching forms by hand: zh[s] lists the English key
// ids each unit of Chinese sentence s renders (one unit per entry, weight
// 1), en[t] the key ids of English sentence t (weight 1 each).
func handFeatures(zh [][][]int32, en [][]int32) *features {
	f := &features{covLo: 0, covHi: 1, ratio: 1, variance: 1}
	var zb zhBuilder
	for s, us := range zh {
		var units []unit
		for k, trans := range us {
			units = append(units, unit{word: int32(s*100 + k), weight: 1, trans: trans})
		}
		zb.add(units)
		f.zl = append(f.zl, 10)
	}
	f.zh = zb.sents()
	var eb enBuilder
	for _, ids := range en {
		var ts []term
		for _, id := range ids {
			ts = append(ts, term{id: id, weight: 1})
		}
		eb.add(ts)
		f.el = append(f.el, 10)
	}
	f.en = eb.sents()
	return f
}

// redundancyCost is what the Redundant term adds to the lexical cost of
// the bead [i, i+a) × [j, j+b), at weight 1.
func redundancyCost(f *features, i, a, j, b int) float64 {
	w := DefaultWeights()
	w.Redundant = 1
	with := newScorer(f, DefaultTypes, &w).lexicalCost(i, a, j, b)
	w.Redundant = 0
	return with - newScorer(f, DefaultTypes, &w).lexicalCost(i, a, j, b)
}

// TestRedundancy checks the redundancy term against its formula on both
// sides: a sentence that matches only what its companions already match
// pays rich·(1 − coverage)·(1 − unique/uniqueFull), unique being 0; a
// companion that matches something of its own pays nothing for it.
func TestRedundancy(t *testing.T) {
	w := DefaultWeights()
	sc := newScorer(&features{}, DefaultTypes, &w)
	k := w.Smooth
	tests := []struct {
		name string
		f    *features
		a, b int
		want float64
	}{{
		// Chinese: two units rendering keys 1 and 2. English 0: keys 1, 2
		// (the translation). English 1: keys 1, 7, 8, 9 (repeats key 1,
		// adds three words nothing renders). English 0 matches unit 2,
		// which English 1 does not: pays 0. English 1 adds nothing
		// unique and covers 1 of its 4 keys.
		"English addition",
		handFeatures([][][]int32{{{1}, {2}}}, [][]int32{{1, 2}, {1, 7, 8, 9}}), 1, 2,
		sc.rich(4) * (1 - 1/(4+k)),
	}, {
		// English 2 (keys 2, 3) adds nothing to English 0 and covers 1
		// of its 2 keys.
		"English partial companion",
		handFeatures([][][]int32{{{1}, {2}}}, [][]int32{{1, 2}, {2, 3}}), 1, 2,
		sc.rich(2) * (1 - 1/(2+k)),
	}, {
		// The mirror image: Chinese 1 renders key 1, which Chinese 0
		// renders too, and three keys the English lacks.
		"Chinese sentence the English left out",
		handFeatures([][][]int32{{{1}, {2}}, {{1}, {7}, {8}, {9}}}, [][]int32{{1, 2}}), 2, 1,
		sc.rich(4) * (1 - 1/(4+k)),
	}, {
		// Each Chinese sentence renders a key of its own: nobody pays.
		"two halves of one rendering",
		handFeatures([][][]int32{{{1}}, {{2}}}, [][]int32{{1, 2}}), 2, 1,
		0,
	}}
	for _, tt := range tests {
		got := redundancyCost(tt.f, 0, tt.a, 0, tt.b)
		if math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s: redundancy = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestLiteralness checks the clamps and the pull of short documents
// towards literalUnknown.
func TestLiteralness(t *testing.T) {
	full := make([][][]int32, 10)
	freeZH := make([][][]int32, 10)
	en := make([][]int32, 10)
	for s := range full {
		// four keys a sentence, so that smoothing (κ = 1) leaves a fully
		// rendered sentence a coverage of 4/5, above literalHi
		ids := []int32{int32(4*s + 1), int32(4*s + 2), int32(4*s + 3), int32(4*s + 4)}
		full[s] = [][]int32{ids}
		freeZH[s] = [][]int32{{int32(1000 + s)}} // renders nothing in the English
		en[s] = ids
	}
	tests := []struct {
		name string
		f    *features
		want float64
	}{
		{"every sentence covered", handFeatures(full, en), 1},
		{"nothing covered", handFeatures(freeZH, en), 0},
		{"two sentences, covered", handFeatures(full[:2], en[:2]), literalUnknown + 2.0/literalSample*(1-literalUnknown)},
		{"empty", &features{}, literalUnknown},
	}
	for _, tt := range tests {
		got := literalness(tt.f, 1)
		if math.IsNaN(got) || math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s: literalness = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestForLiteralness checks that the scaled weights are a copy.
func TestForLiteralness(t *testing.T) {
	w := DefaultWeights()
	v := w.forLiteralness(0.5)
	if v == &w || w.Redundant != weightRedundant || w.OmitLiteral != weightOmitLiteral || w.Unmatched != weightUnmatched {
		t.Fatalf("forLiteralness changed its receiver: %+v", w)
	}
	if v.Redundant != weightRedundant/2 || v.OmitLiteral != weightOmitLiteral/2 || v.Unmatched != weightUnmatched/2 {
		t.Errorf("forLiteralness(0.5) = %+v", *v)
	}
}

// TestUnmatchable checks that English words and names no Chinese unit can
// match count as content by their IDF, numbers and anchors not, and that
// coarse levels add up the parts of their sentences.
func TestUnmatchable(t *testing.T) {
	zh := []corpus.Sentence{{Text: "中国经济增长。"}, {Text: "他说。"}}
	en := []corpus.Sentence{{Text: "China's economy grew 5% in Zorbania?"}, {Text: "He said."}}
	w := DefaultWeights()
	a := &Aligner{}
	lex := a.lexicon(&w)
	f := newFeatures(zh, en, lex, nil, &w, false)
	before := f.en[0].total
	// Unreachable in sentence 0: the words economy and grew (经济增长 is
	// one dictionary word, economic growth), zorbania, and the name keys
	// of the capitalised runs (chinas, zorbania: name keys match only
	// pinyin); only china is matched. Five keys of one sentence in two,
	// log(1 + 2/1) each. The number and the question mark do not count.
	want := 5 * math.Log(3)
	if math.Abs(f.eextra[0]-want) > 1e-9 {
		t.Errorf("eextra[0] = %v, want %v (two keys of IDF log 3)", f.eextra[0], want)
	}
	f.unmatchable(0.5)
	if got := f.en[0].total - before; math.Abs(got-0.5*want) > 1e-6 {
		t.Errorf("unmatchable(0.5) added %v, want %v", got, 0.5*want)
	}
	g := f.downsample()
	if got := g.en[0].total; math.Abs(got-(f.en[0].total+f.en[1].total)) > 1e-4 {
		t.Errorf("coarse total %v, want the sum of its sentences' %v", got, f.en[0].total+f.en[1].total)
	}
}

// TestKindMismatchTitles checks that titles are a kind only on a side
// with paragraphs.
func TestKindMismatchTitles(t *testing.T) {
	title := corpus.Sentence{Text: "Xi meets Rahmon", Kind: corpus.Title}
	body := corpus.Sentence{Text: "Xi met Rahmon on Tuesday.", Kind: corpus.Body}
	if got := kinds([]corpus.Sentence{title, body}, true); got[0] != kindTitle || got[1] != kindBody {
		t.Errorf("kinds with paragraphs = %v", got)
	}
	if got := kinds([]corpus.Sentence{title, body}, false); got != nil {
		t.Errorf("kinds without paragraphs = %v, want nil (all body)", got)
	}
}

// TestAlignConcurrent runs one Aligner from several goroutines on
// documents of different sizes (so the pooled scratch space is reused
// across sizes) and checks each result against a sequential run.
func TestAlignConcurrent(t *testing.T) {
	a := &Aligner{}
	type doc struct{ zh, en []corpus.Sentence }
	var docs []doc
	r := rand.New(rand.NewPCG(7, 7))
	for _, n := range []int{2, 5, 40, 150, 12, 90} {
		drop := 10 // a paragraph without English, when there is room for one
		if n < 30 {
			drop = 0
		}
		zh, en := syntheticPair(r, n, n+n/3, drop)
		docs = append(docs, doc{zh, en})
	}
	want := make([]string, len(docs))
	for i, d := range docs {
		beads, err := a.Align(d.zh, d.en)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = fmt.Sprint(beads)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(docs))
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range docs {
				i := (k + g) % len(docs)
				beads, err := a.Align(docs[i].zh, docs[i].en)
				if err != nil || fmt.Sprint(beads) != want[i] {
					errs <- fmt.Sprintf("goroutine %d, document %d: result differs (err %v)", g, i, err)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestDeletionFloor checks that however large the omission discounts, a
// sentence left out costs at least minDeleteCost (beyond its prior).
func TestDeletionFloor(t *testing.T) {
	w := DefaultWeights()
	w.Omit, w.OmitLiteral, w.DeleteDrop = 50, 50, 50
	f := handFeatures([][][]int32{{{1}, {2}, {3}, {4}}, {{5}}}, [][]int32{{9, 10, 11, 12}, {5}})
	f.missZH, f.missEN = 1, 1
	sc := newScorer(f, DefaultTypes, &w)
	for _, bt := range []BeadType{{1, 0}, {0, 1}} {
		k := sc.typeIndex(bt.ZH, bt.EN)
		if got := sc.cost(0, 0, k) - sc.prior[k]; got < minDeleteCost-1e-12 {
			t.Errorf("%v deletion costs %v beyond its prior, want at least %v", bt, got, minDeleteCost)
		}
	}
}

// TestBadWeights checks that weights the cost model cannot use are an
// error, not an empty alignment.
func TestBadWeights(t *testing.T) {
	zh := []corpus.Sentence{{Text: "中国经济增长。"}}
	en := []corpus.Sentence{{Text: "China's economy grew."}}
	for _, bad := range []func(*Weights){
		func(w *Weights) { w.Smooth = 0 },
		func(w *Weights) { w.Richness = -1 },
		func(w *Weights) { w.Smooth = math.NaN() },
		func(w *Weights) { w.Spread = -1 },
		func(w *Weights) { w.Spread = math.NaN() },
		func(w *Weights) { w.Spread = math.Inf(1) },
		func(w *Weights) { w.Calibration = math.NaN() },
	} {
		w := DefaultWeights()
		bad(&w)
		if _, err := (&Aligner{Weights: &w}).Align(zh, en); err != ErrWeights {
			t.Errorf("Align with %+v: err %v, want ErrWeights", w, err)
		}
		if err := NewLearner(&Aligner{Weights: &w}).Add(zh, en); err != ErrWeights {
			t.Errorf("Learner.Add: err %v, want ErrWeights", err)
		}
	}
}

// TestCalibrate checks the power that turns marginals into confidences,
// and that a zero exponent means the default one.
func TestCalibrate(t *testing.T) {
	beads := []Bead{{Confidence: 0}, {Confidence: 0.5}, {Confidence: 1}}
	calibrate(beads, 0.5)
	for i, want := range []float64{0, math.Sqrt(0.5), 1} {
		if math.Abs(beads[i].Confidence-want) > 1e-12 {
			t.Errorf("calibrate(%d) = %v, want %v", i, beads[i].Confidence, want)
		}
	}
	b := []Bead{{Confidence: 0.5}}
	calibrate(b, 0)
	if want := math.Pow(0.5, defaultCalibration); math.Abs(b[0].Confidence-want) > 1e-12 {
		t.Errorf("calibrate with exponent 0 = %v, want %v", b[0].Confidence, want)
	}
}

// TestSpread checks that averaging over deletion prices changes
// confidences but not the alignment, keeps them in [0, 1], and that the
// calibration power is applied to the marginals as they are.
func TestSpread(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	zh, en := synthetic(r, 60, 5)
	var first []string // the beads of the first call
	conf := func(spread, calibration float64) []float64 {
		w := DefaultWeights()
		w.Spread, w.Calibration = spread, calibration
		beads, err := (&Aligner{Dict: NoDictionary, Weights: &w}).Align(zh, en)
		if err != nil {
			t.Fatal(err)
		}
		var cs []float64
		var bs []string
		for _, b := range beads {
			if b.Confidence < 0 || b.Confidence > 1 || math.IsNaN(b.Confidence) {
				t.Fatalf("confidence %v out of [0, 1]", b.Confidence)
			}
			cs = append(cs, b.Confidence)
			bs = append(bs, FormatBead(b))
		}
		if first == nil {
			first = bs
		} else if !slices.Equal(bs, first) {
			t.Fatalf("Spread %v, Calibration %v changed the alignment", spread, calibration)
		}
		return cs
	}
	plain, spread := conf(0, 1), conf(3, 1)
	if slices.Equal(plain, spread) {
		t.Error("Spread 3 changed no confidence")
	}
	calibrated := conf(0, 0.5)
	for i := range plain {
		if want := math.Sqrt(plain[i]); math.Abs(calibrated[i]-want) > 1e-9 {
			t.Errorf("bead %d: Calibration 0.5 gives %v, want √%v", i, calibrated[i], plain[i])
		}
	}
}

// TestUnrelated: two documents that are not translations of each other
// give ErrUnrelated, unless Aligner.Unrelated asks for them to be aligned
// anyway; a translated pair does not.
func TestUnrelated(t *testing.T) {
	t.Parallel()
	zh, _ := syntheticPair(rand.New(rand.NewPCG(1, 2)), 60, 78, 0)
	zh2, en := syntheticPair(rand.New(rand.NewPCG(3, 4)), 60, 78, 0)
	a := &Aligner{Dict: NoDictionary}
	if _, err := a.Align(zh, en); !errors.Is(err, ErrUnrelated) {
		t.Errorf("unrelated documents: %v, want ErrUnrelated", err)
	}
	if _, err := a.Align(zh2, en); err != nil {
		t.Errorf("a translated pair: %v", err)
	}
	a.Unrelated = true
	if beads, err := a.Align(zh, en); err != nil || len(beads) == 0 {
		t.Errorf("unrelated documents with Unrelated: %d beads, %v", len(beads), err)
	}
}
