package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestConcordCLI(t *testing.T) {
	t.Parallel()
	const corpus = "../../testdata/report/concord.tsv"
	code, out, stderr := runCLI(t, "", "concord", "三股势力", corpus)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	first, _, _ := strings.Cut(out, "\n")
	if want := "三股势力: terrorism, separatism and extremism (4), three evil forces (2)"; first != want {
		t.Errorf("first line %q, want %q", first, want)
	}
	if !strings.Contains(out, "«三股势力»") || !strings.Contains(out, "«terrorism, separatism and extremism»") {
		t.Errorf("marks missing:\n%s", out)
	}

	code, out, stderr = runCLI(t, "", "concord", "--format", "json", "三股势力", corpus)
	if code != ExitOK {
		t.Fatalf("json: exit %d: %s", code, stderr)
	}
	var v struct {
		Side   string
		Groups []struct {
			Rendering string
			Count     int
		}
		Hits []struct {
			ZH, EN         string
			TermSpans      [][2]int `json:"term_spans"`
			RenderingSpans [][2]int `json:"rendering_spans"`
		}
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if v.Side != "zh" || len(v.Groups) != 2 || v.Groups[1].Rendering != "three evil forces" || len(v.Hits) != 6 {
		t.Errorf("json: %+v", v)
	}
	h := v.Hits[0]
	if s := h.TermSpans[0]; h.ZH[s[0]:s[1]] != "三股势力" {
		t.Errorf("json term span %v of %q", s, h.ZH)
	}

	html := filepath.Join(t.TempDir(), "c.html")
	if code, _, stderr := runCLI(t, "", "concord", "--format", "html", "-o", html, "三股势力", corpus); code != ExitOK {
		t.Fatalf("html: exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(html)
	if err != nil || !strings.Contains(string(data), "<title>三股势力: terrorism, separatism and extremism (4)") {
		t.Errorf("html output: %v %.300s", err, data)
	}
}

func TestConcordCLIErrors(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"concord"},
		{"concord", "三股势力"},
		{"concord", "--format", "xml", "三股势力", "x.tsv"},
		{"concord", "--side", "fr", "三股势力", "x.tsv"},
		{"concord", "三股势力", "no-such-file.tmx"},
	} {
		if code, _, stderr := runCLI(t, "", args...); code != ExitError || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}

// TestConcordDocuments: document pairs are aligned first, whether they
// come as a directory of NAME.zh/NAME.en files (package batch) or as one
// bilingual file.
func TestConcordDocuments(t *testing.T) {
	t.Parallel()
	const dir = "../../internal/sample/data"
	code, out, stderr := runCLI(t, "", "concord", "--format", "json", "一带一路", dir)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var v struct {
		Summary string
		Groups  []struct{ Rendering string }
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	var groups []string
	for _, g := range v.Groups {
		groups = append(groups, g.Rendering)
	}
	if len(groups) < 2 || !strings.HasPrefix(groups[0], "Belt and Road") || !slices.Contains(groups, "One Belt One Road") {
		t.Errorf("directory corpus: %s", v.Summary)
	}

	code, out, stderr = runCLI(t, "", "concord", "命运共同体", filepath.Join(dir, "00-xi-meets-rahmon.bilingual.txt"))
	if code != ExitOK || !strings.Contains(out, "«命运共同体»") {
		t.Errorf("bilingual file: exit %d, %s%s", code, out, stderr)
	}
	code, _, stderr = runCLI(t, "", "concord", "命运共同体", filepath.Join(dir, "01-china-kazakhstan-trade.zh.txt"), filepath.Join(dir, "01-china-kazakhstan-trade.en.txt"))
	if code != ExitOK {
		t.Errorf("ZH EN pair: exit %d, %s", code, stderr)
	}
}

// TestConcordBadCorpus: a corpus that holds nothing to search is an error
// naming the file on one line, not "not found".
func TestConcordBadCorpus(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"fr.tmx":    `<tmx version="1.4"><header srclang="fr"/><body><tu><tuv xml:lang="fr"><seg>un</seg></tuv><tuv xml:lang="en"><seg>one</seg></tuv></tu></body></tmx>`,
		"empty.tsv": "",
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, stderr := runCLI(t, "", "concord", "一", p)
		if code != ExitError || out != "" || !strings.HasPrefix(stderr, "bitext: "+p+": ") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("concord %s: exit %d, stdout %q, stderr %q", name, code, out, stderr)
		}
	}
}

// TestConcordSkipsBadDocuments: a document that cannot be read is
// reported and skipped, the others searched, and the exit code says some
// failed.
func TestConcordSkipsBadDocuments(t *testing.T) {
	src := genCorpus(t, 4)
	bad := filepath.Join(src, "zh", "00002.txt")
	if err := os.WriteFile(bad, []byte("\x00\x01\x02\x03binary\x00\x00\x00\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "", "concord", "中国", src)
	if code != ExitFindings || !strings.Contains(stderr, "skipped "+bad) {
		t.Errorf("exit %d, stderr %s; want %d and %s skipped", code, stderr, ExitFindings, bad)
	}
}
