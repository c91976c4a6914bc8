package align

import (
	"math"
	"slices"
	"sort"
)

// confidences sets the Confidence of each bead of the path just solved in
// s: the marginal probability of that exact bead under the Gibbs
// distribution p(path) ∝ exp(−cost(path)/T) over all paths through the
// band, computed by the forward-backward algorithm. With spread > 0 it is
// the mean of the marginals with every sentence left out costing spread
// less (but at least minDeleteCost), the same, and spread more (see the
// package documentation).
func confidences(sc *scorer, s *scratch, beads []Bead, temp, spread float64) {
	if temp <= 0 {
		temp = defaultTemperature
	}
	if spread <= 0 {
		marginals(sc, s, beads, temp, 0, 1)
		return
	}
	for b := range beads {
		beads[b].Confidence = 0
	}
	for _, shift := range []float64{-spread, 0, spread} {
		marginals(sc, s, beads, temp, shift, 1.0/3)
	}
}

// marginals adds share times the marginal probability of each bead to its
// Confidence, every sentence left out costing shift more.
func marginals(sc *scorer, s *scratch, beads []Bead, temp, shift, share float64) {
	n := len(s.lo) - 1
	fit(&s.fwd, s.off[n+1], 1)
	fit(&s.bwd, s.off[n+1], 1)
	s.fwdMax, s.bwdMax = resize(s.fwdMax, n+1), resize(s.bwdMax, n+1)
	// Each pass runs in float64 over a ring of the last maxA+1 rows and
	// keeps a row, once done, as float32 less the row's largest value:
	// what a confidence reads is rounded once, to a relative 2⁻²⁴ of its
	// distance from that largest value, and errors do not build up from
	// row to row (on the development sets no confidence moves by more
	// than 4e-7 from float64 tables, at half their memory).
	s.setRing(sc.maxA + 1)
	at := func(i, j int) int { return s.base[i] + j }
	inf := math.Inf(-1)
	nt := len(sc.types)
	cost := func(i, j, k int) float64 { return shifted(sc, k, float64(s.beadCost(i, j, k, nt)), shift) }
	terms := make([]float64, 0, nt+1) // of one cell's log-sum
	for i := 0; i <= n; i++ {
		lo, hi := int(s.lo[i]), int(s.hi[i])
		for j := lo; j <= hi; j++ {
			terms = terms[:0]
			if i == 0 && j == 0 {
				terms = append(terms, 0)
			}
			for k, t := range sc.types {
				pi, pj := i-t.ZH, j-t.EN
				if pi < 0 || pj < int(s.lo[max(pi, 0)]) || pj > int(s.hi[max(pi, 0)]) {
					continue
				}
				pf := s.cost[at(pi, pj)]
				c := cost(i, j, k)
				if pf == inf || math.IsInf(c, 1) {
					continue
				}
				terms = append(terms, pf-c/temp)
			}
			s.cost[at(i, j)] = logSum(terms)
		}
		s.fwdMax[i] = s.keepRow(s.fwd, i)
	}
	m := int(s.hi[n])
	for i := n; i >= 0; i-- {
		lo, hi := int(s.lo[i]), int(s.hi[i])
		for j := hi; j >= lo; j-- {
			terms = terms[:0]
			if i == n && j == m {
				terms = append(terms, 0)
			}
			for k, t := range sc.types {
				ni, nj := i+t.ZH, j+t.EN
				if ni > n || nj < int(s.lo[min(ni, n)]) || nj > int(s.hi[min(ni, n)]) {
					continue
				}
				nb := s.cost[at(ni, nj)]
				c := cost(ni, nj, k)
				if nb == inf || math.IsInf(c, 1) {
					continue
				}
				terms = append(terms, nb-c/temp)
			}
			s.cost[at(i, j)] = logSum(terms)
		}
		s.bwdMax[i] = s.keepRow(s.bwd, i)
	}
	z := s.fwdAt(n, m)
	i, j := 0, 0
	for b := range beads {
		bd := &beads[b]
		ni, nj := i+len(bd.ZH), j+len(bd.EN)
		p := 0.0
		switch {
		case len(bd.EN) == 0 || len(bd.ZH) == 0:
			// A deletion is the same bead wherever the other side's
			// position is: its confidence is the probability that these
			// sentences are left out, summed over those positions.
			p = deletionMarginal(sc, s, i, j, len(bd.ZH), len(bd.EN), z, temp, shift)
		case s.inBand(i, j) && s.inBand(ni, nj):
			p = math.Exp(s.fwdAt(i, j) - bd.Cost/temp + s.bwdAt(ni, nj) - z)
		}
		bd.Confidence += share * min(max(p, 0), 1)
		i, j = ni, nj
	}
}

// shifted is the cost c of a bead of type k with every sentence it leaves
// out costing shift more, and the bead never less than its prior plus
// minDeleteCost for each of them.
func shifted(sc *scorer, k int, c, shift float64) float64 {
	t := sc.types[k]
	if shift == 0 || t.ZH != 0 && t.EN != 0 {
		return c
	}
	out := float64(t.ZH + t.EN)
	return max(c+shift*out, sc.prior[k]+minDeleteCost*out)
}

