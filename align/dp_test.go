package align

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
)

// referencePath is the obviously-correct DP: the whole table, no band,
// same bead order for ties.
func referencePath(sc *scorer) []step {
	n, m := len(sc.f.zl), len(sc.f.el)
	cost := make([][]float64, n+1)
	back := make([][]int, n+1)
	for i := range cost {
		cost[i] = make([]float64, m+1)
		back[i] = make([]int, m+1)
		for j := range cost[i] {
			cost[i][j] = math.Inf(1)
			back[i][j] = -1
		}
	}
	cost[0][0] = 0
	for i := 0; i <= n; i++ {
		for j := 0; j <= m; j++ {
			for k, t := range sc.types {
				pi, pj := i-t.ZH, j-t.EN
				if pi < 0 || pj < 0 || math.IsInf(cost[pi][pj], 1) {
					continue
				}
				if c := cost[pi][pj] + sc.cost(pi, pj, k); c < cost[i][j] {
					cost[i][j], back[i][j] = c, k
				}
			}
		}
	}
	var path []step
	for i, j := n, m; i > 0 || j > 0; {
		k := back[i][j]
		path = append(path, step{i, j, k})
		i, j = i-sc.types[k].ZH, j-sc.types[k].EN
	}
	slices.Reverse(path)
	return path
}

// synthetic makes a document pair in which Latin "words" stand for
// translated content: zh sentences carry the same tokens as their English
// rendering among hanzi filler, so they are anchors, and sentences vary in
// length (2 to 9 words), so length carries a signal as in real text.
// Renderings split and merge sentences, and passages of dropRun sentences
// (a paragraph) are dropped on the Chinese side, about two per 150
// sentences.
func synthetic(r *rand.Rand, n int, dropRun int) (zh, en []corpus.Sentence) {
	word := func() string { return fmt.Sprintf("w%d", r.IntN(5*n+50)) }
	para := 0
	for i := 0; i < n; {
		if dropRun > 0 && r.IntN(min(n, 150)) < 2 { // a passage with no English
			for k := 0; k < dropRun && i < n; k++ {
				zh = append(zh, untranslated(word, para))
				i++
			}
			para++
			continue
		}
		ws, z := content(r, word, para)
		zh = append(zh, z)
		switch h := len(ws) / 2; r.IntN(6) {
		case 0: // 1-2
			en = append(en, corpus.Sentence{Text: strings.Join(ws[:h], " and ") + " were seen.", Para: para},
				corpus.Sentence{Text: "Then " + strings.Join(ws[h:], " met ") + ".", Para: para})
		case 1: // 0-1
			en = append(en, corpus.Sentence{Text: strings.Join(ws, " ") + " happened.", Para: para},
				corpus.Sentence{Text: "Added " + word() + " for readers " + word() + ".", Para: para})
		default:
			en = append(en, corpus.Sentence{Text: "The " + strings.Join(ws, " with ") + " story.", Para: para})
		}
		i++
		if r.IntN(5) == 0 {
			para++
		}
	}
	if len(en) == 0 {
		en = append(en, corpus.Sentence{Text: "Nothing."})
	}
	return zh, en
}

// untranslated is a Chinese sentence of a passage with no English.
func untranslated(word func() string, para int) corpus.Sentence {
	return corpus.Sentence{Text: "中文" + word() + word() + "句子没有翻译。", Para: para}
}

// content draws the 2 to 9 words of a translated sentence and returns
// them with the Chinese sentence that carries them.
func content(r *rand.Rand, word func() string, para int) ([]string, corpus.Sentence) {
	ws := make([]string, 2+r.IntN(8))
	for k := range ws {
		ws[k] = word()
	}
	return ws, corpus.Sentence{Text: "这是" + strings.Join(ws, "的") + "句子。", Para: para}
}

func checkBanded(t *testing.T, seed uint64, n, dropRun int) (widened int) {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 7))
	zh, en := synthetic(r, n, dropRun)
	w := DefaultWeights()
	lex := newLexicon(NoDictionary, nil)
	f := newFeatures(zh, en, lex, nil, &w, true)
	sc := newScorer(f, DefaultTypes, &w)
	want := referencePath(sc)
	for _, coarseMax := range []int{16, -1} { // coarse-to-fine, and diagonal band
		s := new(scratch)
		got := alignLevel(newScorer(f, DefaultTypes, &w), s, 3, coarseMax, true)
		if !slices.Equal(got, want) {
			t.Fatalf("seed %d n %d drop %d coarse %d: banded path differs from full DP\n got %v\nwant %v", seed, n, dropRun, coarseMax, got, want)
		}
		widened += s.widened
	}
	return widened
}

