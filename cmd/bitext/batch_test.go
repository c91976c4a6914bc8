package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bitext/bitext/corpus/batch/batchtest"
	"github.com/bitext/bitext/corpus/tm"
	"github.com/bitext/bitext/corpus/tm/tmtest"
)

// The CLI tests do not run in parallel: urfave/cli writes to its global
// help flag on every run, which the race detector reports.

const sharedDir = "../../../shared"

func readTMX(t *testing.T, path string) []tm.Unit {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := tm.NewTMXReader(f, path)
	var units []tm.Unit
	for r.Scan() {
		units = append(units, r.Unit())
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	return units
}

func genCorpus(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	if err := batchtest.WriteCorpus(dir, n, 11); err != nil {
		t.Fatal(err)
	}
	return dir
}

// leftovers lists what is in dir (hidden files included).
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

var wroteUnits = regexp.MustCompile(`wrote (\d+) units`)

// TestBatchNewsDev: the TMX of news-dev validates against the TMX 1.4 DTD
// and translate-toolkit reads the same units.
func TestBatchNewsDev(t *testing.T) {
	src := filepath.Join(sharedDir, "eval", "news-dev")
	if _, err := os.Stat(src); err != nil {
		t.Skip("../shared/eval/news-dev is absent")
	}
	out := filepath.Join(t.TempDir(), "news.tmx")
	code, _, stderr := runCLI(t, "", "align", "--batch", "-j", "2", "-o", out, src)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	units := readTMX(t, out)
	if m := wroteUnits.FindStringSubmatch(stderr); m == nil || m[1] != strconv.Itoa(len(units)) || len(units) < 300 {
		t.Fatalf("%d units read; summary: %s", len(units), stderr)
	}
	data, _ := os.ReadFile(out)
	if !bytes.Contains(data, []byte(`srclang="zh-CN"`)) || !bytes.Contains(data, []byte(`<tuv xml:lang="zh-CN"><seg>`)) {
		t.Errorf("srclang and the source tuv disagree")
	}
	tmtest.Validate(t, tmtest.DTD("../.."), out)
	tmtest.TranslateToolkit(t, out, units)
	t.Log(stderr)

	// TMX → TSV (all columns) → TMX gives the same file.
	tsv, back := filepath.Join(filepath.Dir(out), "news.tsv"), filepath.Join(filepath.Dir(out), "back.tmx")
	if code, _, stderr := runCLI(t, "", "convert", "--columns", "zh,en,id,doc,bead,confidence", out, tsv); code != ExitOK {
		t.Fatal(stderr)
	}
	if code, _, stderr := runCLI(t, "", "convert", tsv, back); code != ExitOK {
		t.Fatal(stderr)
	}
	a, _ := os.ReadFile(out)
	b, _ := os.ReadFile(back)
	if !bytes.Equal(a, b) {
		t.Errorf("TMX → TSV → TMX changed the file (%d → %d bytes)", len(a), len(b))
	}
}

// TestBatchDeterministic: two runs, and -j 1 against -j 8, give the same bytes.
func TestBatchDeterministic(t *testing.T) {
	src := genCorpus(t, 16)
	dir := t.TempDir()
	for _, ext := range []string{".tmx", ".html"} {
		var outs [][]byte
		for i, j := range []string{"1", "8", "8"} {
			out := filepath.Join(dir, "out"+strconv.Itoa(i)+ext)
			code, _, stderr := runCLI(t, "", "align", "--batch", "-q", "-j", j, "-o", out, src)
			if code != ExitOK || stderr != "" {
				t.Fatalf("-j %s: exit %d, stderr %q", j, code, stderr)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			outs = append(outs, data)
		}
		if !bytes.Equal(outs[0], outs[1]) || !bytes.Equal(outs[1], outs[2]) {
			t.Errorf("%s outputs differ (-j 1: %d bytes, -j 8: %d and %d bytes)", ext, len(outs[0]), len(outs[1]), len(outs[2]))
		}
		if bytes.Contains(outs[0], []byte("creationdate")) {
			t.Errorf("creationdate written without --date or SOURCE_DATE_EPOCH")
		}
	}
}

// TestBatchCorruptFile: one unreadable document is reported and skipped,
// the rest is written, the exit status is 1.
func TestBatchCorruptFile(t *testing.T) {
	src := genCorpus(t, 6)
	bad := filepath.Join(src, "zh", "00003.txt")
	if err := os.WriteFile(bad, []byte("\x00\x01\x02\x03binary\x00\x00\x00\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "en", "99999.txt"), []byte("No Chinese edition.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out.tmx")
	code, _, stderr := runCLI(t, "", "align", "--batch", "-o", out, "--date", "2025-06-19", src)
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d: %s", code, ExitFindings, stderr)
	}
	if !strings.Contains(stderr, bad) || !strings.Contains(stderr, "99999.txt") || !strings.Contains(stderr, "5 documents aligned, 2 failed") {
		t.Errorf("stderr does not report the failures: %s", stderr)
	}
	if strings.Contains(stderr, bad+": "+bad) {
		t.Errorf("the corrupt file is named twice: %s", stderr)
	}
	docs := map[string]bool{}
	for _, u := range readTMX(t, out) {
		docs[u.Doc] = true
	}
	if len(docs) != 5 || docs["00003.txt"] {
		t.Errorf("documents in the TMX: %v", docs)
	}
	data, _ := os.ReadFile(out)
	if !bytes.Contains(data, []byte(`creationdate="20250619T000000Z"`)) {
		t.Errorf("no creationdate from --date")
	}
}

// TestBatchAllFail: when no document can be aligned, an existing output is
// kept, not replaced by an empty memory, and the exit code is an error.
func TestBatchAllFail(t *testing.T) {
	src := t.TempDir()
	for _, dir := range []string{"zh", "en"} {
		if err := os.MkdirAll(filepath.Join(src, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for path, text := range map[string]string{
		"zh/a.txt": "\x00\x01binary\x00\x00\x00", "en/a.txt": "Xi meets Rahmon.\n",
		"zh/b.txt": "", "en/b.txt": "Xi meets Rahmon.\n",
	} {
		if err := os.WriteFile(filepath.Join(src, path), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "out.tmx")
	if err := os.WriteFile(out, []byte("KEEP\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "", "align", "--batch", "-o", out, src)
	if code != ExitError || !strings.Contains(stderr, "no document could be aligned") || !strings.Contains(stderr, "a.txt") || !strings.Contains(stderr, "b.txt") {
		t.Errorf("exit %d, stderr %s; want %d naming both documents", code, stderr, ExitError)
	}
	if data, _ := os.ReadFile(out); string(data) != "KEEP\n" {
		t.Errorf("the existing output was replaced: %q", data)
	}
}

func TestBatchOutputs(t *testing.T) {
	src := genCorpus(t, 5)
	dir := t.TempDir()

	// --split-confidence: the two files share out the units.
	all, low := filepath.Join(dir, "all.tmx"), filepath.Join(dir, "penalty-30", "all.tmx")
	if err := os.MkdirAll(filepath.Dir(low), 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "", "align", "--batch", "-q", "-o", all, src)
	if code != ExitOK {
		t.Fatal(stderr)
	}
	hi := filepath.Join(dir, "hi.tmx")
	code, _, stderr = runCLI(t, "", "align", "--batch", "-q", "-o", hi, "--split-confidence", "0.9", "--split-output", low, src)
	if code != ExitOK {
		t.Fatal(stderr)
	}
	nAll, nHi, nLow := len(readTMX(t, all)), readTMX(t, hi), readTMX(t, low)
	if len(nHi)+len(nLow) != nAll || len(nLow) == 0 {
		t.Errorf("split: %d + %d units, want %d in all", len(nHi), len(nLow), nAll)
	}
	for _, u := range nHi {
		if u.Confidence < 0.9 {
			t.Errorf("unit %s of confidence %v in the main file", u.ID, u.Confidence)
		}
	}

	// Formats by extension, --out-dir, beads.
	tsv := filepath.Join(dir, "all.tsv")
	if code, _, stderr := runCLI(t, "", "align", "--batch", "-q", "-o", tsv, "--columns", "zh,en,doc,bead,confidence", src); code != ExitOK {
		t.Fatal(stderr)
	}
	data, _ := os.ReadFile(tsv)
	if lines := strings.Count(string(data), "\n"); !strings.HasPrefix(string(data), "zh\ten\tdoc\tbead\tconfidence\n") || lines != nAll+1 {
		t.Errorf("TSV: %d lines, want a header and %d units", lines, nAll)
	}
	beads := filepath.Join(dir, "beads")
	if code, _, stderr := runCLI(t, "", "align", "--batch", "-q", "--format", "beads", "--out-dir", beads, src); code != ExitOK {
		t.Fatal(stderr)
	}
	if names := leftovers(t, beads); len(names) != 5 || names[0] != "00001.txt.align" {
		t.Errorf("--out-dir beads: %v", names)
	}
	if code, _, _ := runCLI(t, "", "align", "--batch", "--format", "beads", "-o", filepath.Join(dir, "x"), src); code != ExitError {
		t.Errorf("beads to one file: exit %d, want a usage error", code)
	}

	// --zh-lang that contradicts the script: a warning, and the code is used.
	tw := filepath.Join(dir, "tw.tmx")
	code, _, stderr = runCLI(t, "", "align", "--batch", "-o", tw, "--zh-lang", "zh-TW", src)
	if code != ExitOK || !strings.Contains(stderr, "warning: --zh-lang zh-TW") {
		t.Errorf("exit %d, no warning: %s", code, stderr)
	}
	if data, _ := os.ReadFile(tw); !bytes.Contains(data, []byte(`srclang="zh-TW"`)) {
		t.Errorf("--zh-lang not used")
	}
}

// TestBatchHKMA aligns the HKMA annual report (JSON Lines, Traditional
// Chinese, paragraph-aligned) into one TMX.
func TestBatchHKMA(t *testing.T) {
	src := filepath.Join(sharedDir, "eval", "terms-dev", "hkma-2016.jsonl")
	if _, err := os.Stat(src); err != nil {
		t.Skip("../shared/eval/terms-dev is absent")
	}
	out := filepath.Join(t.TempDir(), "hkma.tmx")
	start := time.Now()
	code, _, stderr := runCLI(t, "", "align", "--batch", "-o", out, src)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	units := readTMX(t, out)
	if len(units) < 500 {
		t.Errorf("%d units", len(units))
	}
	data, _ := os.ReadFile(out)
	if !bytes.Contains(data, []byte(`srclang="zh-TW"`)) {
		t.Errorf("Traditional script not detected")
	}
	tmtest.Validate(t, tmtest.DTD("../.."), out)
	t.Logf("%.1fs\n%s", time.Since(start).Seconds(), stderr)
}

// TestBatchInterrupt sends SIGINT to a batch run (a child process running
// this test binary as bitext) once the first document is written: neither
// the output nor a temporary file is left behind.
func TestBatchInterrupt(t *testing.T) {
	if args := os.Getenv("BITEXT_TEST_ARGS"); args != "" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		code := run(ctx, append([]string{"bitext"}, strings.Split(args, "\x1f")...), os.Stdin, os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	if testing.Short() {
		t.Skip("runs a child process on 150 articles")
	}
	src := genCorpus(t, 150)
	for _, mode := range []string{"-o", "--out-dir"} {
		dir := t.TempDir()
		target := filepath.Join(dir, "out.tmx")
		if mode == "--out-dir" {
			target = filepath.Join(dir, "docs")
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestBatchInterrupt$")
		cmd.Env = append(os.Environ(), "BITEXT_TEST_ARGS="+strings.Join([]string{"align", "--batch", "-q", "-j", "1", "--no-corpus-model", mode, target, src}, "\x1f"))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Documents have been written when the temporary output file has
		// data (past the write buffers: a few documents in) with -o, when
		// the staging directory holds a file with --out-dir.
		started := func() bool {
			if mode == "-o" {
				tmp, _ := filepath.Glob(filepath.Join(dir, ".out.tmx.tmp-*"))
				if len(tmp) == 0 {
					return false
				}
				fi, err := os.Stat(tmp[0])
				return err == nil && fi.Size() > 0
			}
			staged, _ := filepath.Glob(filepath.Join(target, ".bitext-batch-*", "*"))
			return len(staged) > 0
		}
		deadline := time.Now().Add(60 * time.Second)
		for !started() {
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("%s: no document written after 60s: %s", mode, stderr.String())
			}
			time.Sleep(2 * time.Millisecond)
		}
		if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
			t.Fatal(err)
		}
		err := cmd.Wait()
		if err == nil {
			t.Fatalf("%s: the batch finished before the signal; stderr: %s", mode, stderr.String())
		}
		if !strings.Contains(stderr.String(), "interrupted") {
			t.Errorf("%s: stderr %q does not say interrupted", mode, stderr.String())
		}
		left := leftovers(t, dir)
		if mode == "--out-dir" {
			left = leftovers(t, target)
		}
		if len(left) > 0 {
			t.Errorf("%s: left behind %v", mode, left)
		}
	}
}

// TestBatchHTML: --format html (or -o FILE.html) writes one self-contained
// review report of the whole batch, one row per bead.
func TestBatchHTML(t *testing.T) {
	src := genCorpus(t, 3)
	dir := t.TempDir()
	out := filepath.Join(dir, "review.html")
	code, _, stderr := runCLI(t, "", "align", "--batch", "-q", "-o", out, src)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)<script type="application/json" id="data">(.*?)</script>`).FindSubmatch(page)
	if !bytes.HasPrefix(page, []byte("<!DOCTYPE html>")) || m == nil {
		t.Fatalf("not an HTML report: %.200s", page)
	}
	var d struct{ Rows []json.RawMessage }
	if err := json.Unmarshal(m[1], &d); err != nil {
		t.Fatal(err)
	}
	_, beads, _ := runCLI(t, "", "align", "--batch", "-q", "--format", "jsonl", "--omissions", src)
	if n := strings.Count(beads, "\n"); len(d.Rows) < n || n == 0 {
		t.Errorf("report has %d rows for %d beads", len(d.Rows), n)
	}
	for _, args := range [][]string{
		{"align", "--batch", "--format", "html", "--out-dir", dir, src},
		{"align", "--batch", "--split-confidence", "0.5", "-o", out, src},
	} {
		if code, _, _ := runCLI(t, "", args...); code != ExitError {
			t.Errorf("%v: exit %d, want %d", args, code, ExitError)
		}
	}
}

// TestBatchOutDirNames: ids that map to one file name, or hold control
// characters, each get a file of their own.
func TestBatchOutDirNames(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "c.jsonl")
	var lines []string
	for _, id := range []string{"a/b", "a_b", "x\u0000y"} {
		js, _ := json.Marshal(id)
		lines = append(lines, fmt.Sprintf(`{"id":%s,"zh":"只有一段。","en":"One paragraph only."}`, js))
	}
	if err := os.WriteFile(src, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	code, _, stderr := runCLI(t, "", "align", "--batch", "-q", "-f", "beads", "--out-dir", out, src)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := leftovers(t, out); !slices.Equal(got, []string{"a_b-2.align", "a_b.align", "x_y.align"}) {
		t.Errorf("files %q", got)
	}
}
