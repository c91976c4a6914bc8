package align

import (
	"math"
	"slices"
	"sync"
)

// defaultCoarseMax is the largest document side aligned by a full DP;
// longer ones are first aligned at half resolution.
const defaultCoarseMax = 128

// maxVerify bounds how many times the finest band is doubled to check
// that the path does not change (keeping the search linear when many paths
// cost almost the same).
const maxVerify = 2

// coarseWidthFactor bounds the half-width of the band at the coarse
// levels, in multiples of the initial band.
const coarseWidthFactor = 8

// fineCells and coarseCells bound the cells a level's band may hold per
// sentence of the two sides, at the finest level and at the coarse ones,
// unless the band fits minCells. fineCells is about twice what the finest
// band of BenchmarkAlign's 100,000 × 130,000 pair holds once doubled to
// verify its path (16.4 a sentence). At about 57 bytes a cell (1 back
// pointer, 4·12 bead costs, 8 forward-backward) it is the bound on
// memory when nothing matches: two unrelated documents of that size widen
// their band to 19 cells a sentence, and the verification would double it
// (BenchmarkUnrelated at 3d7d57d: 847 MiB resident; 2.0 GiB with fineCells 64, when
// the tables held 65 bytes a cell).
const (
	fineCells   = 32
	coarseCells = 48
	minCells    = 1 << 18
)

// maxMerge is the most sentences merged into one unit of a coarse level.
const maxMerge = 16

// noBack marks a cell with no predecessor.
const noBack = 255