func TestBandedMatchesFull(t *testing.T) {
	t.Parallel()
	sizes := []int{50, 120, 300}
	if testing.Short() {
		sizes = sizes[:2]
	}
	widened := 0
	for _, n := range sizes {
		for seed := range uint64(4) {
			widened += checkBanded(t, seed, n, 20+int(seed)*3)
		}
	}
	if widened == 0 {
		t.Error("the band was never widened: the test does not exercise widening")
	}
	t.Logf("band widened %d times", widened)
}

// TestBandedDeepMatchesFull goes down to levels merged maxMerge times,
// which are aligned around the diagonal instead of coarser still.
func TestBandedDeepMatchesFull(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("big")
	}
	r := rand.New(rand.NewPCG(9, 7))
	zh, en := synthetic(r, 600, 20)
	w := DefaultWeights()
	f := newFeatures(zh, en, newLexicon(NoDictionary, nil), nil, &w, true)
	want := referencePath(newScorer(f, DefaultTypes, &w))
	got := alignLevel(newScorer(f, DefaultTypes, &w), new(scratch), 3, 8, true)
	if !slices.Equal(got, want) {
		t.Fatalf("banded path differs from full DP\n got %v\nwant %v", got, want)
	}
}

func FuzzBandedMatchesFull(f *testing.F) {
	f.Add(uint64(1), uint16(60), uint8(20))
	f.Add(uint64(2), uint16(200), uint8(25))
	f.Fuzz(func(t *testing.T, seed uint64, n uint16, drop uint8) {
		checkBanded(t, seed, 50+int(n)%251, 20+int(drop)%15)
	})
}

func TestLogErfc(t *testing.T) {
	t.Parallel()
	for _, x := range []float64{0, 0.5, 1, 2, 4, 4.999, 5, 6, 10} {
		want := math.Log(math.Erfc(x))
		if got := logErfc(x); math.Abs(got-want) > 1e-6*math.Max(1, math.Abs(want)) {
			t.Errorf("logErfc(%v) = %v, want %v", x, got, want)
		}
	}
	// far in the tail math.Erfc underflows; the expansion keeps going.
	if got := logErfc(40); math.IsInf(got, 0) || got > -1600 || got < -1610 {
		t.Errorf("logErfc(40) = %v, want about -1604.4", got)
	}
}

func TestAlignSynthetic(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 3))
	zh, en := synthetic(r, 200, 0)
	a := &Aligner{Dict: NoDictionary}
	beads, err := a.Align(zh, en)
	if err != nil {
		t.Fatal(err)
	}
	zi, ei := 0, 0
	for _, b := range beads {
		for _, s := range b.ZH {
			if s != zi {
				t.Fatalf("zh sentence %d out of order in %v", s, b)
			}
			zi++
		}
		for _, e := range b.EN {
			if e != ei {
				t.Fatalf("en sentence %d out of order in %v", e, b)
			}
			ei++
		}
		if b.Confidence < 0 || b.Confidence > 1 || math.IsNaN(b.Confidence) {
			t.Fatalf("confidence %v out of range", b.Confidence)
		}
	}
	if zi != len(zh) || ei != len(en) {
		t.Fatalf("beads cover %d/%d zh and %d/%d en sentences", zi, len(zh), ei, len(en))
	}
}

func TestAlignEmpty(t *testing.T) {
	t.Parallel()
	a := &Aligner{Dict: NoDictionary}
	if _, err := a.Align(nil, []corpus.Sentence{{Text: "x"}}); err != ErrEmpty {
		t.Fatalf("err = %v, want ErrEmpty", err)
	}
}

func TestLengthMixtureTable(t *testing.T) {
	t.Parallel()
	for _, x := range []float64{0, 0.3, 1, 2.5, 7, 20, 39.9, 45} {
		if got, want := lengthMixture(x), lengthMixtureExact(x); math.Abs(got-want) > 1e-3 {
			t.Errorf("lengthMixture(%v) = %v, want %v", x, got, want)
		}
	}
}

// TestBandBudget aligns unrelated documents, whose band widens until it
// reaches the cell budget: the band left for the confidences must be the
// one the tables were computed for.
func TestBandBudget(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(5, 5))
	zh, _ := syntheticPair(r, 1000, 1300, 10)
	_, en := syntheticPair(r, 1000, 1300, 10)
	w := DefaultWeights()
	f := newFeatures(zh, en, newLexicon(NoDictionary, nil), nil, &w, true)
	s := new(scratch)
	alignLevel(newScorer(f, DefaultTypes, &w), s, DefaultBand, defaultCoarseMax, true)
	t.Logf("cells %d tables %d widened %d", s.cells(), s.off[len(s.lo)], s.widened)
	if s.isFull(len(zh), len(en)) {
		t.Fatal("the band grew to the whole table: the budget was not reached")
	}
	if got, want := s.cells(), s.off[len(s.lo)]; got != want {
		t.Fatalf("band has %d cells, tables %d", got, want)
	}
}
