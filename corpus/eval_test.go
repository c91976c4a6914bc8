package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedNews is the news evaluation set, outside the repository.
var sharedNews = filepath.Join("..", "..", "shared", "eval", "news-dev")

// splitScore joins every group of consecutive lines into one paragraph,
// splits it, and scores the sentence ends found against the line ends.
// Ends after a line without a final end mark (headlines, credits) are not
// counted either way: splitting cannot know them.
type splitScore struct {
	tp, fp, fn int
	misses     []string // examples of errors, for -v
}

func (s *splitScore) f1() (p, r, f float64) {
	p = float64(s.tp) / float64(max(1, s.tp+s.fp))
	r = float64(s.tp) / float64(max(1, s.tp+s.fn))
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func scoreSplit(lines []string, group int, lang Lang) *splitScore {
	sep := " "
	split := SplitEnglish
	if lang == Chinese {
		sep, split = "", SplitChinese
	}
	sc := &splitScore{}
	for g := 0; g < len(lines); g += group {
		chunk := lines[g:min(g+group, len(lines))]
		var b strings.Builder
		gold := map[int]bool{}   // line ends that must be found
		ignore := map[int]bool{} // line ends after lines without an end mark
		for i, l := range chunk {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(l)
			if i < len(chunk)-1 {
				if endsSentence(l) {
					gold[b.Len()] = true
				} else {
					ignore[b.Len()] = true
				}
			}
		}
		text := b.String()
		found := map[int]bool{}
		sents := split(text)
		for _, s := range sents[:max(0, len(sents)-1)] {
			found[s.End] = true
		}
		for end := range found {
			switch {
			case gold[end]:
				sc.tp++
			case !ignore[end]:
				sc.fp++
				sc.misses = append(sc.misses, "FP: "+context(text, end))
			}
		}
		for end := range gold {
			if !found[end] {
				sc.fn++
				sc.misses = append(sc.misses, "FN: "+context(text, end))
			}
		}
	}
	return sc
}

func context(text string, at int) string {
	from, to := max(0, at-60), min(len(text), at+40)
	for from > 0 && !utf8RuneStart(text[from]) {
		from--
	}
	for to < len(text) && !utf8RuneStart(text[to]) {
		to++
	}
	return text[from:at] + " ‖ " + text[at:to]
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

func readLines(t testing.TB, path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("evaluation data not available: %v", err)
	}
	return strings.Split(strings.TrimRight(string(data), "\n"), "\n")
}

// TestSplitRecoversLineEnds is the acceptance test of the splitters: on the
// news evaluation set, joined ten lines at a time, the line ends are found
// with F1 ≥ 0.97.
func TestSplitRecoversLineEnds(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		file string
		lang Lang
	}{{"parallel-1to1.zh", Chinese}, {"parallel-1to1.en", English}} {
		lines := readLines(t, filepath.Join(sharedNews, c.file))
		sc := scoreSplit(lines, 10, c.lang)
		p, r, f := sc.f1()
		t.Logf("%s: %d line ends, precision %.4f recall %.4f F1 %.4f (tp %d fp %d fn %d)",
			c.file, sc.tp+sc.fn, p, r, f, sc.tp, sc.fp, sc.fn)
		if testing.Verbose() {
			for _, m := range sc.misses {
				t.Log(m)
			}
		}
		if f < 0.97 {
			t.Errorf("%s: F1 %.4f < 0.97", c.file, f)
		}
	}
}

// TestSplitLiterary reports (without a threshold) the same measure on the
// literary chapters of mac-dev, a genre the splitters were not written for:
// a check that the rules are general.
func TestSplitLiterary(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "shared", "eval", "mac-dev")
	for _, lang := range []Lang{Chinese, English} {
		paths, _ := filepath.Glob(filepath.Join(dir, string(lang), "[0-9][0-9][0-9]"))
		if len(paths) == 0 {
			t.Skip("mac-dev not available")
		}
		var lines []string
		for _, p := range paths {
			lines = append(lines, readLines(t, p)...)
		}
		sc := scoreSplit(lines, 10, lang)
		p, r, f := sc.f1()
		t.Logf("mac-dev %s: %d line ends, precision %.4f recall %.4f F1 %.4f", lang, sc.tp+sc.fn, p, r, f)
		if testing.Verbose() && os.Getenv("SPLIT_MISSES") != "" {
			for _, m := range sc.misses {
				t.Log(m)
			}
		}
	}
}
