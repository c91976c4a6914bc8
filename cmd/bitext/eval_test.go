package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestAlignEvalInputErrors checks that a missing, empty or mismatched
// input is one line naming the file once, without the operation
// ("open x:", "stat x:"), and exit 2.
func TestAlignEvalInputErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	gold := "[0]:[0]\n[1]:[1]\n[2]:[2]\n"
	writeFiles(t, dir, map[string]string{
		"zh.txt": tinyZH, "en.txt": tinyEN, "empty.txt": "\n\n",
		"zh/001": tinyZH, "en/001": tinyEN, "gold/001.align": gold,
		"extra-en/001": tinyEN, "extra-en/002": tinyEN,
		"extra-zh/001": tinyZH, "extra-zh/002": tinyZH,
		"empty-zh/001":         "",
		"nogold/README":        "no gold here",
		"extra-gold/001.align": gold, "extra-gold/002.align": gold, "extra-gold/README": "not gold",
	})
	p := func(name string) string { return filepath.Join(dir, name) }
	nope := p("nope")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"align", "--dict", nope + ".tsv", p("zh.txt"), p("en.txt")}, nope + ".tsv: no such file or directory"},
		{[]string{"align", "--dict", dir, p("zh.txt"), p("en.txt")}, dir + ": is a directory"},
		{[]string{"align", p("zh.txt"), nope}, nope + ": no such file or directory"},
		{[]string{"align", "--input", "lines", p("zh.txt"), p("empty.txt")}, p("empty.txt") + ": "},
		{[]string{"align", "--input", "lines", "-o", filepath.Join(nope, "x.html"), p("zh.txt"), p("en.txt")}, filepath.Join(nope, "x.html") + ": no such file or directory"},
		{[]string{"align", "--input", "lines", "-o", filepath.Join(nope, "x.tmx"), p("zh.txt"), p("en.txt")}, filepath.Join(nope, "x.tmx") + ": no such file or directory"},
		{[]string{"eval", p("zh"), p("en"), nope}, nope + ": no such file or directory"},
		{[]string{"eval", nope, p("en"), p("gold")}, nope + ": no such file or directory"},
		{[]string{"eval", p("zh"), nope, p("gold")}, nope + ": no such file or directory"},
		{[]string{"eval", p("zh"), p("en"), p("nogold")}, filepath.Join(dir, "nogold", "001.align") + ": no such file or directory"},
		{[]string{"eval", p("zh"), p("extra-en"), p("gold")}, filepath.Join(dir, "extra-en", "002") + ": no Chinese document"},
		{[]string{"eval", p("extra-zh"), p("en"), p("gold")}, filepath.Join(dir, "extra-zh", "002") + ": no English document"},
		{[]string{"eval", p("zh"), p("en"), p("extra-gold")}, filepath.Join(dir, "extra-gold", "002.align") + ": no documents"},
		{[]string{"align", "--input", "bilingual", p("zh.txt")}, p("zh.txt") + ": empty input: no English sentences"},
		{[]string{"eval", p("en"), p("zh"), p("gold")}, filepath.Join(dir, "en", "001") + ": given as the Chinese text"},
		{[]string{"eval", p("empty-zh"), p("en"), p("gold")}, filepath.Join(dir, "empty-zh", "001") + ": "},
		{[]string{"eval", p("gold"), p("en"), p("gold")}, p("gold") + ": no documents"},
		{[]string{"eval", "--pred-dir", filepath.Join(p("zh.txt"), "pred"), p("zh"), p("en"), p("gold")}, filepath.Join(p("zh.txt"), "pred") + ": not a directory"},
	} {
		code, out, stderr := runCLI(t, "", tc.args...)
		if code != ExitError || out != "" || strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "bitext: "+tc.want) ||
			strings.Contains(stderr, "open ") || strings.Contains(stderr, "stat ") || strings.Contains(stderr, "create ") {
			t.Errorf("%v:\nexit %d, stdout %q, stderr %q\nwant exit %d and one line starting %q", tc.args, code, out, stderr, ExitError, "bitext: "+tc.want)
		}
	}
}

// TestAlignEvalHelp checks that the help of align and eval tells batch
// mode, the output formats, what eval prints and the exit status.
func TestAlignEvalHelp(t *testing.T) {
	t.Parallel()
	for cmd, wants := range map[string][]string{
		"align": {"--batch SOURCE", "zh/NAME and en/NAME", "NAME.zh.EXT", "manifest", "JSON Lines",
			"   beads ", "   tsv ", "   jsonl ", "   tmx ", "   html ", "Exit status: 0", "1 some documents failed", "2 usage or input error"},
		"eval": {"precision, recall and F1", "bead type", "confidence decile", "peak memory", "--pred-dir", "Exit status: 0", "2 usage or input error"},
	} {
		code, out, stderr := runCLI(t, "", "help", cmd)
		if code != ExitOK || stderr != "" {
			t.Fatalf("help %s: exit %d: %s", cmd, code, stderr)
		}
		for _, w := range wants {
			if !strings.Contains(out, w) {
				t.Errorf("help %s lacks %q", cmd, w)
			}
		}
		if strings.Contains(out, " value ") {
			t.Errorf("help %s: a flag's value is unnamed (\"value\")", cmd)
		}
	}
}
