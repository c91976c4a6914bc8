package align

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkAlign aligns synthetic document pairs of growing length with
// paragraph-sized omissions; ns/sentence should stay flat (linear time).
func BenchmarkAlign(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			if n > 10000 && testing.Short() {
				b.Skip("big")
			}
			r := rand.New(rand.NewPCG(1, 2))
			zh, en := synthetic(r, n, 5)
			a := &Aligner{Dict: NoDictionary}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := a.Align(zh, en); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(zh)+len(en)), "ns/sentence")
		})
	}
}