// keepRow stores row i of the ring (s.cost) into table t (s.fwd or s.bwd)
// less the row's largest value, which it returns (0 when the whole row
// is −Inf).
func (s *scratch) keepRow(t [][]float32, i int) float64 {
	lo, hi := int(s.lo[i]), int(s.hi[i])
	row := s.cost[s.base[i]+lo : s.base[i]+hi+1]
	top := slices.Max(row)
	if math.IsInf(top, -1) {
		top = 0
	}
	for j, v := range row {
		ch, x := chunkAt(s.off[i] + j)
		t[ch][x] = float32(v - top)
	}
	return top
}

// fwdAt and bwdAt return the forward and backward log-sums at cell
// (i, j) of the band.
func (s *scratch) fwdAt(i, j int) float64 {
	ch, x := chunkAt(s.off[i] + j - int(s.lo[i]))
	return s.fwdMax[i] + float64(s.fwd[ch][x])
}

func (s *scratch) bwdAt(i, j int) float64 {
	ch, x := chunkAt(s.off[i] + j - int(s.lo[i]))
	return s.bwdMax[i] + float64(s.bwd[ch][x])
}

// beadCost returns the cost of the bead of type k (of nt) ending at cell
// (i, j) of the band.
func (s *scratch) beadCost(i, j, k, nt int) float32 {
	ch, x := chunkAt(s.off[i] + j - int(s.lo[i]))
	return s.bead[ch][x*nt+k]
}

// deletionMarginal is the marginal probability that Chinese sentences
// [i, i+a) (when b is 0) or English sentences [j, j+b) (when a is 0) are
// left unaligned by a bead of that type, at any position of the other
// side inside the band, each sentence left out costing shift more.
func deletionMarginal(sc *scorer, s *scratch, i, j, a, b int, z, temp, shift float64) float64 {
	k := slices.Index(sc.types, BeadType{ZH: a, EN: b})
	if k < 0 {
		return 0
	}
	nt := len(sc.types)
	acc := math.Inf(-1)
	add := func(i, j int) {
		ni, nj := i+a, j+b
		if !s.inBand(i, j) || !s.inBand(ni, nj) {
			return
		}
		c := shifted(sc, k, float64(s.beadCost(ni, nj, k, nt)), shift)
		if math.IsInf(c, 1) {
			return
		}
		acc = logAdd(acc, s.fwdAt(i, j)-c/temp+s.bwdAt(ni, nj)-z)
	}
	if b == 0 {
		for jj := int(s.lo[i]); jj <= int(s.hi[i]); jj++ {
			add(i, jj)
		}
	} else {
		// The band's bounds never decrease from row to row, so the rows
		// holding column j are one run: found by binary search.
		rows := len(s.lo) - a
		first := sort.Search(rows, func(r int) bool { return int(s.hi[r]) >= j })
		last := sort.Search(rows, func(r int) bool { return int(s.lo[r]) > j })
		for ii := first; ii < last; ii++ {
			add(ii, j)
		}
	}
	return min(max(math.Exp(acc), 0), 1)
}

// logSum returns log Σ exp(x) over xs (−Inf for none) with one
// logarithm: each term is taken relative to the largest.
func logSum(xs []float64) float64 {
	top := math.Inf(-1)
	for _, x := range xs {
		top = max(top, x)
	}
	if math.IsInf(top, -1) {
		return top
	}
	sum := 0.0
	for _, x := range xs {
		sum += math.Exp(x - top)
	}
	return top + math.Log(sum)
}

// logAdd returns log(exp(a) + exp(b)).
func logAdd(a, b float64) float64 {
	if a < b {
		a, b = b, a
	}
	if math.IsInf(b, -1) {
		return a
	}
	return a + math.Log1p(math.Exp(b-a))
}

// estimateVariance re-estimates the length ratio and the Gale-Church
// variance from the beads of a first pass: the confident beads with text
// on both sides, with the tenth most deviant left out.
func (f *features) estimateVariance(beads []Bead) {
	var lz, le float64
	var used []Bead
	for _, b := range beads {
		if len(b.ZH) == 0 || len(b.EN) == 0 || b.Confidence < 0.5 {
			continue
		}
		used = append(used, b)
		for _, s := range b.ZH {
			lz += f.zl[s]
		}
		for _, e := range b.EN {
			le += f.el[e]
		}
	}
	if len(used) < minVarianceBeads || lz == 0 {
		return
	}
	r := le / lz
	dev := make([]float64, 0, len(used))
	for _, b := range used {
		var z, e float64
		for _, s := range b.ZH {
			z += f.zl[s]
		}
		for _, t := range b.EN {
			e += f.el[t]
		}
		n := (z + e/r) / 2
		if n <= 0 {
			continue
		}
		d := e - z*r
		dev = append(dev, d*d/(n*r))
	}
	slices.Sort(dev)
	dev = dev[:len(dev)-len(dev)/10]
	v := 0.0
	for _, d := range dev {
		v += d
	}
	v /= float64(len(dev))
	f.ratio = r
	f.variance = min(max(v, minVariance), maxVariance)
	// Whatever of one document the other's length does not account for
	// (at the ratio of the confident beads) is probably not translated.
	lz, le = sum(f.zl), sum(f.el)
	f.missZH = max(0, 1-le/(r*lz))
	f.missEN = max(0, 1-r*lz/le)
}

// Bounds of the estimated Gale-Church variance.
const (
	minVarianceBeads = 8 // fewer confident beads: keep the prior values
	minVariance      = 1.0
	maxVariance      = 40.0
)

// inBand reports whether cell (i, j) is inside the band.
func (s *scratch) inBand(i, j int) bool { return j >= int(s.lo[i]) && j <= int(s.hi[i]) }
