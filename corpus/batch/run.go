package batch

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
)

// DefaultLowConfidence is the confidence below which Stats counts a bead
// as low-confidence when Options.LowConfidence is 0.
const DefaultLowConfidence = 0.85

// scriptSample is how many bytes of each Chinese document are looked at to
// tell Traditional from Simplified script.
const scriptSample = 16 << 10

// Options configure a Batch. The zero value reads with format detection,
// aligns with a zero align.Aligner on all cores.
type Options struct {
	Read    corpus.ReadOptions
	Aligner *align.Aligner // configuration to copy; its Model is replaced by the corpus model
	Workers int            // <= 0: runtime.NumCPU()
	// NoCorpusModel skips learning a translation table over the batch (the
	// first pass still reads every pair, to tell the script and find
	// unreadable documents, but aligns nothing).
	NoCorpusModel bool
	LowConfidence float64 // 0: DefaultLowConfidence
	// Progress, when set, is called from one goroutine after each document.
	Progress func(Progress)
}

// Progress reports how far a pass has come.
type Progress struct {
	Phase     string // "learning" or "aligning"
	Done      int    // documents done (failed ones included)
	Total     int
	Sentences int // sentences (both sides) of the documents done
}

// Result is one aligned document pair.
type Result struct {
	*Doc
	Beads []align.Bead
}

// Stats describe a batch run.
type Stats struct {
	Documents   int // pairs aligned
	Failed      []Failure
	ZHSentences int
	ENSentences int
	Beads       int
	BeadTypes   map[string]int // beads by type ("1-1", "2-1", …)
	// LowConfidence counts beads below the threshold (Options.LowConfidence).
	LowConfidence int
	Threshold     float64
	Unaligned     int // sentences in 1-0 and 0-1 beads
	Traditional   int // documents whose Chinese is in Traditional script
	Simplified    int
	ModelWords    int // Chinese words with renderings in the corpus model
	LearnTime     time.Duration
	AlignTime     time.Duration
}

