package align

import (
	"slices"
	"strings"

	"github.com/bitext/bitext/corpus"
)

// Learning constants (see doc.go).
const (
	model1Iterations   = 5   // EM iterations
	minLearnConfidence = 0.5 // beads of the first pass used for training
	minTranslationProb = 0.2 // t(e|z) kept as a rendering
	minCooccurrence    = 2   // and seen together in at least this many beads
	maxLearnSide       = 4   // beads with more sentences a side are skipped
)

// Model is a translation table learnt by IBM Model 1 from aligned beads:
// for each Chinese word, the English keys it is often rendered by. The
// zero value (and nil) knows nothing.
type Model struct {
	table map[string][]string
}

// Len returns the number of Chinese words with learnt renderings.
func (m *Model) Len() int {
	if m == nil {
		return 0
	}
	return len(m.table)
}

func (m *Model) translations(word string) []string {
	if m == nil {
		return nil
	}
	return m.table[word]
}

// Learner collects confidently aligned beads from many document pairs
// and trains a Model on all of them (batch mode: align a corpus once to
// learn, then again with the Model). Use one Learner per goroutine and
// Merge them; the result does not depend on how documents were split
// among learners as long as they are merged in document order.
type Learner struct {
	a     Aligner
	zv    vocab
	ev    vocab
	pairs []sentPair
}

// sentPair is one training bead: word ids of each side.
type sentPair struct{ zh, en []int32 }

// NewLearner returns a Learner whose first-pass alignments use a's
// configuration (with in-document learning off).
func NewLearner(a *Aligner) *Learner {
	l := &Learner{}
	if a != nil {
		l.a = *a
	}
	l.a.NoLearn = true
	return l
}

// Add aligns one document pair and keeps its confident beads for training.
func (l *Learner) Add(zh, en []corpus.Sentence) error {
	if len(zh) == 0 || len(en) == 0 {
		return ErrEmpty
	}
	types, err := l.a.types()
	if err != nil {
		return err
	}
	w := l.a.weights()
	if !w.valid() {
		return ErrWeights
	}
	lex := l.a.lexicon(w)
	f, w := l.a.firstFeatures(zh, en, lex, w)
	beads := l.a.run(f, types, w, false)
	for _, p := range trainingPairs(f, beads) {
		l.pairs = append(l.pairs, sentPair{remap(p.zh, f.zvocab, &l.zv), remap(p.en, f.evocab, &l.ev)})
	}
	return nil
}

// Merge adds other's training beads after l's.
func (l *Learner) Merge(other *Learner) {
	for _, p := range other.pairs {
		l.pairs = append(l.pairs, sentPair{remap(p.zh, other.zv.names, &l.zv), remap(p.en, other.ev.names, &l.ev)})
	}
}

// Model trains IBM Model 1 on the collected beads.
func (l *Learner) Model() *Model {
	return model1(l.pairs, l.zv.names, l.ev.names)
}

func remap(ids []int32, names []string, v *vocab) []int32 {
	out := make([]int32, len(ids))
	for i, id := range ids {
		out[i] = v.id(names[id])
	}
	return out
}

// trainingPairs returns the word ids of the confident beads of a pass.
func trainingPairs(f *features, beads []Bead) []sentPair {
	var pairs []sentPair
	for _, b := range beads {
		if len(b.ZH) == 0 || len(b.EN) == 0 || len(b.ZH) > maxLearnSide || len(b.EN) > maxLearnSide || b.Confidence < minLearnConfidence {
			continue
		}
		var p sentPair
		for _, s := range b.ZH {
			p.zh = append(p.zh, f.zwords[s]...)
		}
		for _, e := range b.EN {
			for _, id := range f.ewords[e] {
				if !strings.HasPrefix(f.evocab[id], "\x00") {
					p.en = append(p.en, id)
				}
			}
		}
		if len(p.zh) > 0 && len(p.en) > 0 {
			pairs = append(pairs, p)
		}
	}
	return pairs
}

// trainModel1 learns a Model from the confident beads of a first pass
// over one document pair; nil when there is too little to learn from.
func trainModel1(f *features, beads []Bead) *Model {
	pairs := trainingPairs(f, beads)
	if len(pairs) < 10 {
		return nil
	}
	return model1(pairs, f.zvocab, f.evocab)
}

// model1 runs EM for IBM Model 1, t(e|z), with a NULL Chinese word, and
// keeps for each Chinese word the English keys with t(e|z) at least
// minTranslationProb seen with it in at least minCooccurrence beads.
func model1(pairs []sentPair, zv, ev []string) *Model {
	if len(pairs) == 0 {
		return nil
	}
	const null = -1
	key := func(z, e int32) uint64 { return uint64(uint32(z))<<32 | uint64(uint32(e)) }
	t := map[uint64]float64{}
	co := map[uint64]int{}
	for _, p := range pairs {
		zs := uniq(p.zh)
		for _, e := range uniq(p.en) {
			t[key(null, e)] = 1
			for _, z := range zs {
				k := key(z, e)
				t[k] = 1
				co[k]++
			}
		}
	}
	for range model1Iterations {
		count := make(map[uint64]float64, len(t))
		total := make(map[int32]float64)
		for _, p := range pairs {
			for _, e := range p.en {
				d := t[key(null, e)]
				for _, z := range p.zh {
					d += t[key(z, e)]
				}
				c := t[key(null, e)] / d
				count[key(null, e)] += c
				total[null] += c
				for _, z := range p.zh {
					c := t[key(z, e)] / d
					count[key(z, e)] += c
					total[z] += c
				}
			}
		}
		for k, c := range count {
			t[k] = c / total[int32(uint32(k>>32))]
		}
	}
	m := &Model{table: map[string][]string{}}
	for k, p := range t {
		z, e := int32(uint32(k>>32)), int32(uint32(k))
		if z == null || p < minTranslationProb || co[k] < minCooccurrence {
			continue
		}
		m.table[zv[z]] = append(m.table[zv[z]], ev[e])
	}
	for z := range m.table {
		slices.Sort(m.table[z])
	}
	return m
}

func uniq(ids []int32) []int32 {
	out := slices.Clone(ids)
	slices.Sort(out)
	return slices.Compact(out)
}
