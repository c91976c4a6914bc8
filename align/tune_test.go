package align

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
)

// devSet loads a dev set of ../shared/eval (skips when absent).
type devDoc struct {
	name   string
	zh, en []corpus.Sentence
	gold   []Bead
}

func loadDev(t testing.TB, set string) []devDoc {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", "eval", set)
	ents, err := os.ReadDir(filepath.Join(dir, "zh"))
	if err != nil {
		t.Skipf("no dev set: %v", err)
	}
	var docs []devDoc
	for _, e := range ents {
		if strings.Contains(e.Name(), ".") {
			continue
		}
		d := devDoc{name: e.Name()}
		d.zh = readLines(t, filepath.Join(dir, "zh", e.Name()))
		d.en = readLines(t, filepath.Join(dir, "en", e.Name()))
		f, err := os.Open(filepath.Join(dir, "gold", e.Name()+".align"))
		if err != nil {
			t.Fatal(err)
		}
		d.gold, err = ReadBeads(f, e.Name(), len(d.zh), len(d.en))
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

func readLines(t testing.TB, path string) []corpus.Sentence {
	doc, err := corpus.ReadFile(path, corpus.ReadOptions{Format: corpus.FormatLines})
	if err != nil {
		t.Fatal(err)
	}
	return doc.Sentences
}

// TestTune scores the dev sets with weights from $BITEXT_WEIGHTS (JSON);
// run with BITEXT_TUNE=1.
func TestTune(t *testing.T) {
	if os.Getenv("BITEXT_TUNE") == "" {
		t.Skip("set BITEXT_TUNE=1")
	}
	w := DefaultWeights()
	if s := os.Getenv("BITEXT_WEIGHTS"); s != "" {
		if err := json.Unmarshal([]byte(s), &w); err != nil {
			t.Fatal(err)
		}
	}
	for _, set := range strings.Split(os.Getenv("BITEXT_TUNE"), ",") {
		docs := loadDev(t, set)
		a := &Aligner{Weights: &w, NoLearn: os.Getenv("BITEXT_NOLEARN") != ""}
		var all Counts
		for _, d := range docs {
			if only := os.Getenv("BITEXT_DOCS"); only != "" && set == "mac-dev" && !strings.Contains(only, d.name) {
				continue
			}
			pred, err := a.Align(d.zh, d.en)
			if err != nil {
				t.Fatal(err)
			}
			if os.Getenv("BITEXT_DUMP") == d.name {
				for _, b := range pred {
					fmt.Printf("%s %.2f %.2f\n", FormatBead(b), b.Cost, b.Confidence)
				}
			}
			var c Counts
			c.Add(d.gold, pred)
			s := c.Scores()
			fmt.Printf("%s %s strict %.4f lax %.4f\n", set, d.name, s.FStrict, s.FLax)
			if os.Getenv("BITEXT_COUNTS") != "" {
				js, _ := json.Marshal(c)
				fmt.Printf("COUNTS %s %s %s\n", set, d.name, js)
			}
			all.Merge(&c)
		}
		s := all.Scores()
		fmt.Printf("%s ALL strict %.4f lax %.4f  1-0 %d/%d 0-1 %d/%d\n", set, s.FStrict, s.FLax,
			all.GoldTypeStrict["1-0"], all.GoldType["1-0"], all.GoldTypeStrict["0-1"], all.GoldType["0-1"])
		fmt.Printf("%s deciles", set)
		for d := range all.Decile {
			if all.Decile[d] > 0 {
				fmt.Printf(" %d:%.3f(%d)", d, float64(all.DecileStrict[d])/float64(all.Decile[d]), all.Decile[d])
			}
		}
		fmt.Println()
	}
}

// TestCrossValidate runs two-fold cross-validation over a grid of weights
// on one dev set: BITEXT_CV names the set, BITEXT_GRID the grid as JSON
// (weight name → values, e.g. {"Quote":[1,2],"Length":[0.25,0.35]}) and
// BITEXT_FOLD the documents of the first fold (e.g. 001,002,003; the rest
// form the second). For each fold it prints the setting that scores best
// on it (among ties the first, the grid being walked with the weight
// names sorted and each one's values in the order given; it says how many
// tie) and that
// setting's strict and lax F1 on the other fold.
func TestCrossValidate(t *testing.T) {
	set := os.Getenv("BITEXT_CV")
	if set == "" {
		t.Skip("set BITEXT_CV, BITEXT_GRID and BITEXT_FOLD")
	}
	docs := loadDev(t, set)
	var grid map[string][]float64
	if err := json.Unmarshal([]byte(os.Getenv("BITEXT_GRID")), &grid); err != nil {
		t.Fatal("BITEXT_GRID:", err)
	}
	names := slices.Sorted(maps.Keys(grid))
	first := strings.Split(os.Getenv("BITEXT_FOLD"), ",")
	type result struct {
		setting string
		folds   [2]Counts
	}
	var results []result
	var walk func(i int, setting map[string]float64)
	walk = func(i int, setting map[string]float64) {
		if i < len(names) {
			for _, v := range grid[names[i]] {
				setting[names[i]] = v
				walk(i+1, setting)
			}
			return
		}
		js, _ := json.Marshal(setting)
		w := DefaultWeights()
		if err := json.Unmarshal(js, &w); err != nil {
			t.Fatal(err)
		}
		a := &Aligner{Weights: &w}
		r := result{setting: string(js)}
		for _, d := range docs {
			pred, err := a.Align(d.zh, d.en)
			if err != nil {
				t.Fatal(err)
			}
			fold := 1
			if slices.Contains(first, d.name) {
				fold = 0
			}
			r.folds[fold].Add(d.gold, pred)
		}
		fmt.Printf("%s fold1 %.4f fold2 %.4f\n", r.setting, r.folds[0].Scores().FStrict, r.folds[1].Scores().FStrict)
		results = append(results, r)
	}
	walk(0, make(map[string]float64))
	for train := range 2 {
		best, ties := 0, 0
		for k, r := range results {
			switch f, b := r.folds[train].Scores().FStrict, results[best].folds[train].Scores().FStrict; {
			case f > b:
				best, ties = k, 1
			case f == b:
				ties++
			}
		}
		test := results[best].folds[1-train].Scores()
		fmt.Printf("chosen on fold %d (%d settings score that): %s; fold %d strict %.4f lax %.4f\n",
			train+1, ties, results[best].setting, 2-train, test.FStrict, test.FLax)
	}
}

// TestSimStats prints similarity of gold beads against shifted ones.
func TestSimStats(t *testing.T) {
	if os.Getenv("BITEXT_TUNE") == "" {
		t.Skip("set BITEXT_TUNE=1")
	}
	docs := loadDev(t, "mac-dev")
	w := DefaultWeights()
	a := &Aligner{}
	lex := a.lexicon(&w)
	for _, d := range docs[:2] {
		f := newFeatures(d.zh, d.en, lex, nil, &w, false)
		sc := newScorer(f, DefaultTypes, &w)
		var gs, ns float64
		n := 0
		zcov := 0.0
		for _, b := range d.gold {
			if len(b.ZH) == 0 || len(b.EN) == 0 || b.EN[len(b.EN)-1]+2 >= len(d.en) {
				continue
			}
			gs += sc.similarity(b.ZH[0], b.EN[0])
			ns += sc.similarity(b.ZH[0], b.EN[0]+2)
			zcov += f.zh[b.ZH[0]].total
			n++
		}
		fmt.Printf("%s gold sim %.3f shifted %.3f zh total %.2f ratio %.2f var %.2f\n", d.name, gs/float64(n), ns/float64(n), zcov/float64(n), f.ratio, f.variance)
		var g1, g2, g3 float64
		for _, b := range d.gold {
			if len(b.ZH) == 0 || len(b.EN) < 2 {
				continue
			}
			lz := sc.zcum[b.ZH[len(b.ZH)-1]+1] - sc.zcum[b.ZH[0]]
			le := sc.ecum[b.EN[len(b.EN)-1]+1] - sc.ecum[b.EN[0]]
			le1 := sc.ecum[b.EN[len(b.EN)-1]] - sc.ecum[b.EN[0]]
			g1 += sc.lengthCost(lz, le)
			g2 += sc.lengthCost(lz, le1)
			g3++
		}
		fmt.Printf("  multi-en gold beads: GC %.2f, without last en %.2f (n=%v)\n", g1/g3, g2/g3, g3)
	}
}

// TestDeletionStats prints the local evidence of gold deletions and of
// sentences inside gold many-sentence beads.
func TestDeletionStats(t *testing.T) {
	if os.Getenv("BITEXT_TUNE") == "" {
		t.Skip("set BITEXT_TUNE=1")
	}
	w := DefaultWeights()
	for _, set := range []string{"news-dev", "mac-dev"} {
		var del, member []float64
		for _, d := range loadDev(t, set) {
			a := &Aligner{}
			lex := a.lexicon(&w)
			f := newFeatures(d.zh, d.en, lex, nil, &w, false)
			sc := newScorer(f, DefaultTypes, &w)
			zi, ei := 0, 0
			for _, b := range d.gold {
				switch {
				case len(b.EN) == 0:
					best := 0.0
					for e := max(ei-2, 0); e < min(ei+2, len(d.en)); e++ {
						best = max(best, sc.similarity(b.ZH[0], e))
					}
					del = append(del, best)
				case len(b.ZH) == 0:
					best := 0.0
					for s := max(zi-2, 0); s < min(zi+2, len(d.zh)); s++ {
						best = max(best, sc.similarity(s, b.EN[0]))
					}
					del = append(del, best)
				case len(b.EN) >= 2 && len(b.ZH) == 1:
					for _, e := range b.EN {
						member = append(member, sc.similarity(b.ZH[0], e))
					}
				}
				zi += len(b.ZH)
				ei += len(b.EN)
			}
		}
		q := func(xs []float64) string {
			slices.Sort(xs)
			if len(xs) == 0 {
				return "-"
			}
			return fmt.Sprintf("n=%d p10 %.3f p25 %.3f p50 %.3f p75 %.3f p90 %.3f", len(xs), xs[len(xs)/10], xs[len(xs)/4], xs[len(xs)/2], xs[3*len(xs)/4], xs[9*len(xs)/10])
		}
		fmt.Printf("%s deletions %s\n%s members   %s\n", set, q(del), set, q(member))
	}
}

// UnmarshalText reads "a-b", so that BITEXT_WEIGHTS can set Prior.
func (t *BeadType) UnmarshalText(b []byte) error {
	_, err := fmt.Sscanf(string(b), "%d-%d", &t.ZH, &t.EN)
	return err
}
