package align

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/corpus"
)

// BenchmarkAlign aligns synthetic document pairs of growing length, n
// Chinese and exactly 1.3 n English sentences, with paragraph-sized
// omissions (syntheticPair); ns/sentence should stay flat (linear time)
// and peak-heap-MB below 1,000 for the 100,000 × 130,000-sentence pair.
// peak-heap-MB counts heap objects not yet swept (what the process holds
// at GOGC=100); peak-live-MB is the largest heap a collection found live
// (what it needs with GOMEMLIMIT); peak-sys-MB is the most memory the Go
// runtime had obtained from the system (a lower bound of the process's
// resident size). The process's own peak is the maximum resident set size
// that /usr/bin/time -v reports for a test binary running that case only:
//
//	go test -c -o align.test ./align
//	/usr/bin/time -v ./align.test -test.run '^$' -test.bench 'BenchmarkAlign/N=100000' -test.benchtime 1x
func BenchmarkAlign(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		r := rand.New(rand.NewPCG(1, 2))
		zh, en := syntheticPair(r, n, n*13/10, 10)
		b.Run(fmt.Sprintf("N=%dx%d", len(zh), len(en)), func(b *testing.B) {
			benchAlign(b, zh, en)
		})
	}
}

// BenchmarkUnrelated is the worst case of BenchmarkAlign's memory:
// the Chinese side of one synthetic pair and the English side of another,
// drawn independently, so that nothing but chance matches. The band
// widens wherever the path touches it, at every level, until the cell
// budget (fineCells a sentence) stops it; peak-heap-MB and the maximum
// resident set size must still stay below 1,000 for 100,000 × 130,000
// sentences:
//
//	/usr/bin/time -v ./align.test -test.run '^$' -test.bench 'BenchmarkUnrelated/N=100000' -test.benchtime 1x
func BenchmarkUnrelated(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		zh, _ := syntheticPair(rand.New(rand.NewPCG(1, 2)), n, n*13/10, 10)
		_, en := syntheticPair(rand.New(rand.NewPCG(3, 4)), n, n*13/10, 10)
		b.Run(fmt.Sprintf("N=%dx%d", len(zh), len(en)), func(b *testing.B) {
			benchAlign(b, zh, en)
		})
	}
}

// benchAlign aligns zh with en b.N times and reports the time per
// sentence and the peaks of memory (see BenchmarkAlign).
func benchAlign(b *testing.B, zh, en []corpus.Sentence) {
	if len(zh) > 10000 && testing.Short() {
		b.Skip("big")
	}
	a := &Aligner{Dict: NoDictionary, Unrelated: true}
	b.ReportAllocs()
	peak := watchHeap()
	b.ResetTimer()
	for b.Loop() {
		if _, err := a.Align(zh, en); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(zh)+len(en)), "ns/sentence")
	heap, live, sys := peak()
	b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(live)/(1<<20), "peak-live-MB")
	b.ReportMetric(float64(sys)/(1<<20), "peak-sys-MB")
}

// watchHeap samples the bytes of live and not yet swept heap objects, the
// live heap found by the last collection and the memory the runtime holds
// from the system less what it has returned (MemStats.Sys − HeapReleased)
// every millisecond until the returned function is called, which gives the
// largest samples.
func watchHeap() func() (heap, live, sys uint64) {
	runtime.GC()
	sample := []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/gc/heap/live:bytes"},
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
	}
	var (
		mu              sync.Mutex
		heap, live, sys uint64
	)
	read := func() {
		metrics.Read(sample)
		mu.Lock()
		heap = max(heap, sample[0].Value.Uint64())
		live = max(live, sample[1].Value.Uint64())
		sys = max(sys, sample[2].Value.Uint64()-sample[3].Value.Uint64())
		mu.Unlock()
	}
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				read()
			}
		}
	}()
	return func() (uint64, uint64, uint64) {
		read()
		close(done)
		<-stopped
		mu.Lock()
		defer mu.Unlock()
		return heap, live, sys
	}
}

// syntheticPair makes a document pair of exactly n Chinese and m English
// sentences (m ≥ n; fewer English if the kept Chinese sentences cannot
// take m at maxPer each) in the manner of synthetic: Latin "words" of 2 to 9
// per sentence stand for translated content, passages of dropRun Chinese
// sentences (a paragraph) have no English, about two per 150 sentences,
// and the English sentences beyond one per kept Chinese sentence are
// spread at random over the kept ones, as splits of the rendering (1-2,
// 1-3) or sentences added by the translator (0-1).
func syntheticPair(r *rand.Rand, n, m, dropRun int) (zh, en []corpus.Sentence) {
	word := func() string { return fmt.Sprintf("w%d", r.IntN(5*n+50)) }
	// Plan: which Chinese sentences are dropped, and how many English
	// sentences each kept one gets.
	dropped := make([]bool, n)
	kept := 0
	for i := 0; i < n; {
		if dropRun > 0 && r.IntN(min(n, 150)) < 2 {
			for k := 0; k < dropRun && i < n; k++ {
				dropped[i] = true
				i++
			}
			continue
		}
		kept++
		i++
	}
	const maxPer = 3
	per := make([]int, 0, kept)
	for range kept {
		per = append(per, 1)
	}
	// at most maxPer English sentences a kept one (a short pair with
	// many dropped passages gets fewer than m)
	for extra := min(m-kept, kept*(maxPer-1)); extra > 0; {
		if k := r.IntN(kept); per[k] < maxPer {
			per[k]++
			extra--
		}
	}
	para, k := 0, 0
	for i := range n {
		if dropped[i] {
			zh = append(zh, untranslated(word, para))
			if i+1 == n || !dropped[i+1] {
				para++
			}
			continue
		}
		ws, z := content(r, word, para)
		zh = append(zh, z)
		parts := per[k]
		k++
		added := 0
		if parts > 1 && r.IntN(2) == 0 { // the translator adds a sentence
			parts--
			added = 1
		}
		if parts > len(ws) {
			added += parts - len(ws)
			parts = len(ws)
		}
		for p := range parts {
			part := ws[p*len(ws)/parts : (p+1)*len(ws)/parts]
			en = append(en, corpus.Sentence{Text: "The " + strings.Join(part, " with ") + " story.", Para: para})
		}
		for range added {
			en = append(en, corpus.Sentence{Text: "Added " + word() + " for readers " + word() + ".", Para: para})
		}
		if r.IntN(5) == 0 {
			para++
		}
	}
	return zh, en
}
