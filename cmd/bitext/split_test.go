package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var seedBilingual = filepath.Join("..", "..", "testdata", "corpus", "001_ac1a7e75099f8e09.txt")

func TestSplitBilingualJSONL(t *testing.T) {
	t.Parallel()
	code, out, stderr := runCLI(t, "", "split", "--input", "bilingual", "--format", "jsonl", seedBilingual)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var sents []sentenceJSON
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var s sentenceJSON
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&s); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		sents = append(sents, s)
	}
	data, err := os.ReadFile(seedBilingual)
	if err != nil {
		t.Fatal(err)
	}
	sawEnglish := false
	kinds := map[string]int{}
	for _, s := range sents {
		switch {
		case s.Lang == "en":
			sawEnglish = true
		case sawEnglish:
			t.Fatalf("Chinese sentence %q after the English ones", s.Text)
		}
		if string(data[s.Start:s.End]) != s.Text {
			t.Errorf("offsets [%d:%d] do not give %q", s.Start, s.End, s.Text)
		}
		kinds[string(s.Lang)+" "+string(s.Kind)]++
	}
	want := map[string]int{"zh title": 1, "zh metadata": 1, "zh caption": 4, "en title": 1, "en caption": 2}
	for k, n := range want {
		if kinds[k] != n {
			t.Errorf("%d %s sentences, want %d (all: %v)", kinds[k], k, n, kinds)
		}
	}
}

func TestSplitLinesStdin(t *testing.T) {
	t.Parallel()
	code, out, stderr := runCLI(t, "Mr. Smith went to Washington. He arrived\nat 5 p.m. on Monday.\n\n他说：“好。”然后走了。\n", "split", "-")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := "Mr. Smith went to Washington.\nHe arrived at 5 p.m. on Monday.\n他说：“好。”\n然后走了。\n"
	if out != want {
		t.Errorf("output\n%s\nwant\n%s", out, want)
	}
}

func TestSplitEncodingAndLang(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "gbk.txt")
	// 经济发展。合作共赢。 in GBK.
	if err := os.WriteFile(path, []byte("\xbe\xad\xbc\xc3\xb7\xa2\xd5\xb9\xa1\xa3\xba\xcf\xd7\xf7\xb9\xb2\xd3\xae\xa1\xa3"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"split", path}, {"split", "--encoding", "gbk", "--lang", "zh", path}} {
		code, out, stderr := runCLI(t, "", args...)
		if code != ExitOK || out != "经济发展。\n合作共赢。\n" {
			t.Errorf("%v: exit %d, output %q, stderr %q", args, code, out, stderr)
		}
	}
}

// TestSplitErrors: bad input and bad usage exit 2 with one line naming the
// file or the flag.
func TestSplitErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bin := write("a.bin", []byte("\x00\x01\x02"))
	latin := write("cafe.txt", []byte("caf\xe9\n"))
	empty := write("empty.txt", nil)
	html := write("bad.html", []byte("<p>x</p><!-- open"))
	missing := filepath.Join(dir, "missing.txt")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"split", bin}, bin + " (byte 0): binary data"},
		{[]string{"split", latin}, latin + " (byte 3): invalid or unknown text encoding"},
		{[]string{"split", empty}, empty + ": empty input"},
		{[]string{"split", html}, html + ":1: syntax error: comment is never closed"},
		{[]string{"split", missing}, missing + ": no such file"},
		{[]string{"split", "--encoding", "nope", latin}, "unknown encoding"},
		{[]string{"split", "--input", "pdf", latin}, "unknown input format"},
		{[]string{"split", "--format", "xml", latin}, "unknown --format"},
		{[]string{"split", "--lang", "fr", latin}, "unknown --lang"},
		{[]string{"split"}, "want one FILE"},
		{[]string{"split", latin, empty}, "want one FILE"},
		{[]string{"split", latin, "--format", "xml"}, "unknown --format"},
	} {
		code, out, stderr := runCLI(t, "", c.args...)
		if code != ExitError || out != "" || !strings.Contains(stderr, c.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and one line with %q", c.args, code, out, stderr, c.want)
		}
	}
}

func TestSplitHelp(t *testing.T) {
	t.Parallel()
	code, out, _ := runCLI(t, "", "split", "--help")
	for _, want := range []string{"--input", "bilingual", "jsonl", "--encoding", "byte offsets"} {
		if code != ExitOK || !strings.Contains(out, want) {
			t.Errorf("split help lacks %q (exit %d):\n%s", want, code, out)
		}
	}
}
