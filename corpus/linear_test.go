package corpus

import (
	"strings"
	"testing"
	"time"
)

// TestLinearTime guards against quadratic behaviour: reading and splitting
// eight times more of a pathological input must take far less than 64 times
// as long.
func TestLinearTime(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("timing test")
	}
	work := func(s string) {
		for _, f := range Formats {
			_, _ = ReadDocuments(strings.NewReader(s), "p", ReadOptions{Format: f})
		}
		SplitChinese(s)
		SplitEnglish(s)
	}
	fastest := func(s string) time.Duration {
		best := time.Duration(1 << 62)
		for range 5 {
			t0 := time.Now()
			work(s)
			best = min(best, time.Since(t0))
		}
		return best
	}
	for _, unit := range []string{"(a. B", "a. ", "。 ”", "责任编辑：", ". . ", "（。", "[a](b) ", "新华社记者 李涛 摄", "a\n\n", "<p>x"} {
		small, big := strings.Repeat(unit, 1000), strings.Repeat(unit, 8000)
		ts, tb := fastest(small), fastest(big)
		if ratio := float64(tb) / float64(max(ts, time.Microsecond)); ratio > 40 {
			t.Errorf("%q ×8000 takes %.0f× as long as ×1000 (%v vs %v): not linear", unit, ratio, tb, ts)
		}
	}
}
