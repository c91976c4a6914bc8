package numbers

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// The sanity tests below read evaluation data from ../shared (skipped when
// absent) and measure the share of parallel segments where every number
// read from the Chinese has a counterpart in the English: the false-alarm
// rate of a number check built on Match.

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

// unmatched returns the values of zh that no value of en matches
// (MatchIn, with ref the story's date).
func unmatched(zh, en []Value, ref Value) []Value {
	var miss []Value
	for _, z := range zh {
		found := false
		for _, e := range en {
			if MatchIn(z, e, ref) {
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

// cleanRate logs every segment pair with an unmatched Chinese number and
// returns the share of pairs without one. Dates are read in the context of
// the last full date seen (MatchIn), as a check would for a story.
func cleanRate(t *testing.T, zh, en []string) float64 {
	t.Helper()
	if len(zh) != len(en) {
		t.Fatalf("%d Chinese segments, %d English", len(zh), len(en))
	}
	bad, withNumbers := 0, 0
	var ref Value // the last full date seen: the current story's date
	for i := range zh {
		zv := Chinese(zh[i])
		for _, v := range zv {
			if v.Kind == Date && v.Year != 0 && v.Month != 0 && v.Day != 0 {
				ref = v
				break
			}
		}
		if len(zv) > 0 {
			withNumbers++
		}
		if miss := unmatched(zv, English(en[i]), ref); len(miss) > 0 {
			bad++
			var ks []string
			for _, m := range miss {
				ks = append(ks, m.Text+"="+m.Key())
			}
			t.Logf("segment %d: %s\n  zh: %.300s\n  en: %.300s", i+1, strings.Join(ks, ", "), zh[i], en[i])
		}
	}
	rate := float64(len(zh)-bad) / float64(len(zh))
	t.Logf("%d segments, %d with numbers, %d with an unmatched number: %.1f%% clean", len(zh), withNumbers, bad, 100*rate)
	return rate
}

// TestParallelCorpus: news-dev, line by line.
func TestParallelCorpus(t *testing.T) {
	const dir = "../../../shared/eval/news-dev/"
	zh := readLines(t, dir+"parallel-1to1.zh")
	en := readLines(t, dir+"parallel-1to1.en")
	if rate := cleanRate(t, zh, en); rate < 0.95 {
		t.Errorf("only %.1f%% of lines have every number matched, want ≥ 95%%", 100*rate)
	}
}

// TestHKMAParagraphs: another kind of text, the HKMA annual report
// (Traditional Chinese, financial figures), paragraph by paragraph.
func TestHKMAParagraphs(t *testing.T) {
	data, err := os.ReadFile("../../../shared/eval/terms-dev/hkma-2016.jsonl")
	if err != nil {
		t.Skipf("evaluation data not available: %v", err)
	}
	var zh, en []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var ch struct{ ZH, EN string }
		if err := json.Unmarshal([]byte(line), &ch); err != nil {
			t.Fatal(err)
		}
		zp, ep := strings.Split(ch.ZH, "\n\n"), strings.Split(ch.EN, "\n\n")
		if len(zp) != len(ep) {
			t.Fatalf("%d Chinese paragraphs, %d English", len(zp), len(ep))
		}
		zh, en = append(zh, zp...), append(en, ep...)
	}
	if rate := cleanRate(t, zh, en); rate < 0.95 {
		t.Errorf("only %.1f%% of paragraphs have every number matched, want ≥ 95%%", 100*rate)
	}
}

// TestMacDev: literary chapters (free translation), bead by bead from the
// gold alignment. Informative: literary translators drop and paraphrase
// numbers far more often than news translators.
func TestMacDev(t *testing.T) {
	const dir = "../../../shared/eval/mac-dev/"
	var zhs, ens []string
	for d := 1; d <= 6; d++ {
		id := fmt.Sprintf("%03d", d)
		zh := readLines(t, dir+"zh/"+id)
		en := readLines(t, dir+"en/"+id)
		for _, bead := range readLines(t, dir+"gold/"+id+".align") {
			zs, es, ok := strings.Cut(bead, ":")
			if !ok {
				t.Fatalf("bad bead %q", bead)
			}
			z, e := beadText(t, zs, zh), beadText(t, es, en)
			if z != "" && e != "" {
				zhs, ens = append(zhs, z), append(ens, e)
			}
		}
	}
	if rate := cleanRate(t, zhs, ens); rate < 0.90 {
		t.Errorf("only %.1f%% of beads have every number matched, want ≥ 90%%", 100*rate)
	}
}

// beadText joins the lines a bead side such as "[3,4]" names.
func beadText(t *testing.T, ids string, lines []string) string {
	t.Helper()
	var out []string
	for _, x := range strings.Split(strings.Trim(ids, "[] "), ",") {
		if x = strings.TrimSpace(x); x == "" {
			continue
		}
		n, err := strconv.Atoi(x)
		if err != nil || n < 0 || n >= len(lines) {
			t.Fatalf("bad line id %q", x)
		}
		out = append(out, lines[n])
	}
	return strings.Join(out, " ")
}
