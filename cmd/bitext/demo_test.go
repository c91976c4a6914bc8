package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/corpus/tm"
	"github.com/bitext/bitext/glossary"
)

// TestDemo runs the demo and checks that its four outputs exist and are
// valid, and that the check found the planted errors.
func TestDemo(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "demo")
	start := time.Now()
	code, stdout, stderr := runCLI(t, "", "demo", "--out", out)
	t.Logf("demo took %v", time.Since(start).Round(time.Millisecond))
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"beads by type:", "glossary:", "check of the new translation", "forbidden-term", "report.html"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout)
		}
	}

	// aligned.tmx: readable, and valid against the TMX 1.4 DTD.
	tmx := filepath.Join(out, "aligned.tmx")
	f, err := os.Open(tmx)
	if err != nil {
		t.Fatal(err)
	}
	r := tm.NewTMXReader(f, tmx)
	units := 0
	for r.Scan() {
		units++
	}
	f.Close()
	if r.Err() != nil || units < 40 {
		t.Errorf("aligned.tmx: %d units, error %v", units, r.Err())
	}
	if xmllint, err := exec.LookPath("xmllint"); err != nil {
		t.Log("xmllint not installed: TMX not validated against the DTD")
	} else {
		args := []string{"--noout", tmx}
		if dtd := "../../../shared/spec/tmx14.dtd"; fileExists(dtd) {
			args = []string{"--noout", "--dtdvalid", dtd, tmx}
		} else {
			t.Log("../shared/spec/tmx14.dtd absent: TMX only checked for well-formedness")
		}
		if msg, err := exec.Command(xmllint, args...).CombinedOutput(); err != nil {
			t.Errorf("xmllint %v: %v\n%s", args, err, msg)
		}
	}

	// glossary.tsv: readable; the house glossary kept, candidates added.
	entries, err := glossary.ReadFile(filepath.Join(out, "glossary.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	statuses := map[glossary.Status]int{}
	for _, e := range entries {
		statuses[e.Status]++
	}
	if statuses[glossary.Approved] == 0 || statuses[glossary.Forbidden] != 1 || statuses[glossary.New] == 0 {
		t.Errorf("glossary.tsv statuses %v", statuses)
	}

	// check.json: findings, among them the planted ones.
	data, err := os.ReadFile(filepath.Join(out, "check.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Findings []struct {
			Kind, Found string
			ZHTerm      string `json:"zh_term"`
		}
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatalf("check.json: %v", err)
	}
	kinds := map[string]int{}
	numbers := map[string]bool{}
	for _, f := range rep.Findings {
		kinds[f.Kind]++
		if f.Kind == "number-mismatch" {
			numbers[f.ZHTerm] = true
		}
	}
	if len(rep.Findings) == 0 || kinds["forbidden-term"] == 0 || kinds["missing-term"] == 0 || kinds["number-mismatch"] == 0 {
		t.Errorf("check.json findings by kind: %v", kinds)
	}
	// The review renders 68亿美元 as 8.6 billion and 15.3% as "up 13.5 percent".
	for _, want := range []string{"68亿", "15.3%"} {
		if !numbers[want] {
			t.Errorf("check.json: no number-mismatch for %s (got %v)", want, numbers)
		}
	}

	// report.html: self-contained, one row per bead, findings flagged.
	page, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if regexp.MustCompile(`(?i)<(link|img|script)[^>]+(src|href)=`).Match(page) {
		t.Error("report.html loads an external resource")
	}
	m := regexp.MustCompile(`(?s)<script type="application/json" id="data">(.*?)</script>`).FindSubmatch(page)
	if m == nil {
		t.Fatal("report.html: no data")
	}
	var d struct {
		Rows  []json.RawMessage
		Flags []json.RawMessage
	}
	if err := json.Unmarshal(m[1], &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Rows) < units || len(d.Flags) != len(rep.Findings) {
		t.Errorf("report.html: %d rows (%d TMX units), %d flags (%d findings)", len(d.Rows), units, len(d.Flags), len(rep.Findings))
	}

	// Running again replaces the outputs.
	if code, _, stderr := runCLI(t, "", "demo", "--out", out); code != ExitOK {
		t.Errorf("second run: exit %d: %s", code, stderr)
	}
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func TestDemoUsage(t *testing.T) {
	t.Parallel()
	if code, _, _ := runCLI(t, "", "demo", "extra"); code != ExitError {
		t.Errorf("demo with an argument: exit %d", code)
	}
	blocker := filepath.Join(t.TempDir(), "file")
	os.WriteFile(blocker, nil, 0o644)
	if code, _, stderr := runCLI(t, "", "demo", "--out", filepath.Join(blocker, "sub")); code != ExitError || stderr == "" {
		t.Errorf("unwritable --out: exit %d, %q", code, stderr)
	}
	if _, _, stderr := runCLI(t, "", "demo", "--out", blocker); stderr != "bitext: demo: --out "+blocker+": not a directory\n" {
		t.Errorf("--out FILE: %q", stderr)
	}
}
