package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const xinhuaTSV = "../../testdata/glossary/xinhua.tsv"

func TestGlossaryTSVAndCSV(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "g.utf8")
	code, _, stderr := runCLI(t, "", "glossary", "-o", out, xinhuaTSV)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	if !strings.HasPrefix(lines[0], "# source\ttarget\tcomment\tstatus") {
		t.Errorf("header %q", lines[0])
	}
	if !strings.Contains(string(data), "三股势力\tterrorism, separatism and extremism\t") {
		t.Errorf("no 三股势力 pair in\n%s", data)
	}

	code, stdout, stderr := runCLI(t, "", "glossary", "--format", "csv", "--top", "5", xinhuaTSV)
	if code != ExitOK {
		t.Fatalf("csv: exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "\uFEFF") {
		t.Error("CSV without byte order mark")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(stdout, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 || rows[0][0] != "zh-CN" || rows[0][1] != "en-US" || rows[0][3] != "status" {
		t.Fatalf("CSV rows %q", rows)
	}
	for _, r := range rows[1:] {
		if len(r) != len(rows[0]) || r[0] == "" || r[1] == "" || r[3] != "new" {
			t.Errorf("CSV row %q", r)
		}
	}
}

func TestGlossaryExistingAndErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	existing := filepath.Join(dir, "mine.utf8")
	if err := os.WriteFile(existing, []byte("孔子学院\tConfucius Institute\n互联互通\tconnectivity\t\tforbidden\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, "", "glossary", "--existing", existing, xinhuaTSV)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Count(stdout, "孔子学院\t") != 1 || !strings.Contains(stdout, "互联互通\tconnectivity\t\tforbidden") {
		t.Errorf("curated output:\n%s", stdout)
	}

	bad := filepath.Join(dir, "bad.utf8")
	os.WriteFile(bad, []byte("孔子学院\tConfucius Institute\n只有一列\n"), 0o644)
	empty := filepath.Join(dir, "empty.tsv")
	os.WriteFile(empty, nil, 0o644)
	oneSide := filepath.Join(dir, "one.tmx")
	os.WriteFile(oneSide, []byte(`<?xml version="1.0"?><tmx version="1.4"><header srclang="zh-CN" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body><tu><tuv xml:lang="zh-CN"><seg>外汇</seg></tuv></tu></body></tmx>`), 0o644)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--existing", bad, xinhuaTSV}, "bad.utf8:2"},
		{[]string{"--existing", filepath.Join(dir, "missing.tbx"), xinhuaTSV}, "missing.tbx"},
		{[]string{empty}, "empty.tsv"},
		{[]string{oneSide}, "one.tmx"},
		{[]string{"--format", "xls", xinhuaTSV}, "format"},
		{[]string{}, "INPUT"},
	} {
		code, _, stderr := runCLI(t, "", append([]string{"glossary"}, tc.args...)...)
		if code != ExitError || !strings.Contains(stderr, tc.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("%v: exit %d, stderr %q (want one line naming %q)", tc.args, code, stderr, tc.want)
		}
	}
}

// TestGlossaryDocumentPairs feeds document pairs (what align --batch reads)
// instead of an aligned corpus: they are aligned first, and the terms come
// out as from the aligned corpus they were cut from.
func TestGlossaryDocumentPairs(t *testing.T) {
	t.Parallel()
	docs := "../../testdata/glossary/docs"
	for _, tc := range []struct {
		name, input, doc string
	}{
		{"directory", docs, "\t01.txt\t"},
		{"manifest", filepath.Join(docs, "manifest.tsv"), "\tdoc1\t"},
		{"file pair", filepath.Join(t.TempDir(), "a.zh.txt"), "\ta\t"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if strings.HasSuffix(tc.input, "a.zh.txt") {
				for _, lang := range []string{"zh", "en"} {
					data, err := os.ReadFile(filepath.Join(docs, lang, "01.txt"))
					if err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(filepath.Join(filepath.Dir(tc.input), "a."+lang+".txt"), data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			code, stdout, stderr := runCLI(t, "", "glossary", "--min-freq", "2", tc.input)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var line string
			for _, l := range strings.Split(stdout, "\n") {
				if strings.HasPrefix(l, "三股势力\t") {
					line = l
				}
			}
			if !strings.HasPrefix(line, "三股势力\tterrorism, separatism and extremism\t") {
				t.Fatalf("三股势力 entry %q in\n%s", line, stdout)
			}
			if !strings.Contains(line, tc.doc) {
				t.Errorf("三股势力 examples do not name document %q: %q", strings.Trim(tc.doc, "\t"), line)
			}
		})
	}
	code, _, stderr := runCLI(t, "", "glossary", filepath.Join(t.TempDir(), "lonely.zh.txt"))
	if code == ExitOK || !strings.Contains(stderr, "lonely.zh.txt") {
		t.Errorf("missing document: exit %d, %q", code, stderr)
	}
}

// TestGlossarySkipped: a document that cannot be read is reported once,
// the glossary of the others is written, and the exit code says some
// failed.
func TestGlossarySkipped(t *testing.T) {
	src := genCorpus(t, 6)
	bad := filepath.Join(src, "zh", "00003.txt")
	if err := os.WriteFile(bad, []byte("\x00\x01\x02\x03binary\x00\x00\x00\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "g.tsv")
	code, _, stderr := runCLI(t, "", "glossary", "-o", out, src)
	if code != ExitFindings || !strings.Contains(stderr, "skipped "+bad) || strings.Contains(stderr, bad+": "+bad) {
		t.Errorf("exit %d, stderr %s; want %d and %s named once", code, stderr, ExitFindings, bad)
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("no glossary written: %v", err)
	}
}

// TestNegativeCounts: counts below their least value are usage errors.
func TestNegativeCounts(t *testing.T) {
	for _, args := range [][]string{
		{"glossary", "--top", "-1", "x"},
		{"glossary", "--min-freq", "0", "x"},
		{"glossary", "--workers", "-2", "x"},
		{"align", "--batch", "-j", "-3", "x"},
	} {
		if code, _, stderr := runCLI(t, "", args...); code != ExitError || !strings.Contains(stderr, "or more") {
			t.Errorf("%v: exit %d, stderr %s", args, code, stderr)
		}
	}
}
