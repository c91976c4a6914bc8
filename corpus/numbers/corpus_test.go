package numbers

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("evaluation data not available: %v", err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

// unmatched returns the values of zh that no value of en matches.
func unmatched(zh, en []Value) []Value {
	var miss []Value
	for _, z := range zh {
		found := false
		for _, e := range en {
			if Match(z, e) {
				found = true
				break
			}
		}
		if !found {
			miss = append(miss, z)
		}
	}
	return miss
}

// TestParallelCorpus measures, on the clean parallel news lines, the share
// of lines where every number read from the Chinese has a counterpart in
// the English: the false-alarm rate of a number check built on Match.
func TestParallelCorpus(t *testing.T) {
	const dir = "../../../shared/eval/news-dev/"
	zh := readLines(t, dir+"parallel-1to1.zh")
	en := readLines(t, dir+"parallel-1to1.en")
	if len(zh) != len(en) {
		t.Fatalf("%d Chinese lines, %d English lines", len(zh), len(en))
	}
	bad, withNumbers := 0, 0
	for i := range zh {
		zv := Chinese(zh[i])
		if len(zv) > 0 {
			withNumbers++
		}
		if miss := unmatched(zv, English(en[i])); len(miss) > 0 {
			bad++
			var ks []string
			for _, m := range miss {
				ks = append(ks, m.Text+"="+m.Key())
			}
			t.Logf("line %d: %s\n  zh: %s\n  en: %s", i+1, strings.Join(ks, ", "), zh[i], en[i])
		}
	}
	rate := float64(len(zh)-bad) / float64(len(zh))
	t.Logf("%d lines, %d with numbers, %d with an unmatched number: %.1f%% clean", len(zh), withNumbers, bad, 100*rate)
	if rate < 0.95 {
		t.Errorf("only %.1f%% of lines have every number matched, want ≥ 95%%", 100*rate)
	}
}
