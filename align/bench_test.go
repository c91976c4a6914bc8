package align

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"
)

// BenchmarkAlign aligns synthetic document pairs of growing length (m is
// about 1.3 n English sentences) with paragraph-sized omissions;
// ns/sentence should stay flat (linear time) and peak-heap-MB below 1,000
// for the 100,000 × 130,000-sentence pair. peak-heap-MB counts heap
// objects not yet swept (what the process holds at GOGC=100); peak-live-MB
// is the largest heap a collection found live (what it needs with
// GOMEMLIMIT).
func BenchmarkAlign(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		r := rand.New(rand.NewPCG(1, 2))
		zh, en := synthetic(r, n, 10)
		b.Run(fmt.Sprintf("N=%dx%d", len(zh), len(en)), func(b *testing.B) {
			if n > 10000 && testing.Short() {
				b.Skip("big")
			}
			a := &Aligner{Dict: NoDictionary}
			b.ReportAllocs()
			peak := watchHeap()
			b.ResetTimer()
			for b.Loop() {
				if _, err := a.Align(zh, en); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(zh)+len(en)), "ns/sentence")
			heap, live := peak()
			b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(live)/(1<<20), "peak-live-MB")
		})
	}
}

// watchHeap samples the bytes of live and not yet swept heap objects, and
// the live heap found by the last collection, every millisecond until the
// returned function is called, which gives the largest samples.
func watchHeap() func() (heap, live uint64) {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	var (
		mu         sync.Mutex
		heap, live uint64
	)
	read := func() {
		metrics.Read(sample)
		mu.Lock()
		heap = max(heap, sample[0].Value.Uint64())
		live = max(live, sample[1].Value.Uint64())
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
	return func() (uint64, uint64) {
		read()
		close(done)
		<-stopped
		mu.Lock()
		defer mu.Unlock()
		return heap, live
	}
}