// scratch holds the DP tables, reused between calls (those that grow with
// the band only from one solve to the next: see putScratch).
type scratch struct {
	lo, hi []int32   // band of row i: columns lo[i]..hi[i] inclusive
	base   []int     // index of (i, 0) in cost (possibly out of its range)
	cost   []float64 // a ring of the last rows: best cost to reach the cell in solve, fwd or bwd in confidences

	// The tables that grow with the band are made of chunks of chunkCells
	// cells: cell (i, j) is cell c = off[i]+j−lo[i] of the band, found
	// at chunkAt(c).
	off    []int
	back   [][]uint8   // bead type of the last bead on the best path
	bead   [][]float32 // cost of the bead of type k ending at cell c: bead[…][c*len(types)+k] (+Inf: none)
	fwd    [][]float32 // log-sum of exp(−cost/T) over all paths to the cell, less fwdMax of its row
	bwd    [][]float32 // the same from the cell to the end, less bwdMax of its row
	fwdMax []float64   // per row: the largest fwd of the row (0 when no path reaches it)
	bwdMax []float64

	pairs pairCache
	width []int32 // per-row half-width while widening
	grow  []int32 // per-row width asked for by one widening
	cmin  []int32 // per-row range of the path the band is centred on
	cmax  []int32

	solvedLo, solvedHi []int32 // the band of the last solve
	pairFrom, pairTo   int     // the Chinese sentences in the pair cache
	widened            int     // how many times the band was widened (for tests)
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

// putScratch returns s to the pool without the tables that grow with the
// band (back pointers, bead costs, forward-backward). A pooled scratch
// holding them keeps them live while the caller builds the features of
// its next pass, and the collector lets the heap grow to twice what it
// finds live: kept, they raised (at 3d7d57d) BenchmarkUnrelated's 100,000 × 130,000
// pair from 847 to 1,028 MiB resident, and BenchmarkAlign's from 762 to
// 913 MiB.
func putScratch(s *scratch) {
	s.back, s.bead, s.fwd, s.bwd = nil, nil, nil, nil
	scratchPool.Put(s)
}

// step is one bead of a path: it ends at cell (I, J) and has type K.
type step struct{ I, J, K int }

// alignLevel returns the best path through the band for sc's features,
// found around the projection of a coarser alignment when the documents
// are long.
func alignLevel(sc *scorer, s *scratch, band, coarseMax int, verify bool) []step {
	return alignAt(sc, s, band, coarseMax, verify, 1)
}

// alignAt is alignLevel for features in which merge sentences were
// merged into one. Levels merged maxMerge times or more, where the units
// hold too many words for the lexical evidence to place them, are not
// aligned coarser still but in a band around the diagonal.
func alignAt(sc *scorer, s *scratch, band, coarseMax int, verify bool, merge int) []step {
	n, m := len(sc.f.zl), len(sc.f.el)
	if coarseMax >= 0 && (n <= coarseMax && m <= coarseMax || n < 4 || m < 4) {
		s.setFull(n, m)
		return s.solve(sc)
	}
	diagonal := coarseMax < 0 || merge >= maxMerge
	if diagonal {
		// centre the band on the diagonal
		diag := make([]step, n)
		for i := range diag {
			diag[i] = step{i + 1, (i + 1) * m / n, 0}
		}
		s.centre(diag, n, m, 1)
	} else {
		csc := newScorer(sc.f.downsample(), sc.types, sc.w)
		coarse := alignAt(csc, s, band, coarseMax, false, 2*merge)
		s.centre(coarse, n, m, 2)
	}
	s.width = resize(s.width, n+1)
	for i := range s.width {
		s.width[i] = int32(band)
	}
	// The coarse levels only place the band of the next one: their
	// widening is bounded so that a run of near-tied coarse units cannot
	// grow the band to the whole table (the finest level is exact).
	limit := int32(math.MaxInt32)
	if !verify && !diagonal {
		limit = int32(max(band, 1)) * coarseWidthFactor
	}
	// Whatever the widening, a level's band holds at most fineCells (or
	// coarseCells) cells per sentence of the two sides, or minCells, which
	// keeps time and memory linear in long documents: a band that would
	// grow past it keeps the last path. Short documents (the tests' full
	// table fits minCells) are still aligned exactly.
	budget := max(fineCells*(n+m+1), minCells)
	if !verify && !diagonal {
		budget = max(coarseCells*(n+m+1), minCells)
	}
	var prev, last []step
	verified := 0
	for {
		s.setBand(n, m)
		if last != nil && s.cells() > budget {
			// the tables (and confidences) are those of the last band
			s.lo, s.solvedLo = s.solvedLo, s.lo
			s.hi, s.solvedHi = s.solvedHi, s.hi
			return last
		}
		path := s.solve(sc)
		last = path
		if s.isFull(n, m) {
			return path
		}
		if path != nil && !s.touches(path, n, m) {
			// A path inside the band can still lose to one far outside
			// it; at the finest level, check that doubling the band
			// everywhere leaves the path unchanged.
			if !verify || slices.Equal(path, prev) || verified >= maxVerify {
				return path
			}
			verified++
			prev = slices.Clone(path)
			for i := range s.width {
				s.width[i] *= 2
			}
			s.recentre(path)
			continue
		}
		if !s.widen(path, n, limit) {
			return path
		}
	}
}

// recentre adds the path to the ranges the band is centred on.
func (s *scratch) recentre(path []step) {
	pi, pj := 0, 0
	for _, st := range path {
		s.cover(pi, pj, st.I, st.J)
		pi, pj = st.I, st.J
	}
}

// cells returns the number of cells in the band.
func (s *scratch) cells() int {
	total := 0
	for i := range s.lo {
		total += int(s.hi[i]-s.lo[i]) + 1
	}
	return total
}

// setFull makes the band the whole table.
func (s *scratch) setFull(n, m int) {
	s.lo, s.hi = resize(s.lo, n+1), resize(s.hi, n+1)
	for i := range s.lo {
		s.lo[i], s.hi[i] = 0, int32(m)
	}
}

func (s *scratch) isFull(n, m int) bool {
	for i := 0; i <= n; i++ {
		if s.lo[i] != 0 || s.hi[i] != int32(m) {
			return false
		}
	}
	return true
}

// centre sets the path ranges cmin/cmax from a path at 1/scale resolution.
func (s *scratch) centre(path []step, n, m, scale int) {
	s.cmin, s.cmax = resize(s.cmin, n+1), resize(s.cmax, n+1)
	for i := range s.cmin {
		s.cmin[i], s.cmax[i] = math.MaxInt32, -1
	}
	pi, pj := 0, 0
	for _, st := range path {
		i, j := min(st.I*scale, n), min(st.J*scale, m)
		s.cover(pi, pj, i, j)
		pi, pj = i, j
	}
	s.cover(pi, pj, n, m)
}

// cover adds the rectangle between cells (i0, j0) and (i1, j1) to the
// path ranges.
func (s *scratch) cover(i0, j0, i1, j1 int) {
	for i := i0; i <= i1; i++ {
		s.cmin[i] = min(s.cmin[i], int32(j0))
		s.cmax[i] = max(s.cmax[i], int32(j1))
	}
}

// setBand sets lo/hi from the path ranges and per-row widths, made
// monotone and connected.
func (s *scratch) setBand(n, m int) {
	s.lo, s.hi = resize(s.lo, n+1), resize(s.hi, n+1)
	for i := 0; i <= n; i++ {
		lo, hi := s.cmin[i], s.cmax[i]
		if hi < lo { // a row the path jumps over: take the neighbours' range
			lo, hi = s.cmin[max(i-1, 0)], s.cmax[min(i+1, n)]
		}
		s.lo[i] = max(lo-s.width[i], 0)
		s.hi[i] = min(hi+s.width[i], int32(m))
	}
	s.lo[0], s.hi[n] = 0, int32(m)
	for i := n - 1; i >= 0; i-- {
		s.lo[i] = min(s.lo[i], s.lo[i+1])
	}
	for i := 1; i <= n; i++ {
		s.hi[i] = max(s.hi[i], s.hi[i-1])
	}
	for i := n - 1; i >= 0; i-- {
		s.hi[i] = max(s.hi[i], s.lo[i+1])
	}
}

// touches reports whether the path runs along an edge of the band that
// is not the edge of the table.
func (s *scratch) touches(path []step, n, m int) bool {
	for _, st := range path {
		if s.touchesAt(st, m) {
			return true
		}
	}
	return false
}

// touchMargin is how close to the edge of the band a path may come before
// the band is widened there.
const touchMargin = 1

func (s *scratch) touchesAt(st step, m int) bool {
	lo, hi := int(s.lo[st.I]), int(s.hi[st.I])
	return st.J-lo <= touchMargin && lo > 0 || hi-st.J <= touchMargin && hi < m
}

// widen doubles the width of the band, up to limit, near every place the
// path touched it and recentres the band on the union of the old centre and
// the path. With no path (the band could not be crossed), it doubles every
// width. It reports whether the band grew.
func (s *scratch) widen(path []step, n int, limit int32) bool {
	s.widened++
	if path == nil {
		for i := range s.width {
			s.width[i] *= 2
		}
		return true
	}
	s.grow = resize(s.grow, n+1)
	clear(s.grow)
	grew := false
	for _, st := range path {
		if s.touchesAt(st, int(s.hi[n])) {
			w := s.width[st.I]
			w2 := min(2*w, limit)
			if w2 <= w {
				continue
			}
			grew = true
			for i := max(st.I-int(2*w), 0); i <= min(st.I+int(2*w), n); i++ {
				s.grow[i] = max(s.grow[i], w2)
			}
		}
	}
	if !grew {
		return false
	}
	for i := range s.width {
		s.width[i] = max(s.width[i], s.grow[i])
	}
	pi, pj := 0, 0
	for _, st := range path {
		s.cover(pi, pj, st.I, st.J)
		pi, pj = st.I, st.J
	}
	return true
}

// solve runs the DP over the band and returns the best path, or nil when
// no path crosses the band.
func (s *scratch) solve(sc *scorer) []step {
	n := len(s.lo) - 1
	s.solvedLo = append(s.solvedLo[:0], s.lo...)
	s.solvedHi = append(s.solvedHi[:0], s.hi...)
	s.off = resize(s.off, n+2)
	total := 0
	for i := 0; i <= n; i++ {
		s.off[i] = total
		total += int(s.hi[i]-s.lo[i]) + 1
	}
	s.off[n+1] = total
	s.setRing(sc.maxA + 1)
	at := func(i, j int) int { return s.base[i] + j }
	nt := len(sc.types)
	fit(&s.back, total, 1)
	fit(&s.bead, total, nt)
	sc.pairs = &s.pairs
	s.pairs.t0, s.pairs.n = resize(s.pairs.t0, n), resize(s.pairs.n, n)
	s.pairs.off = resize(s.pairs.off, n)
	clear(s.pairs.n)
	s.pairFrom, s.pairTo = 0, 0
	inf := math.Inf(1)
	for i := 0; i <= n; i++ {
		if i%pairBlock == 0 {
			s.cachePairs(sc, i, i+pairBlock)
		}
		lo, hi := int(s.lo[i]), int(s.hi[i])
		for j := lo; j <= hi; j++ {
			ch, x := chunkAt(s.off[i] + j - lo)
			bc := s.bead[ch][x*nt : x*nt+nt]
			if i == 0 && j == 0 {
				s.cost[at(i, j)], s.back[ch][x] = 0, noBack
				for k := range nt {
					bc[k] = float32(inf)
				}
				continue
			}
			best, bk := inf, noBack
			for k, t := range sc.types {
				bc[k] = float32(inf)
				pi, pj := i-t.ZH, j-t.EN
				if pi < 0 || pj < int(s.lo[max(pi, 0)]) || pj > int(s.hi[max(pi, 0)]) {
					continue
				}
				pc := s.cost[at(pi, pj)]
				if pc == inf {
					continue
				}
				c := sc.cost(pi, pj, k)
				bc[k] = float32(c)
				if c += pc; c < best {
					best, bk = c, k
				}
			}
			s.cost[at(i, j)], s.back[ch][x] = best, uint8(bk)
		}
	}
	m := int(s.hi[n])
	if s.cost[at(n, m)] == inf {
		return nil
	}
	var path []step
	for i, j := n, m; i > 0 || j > 0; {
		ch, x := chunkAt(s.off[i] + j - int(s.lo[i]))
		k := int(s.back[ch][x])
		path = append(path, step{i, j, k})
		i, j = i-sc.types[k].ZH, j-sc.types[k].EN
	}
	for a, b := 0, len(path)-1; a < b; a, b = a+1, b-1 {
		path[a], path[b] = path[b], path[a]
	}
	return path
}

// The tables that grow with the band (back pointers, bead costs,
// forward-backward) are made of chunks of chunkCells cells (fewer when
// the whole band is smaller), reused from one solve to the next: a band
// that widens adds chunks instead of reallocating whole tables, and the
// chunks one call leaves to the collector fit the next. Tables
// reallocated whole at every widening leave garbage of ever larger sizes,
// which the heap cannot reuse and the process keeps resident
// (BenchmarkUnrelated's 100,000 × 130,000 pair at 3d7d57d: 1,141 MiB resident for
// an 835 MB peak heap, against 847 MiB for 733 MB in chunks).
const (
	chunkShift = 16
	chunkCells = 1 << chunkShift
)

// chunkAt returns the chunk of the tables holding cell c of the band and
// the cell's index in it.
func chunkAt(c int) (chunk, i int) { return c >> chunkShift, c & (chunkCells - 1) }

// fit makes table t hold cells cells of per entries each in chunks,
// reusing the chunks it has where they are large enough.
func fit[T any](t *[][]T, cells, per int) {
	n := (cells + chunkCells - 1) / chunkCells
	if cap(*t) < n {
		*t = append((*t)[:cap(*t)], make([][]T, n-cap(*t))...)
	}
	*t = (*t)[:n]
	for c := range *t {
		regrow(&(*t)[c], min(cells, chunkCells)*per)
	}
}

// setRing sizes s.cost as a ring of rows rows of the band, as wide as
// the widest, and sets base so that cell (i, j) is s.cost[s.base[i]+j] in
// slot i mod rows. A bead reaches at most maxA rows, so a DP over the rows
// in either direction reads only the last maxA+1.
func (s *scratch) setRing(rows int) {
	n := len(s.lo) - 1
	width := 0
	for i := 0; i <= n; i++ {
		width = max(width, int(s.hi[i]-s.lo[i])+1)
	}
	s.cost = resize(s.cost, rows*width)
	s.base = resize(s.base, n+1)
	for i := range s.base {
		s.base[i] = i%rows*width - int(s.lo[i])
	}
}

// pairBlock is how many rows of the DP share one filling of the pair
// cache: only the pairs that those rows can ask for are cached at a time,
// so the cache stays small however long the documents are.
const pairBlock = 256

// cachePairs fills the pair cache for the beads and deletions that end in
// rows [i0, i1) of the band: Chinese sentences [i0−maxA, i1+evidenceReach),
// each with the English sentences that the rows around it can reach (as
// pairCache.fill). A pair outside the cache is computed when asked for;
// its masks are the same.
func (s *scratch) cachePairs(sc *scorer, i0, i1 int) {
	f, p := sc.f, &s.pairs
	n, m := len(f.zl), len(f.el)
	for z := s.pairFrom; z < s.pairTo; z++ {
		p.n[z] = 0
	}
	z0, z1 := max(i0-sc.maxA, 0), min(i1+evidenceReach, n)
	total := 0
	for z := z0; z < z1; z++ {
		r0, r1 := max(z-sc.maxA-evidenceReach, 0), min(z+sc.maxA+evidenceReach, n)
		a, b := int(s.lo[r0])-evidenceReach, int(s.hi[r1])+sc.maxB+evidenceReach
		a, b = max(a, 0), min(b, m)
		b = max(b, a)
		p.t0[z], p.n[z], p.off[z] = int32(a), int32(b-a), total
		total += b - a
	}
	p.zm, p.em = resize(p.zm, total), resize(p.em, total)
	for z := z0; z < z1; z++ {
		for d := range int(p.n[z]) {
			p.zm[p.off[z]+d], p.em[p.off[z]+d] = pair(&f.zh[z], &f.en[int(p.t0[z])+d])
		}
	}
	s.pairFrom, s.pairTo = z0, z1
}

// beads turns a path into beads with their costs.
func (sc *scorer) beads(path []step) []Bead {
	beads := make([]Bead, len(path))
	for n, st := range path {
		t := sc.types[st.K]
		i, j := st.I-t.ZH, st.J-t.EN
		b := Bead{Cost: sc.cost(i, j, st.K)}
		for s := i; s < st.I; s++ {
			b.ZH = append(b.ZH, s)
		}
		for e := j; e < st.J; e++ {
			b.EN = append(b.EN, e)
		}
		beads[n] = b
	}
	return beads
}

// refine re-cuts many-to-many beads. Scoring a merged block on its
// concatenation favours merging (a block covers at least what its parts
// cover), so a bead with two or more sentences on both sides is cut in
// two at every internal boundary pair, and the cheapest cut is taken when
// it costs at most Weights.Refine more than the bead; the parts are
// refined in turn. Parts may be of any shape with both sides non-empty.
func (sc *scorer) refine(path []step) []step {
	var out []step
	var cut func(i, a, j, b int)
	cut = func(i, a, j, b int) {
		k0 := sc.typeIndex(a, b)
		if a < 2 || b < 2 || k0 < 0 {
			out = append(out, step{i + a, j + b, k0})
			return
		}
		merged := sc.cost(i, j, k0)
		best, bz, be := math.Inf(1), 0, 0
		for z := 1; z < a; z++ {
			for e := 1; e < b; e++ {
				k1, k2 := sc.typeIndex(z, e), sc.typeIndex(a-z, b-e)
				if k1 < 0 || k2 < 0 {
					continue
				}
				if c := sc.cost(i, j, k1) + sc.cost(i+z, j+e, k2); c < best {
					best, bz, be = c, z, e
				}
			}
		}
		if best > merged+sc.w.Refine {
			out = append(out, step{i + a, j + b, k0})
			return
		}
		cut(i, bz, j, be)
		cut(i+bz, a-bz, j+be, b-be)
	}
	pi, pj := 0, 0
	for _, st := range path {
		t := sc.types[st.K]
		cut(pi, t.ZH, pj, t.EN)
		pi, pj = st.I, st.J
	}
	return out
}

// typeIndex returns the index of bead type a-b in sc.types, or -1.
func (sc *scorer) typeIndex(a, b int) int {
	for k, t := range sc.types {
		if t.ZH == a && t.EN == b {
			return k
		}
	}
	return -1
}

// regrow is resize for the large tables: a table too small is dropped
// before its successor is allocated, so that a collection the allocation
// sets off can reclaim it.
func regrow[T any](xs *[]T, n int) {
	if cap(*xs) < n {
		*xs = nil
		*xs = make([]T, n)
	}
	*xs = (*xs)[:n]
}
