package check

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/bitext/bitext/corpus/segment"
	"github.com/bitext/bitext/glossary"
)

// The injected-error evaluation: take parallel Chinese-English lines and a
// glossary of terms in them, replace the rendering of a term in some
// English lines with a wrong one and change it harmlessly in others
// (plural, capitalised, hyphenated, UK spelling), run the checker, and
// measure the recall on the corrupted lines and the false alarms on every
// uncorrupted line whose Chinese holds a glossary term.
//
// The glossary format of the evaluation (one term a line, # comments):
//
//	zh<TAB>accepted|renderings<TAB>wrong rendering[<TAB>forbidden]
//
// The first accepted rendering is approved, the others admitted; with
// "forbidden" the wrong rendering is also a forbidden entry.

type evalTerm struct {
	zh        string
	accepted  []string
	wrong     string
	forbidden bool
	patterns  []*regexp.Regexp // accepted renderings in running text, longest first
}

func parseEvalTerms(data string) ([]evalTerm, error) {
	var terms []evalTerm
	for n, line := range strings.Split(data, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			return nil, fmt.Errorf("line %d: want zh, renderings, wrong rendering", n+1)
		}
		t := evalTerm{zh: cols[0], accepted: strings.Split(cols[1], "|"), wrong: cols[2]}
		t.forbidden = len(cols) > 3 && cols[3] == "forbidden"
		byLen := append([]string(nil), t.accepted...)
		for i := range byLen { // longest first, so "novel coronavirus pneumonia" goes before "coronavirus"
			for j := i + 1; j < len(byLen); j++ {
				if len(byLen[j]) > len(byLen[i]) {
					byLen[i], byLen[j] = byLen[j], byLen[i]
				}
			}
		}
		for _, r := range byLen {
			words := strings.Fields(r)
			for i, w := range words {
				words[i] = regexp.QuoteMeta(w)
			}
			t.patterns = append(t.patterns, regexp.MustCompile(`(?i)\b`+strings.Join(words, `[\s\-‐–—]+`)+`(?:s|es)?\b`))
		}
		terms = append(terms, t)
	}
	return terms, nil
}

func evalEntries(terms []evalTerm) []glossary.Entry {
	var es []glossary.Entry
	for _, t := range terms {
		for i, r := range t.accepted {
			st := glossary.Approved
			if i > 0 {
				st = glossary.Admitted
			}
			es = append(es, glossary.Entry{ZH: t.zh, EN: r, Status: st})
		}
		if t.forbidden {
			es = append(es, glossary.Entry{ZH: t.zh, EN: t.wrong, Status: glossary.Forbidden})
		}
	}
	return es
}

// rendered reports whether en holds an accepted rendering of t, by plain
// lower-case substring: stricter than the checker, so that a corrupted line
// really lost the term.
func (t *evalTerm) rendered(en string) bool {
	flat := strings.NewReplacer("-", " ", "‐", " ", "–", " ", "—", " ").Replace(strings.ToLower(en))
	for _, r := range t.accepted {
		if strings.Contains(flat, strings.ToLower(strings.ReplaceAll(r, "-", " "))) {
			return true
		}
	}
	return false
}

// harmless changes of a rendering, tried in turn from a line's own start.
var harmless = []struct {
	name   string
	change func(string) (string, bool)
}{
	{"plural", pluralise},
	{"capitalised", recapitalise},
	{"hyphenated", hyphenate},
	{"UK spelling", ukSpelling},
}

func pluralise(s string) (string, bool) {
	if s == "" || unicode.IsUpper([]rune(s)[0]) || strings.HasSuffix(s, "s") {
		return s, false
	}
	for _, adj := range []string{"ed", "ing", "al", "ic", "ish"} { // not nouns
		if strings.HasSuffix(s, adj) {
			return s, false
		}
	}
	switch {
	case strings.HasSuffix(s, "y") && !strings.ContainsAny(s[len(s)-2:len(s)-1], "aeiou"):
		return s[:len(s)-1] + "ies", true
	case strings.HasSuffix(s, "x") || strings.HasSuffix(s, "ch") || strings.HasSuffix(s, "sh"):
		return s + "es", true
	}
	return s + "s", true
}