// Types returns the bead types seen, most frequent first (ties by name).
func (s *Stats) Types() []string {
	types := make([]string, 0, len(s.BeadTypes))
	for t := range s.BeadTypes {
		types = append(types, t)
	}
	slices.SortFunc(types, func(a, b string) int {
		if c := cmp.Compare(s.BeadTypes[b], s.BeadTypes[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return types
}

// Batch aligns a list of document pairs: Learn, then Align.
type Batch struct {
	opt     Options
	pairs   []Pair
	aligner align.Aligner
	failed  []bool
	fails   []indexedFailure
	stats   Stats
	learned bool
}

type indexedFailure struct {
	i int
	f Failure
}

// New returns a batch of pairs.
func New(pairs []Pair, opt Options) *Batch {
	b := &Batch{opt: opt, pairs: pairs, failed: make([]bool, len(pairs))}
	if opt.Aligner != nil {
		b.aligner = *opt.Aligner
	}
	if b.opt.Workers <= 0 {
		b.opt.Workers = runtime.NumCPU()
	}
	if b.opt.LowConfidence == 0 {
		b.opt.LowConfidence = DefaultLowConfidence
	}
	b.stats.Threshold = b.opt.LowConfidence
	b.stats.BeadTypes = map[string]int{}
	return b
}

// Traditional reports whether most Chinese documents read by Learn are in
// Traditional script.
func (b *Batch) Traditional() bool { return b.stats.Traditional > b.stats.Simplified }

// Stats returns the statistics so far; Failed is in document order.
func (b *Batch) Stats() Stats {
	s := b.stats
	slices.SortStableFunc(b.fails, func(x, y indexedFailure) int { return cmp.Compare(x.i, y.i) })
	s.Failed = make([]Failure, len(b.fails))
	for i, f := range b.fails {
		s.Failed[i] = f.f
	}
	return s
}

func (b *Batch) fail(i int, err error) {
	b.failed[i] = true
	p := b.pairs[i]
	b.fails = append(b.fails, indexedFailure{i, Failure{ID: p.ID, File: p.Name(), Reason: err.Error()}})
}

// learnt is what the first pass gets from one document.
type learnt struct {
	l           *align.Learner
	traditional bool
	sentences   int
	err         error
}

// Learn is the first pass: it reads every pair, tells the script of the
// Chinese side and trains the corpus-wide translation table, which the
// aligner of the second pass then uses. Unreadable pairs are recorded as
// failed and skipped by Align.
func (b *Batch) Learn(ctx context.Context) error {
	start := time.Now()
	b.learned = true
	base := b.aligner
	base.Model = nil
	var all *align.Learner
	if !b.opt.NoCorpusModel {
		all = align.NewLearner(&base)
	}
	done, sentences := 0, 0
	err := ordered(ctx, len(b.pairs), b.opt.Workers,
		func(i int) learnt {
			d, err := Load(b.pairs[i], b.opt.Read)
			if err != nil {
				return learnt{err: err}
			}
			r := learnt{sentences: len(d.ZH.Sentences) + len(d.EN.Sentences), traditional: traditional(d.ZH.Sentences)}
			if all != nil {
				r.l = align.NewLearner(&base)
				r.err = d.Learn(r.l)
			}
			return r
		},
		func(i int, r learnt) error {
			done++
			sentences += r.sentences
			if r.err != nil {
				b.fail(i, r.err)
			} else {
				if r.traditional {
					b.stats.Traditional++
				} else {
					b.stats.Simplified++
				}
				if r.l != nil {
					all.Merge(r.l)
				}
			}
			b.progress("learning", done, sentences)
			return nil
		})
	if err != nil {
		return err
	}
	if all != nil {
		b.aligner.Model = all.Model()
		b.stats.ModelWords = b.aligner.Model.Len()
	}
	b.stats.LearnTime = time.Since(start)
	return nil
}

func (b *Batch) progress(phase string, done, sentences int) {
	if b.opt.Progress != nil {
		b.opt.Progress(Progress{Phase: phase, Done: done, Total: len(b.pairs), Sentences: sentences})
	}
}

// traditional samples the start of the Chinese text.
func traditional(ss []corpus.Sentence) bool {
	var sb strings.Builder
	for _, s := range ss {
		if sb.Len() > scriptSample {
			break
		}
		sb.WriteString(s.Text)
	}
	return corpus.IsTraditional(sb.String())
}

// aligned is what the second pass gets from one document.
type aligned struct {
	res *Result
	err error
}

// Align is the second pass (it runs Learn first if it has not run): every
// readable pair is aligned with the corpus model, and emit is called with
// the results in document order, from one goroutine. A pair that cannot be
// aligned is recorded as failed; an error from emit or ctx stops the run.
func (b *Batch) Align(ctx context.Context, emit func(*Result) error) error {
	if !b.learned {
		if err := b.Learn(ctx); err != nil {
			return err
		}
	}
	start := time.Now()
	a := &b.aligner
	done, sentences := 0, 0
	seen := make(map[string]string) // document id → where it was first given
	err := ordered(ctx, len(b.pairs), b.opt.Workers,
		func(i int) aligned {
			if b.failed[i] {
				return aligned{}
			}
			d, err := Load(b.pairs[i], b.opt.Read)
			if err != nil {
				return aligned{err: err}
			}
			beads, err := d.Align(a)
			if err != nil {
				return aligned{err: err}
			}
			return aligned{res: &Result{Doc: d, Beads: beads}}
		},
		func(i int, r aligned) error {
			done++
			defer func() { b.progress("aligning", done, sentences) }()
			if r.err != nil {
				b.fail(i, r.err)
				return nil
			}
			if r.res == nil {
				return nil
			}
			// A JSONL corpus names its documents itself: the first of
			// two with one id is kept (the translation units of both
			// would share their ids).
			if prev, ok := seen[r.res.ID]; ok {
				b.fail(i, fmt.Errorf("document id %q given twice (%s and %s)", r.res.ID, prev, r.res.Pair.Name()))
				return nil
			}
			seen[r.res.ID] = r.res.Pair.Name()
			sentences += len(r.res.ZH.Sentences) + len(r.res.EN.Sentences)
			b.count(r.res)
			return emit(r.res)
		})
	b.stats.AlignTime = time.Since(start)
	return err
}

func (b *Batch) count(r *Result) {
	s := &b.stats
	s.Documents++
	s.ZHSentences += len(r.ZH.Sentences)
	s.ENSentences += len(r.EN.Sentences)
	for _, bead := range r.Beads {
		s.Beads++
		s.BeadTypes[align.TypeOf(bead)]++
		if bead.Confidence < b.opt.LowConfidence {
			s.LowConfidence++
		}
		if len(bead.ZH) == 0 || len(bead.EN) == 0 {
			s.Unaligned += len(bead.ZH) + len(bead.EN)
		}
	}
}

// ordered runs work(i) for i in [0, n) on workers goroutines and calls
// emit(i, result) for every i in increasing order, from the calling
// goroutine. At most 2×workers results are computed ahead of the one
// emit waits for, which bounds memory. It stops at the first error of emit
// or when ctx is done, after the work in progress has finished.
func ordered[T any](ctx context.Context, n, workers int, work func(int) T, emit func(int, T) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	window := 2 * workers
	slots := make(chan struct{}, window) // one per job started and not yet emitted
	jobs := make(chan int)
	type done struct {
		i int
		v T
	}
	results := make(chan done, window)
	go func() {
		defer close(jobs)
		for i := 0; i < n; i++ {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if ctx.Err() != nil {
					return
				}
				results <- done{i, work(i)} // never blocks: at most window results exist
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	pending := make(map[int]T, window)
	next := 0
	var err error
	for r := range results {
		if err != nil {
			continue // draining after a stop
		}
		pending[r.i] = r.v
		for {
			v, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			if err = ctx.Err(); err == nil {
				err = emit(next, v)
			}
			if err != nil {
				cancel()
				break
			}
			next++
			<-slots
		}
	}
	if err == nil && next < n {
		err = ctx.Err()
	}
	return err
}
