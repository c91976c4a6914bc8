package align

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestMarginalsBrute checks the forward-backward marginals (float32
// row-relative tables, deletion marginals, shifted deletion prices)
// against an enumeration of every path through a small full table.
func TestMarginalsBrute(t *testing.T) {
	t.Parallel()
	for seed := uint64(1); seed <= 6; seed++ {
		r := rand.New(rand.NewPCG(seed, 9))
		zh, en := synthetic(r, 40, 0)
		zh, en = zh[:5], en[:6]
		w := DefaultWeights()
		f := newFeatures(zh, en, newLexicon(NoDictionary, nil), nil, &w, true)
		sc := newScorer(f, DefaultTypes, &w)
		s := new(scratch)
		n, m := len(zh), len(en)
		s.setFull(n, m)
		beads := sc.beads(s.solve(sc))
		for _, shift := range []float64{-1, 0, 1, 3} {
			for b := range beads {
				beads[b].Confidence = 0
			}
			marginals(sc, s, beads, 1, shift, 1)
			type key struct{ i, j, a, b int }
			mass := map[key]float64{}
			z := 0.0
			var walk func(i, j int, cost float64, bs []key)
			walk = func(i, j int, cost float64, bs []key) {
				if i == n && j == m {
					p := math.Exp(-cost)
					z += p
					for _, k := range bs {
						switch {
						case k.a == 0:
							k.i = -1 // a deletion is the same bead wherever the other side is
						case k.b == 0:
							k.j = -1
						}
						mass[k] += p
					}
					return
				}
				for k, tp := range sc.types {
					if ni, nj := i+tp.ZH, j+tp.EN; ni <= n && nj <= m {
						c := shifted(sc, k, float64(float32(sc.cost(i, j, k))), shift)
						walk(ni, nj, cost+c, append(bs, key{i, j, tp.ZH, tp.EN}))
					}
				}
			}
			walk(0, 0, 0, nil)
			i, j := 0, 0
			for _, bd := range beads {
				k := key{i, j, len(bd.ZH), len(bd.EN)}
				i, j = i+k.a, j+k.b
				switch {
				case k.a == 0:
					k.i = -1
				case k.b == 0:
					k.j = -1
				}
				if want := mass[k] / z; math.Abs(bd.Confidence-want) > 1e-5 {
					t.Errorf("seed %d shift %v: bead %v has marginal %v, want %v", seed, shift, k, bd.Confidence, want)
				}
			}
		}
	}
}