func recapitalise(s string) (string, bool) {
	words := strings.Fields(s)
	lowerStart := false
	for _, w := range words {
		if unicode.IsLower([]rune(w)[0]) {
			lowerStart = true
		}
	}
	if lowerStart {
		for i, w := range words {
			r := []rune(w)
			r[0] = unicode.ToUpper(r[0])
			words[i] = string(r)
		}
		return strings.Join(words, " "), true
	}
	for _, w := range words {
		if len(w) > 1 && strings.ToUpper(w) == w {
			return s, false // an abbreviation in lower case is another word (US, us)
		}
	}
	return strings.ToLower(s), true
}

func hyphenate(s string) (string, bool) {
	if !strings.Contains(s, " ") {
		return s, false
	}
	return strings.Join(strings.Fields(s), "-"), true
}

var ukRules = []struct{ us, uk string }{
	{"ization", "isation"}, {"izing", "ising"}, {"ize", "ise"}, {"yze", "yse"},
	{"labor", "labour"}, {"color", "colour"}, {"honor", "honour"}, {"favor", "favour"}, {"neighbor", "neighbour"},
	{"center", "centre"}, {"program", "programme"}, {"defense", "defence"}, {"traveled", "travelled"},
}

func ukSpelling(s string) (string, bool) {
	for _, r := range ukRules {
		if strings.Contains(s, r.us) {
			return strings.Replace(s, r.us, r.uk, 1), true
		}
	}
	return s, false
}

// injection says what was done to one English line.
type injection struct {
	term int    // index into the terms
	mode string // "wrong" or the name of a harmless change
}

// inject corrupts a third of the lines that render a glossary term and
// changes another third harmlessly; it returns the new English lines.
func inject(zh, en []string, terms []evalTerm) ([]string, map[int]injection) {
	out := append([]string(nil), en...)
	done := map[int]injection{}
	used := make([]int, len(harmless))
	k := 0
	for i := range zh {
		var present []int
		for ti := range terms {
			if strings.Contains(zh[i], terms[ti].zh) && terms[ti].rendered(en[i]) {
				present = append(present, ti)
			}
		}
		if len(present) == 0 {
			continue
		}
		ti := present[(k/3)%len(present)]
		t := &terms[ti]
		switch k % 3 {
		case 0:
			s := en[i]
			for _, p := range t.patterns {
				s = p.ReplaceAllString(s, t.wrong)
			}
			if !t.rendered(s) {
				out[i] = s
				done[i] = injection{term: ti, mode: "wrong"}
			}
		case 1:
			// The applicable change used least so far, so that all kinds
			// are exercised.
			best, bestText := -1, ""
			for j, h := range harmless {
				for _, p := range t.patterns {
					if loc := p.FindStringIndex(en[i]); loc != nil {
						if c, ok := h.change(en[i][loc[0]:loc[1]]); ok && (best < 0 || used[j] < used[best]) {
							best, bestText = j, en[i][:loc[0]]+c+en[i][loc[1]:]
						}
						break
					}
				}
			}
			if best >= 0 {
				used[best]++
				out[i] = bestText
				done[i] = injection{term: ti, mode: harmless[best].name}
			}
		}
		k++
	}
	return out, done
}

