package align

import (
	"math"
	"slices"
)

// unmatchable counts share u of the weight of each English sentence's
// keys that no Chinese unit of the document can match as content of the
// sentence, content that can never be covered: in a literal translation
// a sentence made of such words is probably the translator's addition.
// Each key weighs its IDF among the English sentences, like the keys that
// can match. It works on the finest level (ewords and zu).
func (f *features) unmatchable(u float64) {
	if u <= 0 || f.ewords == nil {
		return
	}
	reach := map[int32]bool{}
	for _, us := range f.zu {
		for _, x := range us {
			for _, id := range x.trans {
				reach[id] = true
			}
		}
	}
	df := map[int32]int{}
	sets := make([][]int32, len(f.ewords))
	for t, ws := range f.ewords {
		ids := slices.Clone(ws)
		slices.Sort(ids)
		sets[t] = slices.Compact(ids)
		for _, id := range sets[t] {
			df[id]++
		}
	}
	n := float64(len(f.ewords))
	for t, ids := range sets {
		extra := 0.0
		for _, id := range ids { // in id order: the sum never depends on map order
			if !reach[id] {
				extra += math.Log(1 + n/float64(df[id]))
			}
		}
		f.en[t].total += u * extra
	}
}