// numberAlarms runs the number check alone on clean parallel lines and
// returns the lines with a number-mismatch, described.
func numberAlarms(t *testing.T, zh, en []string) (lines int, alarms []string) {
	t.Helper()
	nc, err := New(nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	clean := &Input{Name: "clean"}
	for i := range zh {
		clean.Segments = append(clean.Segments, Segment{Pos: i + 1, ZH: zh[i], EN: en[i]})
	}
	last := 0
	for _, f := range nc.Check(clean) {
		if f.Kind != NumberMismatch {
			continue
		}
		if f.Segment != last {
			lines++
			last = f.Segment
		}
		alarms = append(alarms, fmt.Sprintf("line %d: %s (%s) | %s", f.Segment, f.ZHTerm, f.Expected[0], f.EN))
	}
	return lines, alarms
}

type evalResult struct {
	corrupted, detected int
	harmless            int
	modes               map[string]int // harmless changes by kind
	clean, falseAlarms  int            // uncorrupted lines with a glossary term; those with a false alarm
	strict              int            // uncorrupted lines with any missing-term or forbidden-term
	omissions           []string       // findings on terms the original translation does not render
	missed, alarms      []string       // descriptions
}

// runInjectEval runs the whole evaluation on parallel lines.
func runInjectEval(t *testing.T, zh, en []string, terms []evalTerm, opt Options) evalResult {
	t.Helper()
	opt.NoNumbers = true
	c, err := New(evalEntries(terms), opt)
	if err != nil {
		t.Fatal(err)
	}
	newEN, done := inject(zh, en, terms)
	in := &Input{Name: "eval"}
	for i := range zh {
		in.Segments = append(in.Segments, Segment{Pos: i + 1, ZH: zh[i], EN: newEN[i]})
	}
	bySeg := map[int][]Finding{}
	for _, f := range c.Check(in) {
		if f.Kind == MissingTerm || f.Kind == ForbiddenTerm {
			bySeg[f.Segment] = append(bySeg[f.Segment], f)
		}
	}
	var r evalResult
	for i := range zh {
		inj, ok := done[i]
		if ok && inj.mode == "wrong" {
			r.corrupted++
			hit := false
			for _, f := range bySeg[i+1] {
				// A finding on a longer term that holds the corrupted one
				// (基层党组织 around 党组织) flags the same words.
				if strings.Contains(zhKey(f.ZHTerm), zhKey(terms[inj.term].zh)) {
					hit = true
				}
			}
			if hit {
				r.detected++
			} else {
				r.missed = append(r.missed, fmt.Sprintf("line %d %s→%q: %s", i+1, terms[inj.term].zh, terms[inj.term].wrong, newEN[i]))
			}
			continue
		}
		if ok {
			r.harmless++
			if r.modes == nil {
				r.modes = map[string]int{}
			}
			r.modes[inj.mode]++
		}
		hasTerm := false
		for _, t := range terms {
			if strings.Contains(zh[i], t.zh) {
				hasTerm = true
			}
		}
		if !hasTerm {
			continue
		}
		r.clean++
		if len(bySeg[i+1]) > 0 {
			r.strict++
		}
		what := "untouched"
		if ok {
			what = inj.mode
		}
		// A missing-term on a term that the original translation does not
		// render (by the plain substring test) is a true finding: the
		// professional translation left the term out or paraphrased it.
		alarm := ""
		for _, f := range bySeg[i+1] {
			desc := fmt.Sprintf("line %d (%s): %s %s | %s", i+1, what, f.Kind, f.Term(), newEN[i])
			if f.Kind == MissingTerm && !termRendered(terms, f.ZHTerm, en[i]) {
				r.omissions = append(r.omissions, desc)
				continue
			}
			if alarm == "" {
				alarm = desc
			}
		}
		if alarm != "" {
			r.falseAlarms++
			r.alarms = append(r.alarms, alarm)
		}
	}
	return r
}

// termRendered reports whether en renders the term zh by the plain
// substring test.
func termRendered(terms []evalTerm, zh, en string) bool {
	for i := range terms {
		if zhKey(terms[i].zh) == zhKey(zh) {
			return terms[i].rendered(en)
		}
	}
	return false
}

func (r evalResult) report(t *testing.T, maxFalse float64) {
	t.Helper()
	recall := float64(r.detected) / float64(max(r.corrupted, 1))
	falseRate := float64(r.falseAlarms) / float64(max(r.clean, 1))
	t.Logf("corrupted lines %d, detected %d: recall %.4f", r.corrupted, r.detected, recall)
	var modes []string
	for _, h := range harmless {
		modes = append(modes, fmt.Sprintf("%s %d", h.name, r.modes[h.name]))
	}
	t.Logf("harmless changes: %s", strings.Join(modes, ", "))
	t.Logf("harmlessly changed lines %d; uncorrupted lines with a glossary term %d, with a false alarm %d: %.4f", r.harmless, r.clean, r.falseAlarms, falseRate)
	t.Logf("uncorrupted lines with any missing-term or forbidden-term (true omissions in the original translation included): %d (%.4f)", r.strict, float64(r.strict)/float64(max(r.clean, 1)))
	for _, o := range r.omissions {
		t.Logf("  omission in the original: %s", o)
	}
	for _, m := range r.missed {
		t.Logf("  missed: %s", m)
	}
	for _, a := range r.alarms {
		t.Logf("  false alarm: %s", a)
	}
	if r.corrupted == 0 || r.harmless == 0 {
		t.Fatalf("nothing injected: %d corrupted, %d harmless", r.corrupted, r.harmless)
	}
	if recall < 0.98 {
		t.Errorf("recall %.4f < 0.98", recall)
	}
	if falseRate > maxFalse {
		t.Errorf("false alarms %.4f > %.2f", falseRate, maxFalse)
	}
}

func splitLines(s string) []string {
	return strings.Split(strings.TrimRight(s, "\n"), "\n")
}

// TestInjectedSmall runs the evaluation on a short Xinhua-style text of our
// own (testdata/check/inject.txtar).
func TestInjectedSmall(t *testing.T) {
	t.Parallel()
	files := readTxtar(t, filepath.Join("..", "..", "testdata", "check", "inject.txtar"))
	terms, err := parseEvalTerms(files["glossary"])
	if err != nil {
		t.Fatal(err)
	}
	zh, en := splitLines(files["zh"]), splitLines(files["en"])
	if len(zh) != len(en) {
		t.Fatalf("%d zh lines, %d en lines", len(zh), len(en))
	}
	runInjectEval(t, zh, en, terms, Options{}).report(t, 0)
	if n, alarms := numberAlarms(t, zh, en); n > 0 {
		t.Errorf("number-mismatch on clean lines: %q", alarms)
	}
}

// evalGlossary reads the evaluation glossary written by hand for
// news-dev's parallel-1to1 lines, which BITEXT_CHECK_EVAL_GLOSSARY names;
// without it the test skips. It is kept out of the repository, like
// everything tied to ../shared/eval.
func evalGlossary(t *testing.T) []evalTerm {
	t.Helper()
	path := os.Getenv("BITEXT_CHECK_EVAL_GLOSSARY")
	if path == "" {
		t.Skip("BITEXT_CHECK_EVAL_GLOSSARY does not name an evaluation glossary")
	}
	gdata, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	terms, err := parseEvalTerms(string(gdata))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return terms
}

// newsDevLines returns the lines of ../shared/eval/news-dev's
// parallel-1to1.zh and .en; without them the test skips.
func newsDevLines(t *testing.T) (zh, en []string) {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "eval", "news-dev")
	zhData, err1 := os.ReadFile(filepath.Join(dir, "parallel-1to1.zh"))
	enData, err2 := os.ReadFile(filepath.Join(dir, "parallel-1to1.en"))
	if err1 != nil || err2 != nil {
		t.Skip("../shared/eval/news-dev not present")
	}
	return splitLines(string(zhData)), splitLines(string(enData))
}

// TestInjectedNewsDev runs the evaluation on ../shared/eval/news-dev's
// parallel-1to1 lines with the glossary written for them (kept out of the
// repository; BITEXT_CHECK_EVAL_GLOSSARY names it). Without either it
// skips.
func TestInjectedNewsDev(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	zh, en := newsDevLines(t)
	terms := evalGlossary(t)
	t.Run("dictionary", func(t *testing.T) {
		runInjectEval(t, zh, en, terms, Options{}).report(t, 0.02)
	})
	t.Run("segmenter", func(t *testing.T) {
		c, err := New(evalEntries(terms), Options{})
		if err != nil {
			t.Fatal(err)
		}
		seg, err := segment.New(c.Terms(), false)
		if err != nil {
			t.Fatal(err)
		}
		runInjectEval(t, zh, en, terms, Options{Segmenter: seg}).report(t, 0.02)
	})
}

// readTxtar reads a txtar archive ("-- name --" lines introduce files) into
// a map from file name to content; the archive's comment is under "".
func readTxtar(t *testing.T, path string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	name := ""
	for _, line := range strings.SplitAfter(string(data), "\n") {
		trimmed := strings.TrimRight(line, "\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			name = strings.TrimSpace(trimmed[3 : len(trimmed)-3])
			files[name] = ""
			continue
		}
		files[name] += line // the comment before the first file goes under ""
	}
	return files
}

// TestNumbersNewsDev measures number-mismatch false alarms on the clean
// parallel lines of ../shared/eval/news-dev (acceptance: at most 5% of the
// lines).
func TestNumbersNewsDev(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	zh, en := newsDevLines(t)
	n, alarms := numberAlarms(t, zh, en)
	rate := float64(n) / float64(len(zh))
	t.Logf("number-mismatch on clean lines: %d of %d lines (%.4f)", n, len(zh), rate)
	for _, a := range alarms {
		t.Logf("  %s", a)
	}
	if rate > 0.05 {
		t.Errorf("number false alarms on %.4f of the lines > 0.05", rate)
	}
}
